import { WeightedSample } from "../core/WeightedSample";
import { divZeroError, numError } from "../core/WsfError";
import { byGroup } from "./byGroup";

/**
 * Progressivity = mean value of the highest-poverty group / mean value of the lowest-poverty group, with the
 * poverty groups of `byGroup` (domain.md section 3 convention: units sorted by poverty share, ties in input
 * order, pupils laid end to end and cut into `groups` equal pupil counts, a straddling school split by pupils,
 * each group's mean weighted by its pupils). Above 1: high-poverty pupils get more per pupil.
 *
 * Cost O(n) radix sort by poverty (O(n log n) at worst) + O(n + groups x log n).
 *
 * @throws WsfError NUM when groups is not an integer >= 2; DIV0 when the lowest group's mean is 0 or total
 *   pupils is 0; VALUE when poverty does not line up with the values.
 * @example progressivity(sampleOf([100, 100, 150, 150]), Float64Array.of(0.1, 0.2, 0.7, 0.8), 2) // 1.5
 */
export function progressivity(s: WeightedSample, poverty: Float64Array, groups = 4, fn = "WSF.PROGRESSIVITY"): number {
  if (!(Number.isInteger(groups) && groups >= 2)) throw numError(fn, `groups is ${groups}, expected a whole number >= 2`);
  const table = byGroup(s, poverty, groups, fn);
  const lowest = table[0].mean;
  const highest = table[table.length - 1].mean;
  if (lowest === 0) throw divZeroError(fn, "the lowest-poverty group's mean is 0, so the ratio is undefined");
  return highest / lowest;
}
