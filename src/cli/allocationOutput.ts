import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Cell } from "../engine/core/cells";
import { isBlank } from "../engine/core/cells";
import { readSample } from "../engine/core/WeightedSample";
import { WsfError } from "../engine/core/WsfError";
import type { FormulaResult } from "../engine/scenario/FormulaResult";
import type { FormulaSpec } from "../engine/scenario/FormulaSpec";
import { equityTable, type EquityTableRow } from "../engine/stats/equityTable";
import type { ColumnMapping } from "../engine/table/ColumnMapping";
import type { School } from "../engine/table/School";
import { allocationSheet } from "../taskpane/sheets/allocationSheet";
import { equitySheet } from "../taskpane/sheets/equitySheet";
import { parametersSheet } from "../taskpane/sheets/parametersSheet";
import type { Block, CellValue, TableInfo } from "../workbook/WorkbookPort";
import { columnLetters } from "../workbook/shared/columnLetters";
import type { InputTable } from "./readInput";
import type { Progress } from "./progress";
import { silentProgress } from "./progress";
import type { CachedSheet, TitleIRun } from "./titleIOutput";
import { escapeXml, type SheetWriter, type XCell, XlsxWriter, type XStyle } from "./xlsxWriter";

/**
 * The task pane's sheets that `wsf allocate` does not write, and why (said in `--help`, the README and on
 * standard error after an .xlsx is written): charts need Excel's chart objects, which this writer (and exceljs)
 * cannot write; the explanation is one school's, made on demand; Title I and comparability need the Title I
 * step's choices, which only a scenario file that holds them (`titleI`) carries.
 */
export const SHEETS_NOT_WRITTEN =
  "Not in the file: WSF Charts (charts cannot be written outside Excel: open the file with the add-in and use Charts), " +
  "WSF Explain (one school's math, made on demand in the pane), and WSF Title I and WSF Comparability unless the " +
  "scenario file holds the Title I step's choices (\"titleI\": district allocation, reservations, ranking method, " +
  "skipped schools, how schools are paid; export the scenario from the pane after choosing them, or run the Title I step " +
  "in the pane on the written file).";

/** What `wsf allocate` says it left out of an .xlsx: the Title I sheets only when the run had no Title I choices. */
export function sheetsNotWritten(run: AllocationRun): string {
  if (!run.titleI) return SHEETS_NOT_WRITTEN;
  return (
    "Not in the file: WSF Charts (charts cannot be written outside Excel: open the file with the add-in and use Charts) " +
    `and WSF Explain (one school's math, made on demand in the pane). WSF Title I${run.titleI.comparability ? " and WSF Comparability are" : " is"} written from the scenario's Title I choices.` +
    (run.titleI.comparability ? "" : " WSF Comparability is not: the Title I choices name no staff or salaries column.")
  );
}

/** Everything an allocation run produced, for the writers. */
export interface AllocationRun {
  table: InputTable;
  mapping: ColumnMapping;
  spec: FormulaSpec;
  schools: School[];
  result: FormulaResult;
  /** The scenario's Title I choices placed on the table, when it holds some: the Title I sheets are written. */
  titleI?: TitleIRun;
}

/** The name of the schools sheet in the files wsf writes: the input's sheet, or "Schools" for a .csv. */
export function schoolsSheetName(table: InputTable): string {
  return table.sheet ?? "Schools";
}

/**
 * The schools table as it sits in the written workbook: header in row 1 from column A, one row per data row.
 * The pane's sheet builders take it as a `TableInfo`.
 */
function tableInfo(table: InputTable): TableInfo {
  const sheet = schoolsSheetName(table);
  const last = `${columnLetters(table.headers.length - 1)}${table.rows.length + 1}`;
  return { id: sheet, label: `${sheet} (A1:${last})`, kind: "headerRow", sheet, address: `'${sheet.replace(/'/g, "''")}'!A1:${last}`, headers: table.headers, rowCount: table.rows.length };
}

