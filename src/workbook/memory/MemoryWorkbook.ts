import {
  CellRef,
  CellValue,
  ChartSpec,
  PrintSetup,
  SheetSpec,
  SheetStatus,
  TableData,
  TableInfo,
  TableRange,
  WorkbookPort,
  WriteOptions,
} from "../WorkbookPort";
import { assertScenarioStoreFits } from "../shared/assertScenarioStoreFits";
import { assertWritable } from "../shared/assertWritable";
import { composeBlocks } from "../shared/composeBlocks";
import { copyPrintSetup } from "../shared/copyPrintSetup";
import { detectHeaderBlock, HEADER_SCAN_ROWS } from "../shared/detectHeaderBlock";
import { fingerprintGrid } from "../shared/fingerprintGrid";
import { headerLabels } from "../shared/headerLabels";
import { headerRowTableInfo } from "../shared/headerRowTableInfo";
import { parseAddress } from "../shared/parseAddress";
import { parseOwnedSheets } from "../shared/parseOwnedSheets";
import { notOwnedSource, sheetNotFound, tableNameTaken, tableNotFound } from "../shared/portErrors";
import { quoteSheetName } from "../shared/quoteSheetName";
import { rangeAddress } from "../shared/rangeAddress";
import { OWNED_SHEETS_SETTING, SCENARIOS_SETTING } from "../shared/settingKeys";
import { sheetStatus } from "../shared/sheetStatus";
import { valuesCopyName } from "../shared/valuesCopyName";

/** One cell: its value (for a formula, the result last stored, if any) and its formula text. */
export interface MemoryCell {
  value: CellValue;
  formula: string | null;
  numberFormat?: string;
  bold?: boolean;
}

/** An Excel table in the in-memory workbook; `rows` counts the header row. */
export type MemoryTable = TableRange;

export interface MemoryWorkbookOptions {
  tables?: MemoryTable[];
  /** Workbook settings as stored (text), e.g. a scenario store under "wsf.scenarios". */
  settings?: Record<string, string>;
}

interface MemorySheet {
  name: string;
  cells: MemoryCell[][];
  columnWidths: number[];
  /** Print area, page breaks, header and footer as the last write set them; null for none. */
  print: PrintSetup | null;
}

const BLANK: MemoryCell = Object.freeze({ value: null, formula: null }) as MemoryCell;

/**
 * An in-memory `WorkbookPort` for component tests: sheets are 2-D arrays of cells (value + formula
 * text, no evaluation), with a tables registry, settings, charts, a selection and change listeners.
 * It keeps the same ownership rules as the Office adapter (the same shared fingerprint and checks):
 * sheets it writes are tagged in the `wsf.ownedSheets` setting with a fingerprint of what was written,
 * a hand edit (`setCell`) makes `inspectSheets` report `editedByHand`, and `writeSheet` refuses
 * untagged or hand-edited sheets.
 *
 * Reads behave like Excel's: a formula cell reads as its stored result when one was set
 * (`setFormulaResult`), else as its formula text; blank cells read as "".
 *
 * @example
 * const wb = MemoryWorkbook.fromSheets({ Schools: [["School", "Pupils"], ["Lincoln", 420]] });
 * await wb.listTables(); // [{ id: "Schools!A1:B2", kind: "headerRow", headers: ["School", "Pupils"], ... }]
 */
export class MemoryWorkbook implements WorkbookPort {
  /** Charts created through the port, in creation order (a replaced chart keeps its place). */
  readonly charts: ChartSpec[] = [];
  /** The cell last selected through `selectCell`. */
  selection: CellRef | null = null;
  /** The sheet in front (after `selectCell` or a write with `activate`). */
  activeSheet: string | null = null;
  readonly tables: MemoryTable[];
  readonly settings: Map<string, string>;
  private readonly sheets = new Map<string, MemorySheet>();
  private readonly listeners = new Map<string, Set<() => void>>();

  constructor(options: MemoryWorkbookOptions = {}) {
    this.tables = [...(options.tables ?? [])];
    this.settings = new Map(Object.entries(options.settings ?? {}));
  }

