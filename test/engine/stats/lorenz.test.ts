import fc from "fast-check";
import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { gini } from "../../../src/engine/stats/gini";
import { lorenz } from "../../../src/engine/stats/lorenz";
import { e5TotalPerPupil } from "./e5District";
import { errorOf, toSample, units } from "./support";

function trapezoidArea(curve: { pupilShare: Float64Array; valueShare: Float64Array }): number {
  let area = 0;
  for (let k = 1; k < curve.pupilShare.length; k++) {
    area += ((curve.pupilShare[k] - curve.pupilShare[k - 1]) * (curve.valueShare[k] + curve.valueShare[k - 1])) / 2;
  }
  return area;
}

describe("lorenz", () => {
  it("sorts ascending and accumulates pupil and money shares from (0, 0) (hand calculation: 3 and 1)", () => {
    const curve = lorenz(sampleOf([3, 1]));
    expect(Array.from(curve.pupilShare)).toEqual([0, 0.5, 1]);
    expect(Array.from(curve.valueShare)).toEqual([0, 0.25, 1]);
  });

  it("has n + 1 points, ends exactly at (1, 1), never decreases, and 1 - 2 x area is the Gini", () => {
    fc.assert(
      fc.property(units(), (rows) => {
        const curve = lorenz(toSample(rows));
        const n = rows.length;
        expect(curve.pupilShare.length).toBe(n + 1);
        expect([curve.pupilShare[0], curve.valueShare[0], curve.pupilShare[n], curve.valueShare[n]]).toEqual([0, 0, 1, 1]);
        for (let k = 1; k <= n; k++) {
          expect(curve.pupilShare[k]).toBeGreaterThanOrEqual(curve.pupilShare[k - 1]);
          expect(curve.valueShare[k]).toBeGreaterThanOrEqual(curve.valueShare[k - 1]);
          // Convex: the money share never runs ahead of the pupil share.
          expect(curve.valueShare[k]).toBeLessThanOrEqual(curve.pupilShare[k] + 1e-12);
        }
        expect(Math.abs(1 - 2 * trapezoidArea(curve) - gini(toSample(rows)))).toBeLessThan(1e-9);
      }),
    );
    expect(Math.abs(1 - 2 * trapezoidArea(lorenz(e5TotalPerPupil)) - 0.06672)).toBeLessThan(5e-7);
  });

  it("gives #DIV/0! when there is no money", () => {
    expect(errorOf(() => lorenz(sampleOf([0, 0])))).toMatchObject({ code: "DIV0", message: "WSF.LORENZ: total money is 0, so the Lorenz curve is undefined" });
  });
});
