/**
 * One school's amount for one year of a transition (domain.md section 7): first the gap-closing step of
 * California's LCFF transition, `prior + rate x (target - prior)`, then the stop-loss and gain cap of that
 * year, clamping the result to the prior-year band `[prior x (1 - maxLoss), prior x (1 + maxGain)]`.
 *
 * **Convention** (design.md, "Blank and 0 mean the same"): a prior that is NaN (a blank cell) or 0 means
 * "no prior year": the school gets its target itself, with no gap closing and no band. `maxLoss` null
 * means no floor, `maxGain` null no cap; rate 1 goes straight to the target (then the band applies).
 * The caller has checked the arguments (`requireTransitionRule`); this is only the arithmetic.
 *
 * Cost O(1).
 *
 * @throws nothing.
 * @example phaseInAmount(100000, 130000, 1 / 3, 0.05, 0.05) // 105000: gap step gives 110000, the cap holds it to 105000
 */
export function phaseInAmount(prior: number, target: number, rate: number, maxLoss: number | null, maxGain: number | null): number {
  if (prior !== prior || prior === 0) return target;
  // rate 1 is the target exactly (prior + (target - prior) can miss it by a rounding step).
  let x = rate === 1 ? target : prior + rate * (target - prior);
  if (maxLoss !== null && x < prior * (1 - maxLoss)) x = prior * (1 - maxLoss);
  if (maxGain !== null && x > prior * (1 + maxGain)) x = prior * (1 + maxGain);
  return x;
}
