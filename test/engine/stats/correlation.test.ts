import fc from "fast-check";
import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { correlation } from "../../../src/engine/stats/correlation";
import { e5Frl, e5TotalPerPupil } from "./e5District";
import { errorOf, povertyUnits } from "./support";

describe("correlation", () => {
  it("gives E5's pupil-weighted correlation of total per pupil with FRL, 0.962306 (domain.md section 4)", () => {
    expect(Math.abs(correlation(e5TotalPerPupil, e5Frl) - 0.962306)).toBeLessThan(5e-7);
  });

  it("is 1 and -1 on exact lines (hand calculation)", () => {
    expect(correlation(sampleOf([1, 2, 3]), Float64Array.of(10, 20, 30))).toBeCloseTo(1, 14);
    expect(correlation(sampleOf([1, 2, 3], [5, 1, 2]), Float64Array.of(30, 20, 10))).toBeCloseTo(-1, 14);
  });

  it("agrees with a naive weighted Pearson r and stays within [-1, 1]", () => {
    fc.assert(
      fc.property(povertyUnits(), (rows) => {
        const W = rows.reduce((t, r) => t + r.pupils, 0);
        const mx = rows.reduce((t, r) => t + r.pupils * r.value, 0) / W;
        const mf = rows.reduce((t, r) => t + r.pupils * r.poverty, 0) / W;
        const cov = rows.reduce((t, r) => t + r.pupils * (r.value - mx) * (r.poverty - mf), 0);
        const vx = rows.reduce((t, r) => t + r.pupils * (r.value - mx) ** 2, 0);
        const vf = rows.reduce((t, r) => t + r.pupils * (r.poverty - mf) ** 2, 0);
        fc.pre(vx > 1e-6 * mx * mx * W && vf > 1e-6 * W);
        const s = sampleOf(rows.map((r) => r.value), rows.map((r) => r.pupils));
        const r = correlation(s, Float64Array.from(rows.map((r) => r.poverty)));
        expect(Math.abs(r - cov / Math.sqrt(vx * vf))).toBeLessThan(1e-9);
        expect(Math.abs(r)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("gives #DIV/0! when either column has no variance, even when rounding leaves a tiny one", () => {
    expect(errorOf(() => correlation(sampleOf([8414.8, 8414.8, 8414.8], [3, 7, 11]), Float64Array.of(0.1, 0.5, 0.9)))).toMatchObject({
      code: "DIV0",
      message: "WSF.CORRELATION: every pupil has the same value, so the correlation is undefined",
    });
    expect(errorOf(() => correlation(sampleOf([1, 2, 3]), Float64Array.of(0.3, 0.3, 0.3)))).toMatchObject({
      code: "DIV0",
      message: "WSF.CORRELATION: every pupil has the same factor, so the correlation is undefined",
    });
  });

  it("gives #VALUE! when the factor does not line up with the values", () => {
    expect(errorOf(() => correlation(sampleOf([1, 2, 3]), Float64Array.of(1, 2)))).toMatchObject({
      code: "VALUE",
      message: "WSF.CORRELATION: factor has 2 numbers but values has 3; they must line up row for row",
    });
  });
});
