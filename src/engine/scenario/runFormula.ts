import { allocate, perPupil, protect, solveBaseDetailed } from "../allocation";
import { CompensatedSum, sum } from "../core/sum";
import type { School } from "../table";
import type { FormulaResult } from "./FormulaResult";
import type { FormulaSpec } from "./FormulaSpec";
import { countColumn, FORMULA } from "./countColumn";
import { specWeightedPupils } from "./specWeightedPupils";

/** A floor or cap "binds" when it moves the amount by more than this share of it (rounding is not protection). */
const BINDS = 1e-9;

/**
 * THE computation behind the task pane: a formula spec applied to the schools, through the allocation
 * engine only (design rule 1), in this order:
 * 1. weighted pupils (`specWeightedPupils`: grade weights + need weights + concentration);
 * 2. base: the spec's amount, or `solveBaseDetailed` on the pool with the fixed amounts and the protection
 *    rules in force, so the protected amounts spend exactly the pool (domain.md: protection is paid for by
 *    a lower base);
 * 3. formula amount = `allocate(weighted pupils, base, fixed)`;
 * 4. protected amount = `protect(formula, prior, maxLoss, maxGain)`; a school without a prior is unprotected;
 * 5. change vs prior, per pupil (`perPupil` on enrollment), total (compensated sum), floor cost and cap savings.
 * Nothing is rounded (keep the base unrounded; round only what is published).
 *
 * Cost O(n log n) when the base is solved, O(n x k) otherwise, for n schools and k weighted columns.
 *
 * @throws WsfError VALUE when the spec names a column the schools lack, when the pool cannot be met under the
 *   protection rules (the engine's message gives the numbers), or on values the engine rejects; NUM for a
 *   maxLoss outside 0..1 or a negative maxGain.
 * @example runFormula({ version: 1, base: { mode: "solve", pool: 1_000_000 }, gradeWeights: [], categoryWeights: [],
 *   concentration: [], fixed: { mode: "none" }, protection: { maxLoss: null, maxGain: null } }, schoolsOf100And300Pupils)
 *   // base 2,500; protectedAmount [250000, 750000]; total 1,000,000
 */
export function runFormula(spec: FormulaSpec, schools: readonly School[]): FormulaResult {
  const n = schools.length;
  const wp = specWeightedPupils(spec, schools);
  const fixed: number | Float64Array =
    spec.fixed.mode === "none" ? 0 : spec.fixed.mode === "amount" ? spec.fixed.amount : countColumn(schools, spec.fixed.header, "fixed amounts");
  const prior = Float64Array.from(schools, (s) => (s.prior === null ? NaN : s.prior));
  const { maxLoss, maxGain } = spec.protection;

  const solved = spec.base.mode === "solve" ? solveBaseDetailed(wp, spec.base.pool, fixed, prior, maxLoss, maxGain, FORMULA) : null;
  const base = solved ? solved.base : (spec.base as { amount: number }).amount;
  const formula = allocate(wp, base, fixed, FORMULA);
  const protectedAmount = protect(formula, prior, maxLoss, maxGain, FORMULA);
  const enrollment = Float64Array.from(schools, (s) => s.enrollment);
  const ratios = perPupil(protectedAmount, enrollment, FORMULA);

  const floored = new Array<boolean>(n).fill(false);
  const capped = new Array<boolean>(n).fill(false);
  let floorCost: number;
  let capSavings: number;
  if (solved) {
    // The solver's own account, so the sheet's SOLVEBASE and the pane agree on who is protected.
    for (const i of solved.floored) floored[i] = true;
    for (const i of solved.capped) capped[i] = true;
    floorCost = solved.floorCost;
    capSavings = solved.capSavings;
  } else {
    const up = new CompensatedSum();
    const down = new CompensatedSum();
    for (let i = 0; i < n; i++) {
      const moved = protectedAmount[i] - formula[i];
      const tolerance = BINDS * Math.max(1, Math.abs(formula[i]));
      if (moved > tolerance) {
        floored[i] = true;
        up.add(moved);
      } else if (-moved > tolerance) {
        capped[i] = true;
        down.add(-moved);
      }
    }
    floorCost = up.value;
    capSavings = down.value;
  }

  return {
    base,
    weightedPupils: Array.from(wp),
    formulaAmount: Array.from(formula),
    protectedAmount: Array.from(protectedAmount),
    change: schools.map((s, i) => (s.prior === null ? null : protectedAmount[i] - s.prior)),
    perPupil: Array.from(ratios, (x) => (Number.isNaN(x) ? null : x)),
    total: sum(protectedAmount),
    floorCost,
    capSavings,
    floored,
    capped,
  };
}
