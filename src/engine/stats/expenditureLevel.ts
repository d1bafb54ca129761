import { WeightedSample } from "../core/WeightedSample";
import { numError } from "../core/WsfError";
import { requireAligned } from "./requireAligned";
import { totalPupils } from "./totalPupils";
import { weightedMoments } from "./weightedMoments";

/** A school's spending against schools of similar poverty. */
export type ExpenditureLevel = "Low" | "Typical" | "High";

/**
 * Flags each unit against the pupil-weighted least-squares line of value on poverty, fitted(i) = a + b f_i:
 * "Low" when x_i < (1 - band) x fitted(i), "High" when x_i > (1 + band) x fitted(i), else "Typical".
 * When every pupil has the same poverty share the line is flat at the weighted mean (the least-squares fit
 * with no slope). Units with 0 pupils do not shape the line but are still flagged. One flag per unit of s,
 * in s order.
 *
 * Cost O(n).
 *
 * @throws WsfError NUM when band is negative; DIV0 when total pupils is 0; VALUE when poverty does not line up.
 * @example expenditureLevel(sampleOf([100, 130, 70]), Float64Array.of(0.5, 0.5, 0.5)) // ["Typical", "High", "Low"]
 */
export function expenditureLevel(s: WeightedSample, poverty: Float64Array, band = 0.1, fn = "WSF.EXPENDITURELEVEL"): ExpenditureLevel[] {
  if (!(band >= 0) || !Number.isFinite(band)) throw numError(fn, `band is ${band}, expected a number >= 0`);
  requireAligned(s, poverty, fn, "poverty");
  const total = totalPupils(s, fn);
  const m = weightedMoments(poverty, s.values, s.weights, total);
  const slopeOnPoverty = m.constantX ? 0 : m.covariance / m.varianceX;
  const intercept = m.meanY - slopeOnPoverty * m.meanX;
  const levels: ExpenditureLevel[] = new Array(s.values.length);
  for (let i = 0; i < s.values.length; i++) {
    const fitted = intercept + slopeOnPoverty * poverty[i];
    const x = s.values[i];
    levels[i] = x < (1 - band) * fitted ? "Low" : x > (1 + band) * fitted ? "High" : "Typical";
  }
  return levels;
}
