import { readFile } from "node:fs/promises";
import type { FormulaSpec } from "../engine/scenario/FormulaSpec";
import { presets, type PresetId } from "../engine/scenario/presets";
import { priorYearPool } from "../engine/scenario/priorYearPool";
import { columnsToMapping, parseScenarioFile, type ScenarioFile } from "../engine/scenario/scenarioFile";
import { validateFormulaSpec } from "../engine/scenario/validateFormulaSpec";
import type { ColumnMapping, SingleColumnRole } from "../engine/table/ColumnMapping";
import { normalizeHeader } from "../engine/table/normalizeHeader";
import { readSchools } from "../engine/table/readSchools";
import type { DataProblem, School } from "../engine/table/School";
import { suggestMapping } from "../engine/table/suggestMapping";
import { columnLetters } from "../workbook/shared/columnLetters";
import { CliError, place } from "./CliError";
import type { InputTable } from "./readInput";

const SINGLE_ROLES: readonly SingleColumnRole[] = ["id", "name", "enrollment", "frl", "el", "sped", "foster", "unduplicated", "prior", "region", "level"];
const PRESET_IDS: readonly PresetId[] = ["flat", "lausd", "nyc", "lcff"];

/** Headers named in `--column role=Header` options, for finding the header row. */
export function columnHints(options: readonly string[] = []): string[] {
  return options.map((o) => o.slice(o.indexOf("=") + 1).trim()).filter((h) => h !== "");
}

function headersFound(table: InputTable): string {
  return table.headers.map((h) => JSON.stringify(h)).join(", ");
}

/** The index of a header: exact, then ignoring case, spacing and punctuation as the pane does. */
export function findHeader(table: InputTable, header: string): number {
  const exact = table.headers.indexOf(header);
  if (exact >= 0) return exact;
  const key = normalizeHeader(header);
  return table.headers.findIndex((h) => normalizeHeader(h) === key);
}

function assign(mapping: ColumnMapping, role: SingleColumnRole | "grade" | "count", column: number): void {
  mapping.grades = mapping.grades.filter((c) => c !== column);
  mapping.counts = mapping.counts.filter((c) => c !== column);
  for (const r of SINGLE_ROLES) if (mapping[r] === column) delete mapping[r];
  if (role === "grade") mapping.grades.push(column);
  else if (role === "count") mapping.counts.push(column);
  else mapping[role] = column;
}

/**
 * The column mapping of a table: the pane's synonyms (`suggestMapping` on the headers and the first rows),
 * then the scenario file's columns by header, then `--column role=Header` (roles: the pane's single-column
 * roles, `grade` and `count` to add a column to those lists).
 *
 * @throws CliError naming the option and listing the headers found when a header or role does not exist.
 */
export function mapColumns(table: InputTable, columnOptions: readonly string[] = [], scenario?: ScenarioFile): ColumnMapping {
  const mapping = suggestMapping(table.headers, table.rows.slice(0, 50));
  if (scenario?.columns) {
    const { mapping: fromFile, missing } = columnsToMapping(scenario.columns, table.headers);
    if (missing.length > 0) {
      throw new CliError(`${place(table.file, table.sheet)}: the scenario's columns ${missing.map((h) => JSON.stringify(h)).join(", ")} are not in the table. Headers found: ${headersFound(table)}`);
    }
    for (const role of SINGLE_ROLES) if (fromFile[role] !== undefined) assign(mapping, role, fromFile[role] as number);
    for (const c of fromFile.grades) if (!mapping.grades.includes(c)) assign(mapping, "grade", c);
    for (const c of fromFile.counts) if (!mapping.counts.includes(c)) assign(mapping, "count", c);
  }
  for (const option of columnOptions) {
    const eq = option.indexOf("=");
    const role = (eq < 0 ? option : option.slice(0, eq)).trim().toLowerCase();
    const header = eq < 0 ? "" : option.slice(eq + 1).trim();
    if (!(SINGLE_ROLES as readonly string[]).includes(role) && role !== "grade" && role !== "count") {
      throw new CliError(`--column ${option}: "${role}" is not a column role; use one of ${[...SINGLE_ROLES, "grade", "count"].join(", ")}`);
    }
    if (header === "") throw new CliError(`--column ${option}: expected role=Header, e.g. --column enrollment="Total enrollment"`);
    const column = findHeader(table, header);
    if (column < 0) throw new CliError(`--column ${option}: ${place(table.file, table.sheet)} has no column ${JSON.stringify(header)}. Headers found: ${headersFound(table)}`);
    assign(mapping, role as SingleColumnRole | "grade" | "count", column);
  }
  return mapping;
}

