import type { Cell } from "../engine/core/cells";
import { isBlank } from "../engine/core/cells";
import { WsfError } from "../engine/core/WsfError";
import type { TitleISettings } from "../engine/scenario/TitleISettings";
import { titleISettingsProblems } from "../engine/scenario/titleISettingsProblems";
import { comparability, type ComparabilityRow } from "../engine/titleI/comparability";
import { titleIAllocate, type TitleIAllocationRow } from "../engine/titleI/titleIAllocate";
import { titleIRank, type TitleIRankRow } from "../engine/titleI/titleIRank";
import type { ColumnMapping } from "../engine/table/ColumnMapping";
import { comparabilitySheet, type ComparabilityChoices } from "../taskpane/sheets/comparabilitySheet";
import { TITLE_I_FIRST_ROW, titleISheet, type TitleIChoices } from "../taskpane/sheets/titleISheet";
import { previewTitleI, type TitleIPreview } from "../taskpane/steps/titleI/previewTitleI";
import { placeSettings } from "../taskpane/steps/titleI/titleISettings";
import type { Block, CellValue, SheetSpec, TableInfo } from "../workbook/WorkbookPort";
import { CliError, place } from "./CliError";
import type { InputTable } from "./readInput";

/** A cell's cached result as written to the .xlsx: a value, or an Excel error. */
export type TitleIResult = number | string | boolean | { error: string } | null;

/** The Title I step's choices placed on the input table, with the engine's preview of what the sheet shows. */
export interface TitleIRun {
  settings: TitleISettings;
  choices: TitleIChoices;
  /** The comparability test's choices; null when neither staff nor salaries is named. */
  comparability: ComparabilityChoices | null;
  preview: TitleIPreview;
}

/**
 * Places a scenario's Title I choices on the table (columns by header, skipped schools by id or row) and
 * runs the pane's own preview (`previewTitleI`: the ranking, who is served, the 125% minimum, the
 * allocations). wsf writes no Title I sheet it could not compute: any problem stops the run.
 *
 * Cost O(n log n).
 *
 * @throws CliError naming the scenario file and the field (a header the table lacks, a skipped school not
 *   found), or the rows and rule at fault (a bad count, a pool below the 125% minimum, an amount per child
 *   the pool cannot pay, no school served).
 */
export function prepareTitleI(table: InputTable, mapping: ColumnMapping, settings: TitleISettings, source: string): TitleIRun {
  const headers = table.headers.map(String);
  const problems = titleISettingsProblems(settings, headers);
  if (problems.length > 0) throw new CliError(`${source}: ${problems.join("; ")}. ${place(table.file, table.sheet)} has the headers ${headers.map((h) => JSON.stringify(h)).join(", ")}`);
  const placed = placeSettings(settings, headers, table.rows as CellValue[][], mapping.id ?? null);
  if (placed.missing.length > 0) throw new CliError(`${source}: titleI: ${placed.missing.join(", ")} not found in ${place(table.file, table.sheet)}`);
  const columns = placed.columns;
  const choices: TitleIChoices = {
    method: settings.method,
    lowIncome: columns.lowIncome as number,
    enrollment: columns.enrollment as number,
    gradeSpan: columns.gradeSpan,
    privateSchool: columns.privateSchool,
    id: mapping.id ?? null,
    name: mapping.name ?? null,
    districtAllocation: settings.districtAllocation,
    reservations: settings.reservations,
    skipped: placed.skipped,
    allocation: settings.allocation,
  };
  const preview = previewTitleI(table.rows as CellValue[][], choices);
  if (preview.problems.length > 0) {
    const lines = preview.problems.slice(0, 10).map((p) => `  ${p.dataRow > 0 ? `${place(table.file, table.sheet, table.headerRow + 1 + p.dataRow)}: ` : ""}${p.message}`);
    throw new CliError(`${source}: the Title I ranking cannot be computed:\n${lines.join("\n")}`);
  }
  // The preview's problems include a pool below the 125% minimum, an amount per child the pool cannot pay and no school served.
  if (preview.allocationProblem !== null) throw new CliError(`${source}: the Title I allocation cannot be computed: ${preview.allocationProblem}`);
  const cmp: ComparabilityChoices | null =
    columns.staff !== null || columns.salaries !== null
      ? { enrollment: choices.enrollment, gradeSpan: columns.gradeSpan, staff: columns.staff, salaries: columns.salaries, id: choices.id, name: choices.name, tolerance: settings.comparability.tolerance, smallSchool: settings.comparability.smallSchool }
      : null;
  return { settings, choices, comparability: cmp, preview };
}

