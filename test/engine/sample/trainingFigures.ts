import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { sum } from "../../../src/engine/core/sum";
import { solveBaseDetailed, weightedPupils } from "../../../src/engine/allocation";
import { generateSampleDistrict } from "../../../src/engine/sample";
import { formatNumber, formatStatistic } from "../../../src/taskpane/common/formatNumbers";
import { byGroup, correlation, cv, expenditureLevel, gini, lorenz, mcLoone, mean, progressivity } from "../../../src/engine/stats";

/**
 * The numbers docs/training.md quotes, computed from the default sample district with the engine (the
 * single source of truth for every number). trainingFigures.test.ts recomputes them with naiveStats and
 * checks that the document quotes exactly these.
 *
 * The exercises use the LAUSD-style preset's weights, stated in the document so a trainer can type them:
 * every pupil 1.00, plus low income 0.20, English learners 0.20, foster youth 0.20, special education
 * 1.00, additive; the base solved from the pool = the sum of "Prior-year allocation".
 */
export const EXERCISE_WEIGHTS = { frl: 0.2, el: 0.2, foster: 0.2, sped: 1 } as const;
export const STOP_LOSS = 0.05;

export interface DistrictColumns {
  names: string[];
  levels: string[];
  enrollment: number[];
  frlShare: number[];
  frl: number[];
  el: number[];
  sped: number[];
  foster: number[];
  prior: number[];
  unrestrictedPerPupil: number[];
  totalPerPupil: number[];
}

export function districtColumns(): DistrictColumns {
  const table = generateSampleDistrict();
  const col = (header: string) => table.rows.map((r) => r[table.headers.indexOf(header)]);
  const num = (header: string) => col(header) as number[];
  const enrollment = num("Enrollment");
  const unrestricted = num("Unrestricted spending");
  const restricted = num("Restricted spending");
  return {
    names: col("School") as string[],
    levels: col("Level") as string[],
    enrollment,
    frlShare: num("Low income (FRL)").map((f, i) => f / enrollment[i]),
    frl: num("Low income (FRL)"),
    el: num("English learners"),
    sped: num("Special education"),
    foster: num("Foster youth"),
    prior: num("Prior-year allocation"),
    unrestrictedPerPupil: unrestricted.map((u, i) => u / enrollment[i]),
    totalPerPupil: unrestricted.map((u, i) => (u + restricted[i]) / enrollment[i]),
  };
}

