import fc from "fast-check";
import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { atkinson } from "../../../src/engine/stats/atkinson";
import { errorOf, toSample, units } from "./support";

/** The definition, written plainly: 1 - (sum p (x/mu)^(1-e))^(1/(1-e)), or 1 - geometric mean / mean at e = 1. */
function naiveAtkinson(rows: { value: number; pupils: number }[], e: number): number {
  const W = rows.reduce((t, r) => t + r.pupils, 0);
  const mu = rows.reduce((t, r) => t + r.pupils * r.value, 0) / W;
  if (e === 1) return 1 - Math.exp(rows.reduce((t, r) => t + (r.pupils / W) * Math.log(r.value), 0)) / mu;
  return 1 - Math.pow(rows.reduce((t, r) => t + (r.pupils / W) * Math.pow(r.value / mu, 1 - e), 0), 1 / (1 - e));
}

describe("atkinson", () => {
  it("matches hand calculations for 1 and 4 (mu 2.5)", () => {
    // e = 0.5: ((sqrt(0.4) + sqrt(1.6)) / 2)^2 = (0.948683)^2 = 0.9 -> 0.1.
    expect(atkinson(sampleOf([1, 4]))).toBeCloseTo(0.1, 14);
    // e = 1: geometric mean 2 -> 1 - 2 / 2.5 = 0.2.
    expect(atkinson(sampleOf([1, 4]), 1)).toBeCloseTo(0.2, 14);
    // e = 2: harmonic mean 2 / (1 + 1/4) = 1.6 -> 1 - 1.6 / 2.5 = 0.36.
    expect(atkinson(sampleOf([1, 4]), 2)).toBeCloseTo(0.36, 14);
    // e = 0: no aversion, always 0.
    expect(atkinson(sampleOf([1, 4]), 0)).toBe(0);
  });

  it("agrees with the definition, is 0 for equal values, and unchanged by scaling", () => {
    fc.assert(
      fc.property(units(), fc.constantFrom(0.25, 0.5, 1, 1.5, 2, 3), fc.double({ min: 0.001, max: 1000, noNaN: true }), (rows, e, k) => {
        const a = atkinson(toSample(rows), e);
        expect(Math.abs(a - naiveAtkinson(rows, e))).toBeLessThan(1e-9);
        const scaled = rows.map((r) => ({ ...r, value: r.value * k }));
        expect(Math.abs(atkinson(toSample(scaled), e) - a)).toBeLessThan(1e-9);
      }),
    );
    expect(Math.abs(atkinson(sampleOf([7, 7, 7], [1, 2, 3]), 2))).toBeLessThan(1e-15);
  });

  it("allows a 0 value below epsilon 1 (hand calculation: 0 and 4, e = 0.5: 1 - (sqrt(2) / 2)^2 = 0.5)", () => {
    expect(atkinson(sampleOf([0, 4]))).toBeCloseTo(0.5, 14);
  });

  it("gives #NUM! for a negative epsilon and for a value <= 0 when epsilon >= 1", () => {
    expect(errorOf(() => atkinson(sampleOf([1, 2]), -0.5))).toMatchObject({ code: "NUM", message: "WSF.ATKINSON: epsilon is -0.5, expected a number >= 0" });
    expect(errorOf(() => atkinson(sampleOf([1, 0]), 1))).toMatchObject({
      code: "NUM",
      message: "WSF.ATKINSON: values row 2 is 0, expected a number > 0 (this statistic takes its logarithm)",
    });
    expect(errorOf(() => atkinson(sampleOf([1, 0]), 2)).code).toBe("NUM");
    expect(errorOf(() => atkinson(sampleOf([0, 0]), 0.5)).code).toBe("DIV0");
  });
});
