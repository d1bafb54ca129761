import fc from "fast-check";
import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { elasticity } from "../../../src/engine/stats/elasticity";
import { errorOf } from "./support";

describe("elasticity", () => {
  it("recovers b from x = c f^b exactly (hand calculation: ln x = ln c + b ln f)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ f: fc.double({ min: 0.01, max: 100, noNaN: true }), pupils: fc.integer({ min: 1, max: 9 }) }), { minLength: 2, maxLength: 30 }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: 1, max: 10_000, noNaN: true }),
        (rows, b, c) => {
          const logs = rows.map((r) => Math.log(r.f));
          fc.pre(Math.max(...logs) - Math.min(...logs) > 0.01);
          const s = sampleOf(rows.map((r) => c * r.f ** b), rows.map((r) => r.pupils));
          expect(Math.abs(elasticity(s, Float64Array.from(rows.map((r) => r.f))) - b)).toBeLessThan(1e-9);
        },
      ),
    );
  });

  it("is ln 2 / ln 4 = 0.5 for values 100, 200 at factors 1, 4", () => {
    expect(elasticity(sampleOf([100, 200]), Float64Array.of(1, 4))).toBeCloseTo(0.5, 14);
  });

  it("gives #NUM! naming the argument and row of a value or factor <= 0, and #DIV/0! without factor variance", () => {
    expect(errorOf(() => elasticity(sampleOf([100, 200]), Float64Array.of(0.5, 0)))).toMatchObject({
      code: "NUM",
      message: "WSF.ELASTICITY: factor row 2 is 0, expected a number > 0 (this statistic takes its logarithm)",
    });
    expect(errorOf(() => elasticity(sampleOf([0, 200]), Float64Array.of(0.5, 1))).message).toBe(
      "WSF.ELASTICITY: values row 1 is 0, expected a number > 0 (this statistic takes its logarithm)",
    );
    expect(errorOf(() => elasticity(sampleOf([100, 200]), Float64Array.of(0.5, 0.5))).code).toBe("DIV0");
  });
});
