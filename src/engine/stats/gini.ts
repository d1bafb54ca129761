import { WeightedSample } from "../core/WeightedSample";
import { divZeroError } from "../core/WsfError";
import { CompensatedSum } from "../core/sum";
import { sortedByValue } from "./sortedByValue";
import { totalPupils } from "./totalPupils";

/**
 * Gini coefficient G = sum_i sum_j w_i w_j |x_i - x_j| / (2 W^2 mu), pupil-weighted, W = total pupils, with
 * **no** small-sample correction (no n / (n - 1) factor); equal to 1 - 2 x the area under the pupil-weighted
 * Lorenz curve. 0 when every pupil has the same value.
 *
 * Computed without the O(n^2) double sum: with units sorted ascending and C_k the pupils up to and including
 * unit k, each pair contributes once with the larger value first, which gives
 * G = sum_k w_k x_k (2 C_(k-1) + w_k - W) / (W x sum_k w_k x_k), exact for ties too. Compensated sums.
 *
 * Cost O(n) after the cached sort (O(n) radix sort, O(n log n) at worst).
 *
 * @throws WsfError DIV0 when the mean is 0 or total pupils is 0.
 * @example gini(sampleOf([0, 0, 0, 100])) // 0.75
 */
export function gini(s: WeightedSample, fn = "WSF.GINI"): number {
  const total = totalPupils(s, fn);
  const { values, weights } = sortedByValue(s);
  const pairs = new CompensatedSum();
  const money = new CompensatedSum();
  const pupilsBefore = new CompensatedSum();
  for (let k = 0; k < values.length; k++) {
    const w = weights[k];
    const wx = w * values[k];
    pairs.add(wx * (2 * pupilsBefore.value + w - total));
    money.add(wx);
    pupilsBefore.add(w);
  }
  if (money.value === 0) throw divZeroError(fn, "the mean is 0, so the Gini coefficient is undefined");
  return pairs.value / (total * money.value);
}
