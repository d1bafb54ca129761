import { WeightedSample } from "../core/WeightedSample";
import { CompensatedSum } from "../core/sum";
import { logValues } from "./logValues";
import { totalPupils } from "./totalPupils";

/**
 * Standard deviation of logs: the pupil-weighted population standard deviation of ln x_i,
 * sqrt(sum p_i (ln x_i - m)^2) with m = sum p_i ln x_i and p_i = w_i / W. Unchanged when every value is
 * multiplied by the same positive number. Units with 0 pupils contribute nothing (and are not checked).
 *
 * Cost O(n) (two passes over the logarithms).
 *
 * @throws WsfError NUM when a unit with pupils has a value <= 0; DIV0 when there are no units or total pupils is 0.
 * @example sdLogs(sampleOf([1, Math.E * Math.E])) // 1 (logs 0 and 2, mean 1, population SD 1)
 */
export function sdLogs(s: WeightedSample, fn = "WSF.SDLOGS"): number {
  const total = totalPupils(s, fn);
  const { values, weights } = s;
  const logs = logValues(s, fn);
  const logSum = new CompensatedSum();
  for (let i = 0; i < values.length; i++) {
    if (weights[i] === 0) continue;
    logSum.add(weights[i] * logs[i]);
  }
  const logMean = logSum.value / total;
  const squares = new CompensatedSum();
  for (let i = 0; i < values.length; i++) {
    const d = logs[i] - logMean;
    squares.add(weights[i] * d * d);
  }
  return Math.sqrt(squares.value / total);
}
