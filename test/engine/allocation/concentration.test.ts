import fc from "fast-check";
import { concentration } from "../../../src/engine/allocation/concentration";
import { WsfError } from "../../../src/engine/core/WsfError";

const col = (...xs: number[]) => Float64Array.from(xs);

describe("concentration", () => {
  // Four schools of 1,000 pupils with 300, 550, 700 and 900 eligible; threshold 55%, weight 0.65, ramp to 85%.
  const eligible = col(300, 550, 700, 900);
  const enrollment = col(1000, 1000, 1000, 1000);

  it('"above" weights only the pupils above the threshold (hand calculation)', () => {
    // 300: below -> 0.  550: exactly at 55% -> 0.  700: 0.65 x (700 - 550) = 97.5.  900: 0.65 x 350 = 227.5.
    const out = concentration(eligible, enrollment, 0.55, 0.65);
    expect(Array.from(out)).toEqual([0, 0, expect.closeTo(97.5, 9), expect.closeTo(227.5, 9)]);
  });

  it('"all" weights every eligible pupil once the share is strictly above the threshold (hand calculation)', () => {
    // 300 and 550 (55% is not above 55%) -> 0; 700 -> 0.65 x 700 = 455; 900 -> 0.65 x 900 = 585.
    const out = concentration(eligible, enrollment, 0.55, 0.65, "all");
    expect(Array.from(out)).toEqual([0, 0, expect.closeTo(455, 9), expect.closeTo(585, 9)]);
  });

  it('"ramp" phases the weight in linearly between threshold and upper (hand calculation)', () => {
    // 70%: (0.70 - 0.55) / (0.85 - 0.55) = 0.5 of the weight: 0.65 x 700 x 0.5 = 227.5.
    // 90%: past upper, full weight: 0.65 x 900 = 585.  30% and 55%: 0.
    const out = concentration(eligible, enrollment, 0.55, 0.65, "ramp", 0.85);
    expect(Array.from(out)).toEqual([0, 0, expect.closeTo(227.5, 9), expect.closeTo(585, 9)]);
  });

  it("gives a school with no pupils no extra weight", () => {
    for (const mode of ["above", "all", "ramp"] as const) {
      expect(concentration(col(0), col(0), 0, 1, mode, 0.5)[0]).toBe(0);
    }
  });

  it("orders the modes: above <= ramp <= all, all zero at or below the threshold", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }).chain((enrolled) => fc.tuple(fc.constant(enrolled), fc.integer({ min: 0, max: enrolled }))),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.double({ min: 0.01, max: 0.1, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        ([enrolled, eligibleCount], threshold, rampWidth, weight) => {
          const upper = threshold + rampWidth;
          const args = [col(eligibleCount), col(enrolled), threshold, weight] as const;
          const above = concentration(...args, "above")[0];
          const all = concentration(...args, "all")[0];
          const ramp = concentration(...args, "ramp", upper)[0];
          const share = eligibleCount / enrolled;
          // Naive restatements of the three definitions.
          expect(above).toBeCloseTo(weight * Math.max(0, eligibleCount - threshold * enrolled), 6);
          expect(all).toBeCloseTo(share > threshold ? weight * eligibleCount : 0, 6);
          expect(ramp).toBeCloseTo(weight * eligibleCount * Math.min(1, Math.max(0, (share - threshold) / rampWidth)), 6);
          expect(ramp).toBeLessThanOrEqual(all + 1e-9);
          if (share <= threshold) expect(all + ramp + above).toBe(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("rejects more eligible than enrolled, naming the row", () => {
    const call = () => concentration(col(10, 120), col(100, 100), 0.5, 1);
    expect(call).toThrow(WsfError);
    expect(call).toThrow("WSF.CONCENTRATION: eligible row 2 is 120, more than the 100 enrolled");
  });

  it("rejects a threshold outside 0..1 and a ramp without a higher upper as #VALUE! saying why", () => {
    const numCode = (() => {
      try {
        concentration(col(1), col(2), 1.2, 1);
      } catch (e) {
        return [(e as WsfError).code, (e as WsfError).message];
      }
      return null;
    })();
    expect(numCode).toEqual(["VALUE", "WSF.CONCENTRATION: threshold is 1.2, expected a share between 0 and 1 (e.g. 0.05 for 5%)"]);
    expect(() => concentration(col(1), col(2), 0.5, 1, "ramp")).toThrow(
      'WSF.CONCENTRATION: upper is missing; mode "ramp" needs the share at which the full weight applies',
    );
    expect(() => concentration(col(1), col(2), 0.5, 1, "ramp", 0.4)).toThrow(
      'WSF.CONCENTRATION: upper is 0.4, expected a share greater than threshold 0.5 for mode "ramp"',
    );
    expect(() => concentration(col(1), col(2), 0.5, 1, "some" as never)).toThrow('WSF.CONCENTRATION: mode is "some", expected "above", "all" or "ramp"');
    expect(() => concentration(col(1), col(2, 3), 0.5, 1)).toThrow("WSF.CONCENTRATION: enrollment has 2 rows but eligible has 1; they must be the same size");
  });
});
