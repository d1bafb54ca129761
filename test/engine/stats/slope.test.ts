import fc from "fast-check";
import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { slope } from "../../../src/engine/stats/slope";
import { e5Frl, e5TotalPerPupil } from "./e5District";
import { errorOf, povertyUnits } from "./support";

describe("slope", () => {
  it("gives E5's weighted slope of total per pupil on FRL, 3,993.8498 (domain.md section 4)", () => {
    expect(Math.abs(slope(e5TotalPerPupil, e5Frl) - 3993.8498)).toBeLessThan(5e-5);
  });

  it("recovers an exact line and weights units by pupils (hand calculation)", () => {
    expect(slope(sampleOf([100, 200, 300]), Float64Array.of(0, 0.5, 1))).toBeCloseTo(200, 10);
    // Points (0, 0) x 1 pupil, (1, 1) x 1, (2, 0) x 2: W = 4, mean f = 1.25, mean x = 0.25;
    // cov = [1 x (-1.25)(-0.25) + 1 x (-0.25)(0.75) + 2 x (0.75)(-0.25)] / 4 = (0.3125 - 0.1875 - 0.375) / 4 = -0.0625;
    // var f = [1.5625 + 0.0625 + 2 x 0.5625] / 4 = 0.6875; slope = -0.0625 / 0.6875 = -1/11.
    expect(slope(sampleOf([0, 1, 0], [1, 1, 2]), Float64Array.of(0, 1, 2))).toBeCloseTo(-1 / 11, 14);
  });

  it("agrees with a naive weighted least-squares slope", () => {
    fc.assert(
      fc.property(povertyUnits(), (rows) => {
        const W = rows.reduce((t, r) => t + r.pupils, 0);
        const mx = rows.reduce((t, r) => t + r.pupils * r.value, 0) / W;
        const mf = rows.reduce((t, r) => t + r.pupils * r.poverty, 0) / W;
        const cov = rows.reduce((t, r) => t + r.pupils * (r.value - mx) * (r.poverty - mf), 0);
        const vf = rows.reduce((t, r) => t + r.pupils * (r.poverty - mf) ** 2, 0);
        fc.pre(vf > 1e-6 * W);
        const s = sampleOf(rows.map((r) => r.value), rows.map((r) => r.pupils));
        const b = slope(s, Float64Array.from(rows.map((r) => r.poverty)));
        expect(Math.abs(b - cov / vf)).toBeLessThan(1e-7 * Math.max(1, Math.abs(cov / vf)));
      }),
    );
  });

  it("gives #DIV/0! when the factor has no variance among pupils", () => {
    // The unit at 0.9 has no pupils, so every pupil has poverty 0.4.
    expect(errorOf(() => slope(sampleOf([1, 2, 3], [1, 1, 0]), Float64Array.of(0.4, 0.4, 0.9)))).toMatchObject({
      code: "DIV0",
      message: "WSF.SLOPE: every pupil has the same factor, so the slope is undefined",
    });
  });
});
