import fc from "fast-check";
import { roundHalfUp } from "../../../src/engine/allocation/roundHalfUp";

describe("roundHalfUp", () => {
  it("matches Excel's ROUND on the cases binary floating point gets wrong", () => {
    // Excel: ROUND(1.005, 2) = 1.01, while Math.round(1.005 * 100) / 100 = 1 because 1.005 is stored as 1.00499999...
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    // Excel: ROUND(2.675, 2) = 2.68 (2.675 is stored as 2.67499999...).
    expect(roundHalfUp(2.675, 2)).toBe(2.68);
    // Excel: ROUND(-2.5, 0) = -3 (half away from zero; Math.round gives -2).
    expect(Math.round(-2.5)).toBe(-2);
    expect(roundHalfUp(-2.5)).toBe(-3);
    expect(roundHalfUp(2.5)).toBe(3);
    // Excel: ROUND(4697.3, 0) = 4697; ROUND(1234.5678, -2) = 1200; ROUND(-1.005, 2) = -1.01.
    expect(roundHalfUp(4697.3, 0)).toBe(4697);
    expect(roundHalfUp(1234.5678, -2)).toBe(1200);
    expect(roundHalfUp(-1.005, 2)).toBe(-1.01);
    // 0.1 + 0.2 is 0.30000000000000004 in binary; Excel shows and rounds 0.3.
    expect(roundHalfUp(0.1 + 0.2, 1)).toBe(0.3);
  });

  it("rounds Chicago's grade-weighted rates half up (A5)", () => {
    // A5: base 4,390 -> K-3 (1.07) 4,697 and 9-12 (1.24) 5,444; base 2,495 -> 2,670 and 3,094; base 4,290 -> 4,590 and 5,320.
    const published: [number, number, number][] = [
      [4390, 4697, 5444],
      [2495, 2670, 3094],
      [4290, 4590, 5320],
    ];
    for (const [base, k3, high] of published) {
      expect(roundHalfUp(1.07 * base)).toBe(k3);
      expect(roundHalfUp(1.24 * base)).toBe(high);
    }
  });

  it("rounds NYC FY22 per-pupil amounts to the cent (A1)", () => {
    // A1: per capita 4,223; 1.03 + 0.40 = 1.43 -> 6,038.89; 1.00 + 0.25 + 0.40 = 1.65 -> 6,967.95.
    expect(roundHalfUp(4223 * (1.03 + 0.4), 2)).toBe(6038.89);
    expect(roundHalfUp(4223 * (1.0 + 0.25 + 0.4), 2)).toBe(6967.95);
  });

  it("agrees with decimal rounding done on integers for every three-decimal amount", () => {
    // Independent naive implementation: x = k / 1000 is the decimal the person typed; rounding it to cents
    // half away from zero is, on the integer k, sign(k) x floor((|k| + 5) / 10) cents.
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), (k) => {
        const cents = Math.sign(k) * Math.floor((Math.abs(k) + 5) / 10);
        // "+ 0" turns the oracle's -0 (from -0.004, say) into 0, as Excel shows it.
        expect(roundHalfUp(k / 1000, 2)).toBe(cents / 100 + 0);
      }),
      { numRuns: 2000 },
    );
  });

  it("is odd, idempotent and never moves a value by more than half a unit", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: -3, max: 6 }), (x, decimals) => {
        const r = roundHalfUp(x, decimals);
        expect(roundHalfUp(-x, decimals)).toBe(r === 0 ? 0 : -r);
        expect(roundHalfUp(r, decimals)).toBe(r);
        const unit = 10 ** -decimals;
        expect(Math.abs(r - x)).toBeLessThanOrEqual(unit / 2 + Math.abs(x) * 1e-14);
      }),
      { numRuns: 2000 },
    );
  });

  it("leaves NaN, infinities and numbers beyond 2^52 as they are", () => {
    expect(roundHalfUp(NaN)).toBeNaN();
    expect(roundHalfUp(Infinity, 2)).toBe(Infinity);
    expect(roundHalfUp(2 ** 60, 2)).toBe(2 ** 60);
  });
});
