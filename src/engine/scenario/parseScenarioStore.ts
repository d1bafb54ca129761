import type { ColumnMapping } from "../table";
import type { FormulaSpec } from "./FormulaSpec";
import { AppliedFormula, AppliedTitleI, SCENARIO_STORE_FORMAT, SCENARIO_STORE_VERSION, ScenarioSummary, StoredScenario } from "./StoredScenario";
import { validateFormulaSpec } from "./validateFormulaSpec";
import { transitionSettingsProblems } from "../transition/transitionSettingsProblems";
import type { TransitionSettings } from "../transition/TransitionSettings";
import { titleISettingsProblems } from "./titleISettingsProblems";
import type { TitleISettings } from "./TitleISettings";

/** What `parseScenarioStore` found. */
export interface ParsedScenarioStore {
  /** The scenarios that are whole and valid, migrated to the current version, in stored order. */
  scenarios: StoredScenario[];
  /** One plain-language message per thing that could not be read; empty when all is well. */
  problems: string[];
  /**
   * True when the stored text holds data this version cannot read (damaged JSON, a newer version, a
   * left-out scenario). That data is in `setAside` and must go back into the store on the next save.
   */
  unreadableData: boolean;
  /**
   * What could not be read, exactly as stored, so that saving keeps it instead of dropping it: the whole
   * stored text when the store itself is unreadable, otherwise each left-out scenario's raw entry, plus
   * whatever an earlier save had already set aside. Pass it to `serializeScenarioStore`.
   */
  setAside: unknown[];
  /**
   * The formula last applied to the sheets (`AppliedFormula`), or null when none was applied or the record is
   * damaged (then `problems` says so and the pane opens on step 1; the parameters sheet is still there).
   */
  applied: AppliedFormula | null;
  /** The Title I choices last applied to the Title I sheet, or null (none, or damaged: `problems` says so). */
  appliedTitleI: AppliedTitleI | null;
}

type Obj = Record<string, unknown>;

function asObject(x: unknown): Obj | null {
  return typeof x === "object" && x !== null && !Array.isArray(x) ? (x as Obj) : null;
}

const SINGLE_ROLES = ["id", "name", "enrollment", "frl", "el", "sped", "foster", "unduplicated", "prior", "region", "level"] as const;
const isIndex = (x: unknown): boolean => typeof x === "number" && Number.isInteger(x) && x >= 0;

function mappingProblems(raw: unknown): string[] {
  const m = asObject(raw);
  if (m === null) return ["its column mapping is missing"];
  const problems: string[] = [];
  for (const role of SINGLE_ROLES) {
    if (m[role] !== undefined && !isIndex(m[role])) problems.push(`its column mapping for ${role} is ${JSON.stringify(m[role])}, expected a column index`);
  }
  for (const list of ["grades", "counts"]) {
    if (!Array.isArray(m[list]) || !(m[list] as unknown[]).every(isIndex)) problems.push(`its column mapping for ${list} is not a list of column indexes`);
  }
  return problems;
}

function summaryProblems(raw: unknown): string[] {
  if (raw === null) return [];
  const s = asObject(raw);
  const fields: (keyof ScenarioSummary)[] = ["base", "total", "schools", "floorCost", "capSavings", "floored", "capped"];
  if (s === null || !fields.every((f) => typeof s[f] === "number" && Number.isFinite(s[f]))) return ["its results summary is damaged"];
  return [];
}

function commonProblems(s: Obj): string[] {
  const problems: string[] = [];
  if (typeof s.savedAt !== "string" || Number.isNaN(Date.parse(s.savedAt))) problems.push(`its save time ${JSON.stringify(s.savedAt)} is not a date`);
  if (typeof s.tableId !== "string") problems.push("it does not say which table it was run on");
  problems.push(...mappingProblems(s.mapping));
  return problems;
}

