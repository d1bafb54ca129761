import type { GradeBand } from "../table";

/**
 * The weight of a grade band from per-grade weights, assuming the band's pupils are spread evenly over its
 * grades: the mean of `weightOfGrade(g)` for g = low..high, pre-kindergarten (-1) weighted as kindergarten.
 * This is how a published formula's spans (NYC's K-5 / 6-8 / 9-12, LCFF's K-3 / 4-6 / 7-8 / 9-12) are laid
 * onto whatever bands a district's table has: a "K-8" column under NYC's weights gets
 * (6 x 1.00 + 3 x 1.08) / 9 = 1.0267.
 *
 * Cost O(high - low).
 *
 * @throws nothing.
 * @example gradeBandWeight({ low: 0, high: 8 }, (g) => (g <= 5 ? 1 : 1.08)) // 1.02666...
 */
export function gradeBandWeight(band: GradeBand, weightOfGrade: (grade: number) => number): number {
  let total = 0;
  for (let g = band.low; g <= band.high; g++) total += weightOfGrade(Math.max(g, 0));
  return total / (band.high - band.low + 1);
}
