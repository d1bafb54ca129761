import { open, readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import type ExcelJS from "exceljs";
import type { Cell } from "../engine/core/cells";
import { isBlank } from "../engine/core/cells";
import { suggestMapping } from "../engine/table/suggestMapping";
import { CliError, place } from "./CliError";
import { csvRecords } from "./csvRecords";
import type { Progress } from "./progress";

/** A table of schools read from a file: its header row and data rows, and where it sat. */
export interface InputTable {
  /** The path as the person gave it, for messages. */
  file: string;
  /** The sheet it came from; null for a .csv. */
  sheet: string | null;
  /** Header texts, left to right from the table's first column. */
  headers: string[];
  /** Data rows under the header, trailing blank rows removed; cells as Excel hands them over (number, text, boolean, null). */
  rows: Cell[][];
  /** 0-based sheet row of the header and 0-based sheet column of the first header. */
  headerRow: number;
  firstColumn: number;
}

/** The number of leading bytes that tell file kinds apart. */
const SNIFF = 8;
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function sniff(file: string): Promise<Buffer> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new CliError(`${file}: is a folder, expected an .xlsx or .csv file of schools`);
    size = info.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message})`);
  }
  if (size === 0) throw new CliError(`${file}: the file is empty (0 bytes); expected a table of schools with a header row`);
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(Math.min(SNIFF, size));
    await handle.read(head, 0, head.length, 0);
    return head;
  } finally {
    await handle.close();
  }
}

export interface ReadOptions {
  /** The sheet to read (an .xlsx); default the first sheet with a table of schools. */
  sheet?: string;
  /** Headers named on the command line (--column role=Header): a row holding one is a header row. */
  hints?: readonly string[];
  progress?: Progress;
}

/**
 * Reads the table of schools from an .xlsx (exceljs's streaming reader: one pass, rows kept once, as
 * plain values) or a UTF-8 .csv. The header row is the first row of the sheet in which the pane's column
 * synonyms find an enrollment or grade-band column (else the first non-blank row); without `sheet` the
 * first sheet holding such a table is used.
 *
 * @throws CliError naming the file (and the sheet, row and column where there is one) for a missing or
 *   empty file, an old .xls, a damaged .xlsx, a sheet that does not exist, a file without a table, a .csv
 *   that is not UTF-8 or uses semicolons.
 */
export async function readInput(file: string, options: ReadOptions = {}): Promise<InputTable> {
  const head = await sniff(file);
  const ext = extname(file).toLowerCase();
  if (head.length >= 8 && head.equals(OLE2)) {
    throw new CliError(`${file}: is an old Excel 97-2003 workbook (.xls), which wsf cannot read; open it in Excel and save it as .xlsx (Excel Workbook) or .csv (CSV UTF-8)`);
  }
  if (head[0] === 0x50 && head[1] === 0x4b) return readXlsx(file, options);
  if (ext === ".xlsx" || ext === ".xlsm" || ext === ".xls") {
    throw new CliError(`${file}: is not an Excel workbook (the file does not start like an .xlsx); save it from Excel as .xlsx or .csv`);
  }
  if (options.sheet !== undefined) throw new CliError(`${file}: --sheet ${JSON.stringify(options.sheet)} was given, but a .csv file has no sheets`);
  return readCsv(file, options.hints ?? []);
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const v = value as unknown as Record<string, unknown>;
  if ("result" in v || "formula" in v || "sharedFormula" in v) {
    const result = v.result as ExcelJS.CellValue | undefined;
    // A formula saved without its result (a file written by a program that did not calculate it): keep the
    // formula text, so it is reported as not a number instead of read as a blank.
    if (result === undefined || result === null) return typeof v.formula === "string" ? `=${v.formula}` : null;
    return cellValue(result);
  }
  if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((r) => r.text).join("");
  if (typeof v.error === "string") return v.error;
  if (typeof v.text === "string") return v.text;
  return String(value);
}

/** The sheet's rows as 0-based arrays, from exceljs's 1-based sparse `row.values`. */
function rowCells(values: ExcelJS.CellValue[] | { [key: string]: ExcelJS.CellValue }): Cell[] {
  const out: Cell[] = [];
  const list = values as ExcelJS.CellValue[];
  for (let c = 1; c < list.length; c++) out.push(cellValue(list[c]));
  return out;
}

/** A header row: the pane's synonyms find enrollment or grade bands in it, or it holds a header named with --column. */
function isSchoolsHeader(cells: readonly Cell[], hints: readonly string[]): boolean {
  const headers = cells.map((c) => (isBlank(c) ? "" : String(c).trim()));
  if (hints.length > 0 && headers.some((h) => hints.includes(h))) return true;
  const mapping = suggestMapping(headers);
  return mapping.enrollment !== undefined || mapping.grades.length > 0;
}

/** Finds the header row in the first rows of a sheet and cuts the table out of the sheet's rows. */
function tableOf(file: string, sheet: string | null, sheetRows: Cell[][], hints: readonly string[]): InputTable | null {
  const limit = Math.min(sheetRows.length, 30);
  let headerRow = -1;
  for (let r = 0; r < limit; r++) {
    if (sheetRows[r] && isSchoolsHeader(sheetRows[r], hints)) {
      headerRow = r;
      break;
    }
  }
  if (headerRow < 0) return null;
  const headerCells = sheetRows[headerRow];
  let firstColumn = headerCells.findIndex((c) => !isBlank(c));
  let lastColumn = headerCells.length - 1;
  while (lastColumn >= 0 && isBlank(headerCells[lastColumn])) lastColumn--;
  if (firstColumn < 0) firstColumn = 0;
  const headers = headerCells.slice(firstColumn, lastColumn + 1).map((c) => (isBlank(c) ? "" : String(c).trim()));
  const width = headers.length;
  const rows: Cell[][] = [];
  for (let r = headerRow + 1; r < sheetRows.length; r++) {
    const source = sheetRows[r] ?? [];
    const row = new Array<Cell>(width);
    for (let c = 0; c < width; c++) {
      const cell = source[firstColumn + c];
      row[c] = cell === undefined ? null : cell;
    }
    rows.push(row);
  }
  while (rows.length > 0 && rows[rows.length - 1].every(isBlank)) rows.pop();
  return { file, sheet, headers, rows, headerRow, firstColumn };
}

async function readXlsx(file: string, options: ReadOptions): Promise<InputTable> {
  // Loaded here, not at the top: exceljs takes about a third of a second to load, which a .csv run does without.
  const { default: excel } = await import("exceljs");
  const reader = new excel.stream.xlsx.WorkbookReader(file, { sharedStrings: "cache", styles: "ignore", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
  const seen: string[] = [];
  const progress = options.progress;
  progress?.start("Reading", 0);
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as { name: string } & AsyncIterable<ExcelJS.Row>;
      const name = ws.name;
      seen.push(name);
      const wanted = options.sheet === undefined || name === options.sheet;
      const sheetRows: Cell[][] = [];
      for await (const row of ws) {
        if (!wanted) continue;
        sheetRows[row.number - 1] = rowCells(row.values);
        progress?.tick(1);
      }
      if (!wanted) continue;
      for (let r = 0; r < sheetRows.length; r++) if (sheetRows[r] === undefined) sheetRows[r] = [];
      const table = tableOf(file, name, sheetRows, options.hints ?? []);
      if (table) return finish(table);
      if (options.sheet !== undefined) throw noTable(file, name, sheetRows);
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${file}: could not be read as an .xlsx workbook (${(error as Error).message}); open it in Excel and save it again`);
  } finally {
    progress?.stop();
  }
  if (options.sheet !== undefined) {
    throw new CliError(`${place(file, options.sheet)}: no such sheet; the workbook has ${seen.length === 0 ? "no sheets" : `the sheets ${seen.map((s) => JSON.stringify(s)).join(", ")}`}`);
  }
  if (seen.length === 0) throw new CliError(`${file}: the workbook has no sheets`);
  throw new CliError(
    `${file}: no sheet has a table of schools (a header row with an enrollment or grade-band column) in its first 30 rows; sheets: ${seen.map((s) => JSON.stringify(s)).join(", ")}. Pick one with --sheet and name the enrollment column with --column enrollment=<header>`,
  );
}

