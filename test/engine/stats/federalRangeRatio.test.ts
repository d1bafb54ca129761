import fc from "fast-check";
import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { federalRangeRatio } from "../../../src/engine/stats/federalRangeRatio";
import { errorOf, toSample, units } from "./support";

describe("federalRangeRatio", () => {
  it("is 180 / 820 = 0.219512 for E1 (domain.md section 4, Impact Aid appendix)", () => {
    // 100 pupils: 5 at $820 (cum 5 reaches P5), 89 at $900 (cum 94), 6 at $1,000 (cum 100 is the first to reach 95).
    const e1 = sampleOf([820, 900, 1000], [5, 89, 6]);
    expect(Math.abs(federalRangeRatio(e1) - 0.219512)).toBeLessThan(5e-7);
  });

  it("is unchanged when every value is multiplied by the same positive number", () => {
    fc.assert(
      fc.property(units(), fc.double({ min: 0.01, max: 100, noNaN: true }), (rows, k) => {
        const scaled = rows.map((r) => ({ ...r, value: r.value * k }));
        const a = federalRangeRatio(toSample(rows));
        expect(Math.abs(federalRangeRatio(toSample(scaled)) - a)).toBeLessThan(1e-9 * Math.max(1, a));
      }),
    );
  });

  it("gives #DIV/0! when P5 is 0 and #NUM! when lower exceeds upper", () => {
    expect(errorOf(() => federalRangeRatio(sampleOf([0, 10, 20])))).toMatchObject({
      code: "DIV0",
      message: "WSF.FEDERALRANGERATIO: the 0.05 percentile is 0, so the ratio is undefined",
    });
    expect(errorOf(() => federalRangeRatio(sampleOf([1, 2]), 0.95, 0.05)).code).toBe("NUM");
  });
});
