import fc from "fast-check";
import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { percentile } from "../../../src/engine/stats/percentile";
import { errorOf, replicate, toSample, units } from "./support";

/** Naive nearest rank on an expanded list of one entry per pupil: the ceil(p x W)-th smallest (at least the 1st). */
function naivePercentile(rows: { value: number; pupils: number }[], p: number): number {
  const pupils = replicate(rows).map((r) => r.value).sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * pupils.length));
  return pupils[rank - 1];
}

describe("percentile", () => {
  it("takes the first unit whose cumulative pupils reach p x W, ties in input order (hand calculation)", () => {
    // Sorted: 10 (2 pupils, cum 2), 20 (3, cum 5), 20 (1, cum 6), 40 (4, cum 10). W = 10.
    // P(0.5): target 5 -> reached at the first 20 (cum 5 >= 5) -> 20. P(0.55): target 5.5 -> second 20 (cum 6) -> 20.
    // P(0.6): target 6 -> cum 6 -> 20. P(0.61): target 6.1 -> 40. P(0.2): target 2 -> 10. P(0.21): target 2.1 -> 20.
    const s = sampleOf([40, 20, 10, 20], [4, 3, 2, 1]);
    expect(percentile(s, 0.5)).toBe(20);
    expect(percentile(s, 0.55)).toBe(20);
    expect(percentile(s, 0.6)).toBe(20);
    expect(percentile(s, 0.61)).toBe(40);
    expect(percentile(s, 0.2)).toBe(10);
    expect(percentile(s, 0.21)).toBe(20);
  });

  it("reaches a target equal to the cumulative pupils despite float rounding (0.1 + 0.2 pupils vs 0.3)", () => {
    // W = 0.1 + 0.2 + 0.7 = 1 (in floats 0.1 + 0.2 = 0.30000000000000004 > 0.3): P(0.3) must be the 2nd unit (20).
    expect(percentile(sampleOf([10, 20, 30], [0.1, 0.2, 0.7]), 0.3)).toBe(20);
    // The same with the cumulative sum a hair below: 0.7 + 0.1 + 0.1 = 0.8999999999999999 pupils, target 0.9.
    expect(percentile(sampleOf([1, 2, 3], [0.7, 0.1, 0.1 + 0.1]), 0.9 / 1.0000000000000002)).toBe(3);
    expect(percentile(sampleOf([1, 2, 3], [0.7, 0.1, 0.1]), 0.9)).toBe(3);
  });

  it("gives the smallest value with pupils at p = 0 and the largest at p = 1, skipping units with 0 pupils", () => {
    const s = sampleOf([5, 7, 9, 11], [0, 3, 2, 0]);
    expect(percentile(s, 0)).toBe(7);
    expect(percentile(s, 1)).toBe(9);
  });

  it("matches nearest rank on one entry per pupil for integer pupils", () => {
    fc.assert(
      fc.property(units(), fc.double({ min: 0, max: 1, noNaN: true }), (rows, p) => {
        expect(percentile(toSample(rows), p)).toBe(naivePercentile(rows, p));
      }),
    );
  });

  it("gives #NUM! for p outside 0..1 and #DIV/0! without pupils", () => {
    expect(errorOf(() => percentile(sampleOf([1, 2]), 1.5))).toMatchObject({ code: "NUM", message: "WSF.PERCENTILE: p is 1.5, expected a number between 0 and 1" });
    expect(errorOf(() => percentile(sampleOf([1, 2]), -0.1)).code).toBe("NUM");
    expect(errorOf(() => percentile(sampleOf([1, 2]), NaN)).code).toBe("NUM");
    expect(errorOf(() => percentile(sampleOf([1, 2], [0, 0]), 0.5))).toMatchObject({ code: "DIV0", message: "WSF.PERCENTILE: total pupils is 0" });
  });
});
