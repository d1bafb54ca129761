import fc from "fast-check";
import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { cv } from "../../../src/engine/stats/cv";
import { e5TotalPerPupil, e5TotalPerWeightedPupil, e5UnrestrictedPerPupil } from "./e5District";
import { closeTo, errorOf, toSample, units } from "./support";

describe("cv", () => {
  it("reproduces E5's published CVs (domain.md section 4): total 0.118753, unrestricted 0.015368, per weighted pupil 0.045925", () => {
    expect(Math.abs(cv(e5TotalPerPupil) - 0.118753)).toBeLessThan(5e-7);
    expect(Math.abs(cv(e5UnrestrictedPerPupil) - 0.015368)).toBeLessThan(5e-7);
    expect(Math.abs(cv(e5TotalPerWeightedPupil) - 0.045925)).toBeLessThan(5e-7);
  });

  it("uses the population SD (hand calculation: 8,000 and 12,000 -> SD 2,000, mean 10,000, CV 0.2; the sample SD would give 0.2828)", () => {
    expect(cv(sampleOf([8000, 12000]))).toBeCloseTo(0.2, 14);
  });

  it("agrees with a naive sqrt(sum p (x - mu)^2) / mu", () => {
    fc.assert(
      fc.property(units(), (rows) => {
        const W = rows.reduce((t, r) => t + r.pupils, 0);
        const mu = rows.reduce((t, r) => t + r.pupils * r.value, 0) / W;
        const naive = Math.sqrt(rows.reduce((t, r) => t + r.pupils * (r.value - mu) ** 2, 0) / W) / mu;
        expect(Math.abs(cv(toSample(rows)) - naive)).toBeLessThan(1e-9);
      }),
    );
  });

  it("is 0 for equal values and unchanged by scaling all values", () => {
    expect(cv(sampleOf([8414.8, 8414.8, 8414.8], [3, 7, 11]))).toBeLessThan(1e-15);
    fc.assert(
      fc.property(units(), fc.double({ min: 0.001, max: 1000, noNaN: true }), (rows, k) => {
        const scaled = rows.map((r) => ({ ...r, value: r.value * k }));
        expect(closeTo(cv(toSample(scaled)), cv(toSample(rows)), 1e-9)).toBe(true);
      }),
    );
  });

  it("gives #DIV/0! when the mean is 0", () => {
    expect(errorOf(() => cv(sampleOf([0, 0], [1, 2])))).toMatchObject({
      code: "DIV0",
      message: "WSF.COEFVAR: the mean is 0, so the coefficient of variation is undefined",
    });
  });
});
