import { WeightedSample } from "../core/WeightedSample";
import { divZeroError, numError } from "../core/WsfError";
import { CompensatedSum } from "../core/sum";
import { mean } from "./mean";
import { requirePositive } from "./requirePositive";

/**
 * Atkinson index with inequality aversion epsilon >= 0, pupil-weighted (p_i = w_i / W, mu the weighted mean):
 * A(e) = 1 - [sum p_i (x_i / mu)^(1 - e)]^(1 / (1 - e)) for e != 1, and A(1) = 1 - exp(sum p_i ln x_i) / mu
 * (1 - geometric mean / arithmetic mean). 0 for equal values, nearer 1 for more inequality; a larger epsilon
 * weighs the bottom of the distribution more. Values of 0 are allowed for e < 1 (they contribute 0);
 * for e >= 1 the formula needs every value > 0. Units with 0 pupils contribute nothing.
 *
 * Cost O(n).
 *
 * @throws WsfError NUM when epsilon < 0, or e >= 1 and a unit with pupils has a value <= 0, or a value is
 *   negative; DIV0 when the mean is 0 or total pupils is 0.
 * @example atkinson(sampleOf([1, 4]), 0.5) // 1 - ((sqrt(0.4) + sqrt(1.6)) / 2)^2 = 0.1
 */
export function atkinson(s: WeightedSample, epsilon = 0.5, fn = "WSF.ATKINSON"): number {
  if (!(epsilon >= 0) || !Number.isFinite(epsilon)) throw numError(fn, `epsilon is ${epsilon}, expected a number >= 0`);
  const mu = mean(s, fn);
  const { values, weights, rows } = s;
  const terms = new CompensatedSum();
  const pupils = new CompensatedSum();
  if (epsilon === 1) {
    for (let i = 0; i < values.length; i++) {
      const w = weights[i];
      if (w === 0) continue;
      terms.add(w * Math.log(requirePositive(values[i], fn, "values", rows[i]) / mu));
      pupils.add(w);
    }
    return 1 - Math.exp(terms.value / pupils.value);
  }
  const power = 1 - epsilon;
  for (let i = 0; i < values.length; i++) {
    const w = weights[i];
    if (w === 0) continue;
    const x = values[i];
    if (epsilon > 1) requirePositive(x, fn, "values", rows[i]);
    else if (x < 0) throw numError(fn, `values row ${rows[i]} is ${x}, expected a number >= 0`);
    pupils.add(w);
    // The square root for the default epsilon 0.5: correctly rounded, and several times faster than pow.
    if (x > 0) terms.add(w * (power === 0.5 ? Math.sqrt(x / mu) : Math.pow(x / mu, power)));
  }
  if (mu === 0) throw divZeroError(fn, "the mean is 0, so the Atkinson index is undefined");
  return 1 - Math.pow(terms.value / pupils.value, 1 / power);
}
