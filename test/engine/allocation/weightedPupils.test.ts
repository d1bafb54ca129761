import fc from "fast-check";
import { weightedPupils } from "../../../src/engine/allocation/weightedPupils";
import { roundHalfUp } from "../../../src/engine/allocation/roundHalfUp";
import { WsfError } from "../../../src/engine/core/WsfError";

const column = (...xs: number[]) => Float64Array.from(xs);

describe("weightedPupils", () => {
  it("stacks NYC FY22 weights additively, giving the published per-pupil amounts (A1)", () => {
    // A1: per capita 4,223. A high-school pupil (grade weight 1.03) who is an English learner (0.40): 6,038.89.
    // An elementary pupil (1.00) below standards (0.25) and an English learner (0.40): 6,967.95.
    // Columns: high school (1.03), elementary (1.00), below standards (0.25), English learner (0.40).
    const pupils = weightedPupils([column(1, 0), column(0, 1), column(0, 1), column(1, 1)], [1.03, 1.0, 0.25, 0.4]);
    expect(pupils[0]).toBeCloseTo(1.43, 12);
    expect(pupils[1]).toBeCloseTo(1.65, 12);
    expect(roundHalfUp(pupils[0] * 4223, 2)).toBe(6038.89);
    expect(roundHalfUp(pupils[1] * 4223, 2)).toBe(6967.95);
  });

  it("sums count x weight per school (hand calculation)", () => {
    // School 1: 400 x 1.00 + 120 x 0.12 + 30 x 0.40 = 400 + 14.4 + 12 = 426.4
    // School 2: 250 x 1.00 +   0 x 0.12 + 80 x 0.40 = 250 + 0 + 32 = 282
    const out = weightedPupils([column(400, 250), column(120, 0), column(30, 80)], [1, 0.12, 0.4]);
    expect(out[0]).toBeCloseTo(426.4, 10);
    expect(out[1]).toBeCloseTo(282, 10);
  });

  it("equals a naive double loop and is linear in the weights", () => {
    const schools = fc.integer({ min: 1, max: 20 });
    fc.assert(
      fc.property(
        schools.chain((n) =>
          fc.array(
            fc.tuple(fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: n, maxLength: n }), fc.double({ min: 0, max: 7, noNaN: true })),
            { minLength: 1, maxLength: 6 },
          ),
        ),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (categories, scale) => {
          const counts = categories.map(([c]) => Float64Array.from(c));
          const weights = categories.map(([, w]) => w);
          const out = weightedPupils(counts, weights);
          const scaled = weightedPupils(counts, weights.map((w) => w * scale));
          for (let i = 0; i < counts[0].length; i++) {
            let naive = 0;
            for (let k = 0; k < counts.length; k++) naive += counts[k][i] * weights[k];
            expect(out[i]).toBeCloseTo(naive, 6);
            expect(scaled[i]).toBeCloseTo(naive * scale, 5);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("asks for one weight per count column", () => {
    const call = () => weightedPupils([column(1), column(2)], [1]);
    expect(call).toThrow(WsfError);
    expect(call).toThrow("WSF.WEIGHTEDPUPILS: weights has 1 weights but counts has 2 columns; give one weight per column");
  });

  it("names the row and column of a negative count, and the function the caller passes", () => {
    expect(() => weightedPupils([column(1, 2), column(0, -3)], [1, 0.5], "WSF.X")).toThrow("WSF.X: counts row 2 column 2 is -3, expected a number >= 0");
    expect(() => weightedPupils([column(1, 2), column(0)], [1, 0.5])).toThrow(
      "WSF.WEIGHTEDPUPILS: counts column 2 has 1 rows but counts column 1 has 2; they must be the same size",
    );
    expect(() => weightedPupils([column(1)], [-1])).toThrow("WSF.WEIGHTEDPUPILS: weights row 1 is -1, expected a number >= 0");
    expect(() => weightedPupils([], [])).toThrow("WSF.WEIGHTEDPUPILS: counts needs at least one column of pupil counts");
  });
});