/** `=WSF.GINI(` -> `_xldudf_WSF_GINI(` (excel-behaviour.md item 8), without the leading "=" exceljs does not want. */
export function storedFormula(formula: string): string {
  return formula.replace(/^=/, "").replace(/\bWSF\.([A-Z][A-Z0-9]*)\(/g, "_xldudf_WSF_$1(");
}

/**
 * A spilling formula of the allocation sheet's first school row turned into a template for one row:
 * every range over exactly the school rows (sheet rows first..last, 1-based) becomes that row's cell, so
 * `WSF.ALLOCATE('WSF Allocation'!$D$2:$D$851,...)` -> `WSF.ALLOCATE('WSF Allocation'!$D{r},...)`. Row-wise
 * functions give a one-row input a 1 x 1 result (design.md), so each cell holds a single-value formula.
 */
function rowTemplate(formula: string, first: number, last: number): string[] {
  const range = new RegExp(`\\$([A-Z]{1,3})\\$${first}:\\$([A-Z]{1,3})\\$${last}(?![0-9])`, "g");
  return storedFormula(formula)
    .replace(range, (_m, a: string, b: string) => (a === b ? `$${a}\u0000` : `$${a}\u0000:$${b}\u0000`))
    .split("\u0000");
}

type Result = number | string | boolean | { error: string } | null;
const f = (formula: string, result: Result): XCell => ({ formula, result });

/** A cell of the input table as written to the schools sheet. */
function inputCell(cell: Cell): XCell {
  if (isBlank(cell)) return null;
  // A formula the input held without a saved value (see readInput) goes back as that formula.
  if (typeof cell === "string" && cell.startsWith("=")) return { formula: cell.slice(1) };
  if (typeof cell === "number" || typeof cell === "string" || typeof cell === "boolean") return cell;
  return String(cell);
}

/** An equity table as the pane's WSF.EQUITYTABLE computes it, or the Excel error it shows instead. */
export type EquityOutcome = { rows: EquityTableRow[] } | { error: string; message: string };

/**
 * The two equity tables of the pane's "WSF Equity" sheet, from the run: per pupil (values = per pupil,
 * pupils = enrollment) and per weighted pupil (values = protected amount / weighted pupils, the sheet's
 * WSF.PERPUPIL column, weighted by weighted pupils), both with the poverty share when the table has one. A
 * per-school error (no pupils, no weighted pupils) makes the whole table that error, as in Excel.
 */
export function allocationEquity(run: AllocationRun, per: "pupil" | "weightedPupil" = "pupil"): EquityOutcome {
  const { table, result, schools } = run;
  const n = table.rows.length;
  const values: Cell[] = new Array(n).fill(null);
  const pupils: Cell[] = new Array(n).fill(null);
  const povertyHeader = povertyHeaderOf(run);
  const poverty: Cell[] | null = povertyHeader !== null ? new Array(n).fill(null) : null;
  for (let i = 0; i < schools.length; i++) {
    const s = schools[i];
    const value = per === "pupil" ? result.perPupil[i] : result.weightedPupils[i] > 0 ? result.protectedAmount[i] / result.weightedPupils[i] : null;
    if (value === null) return { error: "#DIV/0!", message: `${s.id} has no ${per === "pupil" ? "pupils" : "weighted pupils"}` };
    values[s.row - 1] = value;
    pupils[s.row - 1] = per === "pupil" ? s.enrollment : result.weightedPupils[i];
    if (poverty && povertyHeader !== null) poverty[s.row - 1] = s.enrollment > 0 ? s.counts[povertyHeader] / s.enrollment : null;
  }
  try {
    const sample = readSample("WSF.EQUITYTABLE", values, pupils, { extra: poverty ? [{ arg: "poverty", cells: poverty, min: 0, max: 1 }] : [] });
    return { rows: equityTable(sample, poverty ? sample.extras[0] : null) };
  } catch (error) {
    if (error instanceof WsfError) return { error: EXCEL_ERRORS[error.code], message: error.message };
    throw error;
  }
}

function povertyHeaderOf(run: AllocationRun): string | null {
  const index = run.mapping.frl ?? run.mapping.unduplicated;
  return index === undefined ? null : run.table.headers[index];
}

const EXCEL_ERRORS: Record<string, string> = { VALUE: "#VALUE!", DIV0: "#DIV/0!", NUM: "#NUM!", NA: "#N/A" };
const BOLD: XStyle = { bold: true };

/** Writes a small sheet (parameters, equity) from the pane's blocks, rows in order. */
async function writeBlocks(sheet: SheetWriter, blocks: Block[], cellOf: (value: string, row: number, column: number) => XCell): Promise<void> {
  const grid = new Map<number, { cells: XCell[]; styles: XStyle[] }>();
  const styleCache = new Map<string, XStyle>();
  const styleOf = (numFmt: string | null, bold: boolean): XStyle => {
    const key = `${numFmt ?? ""}|${bold}`;
    if (!styleCache.has(key)) styleCache.set(key, { numFmt, bold });
    return styleCache.get(key)!;
  };
  for (const block of blocks) {
    block.values.forEach((line, r) =>
      line.forEach((value, c) => {
        if (value === null) return;
        const row = block.row + r;
        const column = block.column + c;
        if (!grid.has(row)) grid.set(row, { cells: [], styles: [] });
        const entry = grid.get(row)!;
        entry.cells[column] = typeof value === "string" && value.startsWith("=") ? cellOf(value, row, column) : value;
        entry.styles[column] = styleOf(block.numberFormats?.[c] ?? null, block.headerRow === true && r === 0);
      }),
    );
  }
  for (const row of [...grid.keys()].sort((x, y) => x - y)) {
    const { cells, styles } = grid.get(row)!;
    for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
    await sheet.row(row + 1, cells, styles);
  }
}

/**
 * Writes the allocation workbook as a stream, sheet by sheet, row by row (`XlsxWriter`): the schools table
 * (values, as read), "WSF Parameters", "WSF Allocation" and "WSF Equity" as the task pane writes them (its
 * own sheet builders), each WSF formula stored as `_xldudf_WSF_...` (excel-behaviour.md item 8) and made
 * single-valued: the allocation sheet's spilling formulas become one formula per school row, and the equity
 * table one `INDEX(WSF.EQUITYTABLE(...), k, 2)` per statistic; with the scenario's Title I choices, "WSF
 * Title I" and "WSF Comparability" likewise (`titleIOutput`). Every formula carries its cached value from
 * the engine, so the file shows the numbers without the add-in. With `values`, plain values only.
 *
 * @throws Error from the sheet builders or the file system.
 */
export async function writeAllocationXlsx(path: string, run: AllocationRun, options: { values?: boolean; progress?: Progress } = {}): Promise<void> {
  const progress = options.progress ?? silentProgress;
  const values = options.values === true;
  const { table, mapping, spec, schools, result } = run;
  const info = tableInfo(table);
  const params = parametersSheet(spec, { tableLabel: info.label, headers: table.headers, mapping });
  const allocation = allocationSheet(spec, info, mapping, params.cells);
  const equity = equitySheet(allocation.cells);
  const book = new XlsxWriter(path);
  const n = table.rows.length;
  progress.start("Writing", n * 2);

  // 1. The schools table, values as read.
  let sheet = await book.sheet(info.sheet, { widths: table.headers.map((_, k) => (k < 2 ? 28 : 16)), freezeHeader: true });
  await sheet.row(1, table.headers, table.headers.map(() => BOLD));
  const width = table.headers.length;
  const line: XCell[] = new Array(width);
  for (let r = 0; r < n; r++) {
    const source = table.rows[r];
    for (let c = 0; c < width; c++) line[c] = inputCell(source[c]);
    await sheet.row(r + 2, line);
    progress.tick(1);
  }
  await book.endSheet();

  // 2. Parameters: numbers and text only.
  sheet = await book.sheet(params.sheet.name, { widths: params.sheet.columnWidths });
  await writeBlocks(sheet, params.sheet.blocks, (v) => v);
  await book.endSheet();

  // 3. Allocation: the pane's cells, spills made per row, with cached values.
  const index = new Int32Array(n).fill(-1);
  schools.forEach((s, i) => (index[s.row - 1] = i));
  const [titles, body, totals, statusBlock] = allocation.sheet.blocks;
  const formats = body.numberFormats ?? [];
  const columnStyles: XStyle[] = titles.values[0].map((_, c) => ({ numFmt: formats[c] ?? null }));
  const totalStyles: XStyle[] = titles.values[0].map((_, c) => ({ numFmt: formats[c] ?? null, bold: true }));
  const first = 2;
  const last = n + 1;
  const columns = allocation.cells.columns;
  const templates: (string[] | null)[] = titles.values[0].map(() => null);
  // The pane writes every column as one array formula in the first school row; a file library cannot store
  // a spill (excel-behaviour.md item 8), so each becomes one single-value formula per school row.
  // The base is one value over every school (SOLVEBASE), so it keeps its whole ranges.
  body.values[0].forEach((cell, c) => {
    if (c !== columns.base && typeof cell === "string" && cell.startsWith("=")) templates[c] = rowTemplate(cell, first, last);
  });
  // The templates as XML, escaped once (a row number needs no escaping): the sheet's formulas are a few
  // kilobytes a row, hundreds of megabytes of text to escape at 100,000 schools.
  const templatesXml = templates.map((template) => (template ? template.map(escapeXml) : null));
  const rowOf = (r: number): number => first + r;
  sheet = await book.sheet(allocation.sheet.name, { widths: allocation.sheet.columnWidths, freezeHeader: true });
  await sheet.row(1, titles.values[0] as XCell[], titles.values[0].map(() => BOLD));
  const povertyHeader = povertyHeaderOf(run);
  const cells: XCell[] = new Array(titles.values[0].length);
  const cached: Result[] = new Array(cells.length);
  for (let r = 0; r < n; r++) {
    cells.fill(null);
    const i = index[r];
    if (i >= 0) {
      const s = schools[i];
      const source = body.values[r];
      cached.fill(null);
      cached[columns.id] = mapping.id !== undefined ? (table.rows[r][mapping.id] as Result) : s.id;
      cached[columns.name] = mapping.name !== undefined ? (isBlank(table.rows[r][mapping.name]) ? 0 : (table.rows[r][mapping.name] as Result)) : null;
      cached[columns.enrollment] = s.enrollment;
      cached[columns.weightedPupils] = result.weightedPupils[i];
      cached[columns.base] = r === 0 ? result.base : null;
      cached[columns.formulaAmount] = result.formulaAmount[i];
      cached[columns.prior] = s.prior === null ? "" : s.prior;
      cached[columns.protectedAmount] = result.protectedAmount[i];
      cached[columns.change] = result.change[i] === null ? "" : result.change[i];
      cached[columns.poverty] = povertyHeader !== null && s.enrollment > 0 ? s.counts[povertyHeader] / s.enrollment : "";
      cached[columns.perPupil] = result.perPupil[i] === null ? { error: "#DIV/0!" } : result.perPupil[i];
      // wsf refuses a table with a bad row, so no school's row needs fixing.
      cached[columns.check] = "";
      cached[columns.enrollmentOk] = 1;
      const rowNumber = String(rowOf(r));
      for (let c = 0; c < cells.length; c++) {
        const template = templatesXml[c];
        const text = template ? null : source[c];
        if (!template && (text === null || text === undefined)) continue;
        const value = cached[c];
        if (!template && (typeof text !== "string" || !text.startsWith("="))) cells[c] = text as XCell;
        else if (values) cells[c] = value === "" ? null : (value as XCell);
        else if (template) cells[c] = { formula: template.join(rowNumber), result: value, escaped: true };
        else cells[c] = f(storedFormula(text as string), value);
      }
    }
    await sheet.row(rowOf(r), cells, columnStyles);
    progress.tick(1);
  }
  // Totals, two rows below the last school, as the pane writes them.
  const sumOf = (c: number): number => {
    let acc = 0;
    if (c === columns.enrollment) for (const s of schools) acc += s.enrollment;
    else if (c === columns.weightedPupils) for (const x of result.weightedPupils) acc += x;
    else if (c === columns.formulaAmount) for (const x of result.formulaAmount) acc += x;
    else if (c === columns.protectedAmount) return result.total;
    else if (c === columns.prior) for (const s of schools) acc += s.prior ?? 0;
    else if (c === columns.change) for (const x of result.change) acc += x ?? 0;
    return acc;
  };
  const totalOf = (c: number): Result => (c === columns.check ? "" : sumOf(c));
  await sheet.row(
    totals.row + 1,
    totals.values[0].map((t, c) => (typeof t === "string" && t.startsWith("=") ? (values ? (totalOf(c) as XCell) : f(storedFormula(t), totalOf(c))) : (t as XCell))),
    totalStyles,
  );
  // The status line under the totals: every school computes (wsf stops on a bad row before writing).
  const status = String(statusBlock.values[0][0]);
  const computes = "Every school computes.";
  await sheet.row(statusBlock.row + 1, [values ? computes : f(storedFormula(status), computes)]);
  await book.endSheet();

  // 4. Equity, as the pane's sheet: its two WSF.EQUITYTABLE spills become one INDEX(...) formula per cell
  // (metric and value of each statistic), its WSF.PERPUPIL spill one formula per school, and the readable
  // table's references to the spills keep their text; every cell carries the engine's value.
  sheet = await book.sheet(equity.name, { widths: equity.columnWidths });
  const cellsByAddress = new Map<string, Result>();
  const expanded: Block[] = [];
  const outcomes = { pupil: allocationEquity(run, "pupil"), weightedPupil: allocationEquity(run, "weightedPupil") };
  for (const block of equity.blocks) {
    const formula = block.values[1]?.[0];
    if (typeof formula === "string" && formula.startsWith("=WSF.EQUITYTABLE(")) {
      const outcome = formula.includes(allocation.cells.ranges.perPupil) ? outcomes.pupil : outcomes.weightedPupil;
      const rows = "rows" in outcome ? outcome.rows : [];
      const lines: CellValue[][] = [block.values[0]];
      rows.forEach((line, k) => {
        lines.push([`=INDEX(${formula.slice(1)},${k + 1},1)`, `=INDEX(${formula.slice(1)},${k + 1},2)`]);
        cellsByAddress.set(`${columnLetters(block.column)}${block.row + 2 + k}`, line.metric);
        cellsByAddress.set(`${columnLetters(block.column + 1)}${block.row + 2 + k}`, line.value instanceof WsfError ? { error: EXCEL_ERRORS[line.value.code] } : line.value);
      });
      if ("error" in outcome) {
        lines.push([`=INDEX(${formula.slice(1)},1,1)`, `Cannot be computed: ${outcome.message}`]);
        cellsByAddress.set(`${columnLetters(block.column)}${block.row + 2}`, { error: outcome.error });
      }
      expanded.push({ ...block, values: lines });
    } else if (typeof formula === "string" && formula.startsWith("=WSF.PERPUPIL(")) {
      const template = rowTemplate(formula, first, last);
      const lines: CellValue[][] = [block.values[0]];
      for (let r = 0; r < n; r++) {
        const i = index[r];
        lines.push([i < 0 ? null : `=${template.join(String(rowOf(r)))}`]);
        if (i >= 0) cellsByAddress.set(`${columnLetters(block.column)}${block.row + 2 + r}`, result.weightedPupils[i] > 0 ? result.protectedAmount[i] / result.weightedPupils[i] : { error: "#DIV/0!" });
      }
      expanded.push({ ...block, values: lines });
    } else expanded.push(block);
  }
  await writeBlocks(sheet, expanded, (text, row, column) => {
    // A reference to a spill cell (=J5) shows that cell's value; an INDEX or PERPUPIL formula its own.
    const reference = /^=\$?([A-Z]{1,3})\$?(\d+)$/.exec(text);
    const cached: Result = (reference ? cellsByAddress.get(`${reference[1]}${reference[2]}`) : cellsByAddress.get(`${columnLetters(column)}${row + 1}`)) ?? null;
    return values ? (cached as XCell) : f(storedFormula(text), cached);
  });
  await book.endSheet();

  // 5. Title I and Comparability, when the scenario holds the Title I step's choices.
  if (run.titleI) {
    const { comparabilityCachedSheet, titleICachedSheet } = await import("./titleIOutput");
    const titleI = titleICachedSheet(info, table, run.titleI);
    const sheets: CachedSheet[] = [titleI, ...(run.titleI.comparability ? [comparabilityCachedSheet(info, table, run.titleI, titleI)] : [])];
    for (const { sheet: spec, results } of sheets) {
      sheet = await book.sheet(spec.name, { widths: spec.columnWidths });
      await writeBlocks(sheet, spec.blocks, (text, row, column) => {
        const cached = results.get(`${row},${column}`) ?? null;
        return values ? (cached === "" ? null : (cached as XCell)) : f(storedFormula(text), cached);
      });
      await book.endSheet();
    }
  }
  progress.stop();
  await book.close();
}

/** A number or text for a CSV field: text quoted when it holds a comma, quote or line break. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `csvField` of a number, or "" for null. */
function csvNumber(value: number | null): string {
  return Number.isFinite(value) ? String(value) : "";
}

/** The allocation sheet's column titles, as the pane writes them. */
export function allocationTitles(run: AllocationRun): string[] {
  const info = tableInfo(run.table);
  const params = parametersSheet(run.spec, { tableLabel: info.label, headers: run.table.headers, mapping: run.mapping });
  const oneRow = { ...run.table, rows: run.table.rows.slice(0, 1) };
  return allocationSheet(run.spec, tableInfo(oneRow), run.mapping, params.cells).sheet.blocks[0].values[0].map(String);
}

/**
 * Writes the allocation as CSV (UTF-8, comma-separated, one line per school, unrounded numbers): the
 * allocation sheet's columns with the base on every line; an empty field where the sheet shows "".
 *
 * @throws Error from the file system.
 */
export async function writeAllocationCsv(path: string, run: AllocationRun): Promise<void> {
  const { table, mapping, schools, result } = run;
  // The sheet's "Check" and "Enrollment OK" columns are for a workbook a person edits; wsf refuses a bad row, so
  // the CSV leaves them out.
  const titles = allocationTitles(run).filter((title) => title !== "Check" && title !== "Enrollment OK");
  const povertyHeader = povertyHeaderOf(run);
  const out = createWriteStream(path, { encoding: "utf8" });
  // Lines are joined into one string and written about 64 KB at a time; each number is formatted once, as
  // csvField does (String, the shortest text that reads back as the same double), the base once for every line.
  let text = `${titles.map(csvField).join(",")}\n`;
  const flush = async (): Promise<void> => {
    if (!out.write(text)) await once(out, "drain");
    text = "";
  };
  const base = `,${csvField(result.base)},`;
  for (let i = 0; i < schools.length; i++) {
    const s = schools[i];
    const name = mapping.name !== undefined ? table.rows[s.row - 1][mapping.name] : null;
    const poverty = povertyHeader !== null && s.enrollment > 0 ? s.counts[povertyHeader] / s.enrollment : null;
    text +=
      csvField(s.id) +
      "," +
      csvField(name) +
      "," +
      csvNumber(s.enrollment) +
      "," +
      csvNumber(result.weightedPupils[i]) +
      base +
      csvNumber(result.formulaAmount[i]) +
      "," +
      csvField(s.prior) +
      "," +
      csvNumber(result.protectedAmount[i]) +
      "," +
      csvNumber(result.change[i]) +
      "," +
      csvField(poverty) +
      "," +
      csvNumber(result.perPupil[i]) +
      "\n";
    if (text.length >= 65536) await flush();
  }
  await flush();
  out.end();
  await once(out, "close");
}
