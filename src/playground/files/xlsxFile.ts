import type { CellValue as ExcelCellValue, Workbook as ExcelWorkbook, Worksheet } from "exceljs";
import type { RawCellContent } from "hyperformula";
import { HyperFormulaWorkbook, SCENARIO_SHEET, type WorkbookMeta } from "../../workbook/local/HyperFormulaWorkbook";
import { columnLetters } from "../../workbook/shared/columnLetters";
import { parseAddress } from "../../workbook/shared/parseAddress";
import { OWNED_SHEETS_SETTING, SCENARIOS_SETTING } from "../../workbook/shared/settingKeys";
import { parseSettingsRows, SETTINGS_HEADER, SETTINGS_SHEET, settingPieces } from "../../workbook/shared/settingsSheet";
import { type SavedSheet, scenarioSheet } from "./workbookState";

/*
 * The playground's .xlsx files, read and written with exceljs (loaded on demand, so it never weighs on the
 * page's start nor enters the add-in bundles).
 *
 * Cells: constants as values; formulas in the form Excel stores for an add-in's functions (`WSF.GINI(` is
 * saved as `_xldudf_WSF_GINI(`, excel-behaviour.md item 8), each with its computed value cached, so a file
 * library reads the numbers and Excel shows them until it recalculates (the file asks for a full
 * recalculation on load). A spilling formula is saved as an array formula over the range it fills.
 *
 * What the task pane keeps in Excel's workbook settings (the scenarios, the add-in's ownership tags) and
 * what the playground knows beyond cells (tables, number formats, charts) go on a very hidden sheet
 * `WSF_Settings`: one row per setting key (the keys of Excel's settings, src/workbook/shared/settingKeys.ts)
 * with its JSON text in column B, continued in C, D, ... in pieces of 30,000 characters (Excel's cell holds
 * 32,767). Excel, exceljs and the playground all read a sheet; Excel's own settings part is tied to one
 * add-in id and install and is dropped by exceljs, so it could not be the file's common store.
 */

export { SETTINGS_SHEET };
/** Playground metadata (tables, charts, formats, active sheet) as JSON. */
export const PLAYGROUND_SETTING = "wsf.playground";

/** A problem met while opening a file, named by sheet and row (and column when it is one cell). */
export interface FileProblem {
  sheet: string;
  /** 1-based sheet row, or null for the whole sheet / file. */
  row: number | null;
  message: string;
}

/** A file read into sheets the playground can build, with the settings it carried and what was wrong in it. */
export interface OpenedWorkbook {
  sheets: SavedSheet[];
  meta: Partial<WorkbookMeta>;
  problems: FileProblem[];
  /** Formula cells and the value the file had cached for them, to compare once they are calculated here. */
  cachedResults: { sheet: string; row: number; column: number; formula: string; cached: unknown }[];
}

type ExcelJSModule = { Workbook: new () => ExcelWorkbook };

async function loadExcelJs(): Promise<ExcelJSModule> {
  const module = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as unknown as ExcelJSModule & { default?: ExcelJSModule };
  return module.default?.Workbook ? module.default : module;
}

