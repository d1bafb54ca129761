import fc from "fast-check";
import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { mcLoone } from "../../../src/engine/stats/mcLoone";
import { e5TotalPerPupil } from "./e5District";
import { errorOf } from "./support";

// E2 (domain.md section 4): (pupils, value) (2, 1000), (4, 200), (6, 100), (6, 60), (8, 45), (12, 24); 38 pupils, median 45.
const e2 = sampleOf([1000, 200, 100, 60, 45, 24], [2, 4, 6, 6, 8, 12]);

describe("mcLoone", () => {
  it('gives the published "half" answer for E2: 603 / (45 x 19) = 0.705263', () => {
    // Lowest 19 pupils: 12 at 24 (288) and 7 of the 8 at 45 (315): 603.
    expect(Math.abs(mcLoone(e2, "half") - 0.705263)).toBeLessThan(5e-7);
  });

  it('gives "below" for E2: only the 12 pupils at 24 are strictly below 45: 288 / (45 x 12) = 0.533333', () => {
    expect(Math.abs(mcLoone(e2) - 0.533333)).toBeLessThan(5e-7);
    expect(mcLoone(e2, "below")).toBe(mcLoone(e2));
  });

  it("gives E5's pupil-weighted McLoone (below) of total per pupil, 0.928066 (domain.md section 4)", () => {
    expect(Math.abs(mcLoone(e5TotalPerPupil) - 0.928066)).toBeLessThan(5e-7);
  });

  it("is 1 when every value is equal, and 1 for 'below' when nothing is below the median", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e5, noNaN: true }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 20 }), (x, pupils) => {
        const s = sampleOf(pupils.map(() => x), pupils);
        expect(mcLoone(s)).toBe(1);
        expect(Math.abs(mcLoone(s, "half") - 1)).toBeLessThan(1e-12);
      }),
    );
    // Median 10 (3 of 4 pupils at 10): nothing strictly below.
    expect(mcLoone(sampleOf([10, 10, 10, 50]))).toBe(1);
  });

  it("skips units with 0 pupils below the median (hand calculation: 50 / (100 x 1) = 0.5)", () => {
    // Median of pupils 50 (1), 100 (2) is 100; the 0-pupil 1 does not count.
    expect(mcLoone(sampleOf([1, 50, 100], [0, 1, 2]))).toBe(0.5);
  });

  it("gives #NUM! for an unknown method", () => {
    expect(errorOf(() => mcLoone(e2, "lowest" as "below"))).toMatchObject({
      code: "NUM",
      message: 'WSF.MCLOONE: method is "lowest", expected "below" or "half"',
    });
  });
});
