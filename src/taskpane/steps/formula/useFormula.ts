import { useCallback, useMemo, useState } from "react";
import type { FormulaResult } from "../../../engine/scenario/FormulaResult";
import type { FormulaSpec } from "../../../engine/scenario/FormulaSpec";
import { presets, type Preset, type PresetId } from "../../../engine/scenario/presets";
import { priorYearPool } from "../../../engine/scenario/priorYearPool";
import { runFormula } from "../../../engine/scenario/runFormula";
import { validateFormulaSpec } from "../../../engine/scenario/validateFormulaSpec";
import type { ColumnMapping } from "../../../engine/table/ColumnMapping";
import type { School } from "../../../engine/table/School";
import type { TableData } from "../../../workbook/WorkbookPort";
import { alignDraft } from "./alignDraft";
import { draftFromSpec } from "./draftFromSpec";
import type { ConcentrationDraft, DraftErrors, FormulaDraft } from "./FormulaDraft";
import { specFromDraft } from "./specFromDraft";

/** The outcome of running the current spec on the schools: a result, or the engine's reason it cannot run. */
export type FormulaRun = { ok: true; result: FormulaResult } | { ok: false; error: unknown };

export interface FormulaState {
  presets: Preset[];
  presetId: PresetId | null;
  /** Sum of the schools' prior-year allocations, when every school has one (the usual pool). */
  priorPool: number | null;
  draft: FormulaDraft;
  errors: DraftErrors;
  /** Problems with the spec as a whole (a weighted column missing from the table), from the engine. */
  specProblems: string[];
  spec: FormulaSpec | null;
  run: FormulaRun | null;
  choosePreset(id: PresetId): void;
  loadSpec(spec: FormulaSpec, mapping: ColumnMapping): void;
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

/**
 * Step 3: the formula being edited, started from a preset fitted to the mapped columns (the flat preset when
 * a table is chosen), validated field by field, and run live on the schools (`runFormula`) so the pane can
 * show its base, total and protected schools before anything is written.
 */
export function useFormula(table: TableData | null, mapping: ColumnMapping, schools: School[]): FormulaState {
  const headers = useMemo(() => table?.info.headers ?? [], [table]);
  const priorPool = useMemo(() => priorYearPool(schools), [schools]);
  const presetList = useMemo(() => (table ? presets(headers, mapping, { pool: priorPool }) : []), [table, headers, mapping, priorPool]);

  const [state, setState] = useState<{ table: TableData | null; draft: FormulaDraft; presetId: PresetId | null }>({ table: null, draft: BLANK_DRAFT, presetId: null });
  let current = state;
  if (state.table !== table) {
    // A new table starts from its flat preset.
    const flat = presetList.find((p) => p.id === "flat");
    current = { table, draft: flat ? draftFromSpec(flat.spec, headers, mapping) : BLANK_DRAFT, presetId: flat ? "flat" : null };
    setState(current);
  }

  const draft = useMemo(() => alignDraft(current.draft, headers, mapping), [current.draft, headers, mapping]);
  const { spec, errors } = useMemo(() => specFromDraft(draft), [draft]);
  const specProblems = useMemo(() => (spec ? validateFormulaSpec(spec, headers) : []), [spec, headers]);
  const run = useMemo<FormulaRun | null>(() => {
    if (!spec || specProblems.length > 0 || schools.length === 0) return null;
    try {
      return { ok: true, result: runFormula(spec, schools) };
    } catch (error) {
      return { ok: false, error };
    }
  }, [spec, specProblems, schools]);

  const setDraft = useCallback((change: (d: FormulaDraft) => FormulaDraft, keepPreset = true) => {
    setState((s) => ({ ...s, draft: change(alignDraft(s.draft, headers, mapping)), presetId: keepPreset ? s.presetId : null }));
  }, [headers, mapping]);

  const choosePreset = useCallback(
    (id: PresetId) => {
      const preset = presetList.find((p) => p.id === id);
      if (preset) setState((s) => ({ ...s, draft: draftFromSpec(preset.spec, headers, mapping), presetId: id }));
    },
    [presetList, headers, mapping],
  );
  const loadSpec = useCallback(
    (loaded: FormulaSpec, loadedMapping: ColumnMapping) => setState((s) => ({ ...s, draft: draftFromSpec(loaded, headers, loadedMapping), presetId: null })),
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
    presetId: current.presetId,
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
