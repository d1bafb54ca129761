import { WeightedSample } from "../core/WeightedSample";
import { numError } from "../core/WsfError";
import { sortedByValue } from "./sortedByValue";
import { totalPupils } from "./totalPupils";

/** Cumulative pupils are float sums; a target they reach up to rounding counts as reached. */
const RELATIVE_TOLERANCE = 1e-12;

/**
 * P(p), the value of the unit holding the p-th pupil: sort units by value (ties in input order), add up their
 * pupils, and return the value of the first unit whose cumulative pupils reach p x total pupils (nearest rank on
 * cumulative pupils, the Impact Aid method of 34 CFR 222, Appendix to Subpart K). Units with 0 pupils are never
 * returned, so P(0) is the smallest value with pupils > 0 and P(1) the largest. The comparison allows a relative
 * rounding tolerance of 1e-12. Unweighted data uses the same rule (no interpolation, unlike Excel's PERCENTILE).
 *
 * Cost O(log n) after the cached sort (`sortedByValue`, which also keeps the running pupil totals).
 *
 * @throws WsfError NUM when p is outside [0, 1]; DIV0 when there are no units or total pupils is 0.
 * @example percentile(sampleOf([10, 20, 30, 40]), 0.5) // 20 (the 2nd of 4 pupils reaches half)
 */
export function percentile(s: WeightedSample, p: number, fn = "WSF.PERCENTILE"): number {
  if (!(p >= 0 && p <= 1)) throw numError(fn, `p is ${p}, expected a number between 0 and 1`);
  const total = totalPupils(s, fn);
  const target = p * total * (1 - RELATIVE_TOLERANCE);
  const { values, cumulativePupils } = sortedByValue(s);
  // Binary search for the first unit whose running total reaches the target. A unit whose running total is
  // above the previous one's has pupils, so for a target > 0 that unit has pupils; at p = 0 the target is 0
  // and the search asks for a running total > 0 instead, which skips leading units without pupils.
  let lo = 0;
  let hi = cumulativePupils.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const reached = target > 0 ? cumulativePupils[mid] >= target : cumulativePupils[mid] > 0;
    if (reached) hi = mid;
    else lo = mid + 1;
  }
  return values[lo];
}
