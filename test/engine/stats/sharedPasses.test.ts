import fc from "fast-check";
import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { WsfError } from "../../../src/engine/core/WsfError";
import { elasticity } from "../../../src/engine/stats/elasticity";
import { equityTable } from "../../../src/engine/stats/equityTable";
import { byGroup } from "../../../src/engine/stats/byGroup";
import { mean } from "../../../src/engine/stats/mean";
import { sdLogs } from "../../../src/engine/stats/sdLogs";
import { totalPupils } from "../../../src/engine/stats/totalPupils";

/**
 * EQUITYTABLE shares work between its statistics (total pupils, the weighted sum behind the mean and the
 * values' logarithms are computed once per sample). Identity: each statistic gives exactly (bit for bit) what
 * it gives on a fresh copy of the sample where nothing is shared, and the same error for the same row.
 */
const fresh = (values: number[], weights: number[]) => sampleOf(values, weights);

describe("statistics sharing passes over one sample", () => {
  it("give the same numbers as on a fresh sample, whatever order they run in", () => {
    const unit = fc.record({ value: fc.double({ min: 1, max: 1e6, noNaN: true }), pupils: fc.integer({ min: 0, max: 3000 }), poverty: fc.double({ min: 0.01, max: 0.99, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(unit, { minLength: 2, maxLength: 60 }), (units) => {
        fc.pre(units.some((u) => u.pupils > 0));
        const values = units.map((u) => u.value);
        const weights = units.map((u) => u.pupils);
        const poverty = Float64Array.from(units, (u) => u.poverty);
        const shared = fresh(values, weights);
        const table = equityTable(shared, poverty);
        const alone = (compute: (s: ReturnType<typeof sampleOf>) => number) => {
          try {
            return compute(fresh(values, weights));
          } catch (e) {
            return e as WsfError;
          }
        };
        const byName = new Map(table.map((r) => [r.metric, r.value]));
        expect(byName.get("Mean")).toBe(alone((s) => mean(s)));
        // (The table names itself in its errors, so the fresh runs do too.)
        expect(byName.get("Standard deviation of logs")).toEqual(alone((s) => sdLogs(s, "WSF.EQUITYTABLE")));
        expect(byName.get("Elasticity with poverty")).toEqual(alone((s) => elasticity(s, poverty, "WSF.EQUITYTABLE")));
        // And again on the shared sample, after everything is cached.
        expect(alone(() => elasticity(shared, poverty))).toEqual(alone((s) => elasticity(s, poverty)));
        expect(totalPupils(shared, "X")).toBe(alone((s) => totalPupils(s, "X")));
      }),
    );
  });

  it("report the same first bad row when a factor is not positive after the values' logs are shared", () => {
    const values = [100, 200, 300];
    const weights = [1, 1, 1];
    const factor = Float64Array.of(0.5, 0, 0.2);
    const s = fresh(values, weights);
    sdLogs(s);
    const cached = (() => {
      try {
        return elasticity(s, factor);
      } catch (e) {
        return (e as WsfError).message;
      }
    })();
    const uncached = (() => {
      try {
        return elasticity(fresh(values, weights), factor);
      } catch (e) {
        return (e as WsfError).message;
      }
    })();
    expect(cached).toBe(uncached);
    expect(cached).toMatch(/factor row 2/);
  });

  it("give the same results when the scratch memory holds another call's columns", () => {
    const small = { values: [9000, 8000, 12000, 7000], weights: [100, 0, 300, 50], poverty: Float64Array.of(0.3, 0.9, 0.8, 0.1) };
    const before = { groups: byGroup(fresh(small.values, small.weights), small.poverty, 2), elasticity: elasticity(fresh(small.values, small.weights), small.poverty) };
    // A larger call fills the scratch with its own (very different) numbers.
    const n = 5000;
    const big = fresh(Array.from({ length: n }, (_, i) => 1e6 + i), Array.from({ length: n }, () => 1e5));
    const bigPoverty = Float64Array.from({ length: n }, (_, i) => 0.01 + (i % 97) / 100);
    byGroup(big, bigPoverty, 10);
    elasticity(big, bigPoverty);
    expect(byGroup(fresh(small.values, small.weights), small.poverty, 2)).toEqual(before.groups);
    expect(elasticity(fresh(small.values, small.weights), small.poverty)).toBe(before.elasticity);
  });
});
