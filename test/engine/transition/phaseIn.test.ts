import fc from "fast-check";
import { phaseIn } from "../../../src/engine/transition/phaseIn";
import { WsfError } from "../../../src/engine/core/WsfError";

function failure(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return `${(e as WsfError).code} ${(e as WsfError).message}`;
  }
  return "no error";
}

describe("phaseIn", () => {
  it("closes rate x the gap, then clamps to the prior-year band (hand calculation)", () => {
    // prior 100,000 target 160,000, rate 0.5: 130,000, inside [90,000, +inf) -> 130,000.
    // prior 100,000 target 40,000, rate 0.5: 70,000 < floor 100,000 x 0.9 = 90,000 -> 90,000.
    // prior blank: the target 70,000 itself; prior 0: the target 55,000 itself.
    const out = phaseIn(Float64Array.of(100000, 100000, NaN, 0), Float64Array.of(160000, 40000, 70000, 55000), 0.5, 0.1, null);
    expect(Array.from(out)).toEqual([130000, 90000, 70000, 55000]);
  });

  it("is last year's amount at rate 0 and the target at rate 1 without a band", () => {
    const prior = Float64Array.of(10, 20, 30);
    const target = Float64Array.of(15, 5, 30);
    expect(Array.from(phaseIn(prior, target, 0, null, null))).toEqual([10, 20, 30]);
    expect(Array.from(phaseIn(prior, target, 1, null, null))).toEqual([15, 5, 30]);
  });

  it("reproduces California's 2013-14 gap step: prior + 12.0017% of the gap (CDE, domain.md section 7)", () => {
    // A district funded 1,000,000 with a target of 1,500,000 received 1,000,000 + 0.120017 x 500,000 = 1,060,008.50.
    expect(phaseIn(Float64Array.of(1000000), Float64Array.of(1500000), 0.120017, null, null)[0]).toBeCloseTo(1060008.5, 6);
  });

  it("property: the result lies between prior and target and inside the band", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
        fc.option(fc.double({ min: 0, max: 2, noNaN: true })),
        (p, t, rate, maxLoss, maxGain) => {
          const x = phaseIn(Float64Array.of(p), Float64Array.of(t), rate, maxLoss, maxGain)[0];
          const tol = 1e-9 * Math.max(p, t, 1);
          expect(x).toBeGreaterThanOrEqual(Math.min(p, t) - tol);
          expect(x).toBeLessThanOrEqual(Math.max(p, t) + tol);
          if (maxLoss !== null) expect(x).toBeGreaterThanOrEqual(p * (1 - maxLoss) - tol);
          if (maxGain !== null) expect(x).toBeLessThanOrEqual(p * (1 + maxGain) + tol);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("rejects a rate outside 0..1, a negative prior or unequal columns as #VALUE! with a message", () => {
    const one = Float64Array.of(1);
    expect(failure(() => phaseIn(one, one, 1.5, null, null))).toBe("VALUE WSF.PHASEIN: rate is 1.5, expected a share between 0 and 1 (e.g. 0.3333 to close a third of the gap)");
    expect(failure(() => phaseIn(one, one, -0.5, null, null))).toMatch(/^VALUE WSF.PHASEIN: rate is -0.5/);
    expect(failure(() => phaseIn(one, one, 0.5, 2, null))).toBe("VALUE WSF.PHASEIN: maxLoss is 2, expected a share between 0 and 1 (e.g. 0.05 for 5%)");
    expect(failure(() => phaseIn(one, one, 0.5, null, -0.1))).toBe("VALUE WSF.PHASEIN: maxGain is -0.1, expected a share >= 0 (e.g. 0.10 for 10%)");
    expect(failure(() => phaseIn(Float64Array.of(1, -3), Float64Array.of(1, 1), 0.5, null, null))).toBe("VALUE WSF.PHASEIN: prior row 2 is -3, expected a number >= 0");
    expect(failure(() => phaseIn(one, Float64Array.of(1, 2), 0.5, null, null))).toBe("VALUE WSF.PHASEIN: target has 2 rows but prior has 1; they must be the same size");
  });
});
