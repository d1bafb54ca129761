/**
 * What the task pane needs from a workbook, and nothing more. Two adapters implement it:
 * - `office/OfficeWorkbook` (Excel, through `Excel.run`; the only code that touches the Excel API);
 * - `local/` adapters (in-memory for component tests, HyperFormula for the playground).
 *
 * Rules every adapter keeps:
 * - one round trip per method call (one `Excel.run`, a constant number of `context.sync()` calls whatever
 *   the number of rows), whole-range reads and writes, chunked under Excel on the web's 5 MB request limit;
 * - it never writes outside sheets it created: every sheet it creates is tagged as the add-in's, and
 *   `writeSheet` refuses an untagged sheet with an existing name (`PortError` code `NOT_OWNED`);
 * - it remembers a fingerprint of what it last wrote to each owned sheet, so `inspectSheet` can tell the
 *   task pane that a person edited it by hand, and `writeSheet` refuses to replace such edits unless
 *   `overwriteHandEdits` is set (code `EDITED_BY_HAND`).
 *
 * Cell coordinates are 0-based (row, column) within a sheet. A string that starts with "=" in a written
 * block is a formula; every other value is written as a value.
 */

export type CellValue = string | number | boolean | null;

/** A table of data the person may pick: a real Excel table, or a block under a detected header row. */
export interface TableInfo {
  /** Stable id to pass back to `readTable` (table name, or `Sheet!A1:F900` for a header-row block). */
  id: string;
  /** What to show the person: the table name or "Sheet1 (A1:F900)". */
  label: string;
  kind: "table" | "headerRow";
  sheet: string;
  /** A1 address of the whole table including its header row, e.g. `Schools!A1:H851`. */
  address: string;
  headers: string[];
  /** Data rows, header excluded. */
  rowCount: number;
}

/** A table's contents: headers plus data rows as values, and where the first data cell sits. */
export interface TableData {
  info: TableInfo;
  rows: CellValue[][];
  /** 0-based sheet row and column of the first data cell (below the header). */
  firstRow: number;
  firstColumn: number;
}

/** A rectangular block to write, top-left at (row, column). */
export interface Block {
  row: number;
  column: number;
  values: CellValue[][];
  /** Optional number format per column of the block, e.g. "$#,##0", "0.0%"; null leaves it alone. */
  numberFormats?: (string | null)[];
  /** Bold the first row of the block (a header). */
  headerRow?: boolean;
}

/** Where a named table sits: 0-based top-left cell of its header row, and its size with the header row. */
export interface TableRange {
  name: string;
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** One line of a printed page's header or footer, in Excel's codes (&P page number, &N number of pages). */
export interface PrintHeaderFooter {
  left: string;
  center: string;
  right: string;
}

/**
 * How a sheet prints (Excel's Page Layout): the print area, manual page breaks, the header and footer of
 * every page, the orientation, and whether each page is scaled to one page wide.
 */
export interface PrintSetup {
  /** 0-based print area (inclusive of its first row and column). */
  area: { row: number; column: number; rows: number; columns: number };
  /** 0-based sheet rows that start a new page (a manual page break above each); the first page needs none. */
  pageBreaks: number[];
  header: PrintHeaderFooter;
  footer: PrintHeaderFooter;
  orientation: "portrait" | "landscape";
  fitToOnePageWide: boolean;
}

/** A sheet the add-in owns and (re)writes whole. */
export interface SheetSpec {
  name: string;
  blocks: Block[];
  /** Optionally make a native Excel table of a block range (header row included). */
  table?: { name: string; row: number; column: number; rows: number; columns: number };
  /** Column widths in characters, from column 0. */
  columnWidths?: number[];
  /** Bring the sheet to the front after writing. */
  activate?: boolean;
  /** Print area, page breaks, header and footer (a rewrite without it clears the earlier setup). */
  print?: PrintSetup;
}

export interface WriteOptions {
  /** Replace an owned sheet even if a person changed it since the add-in last wrote it. */
  overwriteHandEdits?: boolean;
}

/** The state of a sheet name before the task pane writes to it. */
export interface SheetStatus {
  name: string;
  exists: boolean;
  /** Created and tagged by the add-in. */
  owned: boolean;
  /** Owned, and its cells differ from what the add-in last wrote. */
  editedByHand: boolean;
}

export interface ChartSpec {
  /** Sheet (owned by the add-in) the chart is placed on, and the sheet holding its data. */
  sheet: string;
  dataSheet: string;
  /** Stable name so re-applying replaces the chart instead of stacking a copy. */
  name: string;
  type: "columnClustered" | "xyScatter" | "line" | "xyScatterLines";
  title: string;
  /**
   * 0-based data block on `dataSheet`, header row included: its first row holds the column headers (the
   * series names), the rows below it the points; the first column is the x axis / categories, each further
   * column a series.
   */
  data: { row: number; column: number; rows: number; columns: number };
  /** Series that get a linear trendline (index into the series columns, 0 = first series). */
  trendlineSeries?: number[];
  xAxisTitle?: string;
  yAxisTitle?: string;
  /** Excel number formats of the axes' labels, e.g. "0%" for a poverty share, "$#,##0" for dollars. */
  xAxisNumberFormat?: string;
  yAxisNumberFormat?: string;
  /** Label every point of every series with its value in this number format (e.g. "$#,##0"). */
  dataLabelsNumberFormat?: string;
  /** Show the legend (series names from the header row) below the chart. */
  legend?: boolean;
  /** Placement in cells on `sheet`. */
  position: { row: number; column: number; rows: number; columns: number };
}

export interface CellRef {
  sheet: string;
  row: number;
  column: number;
}

export type PortErrorCode = "NOT_OWNED" | "EDITED_BY_HAND" | "NOT_FOUND" | "TOO_LARGE" | "HOST";

/** A failure the task pane shows in its message bar; `message` says what happened and what to do. */
export class PortError extends Error {
  readonly code: PortErrorCode;
  constructor(code: PortErrorCode, message: string) {
    super(message);
    this.name = "PortError";
    this.code = code;
  }
}

export interface WorkbookPort {
  /** Excel tables, plus blocks under a detected header row on sheets without tables. */
  listTables(): Promise<TableInfo[]>;
  readTable(id: string): Promise<TableData>;
  /** Status of sheet names the add-in is about to write. */
  inspectSheets(names: string[]): Promise<SheetStatus[]>;
  /** Creates or rewrites an owned sheet (cleared first); throws PortError NOT_OWNED / EDITED_BY_HAND. */
  writeSheet(spec: SheetSpec, options?: WriteOptions): Promise<void>;
  /** Reads an owned sheet's used range: values (computed) and formulas. */
  readSheet(name: string): Promise<{ values: CellValue[][]; formulas: CellValue[][] }>;
  /** Creates or replaces (by name) a native chart on an owned sheet. */
  createChart(spec: ChartSpec): Promise<void>;
  /** Selects a cell and brings its sheet to the front (clickable data problems). */
  selectCell(ref: CellRef): Promise<void>;
  /** The scenario store as saved in the workbook (travels with the file); null when none. */
  readScenarioStore(): Promise<string | null>;
  writeScenarioStore(json: string): Promise<void>;
  /** Writes a values-only copy of owned sheets as new owned sheets named `<name> (values)`. */
  exportValuesOnly(sheets: string[]): Promise<string[]>;
  /** Calls `listener` after a person changes cells in `sheet`; returns an unsubscribe function. */
  onChange(sheet: string, listener: () => void): Promise<() => void>;
}