/** Every column a formula weights, so the mapping reads them as counts. */
function specHeaders(spec: FormulaSpec): string[] {
  return [
    ...spec.gradeWeights.map((g) => g.header),
    ...spec.categoryWeights.map((c) => c.header),
    ...spec.concentration.map((c) => c.header),
    ...(spec.fixed.mode === "column" ? [spec.fixed.header] : []),
  ];
}

/**
 * Adds the columns a formula weights to the mapping's counts when no role reads them yet (a scenario may
 * weight a column the synonyms do not know).
 *
 * @throws CliError when the table lacks a column the formula names.
 */
export function includeSpecColumns(table: InputTable, mapping: ColumnMapping, spec: FormulaSpec, source: string): void {
  const problems = validateFormulaSpec(spec, table.headers);
  if (problems.length > 0) {
    throw new CliError(`${source}: ${problems.join("; ")}. ${place(table.file, table.sheet)} has the headers ${headersFound(table)}`);
  }
  const mapped = new Set<number>([...mapping.grades, ...mapping.counts, ...SINGLE_ROLES.map((r) => mapping[r]).filter((c): c is number => c !== undefined)]);
  for (const header of specHeaders(spec)) {
    const column = table.headers.indexOf(header);
    if (!mapped.has(column)) {
      mapping.counts.push(column);
      mapped.add(column);
    }
  }
}

/** One data problem as a line: the file, sheet, sheet row and column, then the engine's message. */
export function problemLine(table: InputTable, p: DataProblem): string {
  const column = p.column >= 0 ? columnLetters(p.sheetColumn) : undefined;
  let detail = problemDetail(p);
  const cell = p.row > 0 && p.column >= 0 ? table.rows[p.row - 1]?.[p.column] : undefined;
  if (table.sheet === null && typeof cell === "string" && FORMATTED_NUMBER.test(cell.trim())) {
    // Excel's "Save as CSV" writes what a cell shows: $2,511,703 or 1,100 for a cell formatted that way.
    detail = `${detail.replace(/ \(it is stored as text; convert it to a number\)$/, "")} (a number written with a currency sign or thousands separators, as Excel saves a formatted cell in a .csv; wsf does not guess what they mean: format the column as General in Excel before saving the .csv, or use the .xlsx)`;
  }
  return `${place(table.file, table.sheet, p.sheetRow + 1, column, p.column >= 0 ? p.header : undefined)}: ${detail}`;
}

/** A number as a formatted cell shows it: a currency sign, thousands separators or a percent sign. */
const FORMATTED_NUMBER = /^(?=.*[$,%€£])\(?-?[$€£]?\s*-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*%?\)?$/;

/**
 * The engine's message without what the place before it already says, and with one row number: the pane's
 * `Schools table: FRL row 3 (sheet row 4) is "n/a", ...` (row 3 of the table, row 4 of the sheet) after
 * `file, row 4, column J (FRL): ` would give a reader two row numbers for one cell, so it becomes
 * `is "n/a", ...`, and `of row 1 (sheet row 2)` becomes `of row 2`.
 */
export function problemDetail(p: DataProblem): string {
  let text = p.message.replace(/^Schools table: /, "");
  if (p.column >= 0 && p.row > 0) {
    const prefix = `${p.header} row ${p.row} (sheet row ${p.sheetRow + 1}) `;
    if (text.startsWith(prefix)) text = text.slice(prefix.length);
  }
  return text.replace(/\brows (\d+) to (\d+) \(sheet rows (\d+) to (\d+)\)/g, "rows $3 to $4").replace(/\brow (\d+) \(sheet row (\d+)\)/g, "row $2");
}

/**
 * The schools of a table under a mapping, through the pane's `readSchools`.
 *
 * @throws CliError listing every error (with file, sheet, row and column) when any row has one, or when the
 *   table has no enrollment: wsf does not allocate over a table with rows left out.
 */