/** `WSF.GINI(` -> `_xldudf_WSF_GINI(` (and the formula's "=" dropped, as a file stores it). */
export function toStoredFormula(formula: string): string {
  return formula.replace(/^=/, "").replace(/\bWSF\.([A-Z][A-Z0-9_]*)\s*\(/gi, (_, name: string) => `_xldudf_WSF_${name.toUpperCase()}(`);
}

/** What Excel stored -> what the playground evaluates: `_xldudf_WSF_GINI(` -> `WSF.GINI(`, `_xlfn.` prefixes and `@` dropped. */
export function fromStoredFormula(stored: string): string {
  const body = stored
    .replace(/_xldudf_WSF_([A-Z0-9_]+)\s*\(/gi, (_, name: string) => `WSF.${name.toUpperCase()}(`)
    .replace(/_xlfn\._xlws\.|_xlfn\.|_xlws\./gi, "")
    .replace(/(^|[^A-Za-z0-9_."'])@(?=[A-Za-z_$'])/g, "$1");
  return `=${body}`;
}

/** Text that a spreadsheet would read as a number, formula or quoted text keeps a leading "'" to stay text (the rule of the workbook's writes). */
function textContent(text: string): RawCellContent {
  if (text === "") return null;
  return /^\s*[-+$]?[\d.,]+%?\s*$|^\s*'|^=/.test(text) ? `'${text}` : text;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A JavaScript date as Excel's serial day number (exceljs reads dates as UTC). */
function excelSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
}

const EXCEL_ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!"]);

// ---- saving ------------------------------------------------------------------------------------------

/** The workbook as .xlsx bytes: every sheet, formulas with cached values, formats, tables, and the settings sheet. */
export async function workbookToXlsx(workbook: HyperFormulaWorkbook): Promise<ArrayBuffer> {
  const ExcelJS = await loadExcelJs();
  const file = new ExcelJS.Workbook();
  file.creator = "WSF playground";
  // Excel recalculates on open (the cached values serve file libraries and the first paint).
  file.calcProperties.fullCalcOnLoad = true;
  const hf = workbook.hf;
  const meta = workbook.exportMeta();
  for (const name of workbook.visibleSheets()) writeSheet(file.addWorksheet(name), workbook, name, meta);

  const settings = file.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" });
  settings.getRow(1).values = SETTINGS_HEADER;
  const scenarios = hf.doesSheetExist(SCENARIO_SHEET) ? await workbook.readScenarioStore() : null;
  const { owned, ...rest } = meta;
  const rows: [string, string | null][] = [
    [SCENARIOS_SETTING, scenarios],
    [OWNED_SHEETS_SETTING, JSON.stringify(Object.fromEntries(Object.entries(owned).filter(([sheet]) => sheet !== SCENARIO_SHEET)))],
    [PLAYGROUND_SETTING, JSON.stringify({ ...rest, scenarioFingerprint: owned[SCENARIO_SHEET] ?? null })],
  ];
  rows.forEach(([key, json], k) => {
    if (json === null) return;
    settings.getRow(k + 2).values = [key, ...settingPieces(json)];
  });
  return file.xlsx.writeBuffer();
}

function cachedValue(value: unknown): ExcelCellValue {
  if (typeof value === "string" && value.startsWith("#") && !EXCEL_ERRORS.has(value) && /^#[A-Z/0-9]+[!?]$/.test(value)) return { error: "#VALUE!" } as ExcelCellValue;
  if (typeof value === "string" && EXCEL_ERRORS.has(value)) return { error: value } as ExcelCellValue;
  return (value ?? null) as ExcelCellValue;
}

function writeSheet(sheet: Worksheet, workbook: HyperFormulaWorkbook, name: string, meta: WorkbookMeta): void {
  const hf = workbook.hf;
  const id = hf.getSheetId(name)!;
  const serialized = hf.getSheetSerialized(id);
  const arrayCells = new Set<string>();
  for (let r = 0; r < serialized.length; r++) {
    const line = serialized[r];
    for (let c = 0; c < line.length; c++) {
      const content = line[c];
      if (content === null || content === undefined || content === "") continue;
      const address = { sheet: id, row: r, col: c };
      const cell = sheet.getCell(r + 1, c + 1);
      const value = workbook.cell(name, r, c).value;
      if (typeof content === "string" && content.startsWith("=")) {
        const formula = toStoredFormula(content);
        const extent = hf.isCellPartOfArray(address) ? spillExtent(workbook, id, r, c) : null;
        if (extent && (extent.rows > 1 || extent.columns > 1)) {
          const ref = `${columnLetters(c)}${r + 1}:${columnLetters(c + extent.columns - 1)}${r + extent.rows}`;
          cell.value = { formula, result: cachedValue(value), shareType: "array", ref } as ExcelCellValue;
          for (let dr = 0; dr < extent.rows; dr++) for (let dc = 0; dc < extent.columns; dc++) if (dr || dc) arrayCells.add(`${r + dr},${c + dc}`);
        } else {
          cell.value = { formula, result: cachedValue(value) } as ExcelCellValue;
        }
      } else if (arrayCells.has(`${r},${c}`)) {
        cell.value = cachedValue(value);
      } else if (typeof content === "string") {
        cell.value = content.startsWith("'") ? content.slice(1) : content;
      } else {
        cell.value = cachedValue(value);
      }
    }
  }
  const look = meta.looks[name];
  if (look) {
    look.columnWidths.forEach((width, c) => {
      if (width) sheet.getColumn(c + 1).width = width;
    });
    for (const f of look.formats) for (let r = f.fromRow; r <= f.toRow; r++) sheet.getCell(r + 1, f.column + 1).numFmt = f.format;
    for (const r of look.boldRows) sheet.getRow(r + 1).font = { bold: true };
  }
  for (const table of meta.tables) {
    if (table.sheet !== name) continue;
    addTable(sheet, workbook, table);
  }
}

/** Rows and columns a spilling formula at (row, column) fills: its cells that hold no formula of their own. */
function spillExtent(workbook: HyperFormulaWorkbook, sheet: number, row: number, column: number): { rows: number; columns: number } {
  const hf = workbook.hf;
  const inSpill = (r: number, c: number) => hf.isCellPartOfArray({ sheet, row: r, col: c }) && !hf.doesCellHaveFormula({ sheet, row: r, col: c });
  let rows = 1;
  while (inSpill(row + rows, column)) rows++;
  let columns = 1;
  while (inSpill(row, column + columns)) columns++;
  return { rows, columns };
}

/** An Excel table over the cells already written, when its headers make a valid table (unique, non-blank text). */
function addTable(sheet: Worksheet, workbook: HyperFormulaWorkbook, table: WorkbookMeta["tables"][number]): void {
  const headers: string[] = [];
  for (let c = 0; c < table.columns; c++) {
    const v = workbook.cell(table.sheet, table.row, table.column + c).value;
    headers.push(v === null ? "" : String(v));
  }
  const unique = new Set(headers.map((h) => h.toLowerCase()));
  if (headers.some((h) => h.trim() === "") || unique.size !== headers.length || !/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(table.name)) return;
  const rows: ExcelCellValue[][] = [];
  for (let r = 1; r < table.rows; r++) {
    const line: ExcelCellValue[] = [];
    for (let c = 0; c < table.columns; c++) line.push(sheet.getCell(table.row + r + 1, table.column + c + 1).value);
    rows.push(line);
  }
  sheet.addTable({
    name: table.name,
    displayName: table.name,
    ref: `${columnLetters(table.column)}${table.row + 1}`,
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: headers.map((header) => ({ name: header, filterButton: true })),
    rows,
  });
}

// ---- opening -----------------------------------------------------------------------------------------

/** Reads an .xlsx file into sheets, the settings it carried (when it was saved by the add-in or here) and its problems. */
export async function xlsxToWorkbook(bytes: ArrayBuffer): Promise<OpenedWorkbook> {
  const ExcelJS = await loadExcelJs();
  const file = new ExcelJS.Workbook();
  try {
    await file.xlsx.load(bytes);
  } catch (error) {
    throw new Error(`This file is not an .xlsx workbook that can be read (${error instanceof Error ? error.message : String(error)}). Save it from Excel as "Excel Workbook (.xlsx)" and open it again.`);
  }
  const problems: FileProblem[] = [];
  const cachedResults: OpenedWorkbook["cachedResults"] = [];
  const sheets: SavedSheet[] = [];
  const tables: WorkbookMeta["tables"] = [];
  let settings: Record<string, string> = {};
  file.eachSheet((sheet) => {
    if (sheet.name === SETTINGS_SHEET) {
      settings = readSettings(sheet);
      return;
    }
    if (sheet.name === SCENARIO_SHEET) return;
    sheets.push(readSheet(sheet, problems, cachedResults));
    for (const table of Object.values((sheet as unknown as { tables: Record<string, { model?: { name: string; tableRef?: string; ref?: string } }> }).tables ?? {})) {
      const model = table.model;
      const parsed = model ? parseAddress(model.tableRef ?? model.ref ?? "") : null;
      if (model && parsed) tables.push({ name: model.name, sheet: sheet.name, row: parsed.row, column: parsed.column, rows: parsed.rows, columns: parsed.columns });
    }
  });
  const meta: Partial<WorkbookMeta> = { tables };
  const playground = parseJson(settings[PLAYGROUND_SETTING], problems) as (Partial<WorkbookMeta> & { scenarioFingerprint?: string | null }) | null;
  if (playground) {
    meta.looks = playground.looks;
    meta.charts = playground.charts;
    meta.active = playground.active;
    // Tables the file itself defines win; the playground's list adds the ones Excel could not hold.
    const known = new Set(tables.map((t) => t.name.toLowerCase()));
    meta.tables = [...tables, ...(playground.tables ?? []).filter((t) => !known.has(t.name.toLowerCase()))];
  }
  const owned = parseJson(settings[OWNED_SHEETS_SETTING], problems) as Record<string, string> | null;
  meta.owned = { ...(owned ?? {}) };
  const scenarios = settings[SCENARIOS_SETTING];
  if (scenarios) {
    sheets.push(scenarioSheet(scenarios));
    if (playground?.scenarioFingerprint) meta.owned[SCENARIO_SHEET] = playground.scenarioFingerprint;
  }
  return { sheets, meta, problems, cachedResults };
}

function parseJson(text: string | undefined, problems: FileProblem[]): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    problems.push({ sheet: SETTINGS_SHEET, row: null, message: `The saved settings could not be read (damaged JSON); the file opens without them.` });
    return null;
  }
}

function readSettings(sheet: Worksheet): Record<string, string> {
  const values: unknown[][] = [];
  sheet.eachRow((row, number) => {
    // exceljs numbers rows and cells from 1.
    values[number - 1] = (row.values as unknown[]).slice(1);
  });
  return Object.fromEntries([...parseSettingsRows(Array.from(values, (cells) => cells ?? []))].map(([key, { json }]) => [key, json]));
}

function readSheet(sheet: Worksheet, problems: FileProblem[], cachedResults: OpenedWorkbook["cachedResults"]): SavedSheet {
  const cells: RawCellContent[][] = [];
  const spillCovered = new Set<string>();
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const c = columnNumber - 1;
      if (spillCovered.has(`${r},${c}`)) return;
      const content = cellContent(cell.value, cell.formula, sheet.name, rowNumber, problems);
      if (content === null) return;
      while (cells.length <= r) cells.push([]);
      cells[r][c] = content;
      const v = cell.value as { formula?: string; sharedFormula?: string; result?: unknown; shareType?: string; ref?: string } | null;
      if (typeof content === "string" && content.startsWith("=") && v && typeof v === "object") {
        cachedResults.push({ sheet: sheet.name, row: r, column: c, formula: content, cached: v.result });
        if (v.shareType === "array" && v.ref) {
          const range = parseAddress(v.ref);
          if (range) for (let dr = 0; dr < range.rows; dr++) for (let dc = 0; dc < range.columns; dc++) if (dr || dc) spillCovered.add(`${range.row + dr},${range.column + dc}`);
        }
      }
    });
  });
  for (const line of cells) for (let c = 0; c < line.length; c++) if (line[c] === undefined) line[c] = null;
  return { name: sheet.name, cells };
}

function cellContent(value: ExcelCellValue, formula: string | undefined, sheet: string, row: number, problems: FileProblem[]): RawCellContent {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return textContent(value);
  if (value instanceof Date) return excelSerial(value);
  if (typeof value === "object") {
    const v = value as { formula?: string; sharedFormula?: string; richText?: { text: string }[]; text?: string; error?: string; result?: unknown };
    if (formula || v.formula) return fromStoredFormula(formula ?? v.formula ?? "");
    if (v.sharedFormula) {
      problems.push({ sheet, row, message: `A shared formula could not be read; its saved value is used.` });
      const result = v.result;
      return typeof result === "number" || typeof result === "boolean" ? result : typeof result === "string" ? textContent(result) : null;
    }
    if (Array.isArray(v.richText)) return textContent(v.richText.map((part) => part.text).join(""));
    if (typeof v.text === "string") return textContent(v.text);
    if (typeof v.error === "string") return v.error;
  }
  problems.push({ sheet, row, message: `A cell holds something the playground cannot show (${JSON.stringify(value).slice(0, 60)}); it was left blank.` });
  return null;
}
