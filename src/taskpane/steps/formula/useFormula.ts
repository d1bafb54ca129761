import { useCallback, useMemo, useState } from "react";
import type { FormulaResult } from "../../../engine/scenario/FormulaResult";
import type { FormulaSpec } from "../../../engine/scenario/FormulaSpec";
import { presets, type Preset, type PresetId } from "../../../engine/scenario/presets";
import { priorYearPool } from "../../../engine/scenario/priorYearPool";
import { runFormula } from "../../../engine/scenario/runFormula";
import { validateFormulaSpec } from "../../../engine/scenario/validateFormulaSpec";
import type { ColumnMapping } from "../../../engine/table/ColumnMapping";
import type { DataProblem, School } from "../../../engine/table/School";
import type { TableData } from "../../../workbook/WorkbookPort";
import { alignDraft } from "./alignDraft";
import { draftFromSpec } from "./draftFromSpec";
import type { ConcentrationDraft, DraftErrors, FormulaDraft } from "./FormulaDraft";
import { specFromDraft } from "./specFromDraft";

/**
 * The outcome of running the current spec on the schools: a result, the engine's reason it cannot run, or
 * the data problems that stop it (a school left out would make every amount silently wrong, so the pane
 * computes nothing until the table reads cleanly).
 */
export type FormulaRun = { ok: true; result: FormulaResult } | { ok: false; error: unknown } | { ok: false; blockedBy: DataProblem[] };

export interface FormulaState {
  presets: Preset[];
  /** The preset in the pane, unedited; null once edited (the picker then offers "Custom formula"). */
  presetId: PresetId | null;
  /** Where the formula came from, and whether it differs from it now ("LAUSD-style, edited"). */
  origin: FormulaOrigin | null;
  edited: boolean;
  /** The preset the draft started from, kept after an edit so the pane can say "LAUSD-style, edited". */
  startedFrom: PresetId | null;
  /** Sum of the schools' prior-year allocations, when every school has one (the usual pool). */
  priorPool: number | null;
  draft: FormulaDraft;
  errors: DraftErrors;
  /** Problems with the spec as a whole (a weighted column missing from the table), from the engine. */
  specProblems: string[];
  spec: FormulaSpec | null;
  run: FormulaRun | null;
  choosePreset(id: PresetId): void;
  /** Loads a formula into the pane; `origin` (default: the spec itself, by its name) is what "edited" compares with. */
  loadSpec(spec: FormulaSpec, mapping: ColumnMapping, origin?: FormulaOrigin): void;
  update(patch: Partial<FormulaDraft>): void;
  setGradeWeight(header: string, weight: string): void;
  setCategoryWeight(header: string, weight: string): void;
  addRule(): void;
  updateRule(index: number, patch: Partial<ConcentrationDraft>): void;
  removeRule(index: number): void;
}

const BLANK_DRAFT: FormulaDraft = {
  name: "",
  baseMode: "fixed",
  baseAmount: "",
  pool: "",
  gradeWeights: [],
  categoryWeights: [],
  concentration: [],
  fixedMode: "none",
  fixedAmount: "",
  fixedHeader: "",
  maxLoss: "",
  maxGain: "",
};

/** Where the formula in the pane came from: a preset or a scenario, by name, and its spec as loaded. */
export interface FormulaOrigin {
  name: string;
  spec: FormulaSpec;
}

type Held = { tableKey: string | null; draft: FormulaDraft; presetId: PresetId | null; startedFrom: PresetId | null; origin: FormulaOrigin | null };

function held(tableKey: string | null, spec: FormulaSpec, draft: FormulaDraft, presetId: PresetId): Held {
  return { tableKey, draft, presetId, startedFrom: presetId, origin: { name: baseName(spec.name), spec } };
}

/** "Weighted, edited" -> "Weighted": a formula edited twice is still "edited" once. */
function baseName(name: string | undefined): string {
  return (name ?? "Custom formula").replace(/, edited$/, "");
}

/** Same formula, whatever it is called. */
export function sameFormula(a: FormulaSpec, b: FormulaSpec): boolean {
  const { name: _a, ...x } = a;
  const { name: _b, ...y } = b;
  return canonical(x) === canonical(y);
}

function canonical(x: unknown): string {
  return JSON.stringify(x, (_key, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([p], [q]) => (p < q ? -1 : 1)))
      : typeof value === "number"
        ? Number(value.toPrecision(12))
        : value,
  );
}

/** Identity of a table across re-reads: the same id with the same headers is the same table. */
function tableKey(table: TableData | null): string | null {
  return table === null ? null : JSON.stringify([table.info.id, table.info.headers]);
}

/**
 * Step 3: the formula being edited, started from a preset fitted to the mapped columns (the flat preset when
 * a table is chosen), validated field by field, and run live on the schools (`runFormula`) so the pane can
 * show its base, total and protected schools before anything is written.
 */
