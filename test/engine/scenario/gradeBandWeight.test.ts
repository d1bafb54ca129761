import fc from "fast-check";
import { gradeBandWeight } from "../../../src/engine/scenario/gradeBandWeight";

const nyc = (g: number) => (g <= 5 ? 1 : g <= 8 ? 1.08 : 1.03);

describe("gradeBandWeight", () => {
  it("averages NYC's per-grade weights over a K-8 band: (6 x 1.00 + 3 x 1.08) / 9 = 1.026667", () => {
    expect(gradeBandWeight({ low: 0, high: 8 }, nyc)).toBeCloseTo(9.24 / 9, 12);
  });

  it("weighs pre-kindergarten as kindergarten", () => {
    expect(gradeBandWeight({ low: -1, high: 0 }, (g) => (g === 0 ? 2 : 99))).toBe(2);
  });

  it("is the grade's own weight for a one-grade band, and lies between the band's extremes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(gradeBandWeight({ low, high: low }, nyc)).toBe(nyc(low));
        const w = gradeBandWeight({ low, high }, nyc);
        expect(w).toBeGreaterThanOrEqual(1 - 1e-12);
        expect(w).toBeLessThanOrEqual(1.08 + 1e-12);
      }),
    );
  });
});