/** One line for standard error: who is served and what they get. */
export function titleISummary(t: TitleIRun): string {
  const money = (x: number): string => `$${x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  const served = t.preview.schools.filter((s) => s.served).length;
  return `Title I: ${served} of ${t.preview.schools.length} schools served, ${t.preview.servedChildren.toLocaleString("en-US")} low-income children, ${t.preview.perChild !== null ? `${money(t.preview.perChild)} per child, ` : ""}${money(t.preview.allocated)} of a pool of ${money(t.preview.pool)}${t.comparability ? "; comparability tested" : ""}\n`;
}

/** A sheet as the pane builds it, its spills made single-valued, with the cached result of every formula cell. */
export interface CachedSheet {
  sheet: SheetSpec;
  /** Cached results by 0-based "row,column". */
  results: Map<string, TitleIResult>;
}

const key = (row: number, column: number): string => `${row},${column}`;
const blankable = (cell: Cell): TitleIResult => (isBlank(cell) ? "" : (cell as TitleIResult));
const num = (x: TitleIResult): number => (typeof x === "number" ? x : 0);
/** Excel's `"text"&ROUND(x,2)`: the number in General format. */
const roundText = (x: number): string => String(Math.round(x * 100) / 100);

/**
 * Each spilling formula of a block's first row becomes one `INDEX(<spill>, k, j)` formula per school row and
 * column of the spill (excel-behaviour.md item 8: author only single-value formulas in generated files).
 */
function expandSpills(block: Block, spills: { column: number; width: number }[]): Block {
  const values = block.values.map((line) => [...line]);
  for (const { column, width } of spills) {
    const formula = String(block.values[0][column]).slice(1);
    for (let k = 0; k < values.length; k++) for (let j = 0; j < width; j++) values[k][column + j] = `=INDEX(${formula},${k + 1},${j + 1})`;
  }
  return { ...block, values };
}

/**
 * The "WSF Title I" sheet as the pane writes it (`titleISheet`), with each spill made single-valued and the
 * result of every formula cell from the engine, computed as the sheet's formulas compute it: the ranking
 * (WSF.TITLEIRANK), Served, Per child, the allocation (WSF.TITLEIALLOCATE), the private-school share, the
 * totals and the parameter cells (pool, children, 125% minimum, checks).
 *
 * Cost O(n log n).
 */
export function titleICachedSheet(info: TableInfo, table: InputTable, t: TitleIRun): CachedSheet & { served: TitleIResult[]; cells: ReturnType<typeof titleISheet>["cells"] } {
  const { sheet, cells } = titleISheet(info, t.choices);
  const { choices, preview } = t;
  const n = table.rows.length;
  const rows = table.rows;
  const at = (k: number) => rows.map((r) => r[k] ?? null);
  const lowIncome = at(choices.lowIncome);
  const results = new Map<string, TitleIResult>();
  const ranked = titleIRank(lowIncome, at(choices.enrollment), choices.method, choices.method === "span" && choices.gradeSpan !== null ? at(choices.gradeSpan) : null, null, "WSF.TITLEIRANK");

  // Columns of the school rows (titleISheet's layout).
  const C = { id: 0, name: 1, span: 2, lowIncome: 3, enrollment: 4, rate: 5, rank: 6, status: 7, served: 8, reason: 9, perChild: 10, allocation: 11, privateChildren: 12, privateShare: 13 };
  const first = TITLE_I_FIRST_ROW;
  const served: TitleIResult[] = new Array(n).fill("");
  const rate: Cell[] = new Array(n).fill(null);
  const status: string[] = new Array(n).fill("");
  for (let i = 0; i < n; i++) {
    const r = first + i;
    const row = ranked[i];
    const li = lowIncome[i];
    if (choices.id !== null) results.set(key(r, C.id), blankable(rows[i][choices.id]));
    if (choices.name !== null) results.set(key(r, C.name), blankable(rows[i][choices.name]));
    if (choices.gradeSpan !== null) results.set(key(r, C.span), blankable(rows[i][choices.gradeSpan]));
    results.set(key(r, C.lowIncome), blankable(li));
    results.set(key(r, C.enrollment), blankable(rows[i][choices.enrollment]));
    if (row === null) ["", "", ""].forEach((v, j) => results.set(key(r, C.rate + j), v));
    else if (row instanceof WsfError || "problem" in row) throw new Error(`Title I row ${i + 1} cannot be ranked`); // prepareTitleI refused it already
    else {
      const ok = row as TitleIRankRow;
      results.set(key(r, C.rate), ok.rate);
      results.set(key(r, C.rank), ok.rank);
      results.set(key(r, C.status), ok.status);
      rate[i] = ok.rate;
      status[i] = ok.status;
    }
    const reason = choices.skipped[i + 1] ?? "";
    served[i] = isBlank(li) ? "" : typeof li !== "number" || li === 0 ? 0 : status[i] !== "Not eligible" && reason === "" ? 1 : 0;
    results.set(key(r, C.served), served[i]);
  }
  const rule = t.settings.allocation.mode === "perchild" ? ({ kind: "perchild", perChild: t.settings.allocation.perChild } as const) : ({ kind: "pool", pool: preview.pool } as const);
  const allocated = titleIAllocate(lowIncome, served as Cell[], rule, preview.minimum, rate, "WSF.TITLEIALLOCATE");
  const sums = { lowIncome: 0, enrollment: 0, allocation: 0, served: 0, privateChildren: 0, privateShare: 0 };
  let skippedMustServe = 0;
  for (let i = 0; i < n; i++) {
    const r = first + i;
    const out = allocated[i];
    if (out instanceof WsfError) throw new Error(`Title I row ${i + 1}: ${out.message}`); // prepareTitleI refused it already
    const allocation: TitleIResult = out === null ? "" : (out as TitleIAllocationRow).allocation;
    const li = lowIncome[i];
    results.set(key(r, C.allocation), allocation);
    results.set(key(r, C.perChild), served[i] === 1 && typeof li === "number" && li > 0 ? num(allocation) / li : "");
    if (choices.privateSchool !== null) {
      const p = rows[i][choices.privateSchool];
      results.set(key(r, C.privateChildren), blankable(p));
      const share: TitleIResult = isBlank(p) || typeof li !== "number" || li === 0 ? "" : (num(allocation) * (p as number)) / li;
      results.set(key(r, C.privateShare), share);
      sums.privateChildren += typeof p === "number" ? p : 0;
      sums.privateShare += num(share);
    }
    sums.lowIncome += typeof li === "number" ? li : 0;
    const e = rows[i][choices.enrollment];
    sums.enrollment += typeof e === "number" ? e : 0;
    sums.allocation += num(allocation);
    sums.served += num(served[i]);
    if (status[i] === "Must serve" && served[i] === 0) skippedMustServe++;
  }
  const totalsRow = first + n + 1;
  results.set(key(totalsRow, C.lowIncome), sums.lowIncome);
  results.set(key(totalsRow, C.enrollment), sums.enrollment);
  results.set(key(totalsRow, C.allocation), sums.allocation);
  results.set(key(totalsRow, C.served), sums.served);
  if (choices.privateSchool !== null) {
    results.set(key(totalsRow, C.privateChildren), sums.privateChildren);
    results.set(key(totalsRow, C.privateShare), sums.privateShare);
  }

  // Parameter cells (column B): pool, children, 125% minimum, the checks, the private-school share.
  results.set(key(10, 1), preview.pool);
  results.set(key(11, 1), preview.districtLowIncome);
  results.set(key(12, 1), preview.minimum ?? "");
  const off = sums.allocation - preview.pool;
  results.set(key(13, 1), Math.abs(off) < 0.005 ? "OK" : t.settings.allocation.mode === "perchild" && off < 0 ? `OK: ${roundText(-off)} of the pool not allocated` : `${t.settings.allocation.mode === "perchild" ? "Over the pool by " : "Off by "}${roundText(off)}`);
  results.set(key(14, 1), skippedMustServe === 0 ? "OK" : `${skippedMustServe} skipped: see the reasons in column J`);
  if (choices.privateSchool !== null) results.set(key(15, 1), sums.privateShare);

  const blocks = sheet.blocks.map((b) => (b.row === first ? expandSpills(b, [{ column: C.rate, width: 3 }, { column: C.allocation, width: 1 }]) : b));
  return { sheet: { ...sheet, blocks }, results, served, cells };
}

/**
 * The "WSF Comparability" sheet as the pane writes it (`comparabilitySheet`), spills single-valued, with the
 * engine's results: the Title I flag (the Title I sheet's Served), each measure and WSF.COMPARABILITY's span
 * average and verdict per test.
 *
 * Cost O(n).
 */
export function comparabilityCachedSheet(info: TableInfo, table: InputTable, t: TitleIRun, titleI: ReturnType<typeof titleICachedSheet>): CachedSheet {
  const choices = t.comparability as ComparabilityChoices;
  const { sheet } = comparabilitySheet(info, choices, titleI.cells);
  const rows = table.rows;
  const n = rows.length;
  const first = 7;
  const results = new Map<string, TitleIResult>();
  const span = choices.gradeSpan !== null ? rows.map((r) => r[choices.gradeSpan as number] ?? null) : null;
  let titleICount = 0;
  for (let i = 0; i < n; i++) {
    const r = first + i;
    if (choices.id !== null) results.set(key(r, 0), blankable(rows[i][choices.id]));
    if (choices.name !== null) results.set(key(r, 1), blankable(rows[i][choices.name]));
    if (choices.gradeSpan !== null) results.set(key(r, 2), blankable(rows[i][choices.gradeSpan]));
    results.set(key(r, 3), titleI.served[i]);
    titleICount += num(titleI.served[i]);
  }
  let column = 4;
  const spills: { column: number; width: number }[] = [];
  const test = (top: number, bottom: number, kind: "ratio" | "spending") => {
    // The test's columns: two measure columns, their quotient, then the spill (average, verdict).
    const measure: Cell[][] = rows.map((row) => [blankable(row[top] ?? null) as Cell, blankable(row[bottom] ?? null) as Cell]);
    for (let i = 0; i < n; i++) {
      const r = first + i;
      const [a, b] = measure[i];
      results.set(key(r, column), a as TitleIResult);
      results.set(key(r, column + 1), b as TitleIResult);
      results.set(key(r, column + 2), typeof b === "number" && b > 0 ? num(a as TitleIResult) / b : "");
    }
    const outcome = comparability(measure, titleI.served as Cell[], span, { tolerance: choices.tolerance, kind, smallSchool: choices.smallSchool || null });
    outcome.forEach((o, i) => {
      const r = first + i;
      if (o === null) {
        results.set(key(r, column + 3), "");
        results.set(key(r, column + 4), "");
      } else if (o instanceof WsfError) {
        const error = { error: o.code === "NA" ? "#N/A" : o.code === "DIV0" ? "#DIV/0!" : o.code === "NUM" ? "#NUM!" : "#VALUE!" };
        results.set(key(r, column + 3), error);
        results.set(key(r, column + 4), error);
      } else {
        const ok = o as ComparabilityRow;
        results.set(key(r, column + 3), Number.isFinite(ok.average) ? ok.average : { error: "#N/A" });
        results.set(key(r, column + 4), ok.status);
      }
    });
    spills.push({ column: column + 3, width: 2 });
    column += 5;
  };
  if (choices.staff !== null) test(choices.enrollment, choices.staff, "ratio");
  if (choices.salaries !== null) test(choices.salaries, choices.enrollment, "spending");
  results.set(key(4, 1), titleICount);
  const blocks = sheet.blocks.map((b) => (b.row === first ? expandSpills(b, spills) : b));
  return { sheet: { ...sheet, blocks }, results };
}
