import { DetailedCellError, HyperFormula, type RawCellContent, type SimpleCellAddress } from "hyperformula";
import {
  PortError,
  type CellRef,
  type CellValue,
  type ChartSpec,
  type PrintSetup,
  type SheetSpec,
  type SheetStatus,
  type TableData,
  type TableInfo,
  type TableRange,
  type WorkbookPort,
  type WriteOptions,
} from "../WorkbookPort";
import { assertScenarioStoreFits } from "../shared/assertScenarioStoreFits";
import { assertWritable } from "../shared/assertWritable";
import { composeBlocks } from "../shared/composeBlocks";
import { copyPrintSetup } from "../shared/copyPrintSetup";
import { detectHeaderBlock } from "../shared/detectHeaderBlock";
import { fingerprintGrid } from "../shared/fingerprintGrid";
import { headerRowTableInfo } from "../shared/headerRowTableInfo";
import { parseAddress } from "../shared/parseAddress";
import { quoteSheetName } from "../shared/quoteSheetName";
import { rangeAddress } from "../shared/rangeAddress";
import { sheetStatus } from "../shared/sheetStatus";
import { shiftSpan } from "../shared/shiftSpan";
import { valuesCopyName } from "../shared/valuesCopyName";
import { parseErrorInWords } from "./parseErrorInWords";

const SPILL_MESSAGE = "This cell is part of a spilled result; edit the formula in its top-left cell.";

/** One edit of the person: HyperFormula undo steps it took, the sheets it changed, tables and looks around it. */
interface UserStep {
  steps: number;
  sheets: string[];
  before?: Layout;
  after?: Layout;
}
interface Layout {
  tables: Map<string, LocalTable>;
  looks: Map<string, SheetLook>;
}

/** A named table: a rectangle on a sheet whose first row is the header. */
export type LocalTable = TableRange;

/** What the grid shows for one cell: its computed value, and the error message when it is an error. */
export interface DisplayCell {
  value: CellValue;
  /** Formula text (with "="), when the cell holds one. */
  formula?: string;
  /** For an error value: the message (e.g. `WSF.GINI: pupils row 12 is "n/a", expected a number`). */
  errorMessage?: string;
  /** Part of a spilled array but not its top-left cell. */
  spilled?: boolean;
}

/** Number formats, header rows and widths the add-in asked for; the grid uses them to draw cells. */
export interface SheetLook {
  /** Number format per column, for rows `fromRow`..`toRow` (inclusive), from the blocks written. */
  formats: { column: number; fromRow: number; toRow: number; format: string }[];
  boldRows: Set<number>;
  columnWidths: number[];
}

/** `exportMeta()`: everything but the cells, as plain JSON (Sets become arrays). */
export interface WorkbookMeta {
  owned: Record<string, string>;
  tables: LocalTable[];
  charts: ChartSpec[];
  looks: Record<string, { formats: SheetLook["formats"]; boldRows: number[]; columnWidths: number[] }>;
  active: string | null;
}

/**
 * HyperFormula methods that change neither cells nor sheets: getters, checks, address conversions, event
 * listeners. Every other public method is taken to change the workbook (see `trackContentChanges`).
 */
const READ_ONLY_HYPERFORMULA = /^(get|is|does|calculateFormula$|validateFormula$|normalizeFormula$|numberTo|simpleCellAddress|simpleCellRange|listNamedExpressions$|on$|off$|once$|countSheets$)/;
/** HyperFormula's own helpers that its getters call (a getter calling one must not count as a change). */
const HYPERFORMULA_INTERNALS = new Set(["ensureEvaluationIsNotSuspended", "ensureCapability", "extractTemporaryFormula", "compactLazyTransformationsIfNeeded", "recomputeIfDependencyGraphNeedsIt"]);

/** The scenario store lives on this sheet (cell A1, as text), hidden from the tabs, so it moves with the workbook. */
export const SCENARIO_SHEET = "WSF_Scenarios";

/**
 * Config shared by every HyperFormula instance of the playground. `precisionRounding` 15 shows numbers to
 * Excel's 15 significant digits (HyperFormula's default 10 would hide cents on a billion-dollar pool).
 */
export const hyperFormulaConfig = { licenseKey: "gpl-v3", useArrayArithmetic: true, precisionRounding: 15, maxRows: 100_000, maxColumns: 1_000 } as const;

function errorText(value: DetailedCellError): string {
  return value.value;
}

