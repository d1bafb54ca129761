import { WeightedSample } from "../core/WeightedSample";
import { divZeroError } from "../core/WsfError";
import { CompensatedSum } from "../core/sum";
import { sortedByValue } from "./sortedByValue";
import { totalPupils } from "./totalPupils";

/** Points of a Lorenz curve, from (0, 0) to (1, 1). */
export interface LorenzCurve {
  pupilShare: Float64Array;
  valueShare: Float64Array;
}

/**
 * The pupil-weighted Lorenz curve: units sorted by value ascending (ties in input order), point k (k = 0..n)
 * = (share of pupils in the first k units, share of money in the first k units), money = w_i x_i.
 * n + 1 points from (0, 0); the last is exactly (1, 1). A unit with 0 pupils repeats the previous point.
 * 1 - 2 x the area under the curve (trapezoids) is the Gini coefficient.
 *
 * Cost O(n) after the cached sort.
 *
 * @throws WsfError DIV0 when total money is 0 or total pupils is 0.
 * @example lorenz(sampleOf([3, 1])) // pupilShare [0, 0.5, 1], valueShare [0, 0.25, 1]
 */
export function lorenz(s: WeightedSample, fn = "WSF.LORENZ"): LorenzCurve {
  totalPupils(s, fn);
  const { values, weights } = sortedByValue(s);
  const n = values.length;
  const pupilShare = new Float64Array(n + 1);
  const valueShare = new Float64Array(n + 1);
  const pupils = new CompensatedSum();
  const money = new CompensatedSum();
  for (let k = 0; k < n; k++) {
    pupils.add(weights[k]);
    money.add(weights[k] * values[k]);
    pupilShare[k + 1] = pupils.value;
    valueShare[k + 1] = money.value;
  }
  const totalPupilCount = pupilShare[n];
  const totalMoney = valueShare[n];
  if (totalMoney === 0) throw divZeroError(fn, "total money is 0, so the Lorenz curve is undefined");
  // Dividing by the last running total (not a separately computed sum) makes the end exactly (1, 1).
  for (let k = 1; k <= n; k++) {
    pupilShare[k] /= totalPupilCount;
    valueShare[k] /= totalMoney;
  }
  return { pupilShare, valueShare };
}
