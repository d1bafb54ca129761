import { WeightedSample } from "../core/WeightedSample";
import { CompensatedSum } from "../core/sum";
import { totalPupils } from "./totalPupils";

const weightedSums = new WeakMap<WeightedSample, number>();

/**
 * Pupil-weighted mean mu = sum(w_i x_i) / sum(w_i) (the plain average when the sample is unweighted).
 * Units with 0 pupils contribute nothing. Both sums are compensated, so money totals stay exact to the cent.
 *
 * Cost O(n).
 *
 * @throws WsfError DIV0 when there are no units or total pupils is 0.
 * @example mean(sampleOf([8000, 9000], [100, 300])) // 8750
 */
export function mean(s: WeightedSample, fn = "WSF.MEAN"): number {
  const total = totalPupils(s, fn);
  // Summed once per (read-only) sample: CV, Theil, MLD and Atkinson each start from the mean.
  let money = weightedSums.get(s);
  if (money === undefined) {
    const weighted = new CompensatedSum();
    const { values, weights } = s;
    for (let i = 0; i < values.length; i++) weighted.add(weights[i] * values[i]);
    money = weighted.value;
    weightedSums.set(s, money);
  }
  return money / total;
}