export function useFormula(table: TableData | null, mapping: ColumnMapping, schools: School[], problems: readonly DataProblem[] = []): FormulaState {
  const headers = useMemo(() => table?.info.headers ?? [], [table]);
  const blocking = useMemo(() => problems.filter((p) => p.severity === "error"), [problems]);
  // With a school left out (a row with an error), last year's total is short: offer no pool until it reads.
  const priorPool = useMemo(() => (blocking.length > 0 ? null : priorYearPool(schools)), [schools, blocking]);
  const presetList = useMemo(() => (table ? presets(headers, mapping, { pool: priorPool }) : []), [table, headers, mapping, priorPool]);

  const [state, setState] = useState<Held>({ tableKey: null, draft: BLANK_DRAFT, presetId: null, startedFrom: null, origin: null });
  let current = state;
  const key = tableKey(table);
  if (state.tableKey !== key) {
    // A newly chosen table starts from its flat preset. The same table read again after an edit of its
    // cells has the same key: the person's preset, weights, pool and limits stay as they are.
    const flat = presetList.find((p) => p.id === "flat");
    current = flat ? held(key, flat.spec, draftFromSpec(flat.spec, headers, mapping), "flat") : { tableKey: key, draft: BLANK_DRAFT, presetId: null, startedFrom: null, origin: null };
    setState(current);
  }

  const draft = useMemo(() => alignDraft(current.draft, headers, mapping), [current.draft, headers, mapping]);
  const origin = current.origin;
  const { spec, errors } = useMemo(() => {
    const read = specFromDraft(draft);
    // Name what the formula is: the preset or scenario it came from, "edited" once it differs from it.
    if (read.spec && origin) return { spec: { ...read.spec, name: sameFormula(read.spec, origin.spec) ? origin.name : `${baseName(origin.name)}, edited` }, errors: read.errors };
    return read;
  }, [draft, origin]);
  const edited = spec !== null && origin !== null && !sameFormula(spec, origin.spec);
  const specProblems = useMemo(() => (spec ? validateFormulaSpec(spec, headers) : []), [spec, headers]);
  const run = useMemo<FormulaRun | null>(() => {
    if (!spec || specProblems.length > 0) return null;
    if (blocking.length > 0) return { ok: false, blockedBy: blocking };
    if (schools.length === 0) return null;
    try {
      return { ok: true, result: runFormula(spec, schools) };
    } catch (error) {
      return { ok: false, error };
    }
  }, [spec, specProblems, schools, blocking]);

  const setDraft = useCallback((change: (d: FormulaDraft) => FormulaDraft, keepPreset = true) => {
    setState((s) => ({ ...s, draft: change(alignDraft(s.draft, headers, mapping)), presetId: keepPreset ? s.presetId : null }));
  }, [headers, mapping]);

  const choosePreset = useCallback(
    (id: PresetId) => {
      const preset = presetList.find((p) => p.id === id);
      if (preset) setState((s) => held(s.tableKey, preset.spec, draftFromSpec(preset.spec, headers, mapping), id));
    },
    [presetList, headers, mapping],
  );
  const loadSpec = useCallback(
    (loaded: FormulaSpec, loadedMapping: ColumnMapping, loadedOrigin?: FormulaOrigin) =>
      setState((s) => {
        const draft = draftFromSpec(loaded, headers, loadedMapping);
        // The origin of a loaded formula: the scenario or preset it says it came from (a sheet read back keeps
        // the origin it was applied from, so a changed weight reads "Weighted, edited").
        const from = loadedOrigin ?? { name: loaded.name ?? "Custom formula", spec: loaded };
        return { ...s, draft, presetId: null, startedFrom: null, origin: from };
      }),
    [headers],
  );
  const update = useCallback((patch: Partial<FormulaDraft>) => setDraft((d) => ({ ...d, ...patch })), [setDraft]);
  const setGradeWeight = useCallback(
    (header: string, weight: string) => setDraft((d) => ({ ...d, gradeWeights: d.gradeWeights.map((g) => (g.header === header ? { ...g, weight } : g)) })),
    [setDraft],
  );
  const setCategoryWeight = useCallback(
    (header: string, weight: string) => setDraft((d) => ({ ...d, categoryWeights: d.categoryWeights.map((c) => (c.header === header ? { ...c, weight } : c)) })),
    [setDraft],
  );
  const addRule = useCallback(
    () =>
      setDraft((d) => {
        const eligible = d.categoryWeights[0];
        const rule: ConcentrationDraft = { header: eligible?.header ?? "", label: eligible ? `Concentration of ${eligible.label}` : "", threshold: "55", weight: "0.65", mode: "above", upper: "" };
        return { ...d, concentration: [...d.concentration, rule] };
      }),
    [setDraft],
  );
  const updateRule = useCallback(
    (index: number, patch: Partial<ConcentrationDraft>) => setDraft((d) => ({ ...d, concentration: d.concentration.map((r, i) => (i === index ? { ...r, ...patch } : r)) })),
    [setDraft],
  );
  const removeRule = useCallback((index: number) => setDraft((d) => ({ ...d, concentration: d.concentration.filter((_, i) => i !== index) })), [setDraft]);

  return {
    presets: presetList,
    presetId: edited ? null : current.presetId,
    startedFrom: current.startedFrom,
    origin,
    edited,
    priorPool,
    draft,
    errors,
    specProblems,
    spec,
    run,
    choosePreset,
    loadSpec,
    update,
    setGradeWeight,
    setCategoryWeight,
    addRule,
    updateRule,
    removeRule,
  };
}