/** Version 1 kept a bare base amount and need weights as { header: weight } (see `StoredScenarioV1`). */
function migrateV1(s: Obj): { scenario: StoredScenario | null; problems: string[] } {
  const problems = commonProblems(s);
  const weights = asObject(s.weights);
  if (weights === null) problems.push("its weights are missing");
  const spec: FormulaSpec = {
    version: 1,
    name: s.name as string,
    base: { mode: "fixed", amount: s.base as number },
    gradeWeights: [],
    categoryWeights: Object.entries(weights ?? {}).map(([header, weight]) => ({ header, label: header, weight: weight as number })),
    concentration: [],
    fixed: { mode: "none" },
    protection: { maxLoss: null, maxGain: null },
  };
  problems.push(...validateFormulaSpec(spec));
  if (problems.length > 0) return { scenario: null, problems };
  return { scenario: { name: s.name as string, savedAt: s.savedAt as string, spec, mapping: s.mapping as ColumnMapping, tableId: s.tableId as string, summary: null }, problems };
}

function readV2(s: Obj): { scenario: StoredScenario | null; problems: string[] } {
  const problems = [
    ...commonProblems(s),
    ...validateFormulaSpec(s.spec),
    ...summaryProblems(s.summary ?? null),
    ...(s.transition === undefined ? [] : transitionSettingsProblems(s.transition)),
    ...(s.titleI === undefined ? [] : titleISettingsProblems(s.titleI, undefined, "its titleI")),
  ];
  if (problems.length > 0) return { scenario: null, problems };
  return {
    scenario: {
      name: s.name as string,
      savedAt: s.savedAt as string,
      spec: s.spec as FormulaSpec,
      mapping: s.mapping as ColumnMapping,
      tableId: s.tableId as string,
      summary: (s.summary ?? null) as ScenarioSummary | null,
      ...(s.transition === undefined ? {} : { transition: s.transition as TransitionSettings }),
      ...(s.titleI === undefined ? {} : { titleI: s.titleI as TitleISettings }),
    },
    problems,
  };
}

/**
 * Reads the scenario store saved in the workbook, never throwing: whatever cannot be read becomes a
 * plain-language problem and the rest is kept.
 * - null or empty text: no scenarios yet;
 * - `{ "format": "wsf-scenarios", "version": 2, "scenarios": [...] }`: read as is;
 * - version 2 (before Title I choices) is read as version 3 without them;
 * - a scenario's optional `titleI` choices (`titleISettingsProblems`) and the store's `appliedTitleI` record
 *   are kept when valid; damaged choices leave the scenario out, a damaged record is reported and dropped;
 * - a scenario's optional `transition` plan is kept when valid (`transitionSettingsProblems`); a damaged
 *   plan leaves the scenario out like any other damaged field;
 * - version 1 (`StoredScenarioV1`: a bare base amount and weights as an object) is migrated to version 2:
 *   a fixed base, the weights as need weights (labelled by their header) on top of every pupil at 1, no
 *   concentration, fixed amounts or protection, and no results summary (null: run it again to get one);
 * - damaged JSON, a different format or a newer version: no scenarios, one problem saying what to do, and
 *   the whole text in `setAside`, which the next save keeps in the store untouched;
 * - a scenario without a name, with an invalid formula (`validateFormulaSpec`), mapping, date or summary is
 *   left out, reported by name with its reasons, and its raw entry set aside likewise;
 * - a store's own `setAside` list (from an earlier save) is carried forward.
 * Nothing a person saved is ever dropped by reading and saving again.
 *
 * Cost O(size of the store).
 *
 * @throws nothing.
 * @example parseScenarioStore("{ not json").problems[0] // "The saved scenarios could not be read: the stored text is damaged (...)."
 */