/** A sheet without a recognised header row: say what its first row holds. */
function noTable(file: string, sheet: string | null, sheetRows: Cell[][]): CliError {
  const first = sheetRows.find((r) => r && r.some((c) => !isBlank(c)));
  if (!first) return new CliError(`${place(file, sheet)}: is empty; expected a table of schools with a header row`);
  const headers = first.filter((c) => !isBlank(c)).map((c) => JSON.stringify(String(c)));
  return new CliError(
    `${place(file, sheet)}: missing required column: enrollment (or grade-band columns); no header matched. Headers found: ${headers.join(", ")}. Name it with --column enrollment=<header>`,
  );
}

function finish(table: InputTable): InputTable {
  if (table.rows.length === 0) throw new CliError(`${place(table.file, table.sheet, table.headerRow + 1)}: has a header row but no schools under it`);
  return table;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A CSV field as a cell: blank -> null, a plain decimal number -> number, anything else stays text. */
function csvCell(text: string): Cell {
  const t = text.trim();
  if (t === "") return null;
  if (NUMBER.test(t)) return Number(t);
  if (t === "TRUE" || t === "FALSE") return t === "TRUE";
  return text;
}

/** Row (1-based line) and column (1-based field) of a byte offset in CSV text, for messages. */
function lineAndField(bytes: Buffer, offset: number): { row: number; field: number } {
  let row = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      row++;
      lineStart = i + 1;
    }
  }
  let field = 1;
  let quoted = false;
  for (let i = lineStart; i < offset; i++) {
    if (bytes[i] === 0x22) quoted = !quoted;
    else if (bytes[i] === 0x2c && !quoted) field++;
  }
  return { row, field };
}

