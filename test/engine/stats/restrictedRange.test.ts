import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { restrictedRange } from "../../../src/engine/stats/restrictedRange";
import { errorOf } from "./support";

describe("restrictedRange", () => {
  // E1 (domain.md section 4, Impact Aid appendix): the P5 pupil is at $820 and the P95 pupil at $1,000.
  // Laid out as 100 pupils: 5 at 820 (cum 5 reaches 5), 89 at 900 (cum 94), 6 at 1,000 (cum 100, the first to reach 95).
  const e1 = sampleOf([900, 1000, 820], [89, 6, 5]);

  it("is P95 - P5 = 1,000 - 820 = 180 for E1", () => {
    expect(restrictedRange(e1)).toBe(180);
  });

  it("takes other bounds: P(1) - P(0) is the full range, P(0.5) - P(0.5) is 0", () => {
    expect(restrictedRange(e1, 0, 1)).toBe(180);
    expect(restrictedRange(e1, 0.5, 0.5)).toBe(0);
    // P(0.96) = 1,000 and P(0.06) = 900 (cum 94 >= 6).
    expect(restrictedRange(e1, 0.06, 0.96)).toBe(100);
  });

  it("gives #NUM! when lower exceeds upper or a bound is outside 0..1", () => {
    expect(errorOf(() => restrictedRange(e1, 0.9, 0.1))).toMatchObject({
      code: "NUM",
      message: "WSF.RESTRICTEDRANGE: lower is 0.9 but upper is 0.1; lower must not exceed upper",
    });
    expect(errorOf(() => restrictedRange(e1, 0.05, 2)).code).toBe("NUM");
  });
});
