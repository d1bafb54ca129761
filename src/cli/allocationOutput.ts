import { createWriteStream } from "node:fs";
import { once } from "node:events";
import ExcelJS from "exceljs";
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
import type { Block, CellValue, SheetSpec, TableInfo } from "../workbook/WorkbookPort";
import { columnLetters } from "../workbook/shared/columnLetters";
import type { InputTable } from "./readInput";
import type { Progress } from "./progress";
import { silentProgress } from "./progress";

/** Everything an allocation run produced, for the writers. */
export interface AllocationRun {
  table: InputTable;
  mapping: ColumnMapping;
  spec: FormulaSpec;
  schools: School[];
  result: FormulaResult;
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

const fill = (template: string[], row: number): string => template.join(String(row));

type Out = ExcelJS.CellValue;
const DIV0: Out = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
const f = (formula: string, result: unknown): Out => ({ formula, result } as ExcelJS.CellFormulaValue);

/** A cell of the input table as written to the schools sheet. */
function inputCell(cell: Cell): Out {
  if (isBlank(cell)) return null;
  // A formula the input held without a saved value (see readInput) goes back as that formula.
  if (typeof cell === "string" && cell.startsWith("=")) return { formula: cell.slice(1) } as ExcelJS.CellFormulaValue;
  return cell as Out;
}

/** The equity table of the per-pupil amounts, as the pane's WSF.EQUITYTABLE computes it from the allocation sheet. */
export function allocationEquity(run: AllocationRun): { rows: EquityTableRow[] } | { error: string } {
  const { table, mapping, result, schools } = run;
  const n = table.rows.length;
  const perPupil: Cell[] = new Array(n).fill(null);
  const pupils: Cell[] = new Array(n).fill(null);
  const poverty: Cell[] | null = mapping.frl ?? mapping.unduplicated ?? null ? new Array(n).fill(null) : null;
  const povertyHeader = povertyHeaderOf(run);
  for (let i = 0; i < schools.length; i++) {
    const s = schools[i];
    if (result.perPupil[i] === null) return { error: "#DIV/0!" };
    perPupil[s.row - 1] = result.perPupil[i];
    pupils[s.row - 1] = s.enrollment;
    if (poverty && povertyHeader !== null) poverty[s.row - 1] = s.enrollment > 0 ? s.counts[povertyHeader] / s.enrollment : null;
  }
  try {
    const sample = readSample("WSF.EQUITYTABLE", perPupil, pupils, { extra: poverty ? [{ arg: "poverty", cells: poverty, min: 0, max: 1 }] : [] });
    return { rows: equityTable(sample, poverty ? sample.extras[0] : null) };
  } catch (error) {
    if (error instanceof WsfError) return { error: error.message };
    throw error;
  }
}

function povertyHeaderOf(run: AllocationRun): string | null {
  const index = run.mapping.frl ?? run.mapping.unduplicated;
  return index === undefined ? null : run.table.headers[index];
}

const EXCEL_ERRORS: Record<string, string> = { VALUE: "#VALUE!", DIV0: "#DIV/0!", NUM: "#NUM!", NA: "#N/A" };

/** Writes a small sheet (parameters, equity) block by block, rows in order, for the streaming writer. */
function writeBlocks(ws: ExcelJS.Worksheet, blocks: Block[], cellOf: (value: CellValue, row: number, column: number) => Out): void {
  const grid = new Map<number, Map<number, { value: Out; format: string | null; bold: boolean }>>();
  for (const block of blocks) {
    block.values.forEach((line, r) =>
      line.forEach((value, c) => {
        if (value === null) return;
        const row = block.row + r;
        const column = block.column + c;
        if (!grid.has(row)) grid.set(row, new Map());
        const converted = typeof value === "string" && value.startsWith("=") ? cellOf(value, row, column) : value;
        grid.get(row)!.set(column, { value: converted, format: block.numberFormats?.[c] ?? null, bold: block.headerRow === true && r === 0 });
      }),
    );
  }
  for (const row of [...grid.keys()].sort((a, b) => a - b)) {
    const line = ws.getRow(row + 1);
    for (const [column, cell] of grid.get(row)!) {
      const target = line.getCell(column + 1);
      target.value = cell.value;
      if (cell.format) target.numFmt = cell.format;
      if (cell.bold) target.font = { bold: true };
    }
    line.commit();
  }
}

function setWidths(ws: ExcelJS.Worksheet, widths: number[] | undefined): void {
  if (widths) ws.columns = widths.map((width) => ({ width }));
}

/**
 * Writes the allocation workbook with exceljs's streaming writer, sheet by sheet, row by row: the schools
 * table (values, as read), "WSF Parameters", "WSF Allocation" and "WSF Equity" as the task pane writes them
 * (its own sheet builders), each WSF formula stored as `_xldudf_WSF_...` (excel-behaviour.md item 8) and
 * made single-valued: the allocation sheet's spilling formulas become one formula per school row, and the
 * equity table one `INDEX(WSF.EQUITYTABLE(...), k, 2)` per statistic. Every formula carries its cached value
 * from the engine, so the file shows the numbers without the add-in. With `values`, plain values only.
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

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  workbook.creator = "wsf command line";

  // 1. The schools table, values as read.
  const n = table.rows.length;
  progress.start("Writing", n * 2);
  const schoolsWs = workbook.addWorksheet(info.sheet);
  schoolsWs.addRow(table.headers).commit();
  for (const row of table.rows) {
    schoolsWs.addRow(row.map(inputCell)).commit();
    progress.tick(1);
  }
  await schoolsWs.commit();

  // 2. Parameters: numbers and text only.
  const paramsWs = workbook.addWorksheet(params.sheet.name);
  setWidths(paramsWs, params.sheet.columnWidths);
  writeBlocks(paramsWs, params.sheet.blocks, (v) => v as Out);
  await paramsWs.commit();

  // 3. Allocation: the pane's cells, spills made per row, with cached values.
  const index = new Int32Array(n).fill(-1);
  schools.forEach((s, i) => (index[s.row - 1] = i));
  const [titles, body, totals] = allocation.sheet.blocks;
  const formats = body.numberFormats ?? [];
  const first = 2;
  const last = n + 1;
  const columns = allocation.cells.columns;
  const rowWise = [columns.weightedPupils, columns.formulaAmount, columns.protectedAmount, columns.perPupil];
  const templates = new Map(rowWise.map((c) => [c, rowTemplate(String(body.values[0][c]), first, last)]));
  const allocWs = workbook.addWorksheet(allocation.sheet.name);
  setWidths(allocWs, allocation.sheet.columnWidths);
  const header = allocWs.getRow(1);
  titles.values[0].forEach((t, c) => {
    header.getCell(c + 1).value = t;
    header.getCell(c + 1).font = { bold: true };
  });
  header.commit();
  const povertyHeader = povertyHeaderOf(run);
  for (let r = 0; r < n; r++) {
    const i = index[r];
    const sheetRow = first + r;
    const line = allocWs.getRow(sheetRow);
    if (i >= 0) {
      const s = schools[i];
      const source = body.values[r];
      const cached: Record<number, unknown> = {
        [columns.id]: mapping.id !== undefined ? table.rows[r][mapping.id] : s.id,
        [columns.name]: mapping.name !== undefined ? (isBlank(table.rows[r][mapping.name]) ? 0 : table.rows[r][mapping.name]) : null,
        [columns.enrollment]: s.enrollment,
        [columns.weightedPupils]: result.weightedPupils[i],
        [columns.formulaAmount]: result.formulaAmount[i],
        [columns.prior]: s.prior === null ? "" : s.prior,
        [columns.protectedAmount]: result.protectedAmount[i],
        [columns.change]: result.change[i] === null ? "" : result.change[i],
        [columns.poverty]: povertyHeader !== null && s.enrollment > 0 ? s.counts[povertyHeader] / s.enrollment : "",
        [columns.perPupil]: result.perPupil[i] === null ? DIV0 : result.perPupil[i],
      };
      if (r === 0) cached[columns.base] = result.base;
      for (let c = 0; c < titles.values[0].length; c++) {
        const text = templates.has(c) ? fill(templates.get(c)!, sheetRow) : source[c];
        if (text === null || text === undefined) continue;
        const cell = line.getCell(c + 1);
        const value = cached[c];
        if (typeof text !== "string" || !text.startsWith("=")) {
          if (templates.has(c)) cell.value = values ? ((value === "" ? null : value) as Out) : f(text as string, value);
          else cell.value = text as Out;
        } else cell.value = values ? ((value === "" ? null : value) as Out) : f(storedFormula(text), value);
        if (formats[c]) cell.numFmt = formats[c] as string;
      }
    }
    line.commit();
    progress.tick(1);
  }
  // Totals, two rows below the last school, as the pane writes them.
  const totalLine = allocWs.getRow(last + 3);
  const sumOf = (c: number): number => {
    let acc = 0;
    if (c === columns.enrollment) for (const s of schools) acc += s.enrollment;
    else if (c === columns.weightedPupils) return result.weightedPupils.reduce((a, b) => a + b, 0);
    else if (c === columns.formulaAmount) return result.formulaAmount.reduce((a, b) => a + b, 0);
    else if (c === columns.protectedAmount) return result.total;
    else if (c === columns.prior) for (const s of schools) acc += s.prior ?? 0;
    else if (c === columns.change) for (const x of result.change) acc += x ?? 0;
    return acc;
  };
  totals.values[0].forEach((t, c) => {
    if (t === null) return;
    const cell = totalLine.getCell(c + 1);
    if (typeof t === "string" && t.startsWith("=")) cell.value = values ? sumOf(c) : f(storedFormula(t), sumOf(c));
    else cell.value = t;
    cell.font = { bold: true };
    if (formats[c]) cell.numFmt = formats[c] as string;
  });
  totalLine.commit();
  await allocWs.commit();

  // 4. Equity: one single-value formula per statistic, INDEX into WSF.EQUITYTABLE.
  const equityWs = workbook.addWorksheet(equity.name);
  setWidths(equityWs, equity.columnWidths);
  const stats = allocationEquity(run);
  const [intro, tableBlock] = equity.blocks;
  const spill = String(tableBlock.values[1][0]);
  const lines: CellValue[][] = [tableBlock.values[0]];
  const cachedValue: Out[] = [];
  if ("rows" in stats) {
    stats.rows.forEach((line, k) => {
      lines.push([line.metric, `=INDEX(${spill.slice(1)},${k + 1},2)`]);
      cachedValue.push(line.value instanceof WsfError ? ({ error: EXCEL_ERRORS[line.value.code] } as Out) : line.value);
    });
  }
  const block: Block = { ...tableBlock, values: lines };
  writeBlocks(
    equityWs,
    [intro, block, ...("error" in stats ? [{ row: tableBlock.row + 1, column: 0, values: [[`The equity table cannot be computed: ${stats.error}`]] }] : [])],
    (value, row) => {
      const k = row - tableBlock.row - 1;
      const cached = cachedValue[k];
      return values ? cached : f(storedFormula(String(value)), cached);
    },
  );
  await equityWs.commit();
  progress.stop();
  await workbook.commit();
}

/** A number or text for a CSV field: text quoted when it holds a comma, quote or line break. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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
  const titles = allocationTitles(run);
  const povertyHeader = povertyHeaderOf(run);
  const out = createWriteStream(path, { encoding: "utf8" });
  const chunks: string[] = [titles.map(csvField).join(",")];
  const flush = async (): Promise<void> => {
    if (!out.write(`${chunks.join("\n")}\n`)) await once(out, "drain");
    chunks.length = 0;
  };
  for (let i = 0; i < schools.length; i++) {
    const s = schools[i];
    const name = mapping.name !== undefined ? table.rows[s.row - 1][mapping.name] : null;
    chunks.push(
      [
        s.id,
        name,
        s.enrollment,
        result.weightedPupils[i],
        result.base,
        result.formulaAmount[i],
        s.prior,
        result.protectedAmount[i],
        result.change[i],
        povertyHeader !== null && s.enrollment > 0 ? s.counts[povertyHeader] / s.enrollment : null,
        result.perPupil[i],
      ]
        .map(csvField)
        .join(","),
    );
    if (chunks.length >= 2000) await flush();
  }
  await flush();
  out.end();
  await once(out, "close");
}
