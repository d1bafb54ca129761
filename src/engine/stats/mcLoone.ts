import { WeightedSample } from "../core/WeightedSample";
import { divZeroError, numError } from "../core/WsfError";
import { CompensatedSum } from "../core/sum";
import { median } from "./median";
import { sortedByValue } from "./sortedByValue";
import { totalPupils } from "./totalPupils";

/**
 * McLoone index: the money of the pupils at the bottom, as a share of what they would have at the median.
 * M is the pupil-weighted median (`median`, nearest rank on cumulative pupils).
 * - "below" (default, product convention): sum over x_i < M of w_i x_i / (M x sum over x_i < M of w_i),
 *   units strictly below the median; 1 when no unit with pupils is below it.
 * - "half": the lowest half of pupils, W / 2, taken in ascending order of value, the unit that straddles the
 *   half split by pupils: (money of those pupils) / (M x W / 2).
 * 1 means the bottom is funded at the median; lower is less equal.
 *
 * Cost O(n) after the cached sort.
 *
 * @throws WsfError DIV0 when total pupils is 0 or the median is 0 with pupils below it;
 *   NUM for a method other than "below" or "half".
 * @example mcLoone(sampleOf([1000, 200, 100, 60, 45, 24], [2, 4, 6, 6, 8, 12]), "half") // 0.705263 (domain.md E2)
 */
export function mcLoone(s: WeightedSample, method: "below" | "half" = "below", fn = "WSF.MCLOONE"): number {
  if (method !== "below" && method !== "half") throw numError(fn, `method is ${JSON.stringify(method)}, expected "below" or "half"`);
  const total = totalPupils(s, fn);
  const m = median(s, fn);
  const { values, weights } = sortedByValue(s);
  const money = new CompensatedSum();
  const pupils = new CompensatedSum();
  if (method === "below") {
    for (let k = 0; k < values.length && values[k] < m; k++) {
      money.add(weights[k] * values[k]);
      pupils.add(weights[k]);
    }
    if (pupils.value === 0) return 1;
    if (m === 0) throw divZeroError(fn, "the median is 0, so the McLoone index is undefined");
    return money.value / (m * pupils.value);
  }
  const half = total / 2;
  for (let k = 0; k < values.length && pupils.value < half; k++) {
    const taken = Math.min(weights[k], half - pupils.value);
    money.add(taken * values[k]);
    pupils.add(taken);
  }
  if (m === 0) throw divZeroError(fn, "the median is 0, so the McLoone index is undefined");
  return money.value / (m * half);
}
