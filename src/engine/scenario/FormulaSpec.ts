import type { ConcentrationMode } from "../allocation";

/**
 * A funding formula as the person defines it in the task pane, independent of any one workbook except for
 * the column headers it names. It is what a saved scenario stores and what `runFormula` computes:
 *
 *     allocation = fixed + base x (grade-weighted pupils + category-weighted pupils + concentration pupils),
 *
 * then protection against the prior year (domain.md section 2). Weights stack additively, as NYC's.
 * Shares (thresholds, maxLoss, maxGain) are ratios: 0.05 is 5%.
 */
export interface FormulaSpec {
  version: 1;
  name?: string;
  /** A policy base per weighted pupil, or a pool the base is solved from (protection included). */
  base: { mode: "fixed"; amount: number } | { mode: "solve"; pool: number };
  /** Weight per pupil in each grade-band column. Empty: every enrolled pupil weighs 1. */
  gradeWeights: GradeWeight[];
  /** Need weights added on top, one per count column (poverty 0.12, English learners 0.40, ...). */
  categoryWeights: CategoryWeight[];
  /** Extra weight for concentrated need (see `concentration` in the allocation engine). */
  concentration: ConcentrationRule[];
  /** Per-school fixed amounts: none, the same amount for every school (a foundation), or a dollar column. */
  fixed: FixedAmounts;
  /** Stop-loss (largest loss as a share of prior) and gain cap (largest gain as a share); null = no rule. */
  protection: { maxLoss: number | null; maxGain: number | null };
}

export interface GradeWeight {
  header: string;
  weight: number;
}

export interface CategoryWeight {
  header: string;
  label: string;
  weight: number;
}

export interface ConcentrationRule {
  /** Column of eligible pupils (unduplicated, low income, ...). */
  header: string;
  label: string;
  /** Share of enrollment where the extra weight starts, 0..1. */
  threshold: number;
  weight: number;
  mode: ConcentrationMode;
  /** For "ramp": the share at which the full weight applies. */
  upper?: number;
}

export type FixedAmounts = { mode: "none" } | { mode: "amount"; amount: number } | { mode: "column"; header: string };
