import type { ConcentrationMode } from "../../../engine/allocation/concentration";

/**
 * The formula as the person is typing it: every number is the text of its input box (so a half-typed
 * "4,1" can be shown with a field message instead of being lost), shares are in per cent. `specFromDraft`
 * turns it into a `FormulaSpec`; `draftFromSpec` goes the other way (presets, restored scenarios).
 */
export interface FormulaDraft {
  name: string;
  baseMode: "fixed" | "solve";
  baseAmount: string;
  pool: string;
  /** One row per grade-band column; a blank weight leaves the band out of the grade weights. */
  gradeWeights: { header: string; weight: string }[];
  /** One row per count column the formula may weight; a blank weight means "not weighted". */
  categoryWeights: { header: string; label: string; weight: string }[];
  concentration: ConcentrationDraft[];
  fixedMode: "none" | "amount" | "column";
  fixedAmount: string;
  fixedHeader: string;
  /** Per cent; blank = no rule. */
  maxLoss: string;
  maxGain: string;
}

export interface ConcentrationDraft {
  header: string;
  label: string;
  /** Per cent of enrollment. */
  threshold: string;
  weight: string;
  mode: ConcentrationMode;
  /** Per cent; ramp only. */
  upper: string;
}

/** Field messages keyed by field: "baseAmount", "pool", "grade:<header>", "category:<header>", "concentration:<i>:<field>", ... */
export type DraftErrors = Record<string, string>;