  /**
   * A workbook holding the given sheets (rows of cell values; text starting with "=" is a formula) and
   * tables. Sheets keep the order of the object's keys.
   */
  static fromSheets(sheets: Record<string, CellValue[][]>, options: MemoryWorkbookOptions = {}): MemoryWorkbook {
    const wb = new MemoryWorkbook(options);
    for (const [name, rows] of Object.entries(sheets)) {
      const sheet = wb.addSheet(name);
      rows.forEach((row, r) => row.forEach((value, c) => setCellContent(sheet, r, c, value)));
    }
    for (const table of wb.tables) {
      if (!wb.sheets.has(table.sheet)) throw new Error(`table ${table.name} is on a missing sheet ${table.sheet}`);
    }
    return wb;
  }

  /** Sheet names in workbook order. */
  sheetNames(): string[] {
    return [...this.sheets.keys()];
  }

  /** The cell at (row, column), blank when never written. @throws PortError NOT_FOUND for a missing sheet. */
  getCell(sheet: string, row: number, column: number): MemoryCell {
    return this.requireSheet(sheet).cells[row]?.[column] ?? BLANK;
  }

  /**
   * A person typing into a cell: text starting with "=" becomes a formula, anything else a value;
   * change listeners of the sheet are called afterwards.
   */
  setCell(sheet: string, row: number, column: number, value: CellValue): void {
    setCellContent(this.requireSheet(sheet), row, column, value);
    for (const listener of [...(this.listeners.get(sheet) ?? [])]) listener();
  }

  /** Stores the computed result of a formula cell (what Excel's recalculation would produce); no event. */
  setFormulaResult(sheet: string, row: number, column: number, value: CellValue): void {
    const cell = this.requireSheet(sheet).cells[row]?.[column];
    if (!cell || cell.formula === null) throw new Error(`${sheet} ${rangeAddress(row, column)} holds no formula`);
    cell.value = value;
  }

  /** Removes a sheet, as a person deleting it would (its tables and charts go with it). */
  deleteSheet(name: string): void {
    this.requireSheet(name);
    this.sheets.delete(name);
    this.tables.splice(0, this.tables.length, ...this.tables.filter((t) => t.sheet !== name));
    this.charts.splice(0, this.charts.length, ...this.charts.filter((c) => c.sheet !== name));
  }

  async listTables(): Promise<TableInfo[]> {
    const infos: TableInfo[] = this.tables.map((t) => this.tableInfo(t));
    for (const sheet of this.sheets.values()) {
      if (this.tables.some((t) => t.sheet === sheet.name)) continue;
      const used = usedBounds(sheet);
      if (!used) continue;
      const scanRows = Math.min(used.rows, HEADER_SCAN_ROWS + 1);
      const top = readGrid(sheet, used.row, used.column, scanRows, used.columns, "values");
      const header = detectHeaderBlock(top, used.row, used.column);
      if (header) infos.push(headerRowTableInfo(sheet.name, header, used.row + used.rows - 1));
    }
    return infos;
  }

  async readTable(id: string): Promise<TableData> {
    const table = this.tables.find((t) => t.name === id);
    if (table) {
      const sheet = this.requireSheet(table.sheet);
      const rows = readGrid(sheet, table.row + 1, table.column, table.rows - 1, table.columns, "values");
      return { info: this.tableInfo(table), rows, firstRow: table.row + 1, firstColumn: table.column };
    }
    const place = parseAddress(id);
    if (!place || place.sheet === null || !this.sheets.has(place.sheet)) throw tableNotFound(id);
    const sheet = this.requireSheet(place.sheet);
    const grid = readGrid(sheet, place.row, place.column, place.rows, place.columns, "values");
    const info: TableInfo = {
      id,
      label: `${place.sheet} (${rangeAddress(place.row, place.column, place.rows, place.columns)})`,
      kind: "headerRow",
      sheet: place.sheet,
      address: `${quoteSheetName(place.sheet)}!${rangeAddress(place.row, place.column, place.rows, place.columns)}`,
      headers: headerLabels(grid[0], place.column),
      rowCount: place.rows - 1,
    };
    return { info, rows: grid.slice(1), firstRow: place.row + 1, firstColumn: place.column };
  }

  async inspectSheets(names: string[]): Promise<SheetStatus[]> {
    const owned = this.ownedSheets();
    return names.map((name) => this.statusOf(name, owned));
  }

