import type { ColumnMapping, SingleColumnRole } from "../table";
import type { FormulaSpec } from "./FormulaSpec";
import { titleISettingsProblems } from "./titleISettingsProblems";
import type { TitleISettings } from "./TitleISettings";
import { validateFormulaSpec } from "./validateFormulaSpec";

/**
 * A scenario as a file of its own (`.json`), the one format the task pane exports and imports and the `wsf`
 * command line reads: a formula and the columns it was run on, named by header so the file fits any table
 * that has those headers (a saved scenario inside a workbook names columns by position instead).
 *
 *     { "format": "wsf-scenario", "version": 2, "name": "LAUSD-style", "savedAt": "2026-11-28T12:00:00.000Z",
 *       "spec": { "version": 1, "base": { "mode": "solve", "pool": 10000000 }, ... },
 *       "columns": { "id": "School ID", "enrollment": "Enrollment", "frl": "FRL", "grades": [], "counts": [] },
 *       "titleI": { "columns": { "lowIncome": "FRL", "enrollment": "Enrollment", ... }, "method": "35", ... } }
 *
 * `columns` is optional: without it the reader finds columns by header as the pane does. `titleI` (version
 * 2) holds the Title I step's choices (`TitleISettings`); without it there is no Title I run.
 * Version 1 files (before Title I choices) are read as version 2 files without `titleI`.
 */
export interface ScenarioFile {
  format: typeof SCENARIO_FILE_FORMAT;
  version: typeof SCENARIO_FILE_VERSION;
  name: string;
  /** ISO 8601 time of export. */
  savedAt: string;
  spec: FormulaSpec;
  columns?: ScenarioColumns;
  /** The Title I step's choices; absent when the scenario has none. */
  titleI?: TitleISettings;
}

/** A column mapping by header text: every single-column role, grade-band and other count columns. */
export type ScenarioColumns = Partial<Record<SingleColumnRole, string>> & { grades: string[]; counts: string[] };

export const SCENARIO_FILE_FORMAT = "wsf-scenario";
export const SCENARIO_FILE_VERSION = 2;

const ROLES: readonly SingleColumnRole[] = ["id", "name", "enrollment", "frl", "el", "sped", "foster", "unduplicated", "prior", "region", "level"];

/** The result of `parseScenarioFile`: the scenario, or every problem found, each naming its field. */
export type ParsedScenarioFile = { ok: true; scenario: ScenarioFile } | { ok: false; problems: string[] };

type Obj = Record<string, unknown>;
const asObject = (x: unknown): Obj | null => (typeof x === "object" && x !== null && !Array.isArray(x) ? (x as Obj) : null);

/**
 * The column mapping of a table as headers, for a scenario file.
 *
 * Cost O(columns mapped).
 *
 * @throws nothing.
 * @example mappingToColumns(["ID", "Enrollment"], { id: 0, enrollment: 1, grades: [], counts: [] }) // { id: "ID", enrollment: "Enrollment", grades: [], counts: [] }
 */
export function mappingToColumns(headers: readonly string[], mapping: ColumnMapping): ScenarioColumns {
  const columns: ScenarioColumns = { grades: mapping.grades.map((c) => String(headers[c])), counts: mapping.counts.map((c) => String(headers[c])) };
  for (const role of ROLES) {
    const index = mapping[role];
    if (index !== undefined) columns[role] = String(headers[index]);
  }
  return columns;
}

/**
 * A scenario file's columns as a mapping onto a table's headers. Headers are matched exactly first, then
 * case- and spacing-insensitively. Returns the mapping and the headers it could not find.
 *
 * Cost O(columns x headers).
 *
 * @throws nothing.
 * @example columnsToMapping({ enrollment: "Enrollment", grades: [], counts: [] }, ["ID", "enrollment"]) // { mapping: { enrollment: 1, grades: [], counts: [] }, missing: [] }
 */
export function columnsToMapping(columns: ScenarioColumns, headers: readonly string[]): { mapping: ColumnMapping; missing: string[] } {
  const loose = (h: string): string => h.trim().toLowerCase().replace(/\s+/g, " ");
  const find = (header: string): number => {
    const exact = headers.indexOf(header);
    return exact >= 0 ? exact : headers.findIndex((h) => loose(String(h)) === loose(header));
  };
  const mapping: ColumnMapping = { grades: [], counts: [] };
  const missing: string[] = [];
  for (const role of ROLES) {
    const header = columns[role];
    if (header === undefined) continue;
    const index = find(header);
    if (index < 0) missing.push(header);
    else mapping[role] = index;
  }
  for (const list of ["grades", "counts"] as const) {
    for (const header of columns[list]) {
      const index = find(header);
      if (index < 0) missing.push(header);
      else mapping[list].push(index);
    }
  }
  return { mapping, missing };
}

/**
 * A scenario file's text: pretty-printed JSON (two spaces), so a person can read and diff it.
 *
 * Cost O(size of the spec).
 *
 * @throws nothing for specs built by the engine (plain data).
 * @example serializeScenarioFile({ name: "Flat", spec, savedAt: "2026-11-28T00:00:00.000Z" }) // '{\n  "format": "wsf-scenario",\n  "version": 2, ...'
 */
