import { WeightedSample } from "../core/WeightedSample";
import { divZeroError } from "../core/WsfError";
import { CompensatedSum } from "../core/sum";
import { median } from "./median";
import { sortedByValue } from "./sortedByValue";

/**
 * Verstegen index, the mirror of the McLoone index ("below" convention) for the top of the distribution:
 * sum over x_i > M of w_i x_i / (M x sum over x_i > M of w_i), units strictly above the pupil-weighted
 * median M (`median`, nearest rank on cumulative pupils); 1 when no unit with pupils is above it.
 * Above 1 means the top is funded above the median.
 *
 * Cost O(n) after the cached sort.
 *
 * @throws WsfError DIV0 when total pupils is 0 or the median is 0 with pupils above it.
 * @example verstegen(sampleOf([90, 100, 130], [1, 1, 1])) // 1.3 = 130 / 100
 */
export function verstegen(s: WeightedSample, fn = "WSF.VERSTEGEN"): number {
  const m = median(s, fn);
  const { values, weights } = sortedByValue(s);
  const money = new CompensatedSum();
  const pupils = new CompensatedSum();
  for (let k = values.length - 1; k >= 0 && values[k] > m; k--) {
    money.add(weights[k] * values[k]);
    pupils.add(weights[k]);
  }
  if (pupils.value === 0) return 1;
  if (m === 0) throw divZeroError(fn, "the median is 0, so the Verstegen index is undefined");
  return money.value / (m * pupils.value);
}