/** The byte offset of the first byte sequence that is not UTF-8, or -1. */
function firstInvalidUtf8(bytes: Buffer): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const extra = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) if (i + k >= n || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return -1;
}

async function readCsv(file: string, hints: readonly string[]): Promise<InputTable> {
  const bytes = await readFile(file);
  const name = basename(file);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new CliError(`${file}: is UTF-16 text (it starts with a UTF-16 byte-order mark); wsf reads CSV in UTF-8: in Excel use Save As, "CSV UTF-8 (Comma delimited)"`);
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const { row, field } = lineAndField(bytes, bad);
    throw new CliError(
      `${place(file, null, row)}, field ${field}: byte 0x${bytes[bad].toString(16).toUpperCase()} is not UTF-8 text (the file looks like Windows-1252/Latin-1); save ${name} as "CSV UTF-8 (Comma delimited)" and run again`,
    );
  }
  const text = bytes.toString("utf8").replace(/^\ufeff/, "");
  if (text.trim() === "") throw new CliError(`${file}: the file is empty; expected a table of schools with a header row`);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (!firstLine.includes(",") && firstLine.includes(";")) {
    throw new CliError(
      `${place(file, null, 1)}: the header row is separated by semicolons (;), not commas; save the file as "CSV UTF-8 (Comma delimited)" or replace the separators`,
    );
  }
  if (!firstLine.includes(",") && firstLine.includes("\t")) {
    throw new CliError(`${place(file, null, 1)}: the header row is separated by tabs, not commas; save the file as "CSV UTF-8 (Comma delimited)"`);
  }
  let records: string[][];
  try {
    records = await csvRecords(text);
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new CliError(`${place(file, null, e.lines)}: is not readable CSV (${e.message})`);
  }
  const sheetRows = records.map((record) => record.map(csvCell));
  const table = tableOf(file, null, sheetRows, hints);
  if (!table) throw noTable(file, null, sheetRows);
  return finish(table);
}
