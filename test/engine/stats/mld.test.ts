import fc from "fast-check";
import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { mld } from "../../../src/engine/stats/mld";
import { errorOf, toSample, units } from "./support";

describe("mld", () => {
  it("follows -sum p ln(x/mu) (hand calculation for 1 and 3, mu 2: -(0.5 ln 0.5 + 0.5 ln 1.5) = 0.143841)", () => {
    expect(Math.abs(mld(sampleOf([1, 3])) - 0.143841)).toBeLessThan(5e-7);
    // Weighted: 1 (3 pupils), 5 (1 pupil): mu = 2, MLD = -(0.75 ln 0.5 + 0.25 ln 2.5) = 0.290786
    expect(Math.abs(mld(sampleOf([1, 5], [3, 1])) - -(0.75 * Math.log(0.5) + 0.25 * Math.log(2.5)))).toBeLessThan(1e-15);
  });

  it("agrees with a naive loop, is 0 for equal values, and unchanged by scaling", () => {
    fc.assert(
      fc.property(units(), fc.double({ min: 0.001, max: 1000, noNaN: true }), (rows, k) => {
        const W = rows.reduce((t, r) => t + r.pupils, 0);
        const mu = rows.reduce((t, r) => t + r.pupils * r.value, 0) / W;
        const naive = -rows.reduce((t, r) => t + (r.pupils / W) * Math.log(r.value / mu), 0);
        expect(Math.abs(mld(toSample(rows)) - naive)).toBeLessThan(1e-9);
        const scaled = rows.map((r) => ({ ...r, value: r.value * k }));
        expect(Math.abs(mld(toSample(scaled)) - mld(toSample(rows)))).toBeLessThan(1e-9);
      }),
    );
    expect(Math.abs(mld(sampleOf([7, 7, 7], [1, 2, 3])))).toBeLessThan(1e-15);
  });

  it("gives #NUM! naming the row of a value <= 0 with pupils, and ignores it without pupils", () => {
    expect(errorOf(() => mld(sampleOf([5, 0, 3])))).toMatchObject({
      code: "NUM",
      message: "WSF.MLD: values row 2 is 0, expected a number > 0 (this statistic takes its logarithm)",
    });
    expect(mld(sampleOf([5, 0, 5], [1, 0, 1]))).toBe(0);
  });
});