function toCellValue(value: unknown): CellValue {
  if (value instanceof DetailedCellError) return errorText(value);
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** A value the add-in writes: formulas stay strings starting with "="; text that would parse as a number stays text. */
function toRawContent(value: CellValue): RawCellContent {
  if (value === null || value === "") return null;
  if (typeof value === "string" && !value.startsWith("=") && /^\s*[-+$]?[\d.,]+%?\s*$|^\s*'/.test(value)) return `'${value}`;
  return value;
}

/** Reads what a person typed into a cell the way a spreadsheet does: formula, number, TRUE/FALSE, or text. */
export function parseTypedInput(text: string): RawCellContent {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (trimmed.startsWith("=")) return trimmed;
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toUpperCase() === "TRUE";
  const numeric = trimmed.replace(/[$,]/g, "");
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?$/i.test(numeric)) {
    const percent = numeric.endsWith("%");
    const n = Number(percent ? numeric.slice(0, -1) : numeric);
    if (Number.isFinite(n)) return percent ? n / 100 : n;
  }
  return `'${text}`;
}

/**
 * The playground's workbook: a `WorkbookPort` over a HyperFormula instance, so the task pane runs unchanged
 * in a browser and WSF formulas it writes evaluate in the cells (the WSF functions are registered in
 * HyperFormula beforehand, see src/playground/wsfFunctions.ts).
 *
 * It keeps the rules of every adapter: sheets it creates are owned; it refuses to write a sheet it does not
 * own (NOT_OWNED) or one a person edited since its last write (EDITED_BY_HAND) unless told to; a fingerprint
 * of each owned sheet's contents (formulas and constants) tells the two apart. Charts are kept as specs for
 * the grid to draw. A person's edits go through `setCellByUser`, which fires `onChange` listeners.
 *
 * Beyond the port, it offers what the grid needs: sheet names, cell display values, formulas, selection, and
 * `subscribe` for re-rendering after any change.
 */
export class HyperFormulaWorkbook implements WorkbookPort {
  readonly hf: HyperFormula;
  private readonly fingerprints = new Map<string, string>();
  private readonly tables = new Map<string, LocalTable>();
  private readonly charts = new Map<string, ChartSpec>();
  private readonly looks = new Map<string, SheetLook>();
  private readonly prints = new Map<string, PrintSetup>();
  private readonly changeListeners = new Map<string, Set<() => void>>();
  private readonly viewListeners = new Set<() => void>();
  private active: string | null = null;
  private selected: { row: number; column: number } = { row: 0, column: 0 };
  private version = 0;

  /** Bumped around every HyperFormula call that can change cells or sheets (`trackContentChanges`). */
  private contentVersion = 0;
  /** Fingerprints computed at a `contentVersion`: valid while no call has changed anything since. */
  private readonly fingerprintCache = new Map<string, { version: number; fingerprint: string }>();

  constructor(hf?: HyperFormula) {
    this.hf = hf ?? HyperFormula.buildEmpty({ ...hyperFormulaConfig });
    this.trackContentChanges();
    this.hf.on("valuesUpdated", () => this.notifyView());
  }

  // ---- the grid's view of the workbook -------------------------------------------------------------

  /** Sheets to show as tabs, in creation order (the scenario store stays hidden). */
  visibleSheets(): string[] {
    return this.hf.getSheetNames().filter((name) => name !== SCENARIO_SHEET);
  }

  get activeSheet(): string | null {
    if (this.active && this.hf.doesSheetExist(this.active)) return this.active;
    return this.visibleSheets()[0] ?? null;
  }

  activate(sheet: string): void {
    if (!this.hf.doesSheetExist(sheet)) throw new PortError("NOT_FOUND", `There is no sheet "${sheet}".`);
    if (this.active !== sheet) {
      this.active = sheet;
      this.selected = { row: 0, column: 0 };
    }
    this.notifyView();
  }

  get selection(): CellRef | null {
    const sheet = this.activeSheet;
    return sheet ? { sheet, ...this.selected } : null;
  }

  select(row: number, column: number): void {
    this.selected = { row: Math.max(0, row), column: Math.max(0, column) };
    this.notifyView();
  }

  /** Rows and columns in use on a sheet (0 x 0 for an empty sheet). */
  dimensions(sheet: string): { rows: number; columns: number } {
    const id = this.sheetId(sheet);
    const { height, width } = this.hf.getSheetDimensions(id);
    return { rows: height, columns: width };
  }

  cell(sheet: string, row: number, column: number): DisplayCell {
    const address = { sheet: this.sheetId(sheet), row, col: column };
    const raw = this.hf.getCellValue(address);
    const out: DisplayCell = { value: toCellValue(raw) };
    if (this.hf.doesCellHaveFormula(address)) out.formula = this.hf.getCellFormula(address);
    if (raw instanceof DetailedCellError) out.errorMessage = parseErrorInWords(raw.message, out.formula ?? this.hf.getCellSerialized(address));
    else if (this.hf.isCellPartOfArray(address)) out.spilled = true;
    return out;
  }

  look(sheet: string): SheetLook {
    return this.looks.get(sheet) ?? { formats: [], boldRows: new Set(), columnWidths: [] };
  }

  /** Charts placed on a sheet, in creation order. */
  chartsOn(sheet: string): ChartSpec[] {
    return [...this.charts.values()].filter((c) => c.sheet === sheet);
  }

  /** A chart's data block as computed values (first column: categories or x). */
  chartData(spec: ChartSpec): CellValue[][] {
    const id = this.sheetId(spec.dataSheet);
    const { row, column, rows, columns } = spec.data;
    return this.hf
      .getRangeValues({ start: { sheet: id, row, col: column }, end: { sheet: id, row: row + rows - 1, col: column + columns - 1 } })
      .map((line) => line.map(toCellValue));
  }

  /**
   * A person typed into a cell: a formula, a number, TRUE/FALSE or text. Fires the sheet's `onChange`
   * listeners. Returns the error message when HyperFormula cannot take the input (e.g. a cell inside a spill).
   */
  setCellByUser(sheet: string, row: number, column: number, text: string): string | null {
    const address: SimpleCellAddress = { sheet: this.sheetId(sheet), row, col: column };
    if (!this.hf.isItPossibleToSetCellContents(address)) {
      return "This cell is part of a spilled result; edit the formula in its top-left cell.";
    }
    this.hf.setCellContents(address, [[parseTypedInput(text)]]);
    this.userEdited({ steps: 1, sheets: [sheet] });
    return null;
  }

  /**
   * A person adds a sheet of their own ("Sheet1", "Sheet2", ...): not the add-in's, so the add-in will never
   * write to it. Brings it to the front and returns its name.
   */
  addUserSheet(): string {
    let n = 1;
    while (this.hf.doesSheetExist(`Sheet${n}`)) n++;
    const name = this.hf.addSheet(`Sheet${n}`);
    this.forgetUndo();
    this.activate(name);
    return name;
  }

  /** Registers a grid re-render; returns the unsubscribe function (for React's useSyncExternalStore). */
  subscribe(listener: () => void): () => void {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  }

  /** Changes on every write, edit, selection or chart, so a React store snapshot can compare it. */
  getVersion(): number {
    return this.version;
  }

  /** Registered tables (for tests and the playground's own checks). */
  tableNamed(name: string): LocalTable | undefined {
    return this.tables.get(name.toLowerCase());
  }

  // ---- WorkbookPort ----------------------------------------------------------------------------------

  async listTables(): Promise<TableInfo[]> {
    const found: TableInfo[] = [];
    const sheetsWithTables = new Set<string>();
    for (const table of this.tables.values()) {
      if (!this.hf.doesSheetExist(table.sheet)) continue;
      sheetsWithTables.add(table.sheet);
      found.push(this.tableInfo(table));
    }
    for (const sheet of this.visibleSheets()) {
      if (sheetsWithTables.has(sheet)) continue;
      const values = this.hf.getSheetValues(this.sheetId(sheet)).map((line) => line.map(toCellValue));
      const header = detectHeaderBlock(values);
      if (header) found.push(headerRowTableInfo(sheet, header, values.length - 1));
    }
    return found;
  }

  async readTable(id: string): Promise<TableData> {
    const table = this.tables.get(id.toLowerCase()) ?? this.tableFromAddress(id);
    if (!table || !this.hf.doesSheetExist(table.sheet)) {
      throw new PortError("NOT_FOUND", `The table "${id}" is no longer in the workbook; pick a table again.`);
    }
    const sheetId = this.sheetId(table.sheet);
    const values = this.hf
      .getRangeValues({
        start: { sheet: sheetId, row: table.row, col: table.column },
        end: { sheet: sheetId, row: table.row + table.rows - 1, col: table.column + table.columns - 1 },
      })
      .map((line) => line.map(toCellValue));
    const info = this.tableInfo(table, values[0]);
    return { info, rows: values.slice(1), firstRow: table.row + 1, firstColumn: table.column };
  }

  async inspectSheets(names: string[]): Promise<SheetStatus[]> {
    return names.map((name) => this.status(name));
  }

  /**
   * A new workbook holding the add-in's sheets `specs`, as if written one after the other with `writeSheet`
   * (the same cells, ownership, tables, looks and active sheet), built by HyperFormula in one call: no undo
   * history or change list is kept for cells that were never there before, which at 10,000 schools is about a
   * third of the time of writing the sample district (scripts/bench-playground.mjs). Names must differ.
   */
  static build(specs: readonly SheetSpec[]): HyperFormulaWorkbook {
    const contents = new Map<string, RawCellContent[][]>();
    for (const spec of specs) {
      if (contents.has(spec.name)) throw new Error(`HyperFormulaWorkbook.build: the sheet "${spec.name}" is given twice.`);
      contents.set(spec.name, HyperFormulaWorkbook.sheetContent(spec));
    }
    // buildFromSheets takes the sheets as an object, whose integer-like keys ("2024") would come first: such
    // names are added afterwards, in order, as writeSheet would.
    const indexLike = (name: string) => /^(0|[1-9]\d*)$/.test(name);
    const first: Record<string, RawCellContent[][]> = {};
    let i = 0;
    for (; i < specs.length && !indexLike(specs[i].name); i++) first[specs[i].name] = contents.get(specs[i].name) as RawCellContent[][];
    const workbook = new HyperFormulaWorkbook(HyperFormula.buildFromSheets(first, { ...hyperFormulaConfig }));
    for (const spec of specs.slice(0, i)) workbook.remember(spec);
    for (const spec of specs.slice(i)) workbook.writeNow(spec, contents.get(spec.name) as RawCellContent[][]);
    // The sheet writeSheet would have left active: the last one asking to be, else the first written.
    workbook.active = specs.reduce<string | null>((active, spec) => (spec.activate || active === null ? spec.name : active), null);
    return workbook;
  }

  /**
   * The blocks laid onto one grid (a later block over an earlier one, as writing them in order would), each
   * row without its trailing blanks: the sheet is cleared first, so they would set nothing, and HyperFormula
   * handles a blank set inside a spill by hashing the spilling formula's text for its undo record (at 10,000
   * schools, each blank under the allocation sheet's formulas in row 2 cost more than a second in all).
   */
  private static sheetContent(spec: SheetSpec): RawCellContent[][] {
    const grid = composeBlocks(spec.blocks);
    const content: RawCellContent[][] = [];
    for (let r = 0; r < grid.row; r++) content.push([]);
    for (const line of grid.values) {
      let end = line.length;
      while (end > 0 && toRawContent(line[end - 1]) === null) end--;
      const row: RawCellContent[] = end > 0 ? new Array<RawCellContent>(grid.column).fill(null) : [];
      for (let c = 0; c < end; c++) row.push(toRawContent(line[c]));
      content.push(row);
    }
    return content;
  }

  async writeSheet(spec: SheetSpec, options: WriteOptions = {}): Promise<void> {
    assertWritable(this.status(spec.name), options);
    this.writeNow(spec, HyperFormulaWorkbook.sheetContent(spec));
  }

  /**
   * Sets `content` as the sheet's whole content in one call (at 10,000 schools about half the time of clearing
   * the sheet and writing block by block), then remembers it as the add-in's.
   */
  private writeNow(spec: SheetSpec, content: RawCellContent[][]): void {
    this.hf.batch(() => {
      const id = this.hf.doesSheetExist(spec.name) ? this.sheetId(spec.name) : this.sheetId(this.hf.addSheet(spec.name));
      this.hf.setSheetContent(id, content);
    });
    this.remember(spec);
  }

  /** The add-in's record of a sheet it has just written: fingerprint, look, print setup, table, active sheet. */
  private remember(spec: SheetSpec): void {
    this.fingerprints.set(spec.name, this.fingerprint(spec.name));
    this.looks.set(spec.name, this.lookOf(spec));
    if (spec.print) this.prints.set(spec.name, copyPrintSetup(spec.print));
    else this.prints.delete(spec.name);
    for (const [key, table] of this.tables) if (table.sheet === spec.name) this.tables.delete(key);
    if (spec.table) this.tables.set(spec.table.name.toLowerCase(), { ...spec.table, sheet: spec.name });
    if (spec.activate || this.activeSheet === null) this.active = spec.name;
    this.forgetUndo();
    this.notifyView();
  }

  /** The print setup the last write gave the sheet (the playground prints its pages from it); null for none. */
  printSetup(name: string): PrintSetup | null {
    const print = this.prints.get(name);
    return print ? copyPrintSetup(print) : null;
  }

  async readSheet(name: string): Promise<{ values: CellValue[][]; formulas: CellValue[][] }> {
    const id = this.existingSheetId(name);
    const values = this.hf.getSheetValues(id).map((line) => line.map(toCellValue));
    const serialized = this.hf.getSheetSerialized(id);
    const formulas = values.map((line, r) =>
      line.map((value, c) => {
        const content = serialized[r]?.[c];
        return typeof content === "string" && content.startsWith("=") ? content : value;
      }),
    );
    return { values, formulas };
  }

  async createChart(spec: ChartSpec): Promise<void> {
    const status = this.status(spec.sheet);
    if (!status.exists) throw new PortError("NOT_FOUND", `The sheet "${spec.sheet}" for the chart "${spec.title}" does not exist.`);
    if (!status.owned) throw new PortError("NOT_OWNED", `The sheet "${spec.sheet}" is not the add-in's; the chart was not placed on it.`);
    this.existingSheetId(spec.dataSheet);
    this.charts.set(`${spec.sheet}\u0000${spec.name}`, { ...spec });
    this.notifyView();
  }

  async selectCell(ref: CellRef): Promise<void> {
    this.existingSheetId(ref.sheet);
    this.active = ref.sheet;
    this.selected = { row: ref.row, column: ref.column };
    this.notifyView();
  }

  async readScenarioStore(): Promise<string | null> {
    if (!this.hf.doesSheetExist(SCENARIO_SHEET)) return null;
    const value = this.hf.getCellValue({ sheet: this.sheetId(SCENARIO_SHEET), row: 0, col: 0 });
    return typeof value === "string" && value !== "" ? value : null;
  }

  async writeScenarioStore(json: string): Promise<void> {
    assertScenarioStoreFits(json);
    const status = this.status(SCENARIO_SHEET);
    assertWritable({ ...status, editedByHand: false });
    const id = status.exists ? this.sheetId(SCENARIO_SHEET) : this.sheetId(this.hf.addSheet(SCENARIO_SHEET));
    // The leading apostrophe keeps the JSON text as text, whatever it starts with.
    this.hf.setCellContents({ sheet: id, row: 0, col: 0 }, [[`'${json}`]]);
    this.fingerprints.set(SCENARIO_SHEET, this.fingerprint(SCENARIO_SHEET));
    this.forgetUndo();
    this.notifyView();
  }

  async exportValuesOnly(sheets: string[]): Promise<string[]> {
    const written: string[] = [];
    for (const name of sheets) {
      const source = this.status(name);
      if (!source.exists) throw new PortError("NOT_FOUND", `The sheet "${name}" does not exist, so it cannot be exported.`);
      if (!source.owned) throw new PortError("NOT_OWNED", `The sheet "${name}" is not the add-in's; only its own sheets are exported.`);
      const { values } = await this.readSheet(name);
      const target = valuesCopyName(name);
      const look = this.look(name);
      await this.writeSheet({ name: target, blocks: [{ row: 0, column: 0, values }], columnWidths: look.columnWidths });
      this.looks.set(target, { ...look, boldRows: new Set(look.boldRows) });
      written.push(target);
    }
    return written;
  }

  async onChange(sheet: string, listener: () => void): Promise<() => void> {
    let listeners = this.changeListeners.get(sheet);
    if (!listeners) {
      listeners = new Set();
      this.changeListeners.set(sheet, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }

  // ---- a person's edits beyond one cell (the grid): blocks, fill, rows and columns, undo and redo --------
  // Each fires the edited sheets' `onChange` listeners as `setCellByUser` does, so the task pane sees every
  // one. Undo and redo are HyperFormula's; this side keeps, per edit of the person, how many HyperFormula
  // steps it took and the tables and looks around it (rows inserted in a table grow it; undo shrinks it
  // back). A write of the add-in clears both stacks (`forgetUndo`): Ctrl+Z never undoes the add-in's work.

  private userUndo: UserStep[] = [];
  private userRedo: UserStep[] = [];

  /** Pastes or types a block of texts (rows of cells) with its top-left at row, column; ragged rows are padded with empty cells. */
  setBlockByUser(sheet: string, row: number, column: number, texts: string[][]): string | null {
    const width = Math.max(0, ...texts.map((line) => line.length));
    return this.writeBlockByUser(sheet, row, column, texts.map((line) => Array.from({ length: width }, (_, k) => parseTypedInput(line[k] ?? ""))));
  }

  /** Delete: empties the cells of a range. */
  clearByUser(sheet: string, row: number, column: number, rows: number, columns: number): string | null {
    return this.writeBlockByUser(sheet, row, column, Array.from({ length: rows }, () => new Array<RawCellContent>(columns).fill(null)));
  }

  /**
   * Pastes a range copied (or cut) in this workbook, as Excel does: formulas keep their relative references
   * to the cells around them; a cut range moves, and formulas that pointed at it follow it.
   */
  pasteRangeByUser(from: { sheet: string; row: number; column: number; rows: number; columns: number }, to: { sheet: string; row: number; column: number }, cut: boolean): string | null {
    const target = { sheet: this.sheetId(to.sheet), row: to.row, col: to.column };
    const range = this.range(from.sheet, from.row, from.column, from.rows, from.columns);
    if (!this.hf.isItPossibleToSetCellContents({ start: target, end: { sheet: target.sheet, row: to.row + from.rows - 1, col: to.column + from.columns - 1 } })) return SPILL_MESSAGE;
    try {
      if (cut) this.hf.cut(range);
      else this.hf.copy(range);
      this.hf.paste(target);
    } catch (error) {
      return `The cells could not be pasted: ${error instanceof Error ? error.message : String(error)}`;
    }
    this.userEdited({ steps: 1, sheets: [...new Set([to.sheet, ...(cut ? [from.sheet] : [])])] });
    return null;
  }

  /**
   * Ctrl+D: copies the top row of the range into the rows below it (relative references move with each
   * row); a range of one row takes the row above it.
   */
  fillDownByUser(sheet: string, row: number, column: number, rows: number, columns: number): string | null {
    const source = rows === 1 ? row - 1 : row;
    if (source < 0) return "There is no row above row 1 to fill down from.";
    const total = row + rows - source;
    if (!this.hf.isItPossibleToSetCellContents(this.range(sheet, source + 1, column, total - 1, columns))) return SPILL_MESSAGE;
    // Copying the filled rows doubles them at each step, so a long fill takes a few pastes, not one per row.
    let filled = 1;
    let steps = 0;
    while (filled < total) {
      const n = Math.min(filled, total - filled);
      this.hf.copy(this.range(sheet, source, column, n, columns));
      this.hf.paste({ sheet: this.sheetId(sheet), row: source + filled, col: column });
      filled += n;
      steps++;
    }
    this.userEdited({ steps, sheets: [sheet] });
    return null;
  }

  /** Inserts `count` empty rows before row `at` (rows) or columns before column `at`; formulas adjust as in Excel. */
  insertLinesByUser(sheet: string, axis: "rows" | "columns", at: number, count: number): string | null {
    return this.changeLinesByUser(sheet, axis, at, count, true);
  }

  /** Deletes `count` rows (or columns) from `at`; formulas that pointed into them give #REF!, as in Excel. */
  deleteLinesByUser(sheet: string, axis: "rows" | "columns", at: number, count: number): string | null {
    return this.changeLinesByUser(sheet, axis, at, count, false);
  }

  /** Ctrl+Z: undoes the person's last edit; returns a message when there is none. */
  undoByUser(): string | null {
    const step = this.userUndo.pop();
    if (!step) return "There is nothing to undo.";
    for (let k = 0; k < step.steps; k++) this.hf.undo();
    if (step.before) this.restoreLayout(step.before);
    this.userRedo.push(step);
    this.notifyEdited(step.sheets);
    return null;
  }

  /** Ctrl+Y: redoes the edit undone last; returns a message when there is none. */
  redoByUser(): string | null {
    const step = this.userRedo.pop();
    if (!step) return "There is nothing to redo.";
    for (let k = 0; k < step.steps; k++) this.hf.redo();
    if (step.after) this.restoreLayout(step.after);
    this.userUndo.push(step);
    this.notifyEdited(step.sheets);
    return null;
  }

  private writeBlockByUser(sheet: string, row: number, column: number, content: RawCellContent[][]): string | null {
    if (content.length === 0 || content[0].length === 0) return null;
    const id = this.sheetId(sheet);
    if (row + content.length > hyperFormulaConfig.maxRows || column + content[0].length > hyperFormulaConfig.maxColumns) {
      return `The ${content.length} x ${content[0].length} cells do not fit below and right of the selected cell.`;
    }
    if (!this.hf.isItPossibleToSetCellContents(this.range(sheet, row, column, content.length, content[0].length))) return SPILL_MESSAGE;
    this.hf.setCellContents({ sheet: id, row, col: column }, content);
    this.userEdited({ steps: 1, sheets: [sheet] });
    return null;
  }

  private changeLinesByUser(sheet: string, axis: "rows" | "columns", at: number, count: number, insert: boolean): string | null {
    const id = this.sheetId(sheet);
    const what = axis === "rows" ? "rows" : "columns";
    const possible =
      axis === "rows"
        ? insert
          ? this.hf.isItPossibleToAddRows(id, [at, count])
          : this.hf.isItPossibleToRemoveRows(id, [at, count])
        : insert
          ? this.hf.isItPossibleToAddColumns(id, [at, count])
          : this.hf.isItPossibleToRemoveColumns(id, [at, count]);
    if (!possible) return `The ${what} cannot be ${insert ? "inserted" : "deleted"} here: it would cut through a spilled result or go past the sheet's last ${axis === "rows" ? "row" : "column"}.`;
    const before = this.layoutOf();
    if (axis === "rows") {
      if (insert) this.hf.addRows(id, [at, count]);
      else this.hf.removeRows(id, [at, count]);
    } else if (insert) this.hf.addColumns(id, [at, count]);
    else this.hf.removeColumns(id, [at, count]);
    this.shiftLayout(sheet, axis, insert ? { at, inserted: count } : { at, deleted: count });
    this.userEdited({ steps: 1, sheets: [sheet], before, after: this.layoutOf() });
    return null;
  }

  /** Tables and looks follow inserted and deleted rows and columns, as Excel's tables and formats do. */
  private shiftLayout(sheet: string, axis: "rows" | "columns", change: { at: number; inserted?: number; deleted?: number }): void {
    for (const [key, table] of this.tables) {
      if (table.sheet !== sheet) continue;
      const span = axis === "rows" ? shiftSpan(table.row, table.rows, change) : shiftSpan(table.column, table.columns, change);
      if (!span) this.tables.delete(key);
      else if (axis === "rows") this.tables.set(key, { ...table, row: span.start, rows: span.count });
      else this.tables.set(key, { ...table, column: span.start, columns: span.count });
    }
    const look = this.looks.get(sheet);
    if (!look) return;
    const formats: SheetLook["formats"] = [];
    for (const f of look.formats) {
      if (axis === "rows") {
        const span = shiftSpan(f.fromRow, f.toRow - f.fromRow + 1, change);
        if (span) formats.push({ ...f, fromRow: span.start, toRow: span.start + span.count - 1 });
      } else {
        const span = shiftSpan(f.column, 1, change);
        if (span) formats.push({ ...f, column: span.start });
      }
    }
    const boldRows = new Set<number>();
    for (const r of look.boldRows) {
      const span = axis === "rows" ? shiftSpan(r, 1, change) : { start: r };
      if (span) boldRows.add(span.start);
    }
    const columnWidths = [...look.columnWidths];
    if (axis === "columns" && change.inserted) columnWidths.splice(change.at, 0, ...new Array<number>(change.inserted));
    if (axis === "columns" && change.deleted) columnWidths.splice(change.at, change.deleted);
    this.looks.set(sheet, { formats, boldRows, columnWidths });
  }

  private layoutOf(): Layout {
    const looks = new Map<string, SheetLook>();
    for (const [name, look] of this.looks) looks.set(name, { formats: look.formats.map((f) => ({ ...f })), boldRows: new Set(look.boldRows), columnWidths: [...look.columnWidths] });
    return { tables: new Map([...this.tables].map(([k, t]) => [k, { ...t }])), looks };
  }

  private restoreLayout(layout: Layout): void {
    const { tables, looks } = layout;
    this.tables.clear();
    for (const [k, t] of tables) this.tables.set(k, { ...t });
    this.looks.clear();
    for (const [name, look] of looks) this.looks.set(name, { formats: look.formats.map((f) => ({ ...f })), boldRows: new Set(look.boldRows), columnWidths: [...look.columnWidths] });
  }

  private range(sheet: string, row: number, column: number, rows: number, columns: number) {
    const id = this.sheetId(sheet);
    return { start: { sheet: id, row, col: column }, end: { sheet: id, row: row + rows - 1, col: column + columns - 1 } };
  }

  private userEdited(step: UserStep): void {
    this.userUndo.push(step);
    this.userRedo = [];
    this.notifyEdited(step.sheets);
  }

  private notifyEdited(sheets: string[]): void {
    this.notifyView();
    for (const sheet of sheets) for (const listener of [...(this.changeListeners.get(sheet) ?? [])]) listener();
  }

  /** After a write of the add-in (or a sheet added): what came before can no longer be undone from the grid. */
  private forgetUndo(): void {
    this.hf.clearUndoStack();
    this.hf.clearRedoStack();
    this.userUndo = [];
    this.userRedo = [];
  }

  // ---- saved state (the playground's reload persistence and .xlsx files) -----------------------------

  /**
   * What the workbook knows beyond its cells: the add-in's ownership fingerprints, tables, charts, number
   * formats, header rows and column widths, and the active sheet. With `hf.getAllSheetsSerialized()` it is
   * everything needed to rebuild the workbook (`restoreMeta`), so the task pane sees the same owned sheets,
   * hand edits and scenarios after a reload or a round trip through an .xlsx file.
   */
  exportMeta(): WorkbookMeta {
    const looks: WorkbookMeta["looks"] = {};
    for (const [name, look] of this.looks) looks[name] = { formats: look.formats.map((f) => ({ ...f })), boldRows: [...look.boldRows], columnWidths: [...look.columnWidths] };
    return {
      owned: Object.fromEntries(this.fingerprints),
      tables: [...this.tables.values()].map((t) => ({ ...t })),
      charts: [...this.charts.values()].map((c) => ({ ...c })),
      looks,
      active: this.activeSheet,
    };
  }

  /** Takes back what `exportMeta` gave, after the cells were loaded; entries for sheets that do not exist are dropped. */
  restoreMeta(meta: Partial<WorkbookMeta>): void {
    const exists = (name: string) => this.hf.doesSheetExist(name);
    this.fingerprints.clear();
    for (const [name, fingerprint] of Object.entries(meta.owned ?? {})) if (exists(name) && typeof fingerprint === "string") this.fingerprints.set(name, fingerprint);
    this.tables.clear();
    for (const table of meta.tables ?? []) if (exists(table.sheet)) this.tables.set(table.name.toLowerCase(), { ...table });
    this.charts.clear();
    for (const chart of meta.charts ?? []) if (exists(chart.sheet) && exists(chart.dataSheet)) this.charts.set(`${chart.sheet}\u0000${chart.name}`, { ...chart });
    this.looks.clear();
    for (const [name, look] of Object.entries(meta.looks ?? {})) {
      if (exists(name)) this.looks.set(name, { formats: look.formats ?? [], boldRows: new Set(look.boldRows ?? []), columnWidths: look.columnWidths ?? [] });
    }
    if (meta.active && exists(meta.active)) this.active = meta.active;
    this.notifyView();
  }

  /** Sets the number formats, header rows and widths of a sheet a file brought (not the add-in's own looks). */
  setLook(sheet: string, look: SheetLook): void {
    this.sheetId(sheet);
    this.looks.set(sheet, look);
    this.notifyView();
  }

  // ---- internals -------------------------------------------------------------------------------------

  private notifyView(): void {
    this.version++;
    for (const listener of [...this.viewListeners]) listener();
  }

  private sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new PortError("NOT_FOUND", `There is no sheet "${name}".`);
    return id;
  }

  private existingSheetId(name: string): number {
    return this.sheetId(name);
  }

  private status(name: string): SheetStatus {
    const exists = this.hf.doesSheetExist(name);
    const remembered = this.fingerprints.get(name);
    return sheetStatus(name, exists, remembered, exists && remembered !== undefined ? this.fingerprint(name) : undefined);
  }

  /**
   * Wraps every method of this HyperFormula instance that may change cells or sheets (all but the getters and
   * checks in READ_ONLY_HYPERFORMULA and its internal helpers), whoever calls it: the add-in's writes, the
   * grid's edits, undo, paste, row insertion, a file loaded into it. Each call bumps `contentVersion` before
   * and after, so a fingerprint cached at another version is never used again. A method of a later
   * HyperFormula version counts as a change unless it matches READ_ONLY_HYPERFORMULA: the cache can only be
   * dropped too often, never kept past a change.
   */
  private trackContentChanges(): void {
    const target = this.hf as unknown as Record<string, unknown>;
    let proto: object | null = Object.getPrototypeOf(this.hf);
    const seen = new Set<string>();
    while (proto && proto !== Object.prototype) {
      for (const name of Object.getOwnPropertyNames(proto)) {
        if (seen.has(name)) continue;
        seen.add(name);
        if (name === "constructor" || READ_ONLY_HYPERFORMULA.test(name) || HYPERFORMULA_INTERNALS.has(name)) continue;
        const descriptor = Object.getOwnPropertyDescriptor(proto, name);
        if (typeof descriptor?.value !== "function") continue;
        const original = descriptor.value as (...args: unknown[]) => unknown;
        const hf = this.hf;
        target[name] = (...args: unknown[]) => {
          this.contentVersion++;
          try {
            return original.apply(hf, args);
          } finally {
            this.contentVersion++;
          }
        };
      }
      proto = Object.getPrototypeOf(proto);
    }
  }

  private fingerprint(name: string): string {
    const cached = this.fingerprintCache.get(name);
    if (cached && cached.version === this.contentVersion) return cached.fingerprint;
    const fingerprint = this.computeFingerprint(name);
    this.fingerprintCache.set(name, { version: this.contentVersion, fingerprint });
    return fingerprint;
  }

  private computeFingerprint(name: string): string {
    // Formulas as written and constants. HyperFormula serialises a spill's cells as their values; they are
    // left out, or every recalculation of a spilling formula would look like a hand edit.
    const sheet = this.sheetId(name);
    const grid = this.hf.getSheetSerialized(sheet).map((line, row) =>
      line.map((content, col) => {
        if (content === null || content === undefined) return content;
        const address = { sheet, row, col };
        return this.hf.isCellPartOfArray(address) && !this.hf.doesCellHaveFormula(address) ? null : content;
      }),
    );
    return fingerprintGrid(grid);
  }

  private lookOf(spec: SheetSpec): SheetLook {
    const look: SheetLook = { formats: [], boldRows: new Set(), columnWidths: spec.columnWidths ?? [] };
    for (const block of spec.blocks) {
      const firstDataRow = block.headerRow ? block.row + 1 : block.row;
      const lastRow = block.row + block.values.length - 1;
      if (block.headerRow) look.boldRows.add(block.row);
      block.numberFormats?.forEach((format, k) => {
        if (format) look.formats.push({ column: block.column + k, fromRow: firstDataRow, toRow: lastRow, format });
      });
    }
    return look;
  }

  private tableInfo(table: LocalTable, headerValues?: CellValue[]): TableInfo {
    const header =
      headerValues ??
      this.hf
        .getRangeValues({
          start: { sheet: this.sheetId(table.sheet), row: table.row, col: table.column },
          end: { sheet: this.sheetId(table.sheet), row: table.row, col: table.column + table.columns - 1 },
        })[0]
        .map(toCellValue);
    return {
      id: table.name,
      label: table.name,
      kind: "table",
      sheet: table.sheet,
      address: `${quoteSheetName(table.sheet)}!${rangeAddress(table.row, table.column, table.rows, table.columns)}`,
      headers: header.map((h) => (h === null ? "" : String(h))),
      rowCount: table.rows - 1,
    };
  }

  private tableFromAddress(id: string): LocalTable | null {
    const parsed = parseAddress(id);
    if (!parsed || parsed.sheet === null) return null;
    return { name: id, sheet: parsed.sheet, row: parsed.row, column: parsed.column, rows: parsed.rows, columns: parsed.columns };
  }
}
