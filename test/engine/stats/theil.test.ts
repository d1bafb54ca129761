import fc from "fast-check";
import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { theil } from "../../../src/engine/stats/theil";
import { closeTo, errorOf, toSample, units } from "./support";

describe("theil", () => {
  it("follows sum p (x/mu) ln(x/mu) (hand calculation for 1 and 3: 0.25 ln 0.5 + 0.75 ln 1.5 = 0.130812)", () => {
    expect(Math.abs(theil(sampleOf([1, 3])) - (0.25 * Math.log(0.5) + 0.75 * Math.log(1.5)))).toBeLessThan(1e-15);
    expect(Math.abs(theil(sampleOf([1, 3])) - 0.130812)).toBeLessThan(5e-7);
  });

  it("lets a zero value contribute 0 (hand calculation: 0 and 2, mu 1: 0.5 x 2 ln 2 = ln 2)", () => {
    expect(theil(sampleOf([0, 2]))).toBeCloseTo(Math.LN2, 14);
  });

  it("agrees with a naive loop, is 0 for equal values, and unchanged by scaling", () => {
    fc.assert(
      fc.property(units(), fc.double({ min: 0.001, max: 1000, noNaN: true }), (rows, k) => {
        const W = rows.reduce((t, r) => t + r.pupils, 0);
        const mu = rows.reduce((t, r) => t + r.pupils * r.value, 0) / W;
        const naive = rows.reduce((t, r) => t + (r.pupils / W) * (r.value / mu) * Math.log(r.value / mu), 0);
        expect(Math.abs(theil(toSample(rows)) - naive)).toBeLessThan(1e-9);
        const scaled = rows.map((r) => ({ ...r, value: r.value * k }));
        expect(Math.abs(theil(toSample(scaled)) - theil(toSample(rows)))).toBeLessThan(1e-9);
      }),
    );
    expect(Math.abs(theil(sampleOf([7, 7, 7], [1, 2, 3])))).toBeLessThan(1e-15);
  });

  it("gives #NUM! for a negative value with pupils and #DIV/0! for a zero mean", () => {
    expect(errorOf(() => theil(sampleOf([5, -1, 3])))).toMatchObject({
      code: "NUM",
      message: "WSF.THEIL: values row 2 is -1, expected a number >= 0 (this statistic takes its logarithm)",
    });
    expect(errorOf(() => theil(sampleOf([0, 0]))).code).toBe("DIV0");
    expect(closeTo(theil(sampleOf([5, -1, 3], [1, 0, 1])), theil(sampleOf([5, 3])), 1e-15)).toBe(true);
  });
});
