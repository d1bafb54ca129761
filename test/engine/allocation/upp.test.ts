import fc from "fast-check";
import { upp } from "../../../src/engine/allocation/upp";
import { WsfError } from "../../../src/engine/core/WsfError";

describe("upp", () => {
  it("is a ratio of sums over the three years, not the mean of the yearly shares (hand calculation)", () => {
    // Years: 700 of 1,000; 600 of 800; 500 of 1,200. Ratio of sums: 1,800 / 3,000 = 0.60.
    // Mean of shares would be (0.70 + 0.75 + 0.4167) / 3 = 0.6222: not the LCFF rule.
    expect(upp([700, 600, 500], [1000, 800, 1200])).toBeCloseTo(0.6, 12);
  });

  it("lies between the smallest and largest yearly share", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 100_000 }).chain((e) => fc.tuple(fc.integer({ min: 0, max: e }), fc.constant(e))), { minLength: 1, maxLength: 5 }),
        (years) => {
          const shares = years.map(([u, e]) => u / e);
          const r = upp(years.map(([u]) => u), years.map(([, e]) => e));
          expect(r).toBeGreaterThanOrEqual(Math.min(...shares) - 1e-12);
          expect(r).toBeLessThanOrEqual(Math.max(...shares) + 1e-12);
        },
      ),
    );
  });

  it("rejects more unduplicated pupils than enrolled (naming the row) and no enrollment (#DIV/0!)", () => {
    expect(() => upp([10, 120], [100, 100])).toThrow(
      "WSF.UPP: unduplicated row 2 is 120, more than the 100 enrolled; a pupil percentage cannot pass 100%",
    );
    let code = "";
    try {
      upp([0], [0]);
    } catch (e) {
      code = `${(e as WsfError).code} ${(e as WsfError).message}`;
    }
    expect(code).toBe("DIV0 WSF.UPP: enrollment adds up to 0; the unduplicated pupil percentage needs pupils");
  });
});
