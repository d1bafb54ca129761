import { WeightedSample } from "../core/WeightedSample";
import { totalPupils } from "./totalPupils";

/**
 * Range = max - min of the values, over units with pupils > 0 (a school without pupils sets no bound).
 *
 * Cost O(n).
 *
 * @throws WsfError DIV0 when there are no units or total pupils is 0.
 * @example range(sampleOf([7000, 9500, 20000], [10, 20, 0])) // 2500
 */
export function range(s: WeightedSample, fn = "WSF.RANGE"): number {
  totalPupils(s, fn);
  const { values, weights } = s;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (weights[i] === 0) continue;
    const x = values[i];
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return max - min;
}