  async writeSheet(spec: SheetSpec, options: WriteOptions = {}): Promise<void> {
    const owned = this.ownedSheets();
    assertWritable(this.statusOf(spec.name, owned), options);
    if (spec.table) this.assertTableNameFree(spec.table.name, spec.name);
    const sheet = this.sheets.get(spec.name) ?? this.addSheet(spec.name);
    sheet.cells = [];
    sheet.columnWidths = [...(spec.columnWidths ?? [])];
    sheet.print = spec.print ? copyPrintSetup(spec.print) : null;
    this.tables.splice(0, this.tables.length, ...this.tables.filter((t) => t.sheet !== spec.name));
    for (const block of spec.blocks) {
      block.values.forEach((row, r) =>
        row.forEach((value, c) => {
          const cell = setCellContent(sheet, block.row + r, block.column + c, value);
          const isHeader = block.headerRow === true && r === 0;
          const format = block.numberFormats?.[c];
          if (format && !isHeader) cell.numberFormat = format;
          if (isHeader) cell.bold = true;
        }),
      );
    }
    if (spec.table) this.tables.push({ ...spec.table, sheet: spec.name });
    const written = composeBlocks(spec.blocks);
    owned[spec.name] = fingerprintGrid(written.values, written.row, written.column);
    this.settings.set(OWNED_SHEETS_SETTING, JSON.stringify(owned));
    if (spec.activate) this.activeSheet = spec.name;
  }

  /** The print setup the last write gave the sheet (print area, page breaks, header, footer); null for none. */
  printSetup(name: string): PrintSetup | null {
    const sheet = this.sheets.get(name);
    if (!sheet) throw sheetNotFound(name);
    return sheet.print ? copyPrintSetup(sheet.print) : null;
  }

  async readSheet(name: string): Promise<{ values: CellValue[][]; formulas: CellValue[][] }> {
    const sheet = this.sheets.get(name);
    if (!sheet) throw sheetNotFound(name);
    const used = usedBounds(sheet);
    if (!used) return { values: [], formulas: [] };
    const rows = used.row + used.rows;
    const columns = used.column + used.columns;
    return { values: readGrid(sheet, 0, 0, rows, columns, "values"), formulas: readGrid(sheet, 0, 0, rows, columns, "formulas") };
  }

  async createChart(spec: ChartSpec): Promise<void> {
    const owned = this.ownedSheets();
    const status = this.statusOf(spec.sheet, owned);
    if (!status.exists) throw sheetNotFound(spec.sheet);
    if (!status.owned) assertWritable(status);
    if (!this.sheets.has(spec.dataSheet)) throw sheetNotFound(spec.dataSheet);
    const copy: ChartSpec = { ...spec, data: { ...spec.data }, position: { ...spec.position } };
    const existing = this.charts.findIndex((c) => c.sheet === spec.sheet && c.name === spec.name);
    if (existing >= 0) this.charts[existing] = copy;
    else this.charts.push(copy);
  }

  async selectCell(ref: CellRef): Promise<void> {
    if (!this.sheets.has(ref.sheet)) throw sheetNotFound(ref.sheet);
    this.selection = { ...ref };
    this.activeSheet = ref.sheet;
  }

  async readScenarioStore(): Promise<string | null> {
    return this.settings.get(SCENARIOS_SETTING) ?? null;
  }

  async writeScenarioStore(json: string): Promise<void> {
    assertScenarioStoreFits(json);
    this.settings.set(SCENARIOS_SETTING, json);
  }

  async exportValuesOnly(sheets: string[]): Promise<string[]> {
    const owned = this.ownedSheets();
    const plan = sheets.map((name) => {
      const status = this.statusOf(name, owned);
      if (!status.exists) throw sheetNotFound(name);
      if (!status.owned) throw notOwnedSource(name);
      const target = valuesCopyName(name);
      assertWritable(this.statusOf(target, owned));
      return { source: this.requireSheet(name), target };
    });
    for (const { source, target } of plan) {
      const copy = this.sheets.get(target) ?? this.addSheet(target);
      const used = usedBounds(source);
      const values = used ? readGrid(source, 0, 0, used.row + used.rows, used.column + used.columns, "values") : [];
      copy.cells = values.map((row, r) =>
        row.map((value, c) => ({ value: value === "" ? null : value, formula: null, numberFormat: source.cells[r]?.[c]?.numberFormat })),
      );
      copy.columnWidths = [...source.columnWidths];
      owned[target] = fingerprintGrid(values, 0, 0);
    }
    this.settings.set(OWNED_SHEETS_SETTING, JSON.stringify(owned));
    return plan.map((p) => p.target);
  }

