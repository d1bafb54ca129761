import { WeightedSample } from "../core/WeightedSample";
import { divZeroError, numError } from "../core/WsfError";
import { percentile } from "./percentile";

/**
 * Federal range ratio = (P(upper) - P(lower)) / P(lower), by default (P95 - P5) / P5, percentiles by the
 * nearest-rank rule on cumulative pupils (the Impact Aid disparity test of 34 CFR 222, Appendix to Subpart K,
 * which a state passes at 0.25 or less).
 *
 * Cost O(n) after the cached sort.
 *
 * @throws WsfError NUM when lower > upper or either is outside [0, 1]; DIV0 when P(lower) is 0 or total
 *   pupils is 0.
 * @example federalRangeRatio(sampleOf([820, 900, 1000], [5, 89, 6])) // 0.219512 = 180 / 820 (domain.md E1)
 */
export function federalRangeRatio(s: WeightedSample, lower = 0.05, upper = 0.95, fn = "WSF.FEDERALRANGERATIO"): number {
  if (lower > upper) throw numError(fn, `lower is ${lower} but upper is ${upper}; lower must not exceed upper`);
  const low = percentile(s, lower, fn);
  const high = percentile(s, upper, fn);
  if (low === 0) throw divZeroError(fn, `the ${lower} percentile is 0, so the ratio is undefined`);
  return (high - low) / low;
}
