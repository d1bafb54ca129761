import { WeightedSample } from "../core/WeightedSample";
import { divZeroError } from "../core/WsfError";
import { CompensatedSum } from "../core/sum";
import { mean } from "./mean";
import { totalPupils } from "./totalPupils";

/**
 * Coefficient of variation = sigma / mu, pupil-weighted, with the population standard deviation
 * sigma = sqrt(sum w_i (x_i - mu)^2 / W) (divide by total pupils W, no n - 1 correction).
 * Two passes (mean first, then squared deviations) so large dollar values lose no precision.
 *
 * Cost O(n).
 *
 * @throws WsfError DIV0 when the mean is 0 or total pupils is 0.
 * @example cv(sampleOf([8000, 12000], [1, 1])) // 0.2 = 2000 / 10000
 */
export function cv(s: WeightedSample, fn = "WSF.COEFVAR"): number {
  const total = totalPupils(s, fn);
  const mu = mean(s, fn);
  if (mu === 0) throw divZeroError(fn, "the mean is 0, so the coefficient of variation is undefined");
  const squares = new CompensatedSum();
  const { values, weights } = s;
  for (let i = 0; i < values.length; i++) {
    const d = values[i] - mu;
    squares.add(weights[i] * d * d);
  }
  return Math.sqrt(squares.value / total) / mu;
}
