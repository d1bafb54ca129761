import fc from "fast-check";
import { lcff } from "../../../src/engine/allocation/lcff";

const RATES_2024_25: [number, number, number, number] = [10025, 10177, 10478, 12144];
const columns = (...rows: number[][]) => [0, 1, 2, 3].map((s) => Float64Array.from(rows, (r) => r[s]));

describe("lcff", () => {
  it("computes a 2024-25 district with ADA in every span and UPP 70% (hand calculation)", () => {
    // Rates 2024-25: K-3 10,025, 4-6 10,177, 7-8 10,478, 9-12 12,144.
    // Grade-span adjustments, rounded to whole dollars: 10,025 x 0.104 = 1,042.6 -> 1,043; 12,144 x 0.026 = 315.744 -> 316.
    // Adjusted rates: K-3 11,068; 4-6 10,177; 7-8 10,478; 9-12 12,460.
    // ADA 1,000 / 800 / 600 / 1,200:
    //   adjusted base = 11,068 x 1,000 + 10,177 x 800 + 10,478 x 600 + 12,460 x 1,200
    //                 = 11,068,000 + 8,141,600 + 6,286,800 + 14,952,000 = 40,448,400
    //   supplemental  = 0.20 x 40,448,400 x 0.70 = 5,662,776
    //   concentration = 0.65 x 40,448,400 x (0.70 - 0.55) = 3,943,719
    //   total         = 40,448,400 + 5,662,776 + 3,943,719 = 50,054,895
    const r = lcff(columns([1000, 800, 600, 1200]), Float64Array.of(0.7), RATES_2024_25);
    expect(r.adjustedBase[0]).toBeCloseTo(40_448_400, 6);
    expect(r.supplemental[0]).toBeCloseTo(5_662_776, 6);
    expect(r.concentration[0]).toBeCloseTo(3_943_719, 5);
    expect(r.total[0]).toBeCloseTo(50_054_895, 5);
  });

  it("uses the unrounded adjustments when roundGsa is FALSE (hand calculation)", () => {
    // K-3 10,025 x 1.104 = 11,067.6; 9-12 12,144 x 1.026 = 12,459.744.
    // 11,067.6 x 1,000 + 8,141,600 + 6,286,800 + 12,459.744 x 1,200 = 11,067,600 + 8,141,600 + 6,286,800 + 14,951,692.8 = 40,447,692.8
    const r = lcff(columns([1000, 800, 600, 1200]), Float64Array.of(0.7), RATES_2024_25, 0.55, false);
    expect(r.adjustedBase[0]).toBeCloseTo(40_447_692.8, 5);
  });

  it("pays no concentration grant at or below the threshold, and uses the threshold given", () => {
    // K-3 only, 100 ADA: adjusted base 1,106,800. UPP 0.55: supplemental 0.2 x 1,106,800 x 0.55 = 121,748, concentration 0.
    // UPP 0.52 with the pre-2021-22 threshold of 50%: concentration 0.65 x 1,106,800 x 0.02 = 14,388.4.
    const r = lcff(columns([100, 0, 0, 0], [100, 0, 0, 0]), Float64Array.of(0.55, 0.52), RATES_2024_25);
    expect(r.supplemental[0]).toBeCloseTo(121_748, 6);
    expect(r.concentration[0]).toBe(0);
    expect(r.concentration[1]).toBe(0);
    const old = lcff(columns([100, 0, 0, 0]), Float64Array.of(0.52), RATES_2024_25, 0.5);
    expect(old.concentration[0]).toBeCloseTo(14_388.4, 6);
  });

  it("adds up: total = adjusted base + supplemental + concentration, and scales with ADA", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 50_000, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 2, max: 5 }),
        (ada, share, factor) => {
          const one = lcff(columns(ada), Float64Array.of(share), RATES_2024_25);
          const scaled = lcff(columns(ada.map((a) => a * factor)), Float64Array.of(share), RATES_2024_25);
          expect(one.total[0]).toBeCloseTo(one.adjustedBase[0] + one.supplemental[0] + one.concentration[0], 4);
          expect(scaled.total[0]).toBeCloseTo(one.total[0] * factor, 2);
        },
      ),
    );
  });

  it("checks its arguments, naming the row", () => {
    expect(() => lcff(columns([1, 1, 1, 1]).slice(0, 3), Float64Array.of(0.5), RATES_2024_25)).toThrow(
      "WSF.LCFF: ada has 3 columns, expected 4 (K-3, 4-6, 7-8 and 9-12 ADA)",
    );
    expect(() => lcff(columns([1, 1, 1, 1], [1, 1, 1, 1]), Float64Array.of(0.5, 1.2), RATES_2024_25)).toThrow(
      "WSF.LCFF: upp row 2 is 1.2, expected a share between 0 and 1",
    );
    expect(() => lcff(columns([1, 1, -1, 1]), Float64Array.of(0.5), RATES_2024_25)).toThrow("WSF.LCFF: ada row 1 column 3 (7-8) is -1, expected a number >= 0");
    expect(() => lcff(columns([1, 1, 1, 1]), Float64Array.of(0.5), RATES_2024_25, 55)).toThrow("WSF.LCFF: threshold is 55, expected a share between 0 and 1");
  });
});
