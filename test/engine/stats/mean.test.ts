import fc from "fast-check";
import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { mean } from "../../../src/engine/stats/mean";
import { e5TotalPerPupil, E5_SCHOOLS } from "./e5District";
import { closeTo, errorOf, toSample, units } from "./support";

describe("mean", () => {
  it("gives E5's pupil-weighted total per pupil, 8,414.8014 (domain.md section 4, E5)", () => {
    expect(Math.abs(mean(e5TotalPerPupil) - 8414.8014)).toBeLessThan(5e-5);
  });

  it("equals total dollars over total pupils for E5 (hand calculation: 58,223,500 / 6,919 = 8,414.80144...)", () => {
    // Money: 2,940,000 + 4,424,000 + 3,080,000 + 7,530,000 + 2,730,000 + 6,660,000 + 4,884,000 + 2,715,500
    // = 34,963,500; pupils 420 + 610 + 380 + 950 + 300 + 720 + 510 + 265 = 4,155. 34,963,500 / 4,155 = 8,414.8014...
    const money = E5_SCHOOLS.reduce((t, s) => t + s.unrestricted + s.restricted, 0);
    expect(money).toBe(34_963_500);
    expect(Math.abs(mean(e5TotalPerPupil) - 34_963_500 / 4_155)).toBeLessThan(1e-9);
  });

  it("is the plain average when unweighted and ignores units with 0 pupils", () => {
    expect(mean(sampleOf([1, 2, 6]))).toBe(3);
    expect(mean(sampleOf([1, 2, 6, 1e6], [1, 1, 1, 0]))).toBe(3);
  });

  it("agrees with a naive sum(w x) / sum(w)", () => {
    fc.assert(
      fc.property(units(), (rows) => {
        const naive = rows.reduce((t, r) => t + r.pupils * r.value, 0) / rows.reduce((t, r) => t + r.pupils, 0);
        expect(closeTo(mean(toSample(rows)), naive, 1e-12)).toBe(true);
      }),
    );
  });

  it("gives #DIV/0! with a reason when there are no rows or no pupils", () => {
    expect(errorOf(() => mean(sampleOf([])))).toMatchObject({ code: "DIV0", message: "WSF.MEAN: no usable rows: every value is blank" });
    expect(errorOf(() => mean(sampleOf([5, 6], [0, 0]), "WSF.X"))).toMatchObject({ code: "DIV0", message: "WSF.X: total pupils is 0" });
  });
});
