import fc from "fast-check";
import { sampleOf, WeightedSample } from "../../../src/engine/core/WeightedSample";
import { WsfError } from "../../../src/engine/core/WsfError";
import {
  atkinson,
  byGroup,
  correlation,
  cv,
  elasticity,
  equityTable,
  expenditureLevel,
  federalRangeRatio,
  gini,
  lorenz,
  mcLoone,
  mean,
  median,
  mld,
  percentile,
  poorNonPoor,
  progressivity,
  range,
  restrictedRange,
  sdLogs,
  slope,
  theil,
  verstegen,
} from "../../../src/engine/stats";
import { povertyUnits, replicate } from "./support";

type Row = { value: number; pupils: number; poverty: number };

/** Every scalar statistic, by name; NaN stands for "undefined for this data" (a WsfError). */
const scalarStatistics: Record<string, (s: WeightedSample, poverty: Float64Array) => number> = {
  mean: (s) => mean(s),
  median: (s) => median(s),
  percentile30: (s) => percentile(s, 0.3),
  range: (s) => range(s),
  restrictedRange: (s) => restrictedRange(s),
  federalRangeRatio: (s) => federalRangeRatio(s),
  cv: (s) => cv(s),
  mcLooneBelow: (s) => mcLoone(s, "below"),
  mcLooneHalf: (s) => mcLoone(s, "half"),
  verstegen: (s) => verstegen(s),
  gini: (s) => gini(s),
  theil: (s) => theil(s),
  mld: (s) => mld(s),
  atkinson05: (s) => atkinson(s, 0.5),
  atkinson1: (s) => atkinson(s, 1),
  atkinson2: (s) => atkinson(s, 2),
  sdLogs: (s) => sdLogs(s),
  correlation: (s, f) => correlation(s, f),
  slope: (s, f) => slope(s, f),
  elasticity: (s, f) => elasticity(s, f),
  progressivity: (s, f) => progressivity(s, f, 2),
  poorNonPoor: (s, f) => poorNonPoor(s, f),
  lorenzGini: (s) => {
    const c = lorenz(s);
    let area = 0;
    for (let k = 1; k < c.pupilShare.length; k++) area += ((c.pupilShare[k] - c.pupilShare[k - 1]) * (c.valueShare[k] + c.valueShare[k - 1])) / 2;
    return 1 - 2 * area;
  },
  byGroupTopMean: (s, f) => byGroup(s, f, 3)[2].mean,
};

function evaluate(rows: Row[]): Record<string, number> {
  const s = sampleOf(rows.map((r) => r.value), rows.map((r) => r.pupils));
  const poverty = Float64Array.from(rows.map((r) => r.poverty));
  const out: Record<string, number> = {};
  for (const [name, statistic] of Object.entries(scalarStatistics)) {
    try {
      out[name] = statistic(s, poverty);
    } catch (error) {
      if (!(error instanceof WsfError)) throw error;
      out[name] = NaN;
    }
  }
  return out;
}

/**
 * Two computations of the same statistic agree up to rounding; a statistic at the edge of being undefined
 * (a variance of 1e-12) may be defined in one and not the other, so both being large or NaN is not compared.
 */
function expectSame(a: Record<string, number>, b: Record<string, number>): void {
  for (const name of Object.keys(a)) {
    if (Number.isNaN(a[name]) || Number.isNaN(b[name])) {
      expect([name, Number.isNaN(a[name])]).toEqual([name, Number.isNaN(b[name])]);
      continue;
    }
    const scale = Math.max(1, Math.abs(a[name]));
    expect([name, Math.abs(a[name] - b[name]) <= 1e-7 * scale]).toEqual([name, true]);
  }
}

/** Rows whose statistics are well away from the edges where they become undefined (no near-zero variance). */
const wellSpread = povertyUnits(25).filter((rows) => {
  const present = rows.filter((r) => r.pupils > 0);
  const values = present.map((r) => r.value);
  const poverty = present.map((r) => r.poverty);
  return Math.max(...values) - Math.min(...values) > 1 && Math.max(...poverty) - Math.min(...poverty) > 0.01;
});

describe("invariants shared by every statistic", () => {
  it("integer pupil weights give the same results as rows replicated that many times", () => {
    fc.assert(
      fc.property(wellSpread, (rows) => {
        expectSame(evaluate(rows), evaluate(replicate(rows)));
      }),
      { numRuns: 60 },
    );
  });

  it("permuting the rows changes nothing (poverty groups: when poverty shares are distinct)", () => {
    fc.assert(
      fc.property(
        wellSpread.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))),
        ([rows, shuffled]) => {
          const a = evaluate(rows);
          const b = evaluate(shuffled);
          // Poverty groups keep ties in poverty in input order (domain.md convention): with ties, order matters.
          const poverty = rows.filter((r) => r.pupils > 0).map((r) => r.poverty);
          if (new Set(poverty).size < poverty.length) {
            for (const tieOrderDependent of ["progressivity", "byGroupTopMean"]) {
              delete a[tieOrderDependent];
              delete b[tieOrderDependent];
            }
          }
          expectSame(a, b);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("replication keeps expenditure levels (each copy gets its school's flag) and the equity table", () => {
    fc.assert(
      fc.property(wellSpread, (rows) => {
        const copies = replicate(rows);
        const levels = expenditureLevel(sampleOf(rows.map((r) => r.value), rows.map((r) => r.pupils)), Float64Array.from(rows.map((r) => r.poverty)));
        const copyLevels = expenditureLevel(sampleOf(copies.map((r) => r.value)), Float64Array.from(copies.map((r) => r.poverty)));
        expect(copyLevels).toEqual(rows.flatMap((r, i) => Array(r.pupils).fill(levels[i])));

        const table = equityTable(sampleOf(rows.map((r) => r.value), rows.map((r) => r.pupils)), Float64Array.from(rows.map((r) => r.poverty)));
        const copyTable = equityTable(sampleOf(copies.map((r) => r.value)), Float64Array.from(copies.map((r) => r.poverty)));
        const asNumbers = (t: typeof table) => Object.fromEntries(t.map((r) => [r.metric, typeof r.value === "number" ? r.value : NaN]));
        expectSame(asNumbers(table), asNumbers(copyTable));
      }),
      { numRuns: 40 },
    );
  });
});
