import fc from "fast-check";
import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { gini } from "../../../src/engine/stats/gini";
import { e5TotalPerPupil, e5UnrestrictedPerPupil } from "./e5District";
import { closeTo, errorOf, toSample, units } from "./support";

/** The definition itself: sum_i sum_j w_i w_j |x_i - x_j| / (2 W^2 mu), O(n^2). */
function naivePairwiseGini(rows: { value: number; pupils: number }[]): number {
  let pairs = 0;
  let W = 0;
  let money = 0;
  for (const a of rows) {
    W += a.pupils;
    money += a.pupils * a.value;
    for (const b of rows) pairs += a.pupils * b.pupils * Math.abs(a.value - b.value);
  }
  return pairs / (2 * W * money);
}

describe("gini", () => {
  it("reproduces E5's published Ginis (domain.md section 4): total per pupil 0.066720, unrestricted 0.007487", () => {
    expect(Math.abs(gini(e5TotalPerPupil) - 0.06672)).toBeLessThan(5e-7);
    expect(Math.abs(gini(e5UnrestrictedPerPupil) - 0.007487)).toBeLessThan(5e-7);
  });

  it("has no small-sample correction (hand calculation: 0, 0, 0, 100 -> 600 / (2 x 16 x 25) = 0.75, not 1)", () => {
    // Pairs with |difference| 100: (i, 4) and (4, i) for 3 units: 6 x 100 = 600; W = 4, mu = 25.
    expect(gini(sampleOf([0, 0, 0, 100]))).toBeCloseTo(0.75, 14);
  });

  it("agrees with the naive O(n^2) pairwise sum on random small inputs", () => {
    fc.assert(
      fc.property(units(30), (rows) => {
        expect(Math.abs(gini(toSample(rows)) - naivePairwiseGini(rows))).toBeLessThan(1e-10);
      }),
      { numRuns: 200 },
    );
  });

  it("agrees with the pairwise sum on 2,000 units (radix-sort path)", () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({ value: 5000 + ((i * 7919) % 1013) * 9.7, pupils: 1 + (i % 7) }));
    expect(Math.abs(gini(toSample(rows)) - naivePairwiseGini(rows))).toBeLessThan(1e-10);
  });

  it("is 0 when all values are equal, and unchanged by scaling", () => {
    expect(gini(sampleOf([8414.8, 8414.8, 8414.8], [3, 7, 11]))).toBeLessThan(1e-15);
    fc.assert(
      fc.property(units(), fc.double({ min: 0.001, max: 1000, noNaN: true }), (rows, k) => {
        const scaled = rows.map((r) => ({ ...r, value: r.value * k }));
        expect(closeTo(gini(toSample(scaled)), gini(toSample(rows)), 1e-9)).toBe(true);
      }),
    );
  });

  it("gives #DIV/0! when the mean is 0 or there are no pupils", () => {
    expect(errorOf(() => gini(sampleOf([0, 0])))).toMatchObject({ code: "DIV0", message: "WSF.GINI: the mean is 0, so the Gini coefficient is undefined" });
    expect(errorOf(() => gini(sampleOf([1, 2], [0, 0])))).toMatchObject({ code: "DIV0", message: "WSF.GINI: total pupils is 0" });
  });
});
