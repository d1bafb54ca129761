import { WeightedSample } from "../core/WeightedSample";
import { divZeroError } from "../core/WsfError";
import { requireAligned } from "./requireAligned";
import { totalPupils } from "./totalPupils";
import { weightedMoments } from "./weightedMoments";

/**
 * Weighted least-squares slope of the values on a factor, each unit weighted by its pupils:
 * b = cov_w(x, f) / var_w(f), the dollars per pupil gained per unit of factor (per 100 percentage points of
 * a poverty share). Units with 0 pupils contribute nothing. Values may be negative.
 *
 * Cost O(n).
 *
 * @throws WsfError DIV0 when the factor has no variance or total pupils is 0; VALUE when factor does not
 *   line up with the values.
 * @example slope(sampleOf([100, 200, 300]), Float64Array.of(0, 0.5, 1)) // 200
 */
export function slope(s: WeightedSample, factor: Float64Array, fn = "WSF.SLOPE"): number {
  requireAligned(s, factor, fn, "factor");
  const total = totalPupils(s, fn);
  const m = weightedMoments(s.values, factor, s.weights, total);
  if (m.constantY) throw divZeroError(fn, "every pupil has the same factor, so the slope is undefined");
  return m.covariance / m.varianceY;
}
