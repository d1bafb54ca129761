import fc from "fast-check";
import { sampleOf, WeightedSample } from "../../../src/engine/core/WeightedSample";
import { WsfError } from "../../../src/engine/core/WsfError";
import { atkinson } from "../../../src/engine/stats/atkinson";
import { byGroup } from "../../../src/engine/stats/byGroup";
import { correlation } from "../../../src/engine/stats/correlation";
import { cv } from "../../../src/engine/stats/cv";
import { elasticity } from "../../../src/engine/stats/elasticity";
import { equityTable } from "../../../src/engine/stats/equityTable";
import { federalRangeRatio } from "../../../src/engine/stats/federalRangeRatio";
import { gini } from "../../../src/engine/stats/gini";
import { mcLoone } from "../../../src/engine/stats/mcLoone";
import { mean } from "../../../src/engine/stats/mean";
import { median } from "../../../src/engine/stats/median";
import { mld } from "../../../src/engine/stats/mld";
import { percentile } from "../../../src/engine/stats/percentile";
import { poorNonPoor } from "../../../src/engine/stats/poorNonPoor";
import { progressivity } from "../../../src/engine/stats/progressivity";
import { range } from "../../../src/engine/stats/range";
import { restrictedRange } from "../../../src/engine/stats/restrictedRange";
import { sdLogs } from "../../../src/engine/stats/sdLogs";
import { slope } from "../../../src/engine/stats/slope";
import { theil } from "../../../src/engine/stats/theil";
import { verstegen } from "../../../src/engine/stats/verstegen";
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

/**
 * EQUITYTABLE runs its statistics grouped by what they share (one sort by value and one set of logarithms held in
 * scratch memory for the call, the poverty sort in the same memory). Identity: its 20 values are bit for bit what
 * the per-statistic functions give, each on a fresh copy of the sample, on random data of every size (the radix
 * sort starts above 512 units), with zero pupils, ties and non-positive values among them.
 */
describe("EQUITYTABLE against the per-statistic functions", () => {
  const perStatistic: [string, (s: WeightedSample, poverty: Float64Array, fn: string) => number][] = [
    ["Mean", (s, _p, fn) => mean(s, fn)],
    ["Median", (s, _p, fn) => median(s, fn)],
    ["5th percentile", (s, _p, fn) => percentile(s, 0.05, fn)],
    ["95th percentile", (s, _p, fn) => percentile(s, 0.95, fn)],
    ["Range", (s, _p, fn) => range(s, fn)],
    ["Restricted range (P95 - P5)", (s, _p, fn) => restrictedRange(s, 0.05, 0.95, fn)],
    ["Federal range ratio", (s, _p, fn) => federalRangeRatio(s, 0.05, 0.95, fn)],
    ["Coefficient of variation", (s, _p, fn) => cv(s, fn)],
    ["McLoone index", (s, _p, fn) => mcLoone(s, "below", fn)],
    ["Verstegen index", (s, _p, fn) => verstegen(s, fn)],
    ["Gini coefficient", (s, _p, fn) => gini(s, fn)],
    ["Theil index", (s, _p, fn) => theil(s, fn)],
    ["Mean log deviation", (s, _p, fn) => mld(s, fn)],
    ["Atkinson index (epsilon = 0.5)", (s, _p, fn) => atkinson(s, 0.5, fn)],
    ["Standard deviation of logs", (s, _p, fn) => sdLogs(s, fn)],
    ["Correlation with poverty", (s, p, fn) => correlation(s, p, fn)],
    ["Slope on poverty", (s, p, fn) => slope(s, p, fn)],
    ["Elasticity with poverty", (s, p, fn) => elasticity(s, p, fn)],
    ["Progressivity (highest / lowest poverty quartile)", (s, p, fn) => progressivity(s, p, 4, fn)],
    ["Poor / non-poor ratio", (s, p, fn) => poorNonPoor(s, p, fn)],
  ];
  const alone = (compute: () => number): number | WsfError => {
    try {
      return compute();
    } catch (e) {
      if (e instanceof WsfError) return e;
      throw e;
    }
  };
  /** Same number bit for bit (Object.is also tells 0 from -0), or the same error code and message. */
  const same = (a: number | WsfError, b: number | WsfError) =>
    typeof a === "number" && typeof b === "number" ? Object.is(a, b) : a instanceof WsfError && b instanceof WsfError && a.code === b.code && a.message === b.message;

  const district = (seed: number, n: number, zeros: boolean) => {
    const rand = mulberry32(seed);
    const values: number[] = [];
    const weights: number[] = [];
    const poverty = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const share = Math.min(0.99, Math.max(0.02, 0.75 + (rand() - 0.6) * 0.8));
      // Some repeated dollar amounts (ties), some schools without pupils, now and then a $0 school.
      values.push(rand() < 0.1 ? 9000 : zeros && rand() < 0.01 ? 0 : 7000 + 4000 * share + rand() * 1500);
      weights.push(rand() < 0.05 ? 0 : 150 + Math.floor(rand() * 1800));
      poverty[i] = rand() < 0.1 ? 0.5 : share;
    }
    return { values, weights, poverty };
  };

  it("gives each statistic's own number, bit for bit, on random districts large and small", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom(3, 40, 513, 3000, 20000), fc.boolean(), (seed, n, zeros) => {
        const { values, weights, poverty } = district(seed, n, zeros);
        fc.pre(weights.some((w) => w > 0));
        const table = equityTable(sampleOf(values, weights), poverty);
        expect(table.map((r) => r.metric)).toEqual(perStatistic.map(([metric]) => metric));
        table.forEach((row, k) => {
          const expected = alone(() => perStatistic[k][1](sampleOf(values, weights), poverty, "WSF.EQUITYTABLE"));
          if (!same(row.value, expected)) throw new Error(`${row.metric}: table ${String(row.value)} but alone ${String(expected)} (seed ${seed}, n ${n})`);
        });
      }),
      { numRuns: 40 },
    );
  });

  it("gives the same table twice in a row and leaves nothing of its scratch on the sample", () => {
    const { values, weights, poverty } = district(7, 5000, false);
    const s = sampleOf(values, weights);
    const first = equityTable(s, poverty);
    // Another call of another size in between fills the scratch memory with other numbers.
    equityTable(sampleOf(values.slice(0, 4000).reverse(), weights.slice(0, 4000)), poverty.slice(0, 4000));
    const second = equityTable(s, poverty);
    second.forEach((row, k) => expect(same(row.value, first[k].value)).toBe(true));
    // The sample's own sort (after the table) is a fresh one, equal to a fresh sample's.
    expect(gini(s)).toBe(gini(sampleOf(values, weights)));
    expect(sdLogs(s)).toBe(sdLogs(sampleOf(values, weights)));
  });
});

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
