import { WeightedSample } from "../core/WeightedSample";
import { divZeroError, numError } from "../core/WsfError";
import { CompensatedSum } from "../core/sum";
import { cachedLogValues } from "./logValues";
import { mean } from "./mean";

/**
 * Theil T index = sum_i p_i (x_i / mu) ln(x_i / mu), p_i = w_i / W the pupil shares, mu the weighted mean.
 * A value of 0 contributes 0 (the limit of t ln t at 0); units with 0 pupils contribute nothing.
 * 0 when every pupil has the same value; ln(W / w_j) when unit j has all the money.
 *
 * ln(x_i / mu) is taken as ln x_i - ln mu (the logarithms EQUITYTABLE shares; equal to rounding).
 *
 * Cost O(n).
 *
 * @throws WsfError NUM when a unit with pupils has a negative value; DIV0 when the mean is 0 or total pupils is 0.
 * @example theil(sampleOf([1, 3])) // 0.5 x 1.5 x ln 1.5 + 0.5 x 0.5 x ln 0.5 = 0.130812
 */
export function theil(s: WeightedSample, fn = "WSF.THEIL"): number {
  const mu = mean(s, fn);
  if (mu === 0) throw divZeroError(fn, "the mean is 0, so the Theil index is undefined");
  const { values, weights, rows } = s;
  // ln(x / mu) as ln x - ln mu, so EQUITYTABLE's shared logarithms (`logValues`, when held) serve here too; the
  // same formula without them, so a lone THEIL gives EQUITYTABLE's number bit for bit.
  const logs = cachedLogValues(s);
  const logMean = Math.log(mu);
  const terms = new CompensatedSum();
  const pupils = new CompensatedSum();
  for (let i = 0; i < values.length; i++) {
    const w = weights[i];
    if (w === 0) continue;
    const x = values[i];
    if (x < 0) throw numError(fn, `values row ${rows[i]} is ${x}, expected a number >= 0 (this statistic takes its logarithm)`);
    pupils.add(w);
    if (x === 0) continue;
    terms.add(w * (x / mu) * ((logs ? logs[i] : Math.log(x)) - logMean));
  }
  return terms.value / pupils.value;
}