export function serializeScenarioFile(scenario: { name: string; spec: FormulaSpec; savedAt?: string; columns?: ScenarioColumns; titleI?: TitleISettings }): string {
  const file: ScenarioFile = {
    format: SCENARIO_FILE_FORMAT,
    version: SCENARIO_FILE_VERSION,
    name: scenario.name,
    savedAt: scenario.savedAt ?? new Date().toISOString(),
    spec: { ...scenario.spec, name: scenario.name },
    ...(scenario.columns ? { columns: scenario.columns } : {}),
    ...(scenario.titleI ? { titleI: scenario.titleI } : {}),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads a scenario file, never throwing: damaged JSON, another format, a newer version, a missing or wrong
 * field each give a problem that names the field (`spec.categoryWeights 2 (EL): weight is -1, expected a
 * number >= 0`, `columns.frl is 3, expected a column header`, `titleI.allocation.perChild is -5, expected
 * dollars >= 0 per low-income child`). A version 1 file (no Title I choices) is migrated: read as version 2. The formula is checked by
 * `validateFormulaSpec`, the same rules the pane applies to a saved scenario; that its columns exist in a
 * table is checked where the table is known (pass `headers`).
 *
 * Cost O(size of the text).
 *
 * @throws nothing.
 * @example parseScenarioFile('{"format":"wsf-scenario","version":3}') // { ok: false, problems: ["version is 2: this file was written by a newer version ..."] }
 */
export function parseScenarioFile(text: string, headers?: readonly string[]): ParsedScenarioFile {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, problems: [`the file is not valid JSON (${(e as Error).message})`] };
  }
  const file = asObject(data);
  if (file === null) return { ok: false, problems: ["the file does not hold a JSON object"] };
  if (file.format === "wsf-scenarios") {
    return { ok: false, problems: ['format is "wsf-scenarios", a whole scenario store; export one scenario from the task pane (Scenarios, Export) instead'] };
  }
  if (file.format !== SCENARIO_FILE_FORMAT) return { ok: false, problems: [`format is ${JSON.stringify(file.format)}, expected "${SCENARIO_FILE_FORMAT}"`] };
  if (typeof file.version !== "number" || !Number.isInteger(file.version) || file.version < 1) {
    return { ok: false, problems: [`version is ${JSON.stringify(file.version)}, expected ${SCENARIO_FILE_VERSION}`] };
  }
  if (file.version > SCENARIO_FILE_VERSION) {
    return { ok: false, problems: [`version is ${file.version}: this file was written by a newer version of WSF (this one reads version ${SCENARIO_FILE_VERSION}); update to use it`] };
  }
  const problems: string[] = [];
  if (typeof file.name !== "string" || file.name.trim() === "") problems.push("name is missing, expected the scenario's name");
  if (file.savedAt !== undefined && (typeof file.savedAt !== "string" || Number.isNaN(Date.parse(file.savedAt)))) {
    problems.push(`savedAt is ${JSON.stringify(file.savedAt)}, expected a date such as 2026-11-28T12:00:00.000Z`);
  }
  if (file.spec === undefined) problems.push("spec is missing, expected the formula");
  else problems.push(...validateFormulaSpec(file.spec, headers).map((p) => `spec: ${p}`));

  let columns: ScenarioColumns | undefined;
  if (file.columns !== undefined) {
    const c = asObject(file.columns);
    if (c === null) problems.push("columns is not an object of role: header");
    else {
      for (const role of ROLES) {
        if (c[role] !== undefined && (typeof c[role] !== "string" || c[role] === "")) problems.push(`columns.${role} is ${JSON.stringify(c[role])}, expected a column header`);
      }
      for (const list of ["grades", "counts"]) {
        if (c[list] !== undefined && (!Array.isArray(c[list]) || !(c[list] as unknown[]).every((h) => typeof h === "string" && h !== ""))) {
          problems.push(`columns.${list} is ${JSON.stringify(c[list])}, expected a list of column headers`);
        }
      }
      const unknown = Object.keys(c).filter((k) => !(ROLES as readonly string[]).includes(k) && k !== "grades" && k !== "counts");
      if (unknown.length > 0) problems.push(`columns.${unknown[0]} is not a column role (expected one of ${ROLES.join(", ")}, grades, counts)`);
      columns = { ...(c as Partial<ScenarioColumns>), grades: (c.grades as string[] | undefined) ?? [], counts: (c.counts as string[] | undefined) ?? [] } as ScenarioColumns;
      if (headers && problems.length === 0) {
        const { missing } = columnsToMapping(columns, headers);
        if (missing.length > 0) problems.push(`columns: ${missing.map((h) => JSON.stringify(h)).join(", ")} ${missing.length === 1 ? "is" : "are"} not in the schools table`);
      }
    }
  }
  if (file.titleI !== undefined) problems.push(...titleISettingsProblems(file.titleI, headers));
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    scenario: {
      format: SCENARIO_FILE_FORMAT,
      version: SCENARIO_FILE_VERSION,
      name: (file.name as string).trim(),
      savedAt: (file.savedAt as string | undefined) ?? "",
      spec: file.spec as FormulaSpec,
      ...(columns ? { columns } : {}),
      ...(file.titleI !== undefined ? { titleI: file.titleI as TitleISettings } : {}),
    },
  };
}
