import fc from "fast-check";
import { protect } from "../../../src/engine/allocation/protect";
import { WsfError } from "../../../src/engine/core/WsfError";

describe("protect", () => {
  it("clamps each school to its prior-year band (hand calculation)", () => {
    // prior 100,000, max loss 5%, max gain 20%: band [95,000, 120,000].
    // 80,000 -> 95,000 (floor); 130,000 -> 120,000 (cap); 100,500 -> unchanged; new school (blank prior) -> unchanged.
    const out = protect(Float64Array.of(80000, 130000, 100500, 50000), Float64Array.of(100000, 100000, 100000, NaN), 0.05, 0.2);
    expect(Array.from(out)).toEqual([95000, 120000, 100500, 50000]);
  });

  it("applies only the rules given: null maxLoss means no floor, null maxGain no cap", () => {
    const alloc = Float64Array.of(50, 150);
    const prior = Float64Array.of(100, 100);
    expect(Array.from(protect(alloc, prior, null, 0.1))).toEqual([50, expect.closeTo(110, 9)]);
    expect(Array.from(protect(alloc, prior, 0, null))).toEqual([100, 150]); // hold harmless
    expect(Array.from(protect(alloc, prior, null, null))).toEqual([50, 150]);
  });

  it("lands every protected school inside its band, moves nothing already inside, and is idempotent", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.option(fc.double({ min: 0, max: 1e7, noNaN: true }))), { minLength: 1, maxLength: 40 }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
        fc.option(fc.double({ min: 0, max: 2, noNaN: true })),
        (rows, maxLoss, maxGain) => {
          const alloc = Float64Array.from(rows.map(([a]) => a));
          const prior = Float64Array.from(rows.map(([, p]) => (p === null ? NaN : p)));
          const out = protect(alloc, prior, maxLoss, maxGain);
          out.forEach((x, i) => {
            const p = prior[i];
            // A blank prior (NaN) and a prior of 0 both mean "no band" (excel-behaviour.md item 5).
            const banded = !Number.isNaN(p) && p > 0;
            const lo = !banded || maxLoss === null ? -Infinity : p * (1 - maxLoss);
            const hi = !banded || maxGain === null ? Infinity : p * (1 + maxGain);
            expect(x).toBeGreaterThanOrEqual(lo);
            expect(x).toBeLessThanOrEqual(hi);
            if (alloc[i] >= lo && alloc[i] <= hi) expect(x).toBe(alloc[i]);
          });
          expect(Array.from(protect(out, prior, maxLoss, maxGain))).toEqual(Array.from(out));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("treats a prior of 0 exactly like a blank prior: no band, so a 10% cap does not hold a new school at 0", () => {
    // Some Excel builds pass a blank cell as 0 (excel-behaviour.md item 5): prior 0 must not mean "capped at 0 x 1.1 = 0".
    const alloc = Float64Array.of(50_000, 80_000);
    const asZero = protect(alloc, Float64Array.of(0, 100_000), 0.05, 0.1);
    const asBlank = protect(alloc, Float64Array.of(NaN, 100_000), 0.05, 0.1);
    expect(Array.from(asZero)).toEqual([50_000, 95_000]);
    expect(Array.from(asZero)).toEqual(Array.from(asBlank));
  });

  it("rejects a maxLoss outside 0..1, a negative maxGain (#VALUE! saying which: Excel shows no message on #NUM!) and a negative prior with its row", () => {
    const codeOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return `${(e as WsfError).code} ${(e as WsfError).message}`;
      }
      return "no error";
    };
    const one = Float64Array.of(1);
    expect(codeOf(() => protect(one, one, 1.5, null))).toBe("VALUE WSF.PROTECT: maxLoss is 1.5, expected a share between 0 and 1 (e.g. 0.05 for 5%)");
    expect(codeOf(() => protect(one, one, null, -0.1))).toBe("VALUE WSF.PROTECT: maxGain is -0.1, expected a share >= 0 (e.g. 0.10 for 10%)");
    expect(codeOf(() => protect(Float64Array.of(1, 2), Float64Array.of(1, -2), 0.1, null))).toBe("VALUE WSF.PROTECT: prior row 2 is -2, expected a number >= 0");
    expect(codeOf(() => protect(one, Float64Array.of(1, 2), 0.1, null))).toBe(
      "VALUE WSF.PROTECT: prior has 2 rows but allocations has 1; they must be the same size",
    );
  });
});
