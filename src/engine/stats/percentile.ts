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
 * Cost O(n) after the cached sort (`sortedByValue`).
 *
 * @throws WsfError NUM when p is outside [0, 1]; DIV0 when there are no units or total pupils is 0.
 * @example percentile(sampleOf([10, 20, 30, 40]), 0.5) // 20 (the 2nd of 4 pupils reaches half)
 */
export function percentile(s: WeightedSample, p: number, fn = "WSF.PERCENTILE"): number {
  if (!(p >= 0 && p <= 1)) throw numError(fn, `p is ${p}, expected a number between 0 and 1`);
  const total = totalPupils(s, fn);
  const target = p * total * (1 - RELATIVE_TOLERANCE);
  const { values, weights } = sortedByValue(s);
  let cumulative = 0;
  let last = values[values.length - 1];
  for (let k = 0; k < values.length; k++) {
    const w = weights[k];
    if (w === 0) continue;
    cumulative += w;
    last = values[k];
    if (cumulative >= target) return values[k];
  }
  // Only reachable through rounding at p = 1: the largest value with pupils.
  return last;
}
