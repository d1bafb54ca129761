import type { ConcentrationRule, FormulaSpec } from "../../../engine/scenario/FormulaSpec";
import type { DraftErrors, FormulaDraft } from "./FormulaDraft";
import { parseDraftNumber } from "./parseDraftNumber";

/**
 * Turns the typed draft into a `FormulaSpec`, with one plain message per field that cannot be read:
 * amounts and weights must be numbers >= 0, shares per cent within 0..100 (a ramp's upper share above its
 * threshold), and a chosen mode needs its number. `spec` is null while any field has a message.
 */
export function specFromDraft(draft: FormulaDraft): { spec: FormulaSpec | null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const number = (key: string, text: string, options: { required?: boolean; min?: number; max?: number; what?: string } = {}): number | null => {
    const x = parseDraftNumber(text);
    if (x === null) {
      if (options.required) errors[key] = `Enter ${options.what ?? "a number"}.`;
      return null;
    }
    if (Number.isNaN(x)) errors[key] = `"${text.trim()}" is not a number; enter ${options.what ?? "a number"}.`;
    else if (options.min !== undefined && x < options.min) errors[key] = `Enter a number of at least ${options.min}.`;
    else if (options.max !== undefined && x > options.max) errors[key] = `Enter a number of at most ${options.max}.`;
    else return x;
    return null;
  };
  const share = (key: string, text: string, required: boolean): number | null => {
    const x = number(key, text, { required, min: 0, max: 100, what: "a percentage from 0 to 100" });
    return x === null ? null : x / 100;
  };

  const baseAmount = draft.baseMode === "fixed" ? number("baseAmount", draft.baseAmount, { required: true, min: 0, what: "the dollars per weighted pupil" }) : null;
  const pool = draft.baseMode === "solve" ? number("pool", draft.pool, { required: true, min: 0, what: "the pool in dollars" }) : null;

  const gradeWeights = draft.gradeWeights.flatMap((g) => {
    const w = number(`grade:${g.header}`, g.weight, { min: 0 });
    return w === null ? [] : [{ header: g.header, weight: w }];
  });
  const categoryWeights = draft.categoryWeights.flatMap((c) => {
    const w = number(`category:${c.header}`, c.weight, { min: 0 });
    return w === null ? [] : [{ header: c.header, label: c.label.trim() || c.header, weight: w }];
  });
  const concentration: ConcentrationRule[] = [];
  draft.concentration.forEach((r, i) => {
    const key = `concentration:${i}`;
    if (r.header === "") errors[`${key}:header`] = "Choose the column of eligible pupils.";
    const threshold = share(`${key}:threshold`, r.threshold, true);
    const weight = number(`${key}:weight`, r.weight, { required: true, min: 0 });
    let upper: number | undefined;
    if (r.mode === "ramp") {
      const u = share(`${key}:upper`, r.upper, true);
      if (u !== null && threshold !== null && u <= threshold) errors[`${key}:upper`] = "Enter a share above the threshold: the ramp reaches the full weight there.";
      else if (u !== null) upper = u;
    }
    if (r.header !== "" && threshold !== null && weight !== null) {
      concentration.push({ header: r.header, label: r.label.trim() || r.header, threshold, weight, mode: r.mode, ...(upper !== undefined ? { upper } : {}) });
    }
  });

  let fixed: FormulaSpec["fixed"] = { mode: "none" };
  if (draft.fixedMode === "amount") {
    const amount = number("fixedAmount", draft.fixedAmount, { required: true, min: 0, what: "the dollars every school gets" });
    if (amount !== null) fixed = { mode: "amount", amount };
  } else if (draft.fixedMode === "column") {
    if (draft.fixedHeader === "") errors.fixedHeader = "Choose the column of dollars per school.";
    else fixed = { mode: "column", header: draft.fixedHeader };
  }

  const maxLoss = share("maxLoss", draft.maxLoss, false);
  const maxGain = number("maxGain", draft.maxGain, { min: 0, what: "a percentage of at least 0" });

  if (Object.keys(errors).length > 0) return { spec: null, errors };
  const spec: FormulaSpec = {
    version: 1,
    ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
    base: draft.baseMode === "fixed" ? { mode: "fixed", amount: baseAmount as number } : { mode: "solve", pool: pool as number },
    gradeWeights,
    categoryWeights,
    concentration,
    fixed,
    protection: { maxLoss, maxGain: maxGain === null ? null : maxGain / 100 },
  };
  return { spec, errors };
}
