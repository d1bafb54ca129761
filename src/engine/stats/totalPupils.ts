import { WeightedSample } from "../core/WeightedSample";
import { divZeroError } from "../core/WsfError";
import { sum } from "../core/sum";

const totals = new WeakMap<WeightedSample, number>();

/**
 * Total pupils W = sum of w_i over the sample (compensated sum), the denominator of every pupil-weighted
 * statistic. Checking it first gives every statistic the same `#DIV/0!` for data without pupils.
 *
 * Cost O(n).
 *
 * @throws WsfError DIV0 when the sample has no units or its pupils add up to 0.
 * @example totalPupils(sampleOf([10, 20], [3, 4]), "WSF.MEAN") // 7
 */
export function totalPupils(s: WeightedSample, fn: string): number {
  if (s.values.length === 0) throw divZeroError(fn, "no usable rows: every value is blank");
  // A sample is read-only, so its total is summed once however many statistics ask (EQUITYTABLE: ~15).
  let total = totals.get(s);
  if (total === undefined) {
    total = sum(s.weights);
    totals.set(s, total);
  }
  if (!(total > 0)) throw divZeroError(fn, "total pupils is 0");
  return total;
}
