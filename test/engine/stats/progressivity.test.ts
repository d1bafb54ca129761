import { sampleOf } from "../../../src/engine/core/WeightedSample";
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
});
