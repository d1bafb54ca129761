import { WeightedSample } from "../core/WeightedSample";
import { CompensatedSum } from "../core/sum";
import { cachedLogValues } from "./logValues";
import { mean } from "./mean";
import { requirePositive } from "./requirePositive";

/**
 * Mean log deviation (Theil L, GE(0)) = -sum_i p_i ln(x_i / mu), p_i = w_i / W the pupil shares, mu the
 * weighted mean. Units with 0 pupils contribute nothing (and are not checked). 0 when all values are equal.
 *
 * ln(x_i / mu) is taken as ln x_i - ln mu (the logarithms EQUITYTABLE shares; equal to rounding).
 *
 * Cost O(n).
 *
 * @throws WsfError NUM when a unit with pupils has a value <= 0; DIV0 when there are no units or total pupils is 0.
 * @example mld(sampleOf([1, 3])) // -(0.5 ln 0.5 + 0.5 ln 1.5) = 0.143841
 */
export function mld(s: WeightedSample, fn = "WSF.MLD"): number {
  const mu = mean(s, fn);
  const { values, weights, rows } = s;
  // ln(x / mu) as ln x - ln mu, so EQUITYTABLE's shared logarithms (`logValues`, when held: every value with pupils
  // is then known to be > 0) serve here too; the same formula without them, bit for bit.
  const logs = cachedLogValues(s);
  const logMean = Math.log(mu);
  const terms = new CompensatedSum();
  const pupils = new CompensatedSum();
  for (let i = 0; i < values.length; i++) {
    const w = weights[i];
    if (w === 0) continue;
    // Every value with pupils is > 0 once checked, so mu > 0: ln mu is finite.
    terms.add(w * ((logs ? logs[i] : Math.log(requirePositive(values[i], fn, "values", rows[i]))) - logMean));
    pupils.add(w);
  }
  // 0 - (not unary minus) so equal values give 0, not -0.
  return 0 - terms.value / pupils.value;
}
