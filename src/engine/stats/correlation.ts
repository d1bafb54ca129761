import { WeightedSample } from "../core/WeightedSample";
import { divZeroError } from "../core/WsfError";
import { requireAligned } from "./requireAligned";
import { totalPupils } from "./totalPupils";
import { weightedMoments } from "./weightedMoments";

/**
 * Pupil-weighted Pearson correlation of the values with a factor (poverty share, property wealth):
 * r = cov_w(x, f) / sqrt(var_w(x) var_w(f)), every moment weighted by pupils (divided by total pupils W;
 * the divisor cancels). Fiscal neutrality wants r near 0 against wealth; vertical equity wants r > 0 against
 * poverty. Units with 0 pupils contribute nothing. Values may be negative.
 *
 * Cost O(n).
 *
 * @throws WsfError DIV0 when the values or the factor have no variance, or total pupils is 0;
 *   VALUE when factor does not line up with the values.
 * @example correlation(sampleOf([1, 2, 3]), Float64Array.of(10, 20, 30)) // 1
 */
export function correlation(s: WeightedSample, factor: Float64Array, fn = "WSF.CORRELATION"): number {
  requireAligned(s, factor, fn, "factor");
  const total = totalPupils(s, fn);
  const m = weightedMoments(s.values, factor, s.weights, total);
  if (m.constantX) throw divZeroError(fn, "every pupil has the same value, so the correlation is undefined");
  if (m.constantY) throw divZeroError(fn, "every pupil has the same factor, so the correlation is undefined");
  const r = m.covariance / Math.sqrt(m.varianceX * m.varianceY);
  // Rounding can push a perfect correlation a hair past 1.
  return Math.max(-1, Math.min(1, r));
}
