import { WeightedSample } from "../core/WeightedSample";
import { numError } from "../core/WsfError";
import { percentile } from "./percentile";

/**
 * Restricted range = P(upper) - P(lower), percentiles by the nearest-rank rule on cumulative pupils
 * (`percentile`); by default P95 - P5, which ignores the extreme 5% of pupils at each end.
 *
 * Cost O(n) after the cached sort.
 *
 * @throws WsfError NUM when lower > upper or either is outside [0, 1]; DIV0 when total pupils is 0.
 * @example restrictedRange(sampleOf([820, 900, 1000], [5, 89, 6])) // 180 = 1000 - 820
 */
export function restrictedRange(s: WeightedSample, lower = 0.05, upper = 0.95, fn = "WSF.RESTRICTEDRANGE"): number {
  if (lower > upper) throw numError(fn, `lower is ${lower} but upper is ${upper}; lower must not exceed upper`);
  return percentile(s, upper, fn) - percentile(s, lower, fn);
}
