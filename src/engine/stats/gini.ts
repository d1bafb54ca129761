import { WeightedSample } from "../core/WeightedSample";
import { divZeroError } from "../core/WsfError";
import { sortedByValue } from "./sortedByValue";
import { totalPupils } from "./totalPupils";

/**
 * Gini coefficient G = sum_i sum_j w_i w_j |x_i - x_j| / (2 W^2 mu), pupil-weighted, W = total pupils, with
 * **no** small-sample correction (no n / (n - 1) factor); equal to 1 - 2 x the area under the pupil-weighted
 * Lorenz curve. 0 when every pupil has the same value.
 *
 * Computed without the O(n^2) double sum: with units sorted ascending and C_k the pupils up to and including
 * unit k, each pair contributes once with the larger value first, which gives
 * G = sum_k w_k x_k (C_(k-1) + C_k - W) / (W x sum_k w_k x_k), exact for ties too. Compensated sums.
 *
 * Cost O(n) after the cached sort (O(n) radix sort, O(n log n) at worst).
 *
 * @throws WsfError DIV0 when the mean is 0 or total pupils is 0.
 * @example gini(sampleOf([0, 0, 0, 100])) // 0.75
 */
export function gini(s: WeightedSample, fn = "WSF.GINI"): number {
  totalPupils(s, fn);
  const { values, weights, cumulativePupils } = sortedByValue(s);
  const total = cumulativePupils[cumulativePupils.length - 1];
  // Two Neumaier compensated sums, inlined: this loop is the whole cost of GINI on a million rows.
  let pairs = 0;
  let pairsError = 0;
  let money = 0;
  let moneyError = 0;
  let before = 0;
  for (let k = 0; k < values.length; k++) {
    const wx = weights[k] * values[k];
    const through = cumulativePupils[k];
    const term = wx * (before + through - total);
    before = through;
    const p = pairs + term;
    pairsError += Math.abs(pairs) >= Math.abs(term) ? pairs - p + term : term - p + pairs;
    pairs = p;
    const m = money + wx;
    moneyError += Math.abs(money) >= Math.abs(wx) ? money - m + wx : wx - m + money;
    money = m;
  }
  money += moneyError;
  if (money === 0) throw divZeroError(fn, "the mean is 0, so the Gini coefficient is undefined");
  return (pairs + pairsError) / (total * money);
}
