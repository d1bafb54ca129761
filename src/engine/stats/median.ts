import { WeightedSample } from "../core/WeightedSample";
import { percentile } from "./percentile";

/**
 * The pupil-weighted median M = P(0.5) by the nearest-rank rule of `percentile`: the value of the first unit
 * (in ascending order) whose cumulative pupils reach half of all pupils. Also for unweighted data, where it is
 * the lower middle value of an even count, not the average of the two middle values that Excel's MEDIAN gives.
 *
 * Cost O(n) after the cached sort.
 *
 * @throws WsfError DIV0 when there are no units or total pupils is 0.
 * @example median(sampleOf([1000, 200, 100, 60, 45, 24], [2, 4, 6, 6, 8, 12])) // 45 (domain.md E2)
 */
export function median(s: WeightedSample, fn = "WSF.MEDIAN"): number {
  return percentile(s, 0.5, fn);
}
