import { fixedAmounts, requireFiniteScalar, requireNonNegativeEntries } from "./inputChecks";

/**
 * The formula allocation per school: base x weighted pupils + fixed (domain.md section 2). `fixed` is one
 * amount for every school (a foundation) or one per school (foundation plus small-school supplements, say).
 * Amounts are not rounded: keep the base unrounded and round only the final amounts (Boston's published
 * budgets are round(weight x base x pupils), not the rounded rate times pupils).
 *
 * Cost O(n).
 *
 * @throws WsfError VALUE when base is negative or not a number, when a weighted pupil count is negative or
 *   not a number, or when a fixed column is not the length of weightedPupils or holds a non-number.
 * @example allocate(Float64Array.of(100, 250.5), 4000, 225000) // Float64Array [625000, 1227000]
 */
export function allocate(weightedPupils: Float64Array, base: number, fixed: number | Float64Array = 0, fn = "WSF.ALLOCATE"): Float64Array {
  requireFiniteScalar(base, fn, "base", true);
  requireNonNegativeEntries(weightedPupils, fn, "weightedPupils");
  const fixedAt = fixedAmounts(fixed, weightedPupils.length, fn, "weightedPupils");
  const out = new Float64Array(weightedPupils.length);
  for (let i = 0; i < out.length; i++) out[i] = base * weightedPupils[i] + fixedAt(i);
  return out;
}
