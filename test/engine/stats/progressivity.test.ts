import fc from "fast-check";
import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { byGroup } from "../../../src/engine/stats/byGroup";
import { progressivity } from "../../../src/engine/stats/progressivity";
import { e5Frl, e5TotalPerPupil, E5_SCHOOLS } from "./e5District";
import { errorOf } from "./support";

describe("progressivity", () => {
  it("divides the highest-poverty quartile's mean by the lowest's, with a straddling school split (hand calculation)", () => {
    // Same units as the byGroup hand calculation: quartile means 100, 180, 220, 340 -> 340 / 100 = 3.4.
    const s = sampleOf([300, 100, 400, 200], [20, 30, 10, 40]);
    expect(progressivity(s, Float64Array.of(0.6, 0.1, 0.9, 0.3))).toBeCloseTo(3.4, 12);
  });

  it("keeps ties in poverty in input order (hand calculation: equal poverty, 2 groups)", () => {
    // Both schools at poverty 0.5 with 10 pupils: the first listed forms the low group.
    expect(progressivity(sampleOf([100, 300], [10, 10]), Float64Array.of(0.5, 0.5), 2)).toBe(3);
    expect(progressivity(sampleOf([300, 100], [10, 10]), Float64Array.of(0.5, 0.5), 2)).toBeCloseTo(1 / 3, 15);
  });

  it("computes E5's quartile ratio from a hand split of its 4,155 pupils (1,038.75 per quartile)", () => {
    // E5 is already sorted by FRL. Total per pupil x_i = (unrestricted + restricted) / enrollment.
    // Q1: S1 420 + S2 610 + 8.75 of S3; Q4: the last 1,038.75 pupils = S8 265 + S7 510 + 263.75 of S6.
    const x = E5_SCHOOLS.map((s) => (s.unrestricted + s.restricted) / s.enrollment);
    const q1 = (420 * x[0] + 610 * x[1] + 8.75 * x[2]) / 1038.75;
    const q4 = (265 * x[7] + 510 * x[6] + 263.75 * x[5]) / 1038.75;
    expect(Math.abs(progressivity(e5TotalPerPupil, e5Frl) - q4 / q1)).toBeLessThan(1e-12);
  });

  it("gives #NUM! for fewer than 2 groups or a fraction, #DIV/0! when the lowest group's mean is 0", () => {
    const s = sampleOf([0, 100], [1, 1]);
    expect(errorOf(() => progressivity(s, Float64Array.of(0.1, 0.9), 1))).toMatchObject({
      code: "NUM",
      message: "WSF.PROGRESSIVITY: groups is 1, expected a whole number >= 2",
    });
    expect(errorOf(() => progressivity(s, Float64Array.of(0.1, 0.9), 3.5)).code).toBe("NUM");
    expect(errorOf(() => progressivity(s, Float64Array.of(0.1, 0.9), 2))).toMatchObject({
      code: "DIV0",
      message: "WSF.PROGRESSIVITY: the lowest-poverty group's mean is 0, so the ratio is undefined",
    });
  });

  /**
   * Independent implementation: progressivity finds its two outer groups with a histogram of poverty and sorts only
   * the units at the cuts; byGroup sorts every unit. Identity: the same ratio of the last to the first group mean,
   * to rounding, with ties in poverty (in input order), schools without pupils, fractional pupils, any number of
   * groups, and shares bunched so tightly that progressivity falls back to the full sort.
   */
  it("gives byGroup's ratio of the outer group means (independent implementation, random districts)", () => {
    const unit = fc.record({
      value: fc.double({ min: 1, max: 1e5, noNaN: true }),
      pupils: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.double({ min: 0, max: 500, noNaN: true })),
      // A few distinct shares (ties across the cuts), or any share.
      poverty: fc.oneof(fc.constantFrom(0, 0.25, 0.5, 0.75, 1), fc.double({ min: 0, max: 1, noNaN: true })),
    });
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 300 }), fc.integer({ min: 2, max: 12 }), (units, groups) => {
        fc.pre(units.some((u) => u.pupils > 0));
        const s = sampleOf(units.map((u) => u.value), units.map((u) => u.pupils));
        const poverty = Float64Array.from(units, (u) => u.poverty);
        const table = byGroup(sampleOf(units.map((u) => u.value), units.map((u) => u.pupils)), poverty, groups);
        const expected = table[table.length - 1].mean / table[0].mean;
        const actual = progressivity(s, poverty, groups);
        // Pupils so few (5e-324) that every share is within the tolerance leave byGroup's groups empty (NaN means):
        // the two must then agree on that too.
        if (Number.isNaN(expected)) expect(actual).toBeNaN();
        // To 1e-9: byGroup takes a school's pupils as the difference of two running totals, so a school of 0.03
        // pupils after 4,096 others carries the totals' rounding (1e-12 of 4,096) into its share; the histogram
        // adds a school wholly inside a group with its own pupils. Both are right to rounding.
        else expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * expected);
      }),
      { numRuns: 120 },
    );
  });

  it("gives byGroup's ratio when the shares are a denormal apart (found by the property above: the histogram's scale overflowed)", () => {
    const s = sampleOf([1, 1, 3], [0, 1, 1]);
    const poverty = Float64Array.of(0, 5e-324, 1e-323);
    const table = byGroup(sampleOf([1, 1, 3], [0, 1, 1]), poverty, 2);
    expect(progressivity(s, poverty, 2)).toBe(table[1].mean / table[0].mean);
    expect(progressivity(s, poverty, 2)).toBe(3);
  });

  it("gives byGroup's ratio when the shares are bunched (many units in a cut bucket: the full sort) and on 20,000 schools", () => {
    const rand = mulberry32(12);
    for (const [n, spread] of [
      [20000, 0.8], // spread out: the histogram path
      [20000, 1e-9], // bunched around 0.5 but for one outlier: every unit in one bucket, the full sort
    ] as const) {
      const values = Array.from({ length: n }, () => 7000 + rand() * 5000);
      const weights = Array.from({ length: n }, () => (rand() < 0.05 ? 0 : 100 + Math.floor(rand() * 900)));
      const poverty = Float64Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 0.5 + (rand() - 0.5) * spread));
      const table = byGroup(sampleOf(values, weights), poverty, 4);
      const expected = table[3].mean / table[0].mean;
      expect(Math.abs(progressivity(sampleOf(values, weights), poverty) - expected)).toBeLessThanOrEqual(1e-12 * expected);
    }
  });
});

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