  async onChange(sheet: string, listener: () => void): Promise<() => void> {
    const set = this.listeners.get(sheet) ?? new Set<() => void>();
    this.listeners.set(sheet, set);
    // A wrapper, so the same function subscribed twice gets two independent subscriptions.
    const subscription = (): void => listener();
    set.add(subscription);
    return () => {
      set.delete(subscription);
    };
  }

  private addSheet(name: string): MemorySheet {
    if (this.sheets.has(name)) throw new Error(`sheet ${name} already exists`);
    const sheet: MemorySheet = { name, cells: [], columnWidths: [], print: null };
    this.sheets.set(name, sheet);
    return sheet;
  }

  private requireSheet(name: string): MemorySheet {
    const sheet = this.sheets.get(name);
    if (!sheet) throw sheetNotFound(name);
    return sheet;
  }

  private ownedSheets(): Record<string, string> {
    return parseOwnedSheets(this.settings.get(OWNED_SHEETS_SETTING) ?? null);
  }

  private statusOf(name: string, owned: Record<string, string>): SheetStatus {
    const sheet = this.sheets.get(name);
    if (!sheet) return sheetStatus(name, false, owned[name], undefined);
    const used = usedBounds(sheet);
    const current = used
      ? fingerprintGrid(readGrid(sheet, used.row, used.column, used.rows, used.columns, "formulas"), used.row, used.column)
      : fingerprintGrid([]);
    return sheetStatus(name, true, owned[name], current);
  }

  private tableInfo(table: MemoryTable): TableInfo {
    const sheet = this.requireSheet(table.sheet);
    const header = readGrid(sheet, table.row, table.column, 1, table.columns, "values")[0];
    return {
      id: table.name,
      label: table.name,
      kind: "table",
      sheet: table.sheet,
      address: `${quoteSheetName(table.sheet)}!${rangeAddress(table.row, table.column, table.rows, table.columns)}`,
      headers: headerLabels(header, table.column),
      rowCount: table.rows - 1,
    };
  }

  private assertTableNameFree(name: string, sheet: string): void {
    const clash = this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase() && t.sheet !== sheet);
    if (clash) throw tableNameTaken(clash.name, clash.sheet);
  }
}

function setCellContent(sheet: MemorySheet, row: number, column: number, value: CellValue): MemoryCell {
  while (sheet.cells.length <= row) sheet.cells.push([]);
  const cells = sheet.cells[row];
  while (cells.length <= column) cells.push({ value: null, formula: null });
  const isFormula = typeof value === "string" && value.startsWith("=");
  const cell: MemoryCell = isFormula ? { value: null, formula: value } : { value: value === "" ? null : value, formula: null };
  cells[column] = cell;
  return cell;
}

/** The bounding box of non-blank cells, or null for an empty sheet (Excel's used range, values only). */
function usedBounds(sheet: MemorySheet): { row: number; column: number; rows: number; columns: number } | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  sheet.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell.formula === null && (cell.value === null || cell.value === "")) return;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }),
  );
  if (bottom < 0) return null;
  return { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
}

/** A rectangle of cells read as Excel reads them: "values" (results, else formula text) or "formulas". */
function readGrid(sheet: MemorySheet, row: number, column: number, rows: number, columns: number, what: "values" | "formulas"): CellValue[][] {
  const grid: CellValue[][] = [];
  for (let r = 0; r < rows; r++) {
    const out = new Array<CellValue>(columns);
    const source = sheet.cells[row + r];
    for (let c = 0; c < columns; c++) {
      const cell = source?.[column + c];
      if (!cell) out[c] = "";
      else if (what === "formulas") out[c] = cell.formula ?? cell.value ?? "";
      else out[c] = cell.value ?? cell.formula ?? "";
    }
    grid.push(out);
  }
  return grid;
}