export function parseScenarioStore(json: string | null): ParsedScenarioStore {
  if (json === null || json.trim() === "") return { scenarios: [], problems: [], unreadableData: false, setAside: [], applied: null, appliedTitleI: null };
  const unreadable = (problem: string): ParsedScenarioStore => ({ scenarios: [], problems: [problem], unreadableData: true, setAside: [json], applied: null, appliedTitleI: null });
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return unreadable(`The saved scenarios could not be read: the stored text is damaged (${(e as Error).message}). Saving keeps that text aside in the store, untouched.`);
  }
  const store = asObject(data);
  if (store === null || store.format !== SCENARIO_STORE_FORMAT) {
    return unreadable(`The saved scenarios could not be read: the stored text is not a ${SCENARIO_STORE_FORMAT} store. Saving keeps that text aside in the store, untouched.`);
  }
  const version = store.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return unreadable(`The saved scenarios could not be read: the store version ${JSON.stringify(version)} is not a version number. Saving keeps that text aside in the store, untouched.`);
  }
  if (version > SCENARIO_STORE_VERSION) {
    return unreadable(
      `The saved scenarios were written by a newer version of the add-in (store version ${version}; this one reads up to ${SCENARIO_STORE_VERSION}). Update the add-in to use them; saving keeps them aside in the store, untouched.`,
    );
  }
  if (!Array.isArray(store.scenarios)) {
    return unreadable("The saved scenarios could not be read: the store has no list of scenarios. Saving keeps that text aside in the store, untouched.");
  }

  const scenarios: StoredScenario[] = [];
  const problems: string[] = [];
  const setAside: unknown[] = Array.isArray(store.setAside) ? [...store.setAside] : [];
  if (setAside.length > 0) {
    problems.push(`${setAside.length === 1 ? "One earlier unreadable entry is" : `${setAside.length} earlier unreadable entries are`} kept aside in the store, untouched.`);
  }
  store.scenarios.forEach((raw, i) => {
    const s = asObject(raw);
    const name = s && typeof s.name === "string" && s.name.trim() !== "" ? s.name : null;
    const called = name === null ? `Saved scenario ${i + 1} (no name)` : `Scenario "${name}"`;
    if (s === null || name === null) {
      problems.push(`${called} was left out: ${s === null ? "it is not a scenario" : "it has no name"}.`);
      setAside.push(raw);
      return;
    }
    const read = version === 1 ? migrateV1(s) : readV2(s);
    if (read.scenario) scenarios.push(read.scenario);
    else {
      problems.push(`${called} was left out: ${read.problems.join("; ")}.`);
      setAside.push(raw);
    }
  });
  const applied = readApplied(store.applied, version, problems);
  const appliedTitleI = readAppliedTitleI(store.appliedTitleI, problems);
  return { scenarios, problems, unreadableData: setAside.length > 0, setAside, applied, appliedTitleI };
}

/** The Title I choices last applied; a damaged record is reported and left out (the next Title I apply writes it anew). */
function readAppliedTitleI(raw: unknown, problems: string[]): AppliedTitleI | null {
  if (raw === undefined || raw === null) return null;
  const a = asObject(raw);
  const found = a === null ? ["it is not an object"] : [...(typeof a.tableId === "string" ? [] : ["it does not say which table it was applied to"]), ...titleISettingsProblems(a.settings, undefined, "its settings")];
  if (found.length > 0 || a === null) {
    problems.push(`The record of the Title I choices last applied could not be read (${found.join("; ")}); the Title I step opens without it. Apply Title I again to record it.`);
    return null;
  }
  return { tableId: a.tableId as string, settings: a.settings as TitleISettings };
}

/** The applied-formula record (version 2 stores only); a damaged one is reported and left out (the next Apply writes it anew). */
function readApplied(raw: unknown, version: number, problems: string[]): AppliedFormula | null {
  if (raw === undefined || raw === null || version < 2) return null;
  const a = asObject(raw);
  const s = a === null ? null : asObject(a.scenario);
  const read = s === null || typeof s.name !== "string" ? null : readV2(s);
  const o = a === null ? null : asObject(a.origin);
  const originOk = a !== null && (a.origin === null || a.origin === undefined || (o !== null && typeof o.name === "string" && validateFormulaSpec(o.spec).length === 0));
  if (!read?.scenario || !originOk) {
    problems.push(`The record of the formula last applied could not be read${read && read.problems.length > 0 ? ` (${read.problems.join("; ")})` : ""}; the pane opens without it. Apply again to record it.`);
    return null;
  }
  return { scenario: read.scenario, origin: o === null ? null : { name: o.name as string, spec: o.spec as FormulaSpec } };
}