export function schoolsOf(table: InputTable, mapping: ColumnMapping): { schools: School[]; problems: DataProblem[] } {
  if (mapping.enrollment === undefined && mapping.grades.length === 0) {
    throw new CliError(
      `${place(table.file, table.sheet, table.headerRow + 1)}: missing required column: enrollment (no header is enrollment, ADA, students, ... and none is a grade band). Headers found: ${headersFound(table)}. Name it with --column enrollment=<header>`,
    );
  }
  const { schools, problems } = readSchools(table.headers, table.rows, mapping, table.headerRow + 1, table.firstColumn);
  return { schools, problems };
}

/** Throws the errors among `problems` (warnings are left to the caller to print). */
export function requireNoErrors(table: InputTable, problems: readonly DataProblem[]): void {
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length === 0) return;
  const shown = errors.slice(0, 25).map((p) => `  ${problemLine(table, p)}`);
  const more = errors.length > shown.length ? [`  ... and ${errors.length - shown.length} more (wsf check ${table.file} lists them all)`] : [];
  throw new CliError(`${place(table.file, table.sheet)}: ${errors.length} ${errors.length === 1 ? "row has an error" : "errors"}; fix ${errors.length === 1 ? "it" : "them"} and run again:\n${[...shown, ...more].join("\n")}`);
}

/** Reads and validates a scenario file. @throws CliError naming the file and each field at fault. */
export async function loadScenarioFile(path: string): Promise<ScenarioFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new CliError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message})`);
  }
  const parsed = parseScenarioFile(text);
  if (!parsed.ok) throw new CliError(`${path}: not a usable scenario file: ${parsed.problems.join("; ")}`);
  return parsed.scenario;
}

/** `lausd`, `lausd-style`, `LAUSD` -> "lausd". @throws CliError listing the preset ids. */
export function presetId(text: string): PresetId {
  const id = text.trim().toLowerCase().replace(/-style$/, "");
  if (!(PRESET_IDS as readonly string[]).includes(id)) throw new CliError(`--preset ${text}: no such preset; use one of ${PRESET_IDS.join(", ")} (the task pane's presets)`);
  return id as PresetId;
}

/** `12000000`, `12,000,000`, `$12,000,000.50` -> number; "prior" -> "prior". @throws CliError otherwise. */
export function parsePool(text: string): number | "prior" {
  if (text.trim().toLowerCase() === "prior") return "prior";
  const cleaned = text.trim().replace(/^\$/, "").replace(/,/g, "");
  const value = Number(cleaned);
  if (cleaned === "" || !Number.isFinite(value) || value < 0) throw new CliError(`--pool ${text}: expected a dollar amount >= 0 (e.g. 12000000) or "prior" (last year's total)`);
  return value;
}

/** The pool's value: a number as given, or the sum of the prior-year column. @throws CliError when it cannot be formed. */
export function poolValue(table: InputTable, mapping: ColumnMapping, schools: readonly School[], pool: number | "prior"): number {
  if (pool !== "prior") return pool;
  if (mapping.prior === undefined) {
    throw new CliError(`--pool prior: ${place(table.file, table.sheet)} has no prior-year column (e.g. "Prior year allocation"). Headers found: ${headersFound(table)}. Name it with --column prior=<header>`);
  }
  const value = priorYearPool(schools);
  if (value === null) {
    const blank = schools.find((s) => s.prior === null);
    throw new CliError(
      `--pool prior: ${place(table.file, table.sheet, blank ? table.headerRow + 1 + blank.row : undefined, columnLetters(table.firstColumn + mapping.prior), table.headers[mapping.prior])}: the prior-year amount is blank, so last year's total is not known; give --pool <dollars>`,
    );
  }
  return value;
}

/** The formula to run: a scenario file's or a preset fitted to the table, with `--pool` solving the base. */
export function formulaOf(table: InputTable, mapping: ColumnMapping, source: { scenario?: ScenarioFile; preset?: PresetId }, pool: number | null): FormulaSpec {
  let spec: FormulaSpec;
  if (source.scenario) spec = source.scenario.spec;
  else {
    const found = presets(table.headers, mapping).find((p) => p.id === source.preset);
    if (!found) throw new CliError(`--preset ${source.preset}: no such preset`);
    spec = found.spec;
  }
  return pool === null ? spec : { ...spec, base: { mode: "solve", pool } };
}