export const dollars = (x: number) => `$${Math.round(x).toLocaleString("en-US")}`;
export const cents = (x: number) => `$${x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
/** Statistics as the task pane shows them (3-4 significant digits), so the guide and the screen agree. */
export const ratio = (x: number) => formatStatistic(x);
export const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

/** One quoted figure: its value (for the cross-check) and the text the document must contain. */
export interface Figure {
  value: number;
  text: string;
}

export function trainingFigures(): Record<string, Figure> {
  const d = districtColumns();
  const pupils = Float64Array.from(d.enrollment);
  const poverty = Float64Array.from(d.frlShare);
  const unrestricted = sampleOf(d.unrestrictedPerPupil, d.enrollment);
  const total = sampleOf(d.totalPerPupil, d.enrollment);
  const f: Record<string, Figure> = {};
  const put = (key: string, value: number, format: (x: number) => string) => {
    f[key] = { value, text: format(value) };
  };

  // The district.
  put("schools", d.enrollment.length, (x) => x.toLocaleString("en-US"));
  put("pupils", sum(pupils), (x) => x.toLocaleString("en-US"));

  // Exercise 1: the data as they are.
  put("unrestrictedMean", mean(unrestricted), dollars);
  put("unrestrictedCv", cv(unrestricted), ratio);
  put("unrestrictedGini", gini(unrestricted), ratio);
  put("unrestrictedCorrelation", correlation(unrestricted, poverty), ratio);
  put("totalMean", mean(total), dollars);
  put("totalCv", cv(total), ratio);
  put("totalGini", gini(total), ratio);
  put("totalMcLoone", mcLoone(total), ratio);
  put("totalCorrelation", correlation(total, poverty), ratio);
  put("totalProgressivity", progressivity(total, poverty, 4), ratio);

  // Exercise 1: flat versus weighted allocation of last year's pool.
  const pool = sum(d.prior);
  // The pool as the pane's "Use prior-year total" button shows it.
  put("pool", pool, dollars);
  put("flatPerPupil", pool / sum(pupils), cents);
  put("flatMean", pool / sum(pupils), dollars);
  const w = EXERCISE_WEIGHTS;
  const wp = weightedPupils(
    [pupils, Float64Array.from(d.frl), Float64Array.from(d.el), Float64Array.from(d.foster), Float64Array.from(d.sped)],
    [1, w.frl, w.el, w.foster, w.sped],
  );
  // As the formula result shows weighted pupils (formatNumber: up to two decimals, thousands separators).
  put("weightedPupils", sum(wp), formatNumber);
  const open = solveBaseDetailed(wp, pool);
  put("baseOpen", open.base, cents);
  const allocationPerPupil = Array.from(wp, (v, i) => (open.base * v) / d.enrollment[i]);
  const weightedAllocation = sampleOf(allocationPerPupil, d.enrollment);
  put("weightedMean", mean(weightedAllocation), dollars);
  put("weightedCv", cv(weightedAllocation), ratio);
  put("weightedGini", gini(weightedAllocation), ratio);
  put("weightedCorrelation", correlation(weightedAllocation, poverty), ratio);
  put("weightedProgressivity", progressivity(weightedAllocation, poverty, 4), ratio);

  // Exercise 2: a 5% stop-loss under the same pool.
  const formula = Array.from(wp, (v) => open.base * v);
  put("losersOverStopLoss", formula.filter((a, i) => a < d.prior[i] * (1 - STOP_LOSS)).length, String);
  put("gainers", formula.filter((a, i) => a > d.prior[i]).length, String);
  const protectedRun = solveBaseDetailed(wp, pool, 0, Float64Array.from(d.prior), STOP_LOSS, null);
  put("baseProtected", protectedRun.base, cents);
  put("baseDropShare", 1 - protectedRun.base / open.base, percent);
  put("floored", protectedRun.floored.length, String);
  put("floorCost", protectedRun.floorCost, dollars);
  put("floorCostShare", protectedRun.floorCost / pool, percent);
  // The pane's comparison counts from the open formula instead: what the schools the rule helps get over it.
  const withRule = Array.from(wp, (v, i) => Math.max(protectedRun.base * v, d.prior[i] * (1 - STOP_LOSS)));
  put("ruleMoved", sum(withRule.map((a, i) => Math.max(0, a - formula[i]))), dollars);
  put("payersHelped", withRule.filter((a, i) => a > formula[i] + 0.005).length, String);
  const flooredPupils = protectedRun.floored.map((i) => d.enrollment[i]);
  put("flooredMeanFrl", weightedMeanOf(protectedRun.floored.map((i) => d.frlShare[i]), flooredPupils), percent);
  put("districtMeanFrl", weightedMeanOf(d.frlShare, d.enrollment), percent);
  const levels = expenditureLevel(unrestricted, poverty, 0.1);
  put("flooredHighSpenders", protectedRun.floored.filter((i) => levels[i] === "High").length, String);
  // "What the stop-loss costs the other schools": the schools that get less with the rule than without it.
  put("payers", withRule.filter((a, i) => a < formula[i] - 0.005).length, String);
  put("payersLose", sum(withRule.map((a, i) => Math.max(0, formula[i] - a))), dollars);
  // What the protection costs one school that pays for it: a 500-pupil school at 90% low income.
  const example = exampleSchool(d, wp);
  put("exampleCost", (open.base - protectedRun.base) * wp[example], dollars);
  f.exampleName = { value: example, text: d.names[example] };

  // Exercise 3: array the data.
  const deciles = byGroup(total, poverty, 10);
  const unrestrictedDeciles = byGroup(unrestricted, poverty, 10);
  deciles.forEach((g, k) => {
    put(`decile${g.group}Min`, g.minPoverty, percent);
    put(`decile${g.group}Max`, g.maxPoverty, percent);
    put(`decile${g.group}Total`, g.mean, dollars);
    put(`decile${g.group}Unrestricted`, unrestrictedDeciles[k].mean, dollars);
  });
  put("decileRatio", deciles[9].mean / deciles[0].mean, (x) => x.toFixed(2));
  put("lowSpenders", levels.filter((l) => l === "Low").length, String);
  put("highSpenders", levels.filter((l) => l === "High").length, String);
  const pair = similarPovertyPair(d, levels);
  for (const [tag, i] of [["Low", pair.low], ["High", pair.high]] as const) {
    f[`pair${tag}Name`] = { value: i, text: d.names[i] };
    put(`pair${tag}Frl`, d.frlShare[i], percent);
    put(`pair${tag}PerPupil`, d.unrestrictedPerPupil[i], dollars);
  }
  const curve = lorenz(total);
  // Read as a trainee reads the spilled curve: =INDEX(values, MATCH(p, pupil shares, 1)), the last point at or below p.
  put("lorenzBottom20", lorenzShare(curve.pupilShare, curve.valueShare, 0.2), percent);
  put("lorenzBottom50", lorenzShare(curve.pupilShare, curve.valueShare, 0.5), percent);
  return f;
}

/**
 * Value share of the Lorenz curve at its last point whose pupil share is at or below p (what
 * =INDEX(value shares, MATCH(p, pupil shares, 1)) gives on the spilled curve): the money of the
 * lowest-spending schools that together hold no more than p of the pupils.
 */
export function lorenzShare(pupilShare: Float64Array, valueShare: Float64Array, p: number): number {
  let k = 0;
  while (k + 1 < pupilShare.length && pupilShare[k + 1] <= p) k++;
  return valueShare[k];
}

function weightedMeanOf(x: number[], w: number[]): number {
  let sw = 0;
  let swx = 0;
  x.forEach((xi, i) => {
    sw += w[i];
    swx += w[i] * xi;
  });
  return swx / sw;
}

/** The elementary school closest to 500 pupils and 90% low income (distance in those units). */
function exampleSchool(d: DistrictColumns, wp: Float64Array): number {
  let best = -1;
  let bestDistance = Infinity;
  d.enrollment.forEach((e, i) => {
    if (d.levels[i] !== "Elementary" || !(wp[i] > 0)) return;
    const distance = Math.abs(e - 500) / 100 + Math.abs(d.frlShare[i] - 0.9) / 0.02;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = i;
    }
  });
  return best;
}

/**
 * A Low and a High spender with nearly the same poverty, like LAUSD's 2009-10 pairs (Western Avenue and
 * Figueroa Street Elementary, both about 97% low income): the elementary pair above 90% low income with
 * the closest FRL shares.
 */
function similarPovertyPair(d: DistrictColumns, levels: string[]): { low: number; high: number } {
  const candidates = (label: string) => d.levels.map((_, i) => i).filter((i) => levels[i] === label && d.levels[i] === "Elementary" && d.frlShare[i] > 0.9);
  let best = { low: -1, high: -1, gap: Infinity };
  for (const low of candidates("Low")) {
    for (const high of candidates("High")) {
      const gap = Math.abs(d.frlShare[low] - d.frlShare[high]);
      if (gap < best.gap) best = { low, high, gap };
    }
  }
  return best;
}
