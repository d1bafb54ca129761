import { CompensatedSum } from "../core/sum";
import { valueError } from "../core/WsfError";
import type { School } from "../table";
import type { FormulaResult } from "./FormulaResult";

/** Half a cent: a school whose amount moves by less is unchanged (amounts are unrounded). */
const HALF_CENT = 0.005;

export interface SchoolDifference {
  row: number;
  id: string;
  name: string;
  /** Protected amount under scenario A and B. */
  a: number;
  b: number;
  /** b - a. */
  difference: number;
  /** (b - a) / a; null when a is 0. */
  percent: number | null;
  /** Per-pupil difference; null when enrollment is 0. */
  perPupil: number | null;
}

export interface ScenarioComparison {
  rows: SchoolDifference[];
  /** Schools that get more under B: how many and how much more in all. */
  winners: { count: number; total: number };
  /** Schools that get less under B: how many and how much less in all (a positive amount). */
  losers: { count: number; total: number };
  unchanged: number;
  totalA: number;
  totalB: number;
  baseA: number;
  baseB: number;
}

/**
 * Compares two runs of the same schools school by school (domain.md section 5, "who gains, who loses"):
 * per school the difference of protected amounts b - a, in dollars, percent and per pupil; winners and
 * losers with their counts and totals. A change under half a cent counts as unchanged.
 *
 * Cost O(n).
 *
 * @throws WsfError VALUE when the two results or the schools differ in length (runs of different tables).
 * @example compareScenarios(flatRun, needRun, schools).losers // { count: 3, total: 412000 }
 */
export function compareScenarios(a: FormulaResult, b: FormulaResult, schools: readonly School[]): ScenarioComparison {
  const n = schools.length;
  if (a.protectedAmount.length !== n || b.protectedAmount.length !== n) {
    throw valueError(
      { fn: "Compare scenarios", arg: "results" },
      `cover ${a.protectedAmount.length} and ${b.protectedAmount.length} schools but the table has ${n}; run both scenarios on the same table`,
    );
  }
  const rows: SchoolDifference[] = [];
  const gained = new CompensatedSum();
  const lost = new CompensatedSum();
  let winners = 0;
  let losers = 0;
  for (let i = 0; i < n; i++) {
    const s = schools[i];
    const x = a.protectedAmount[i];
    const y = b.protectedAmount[i];
    const difference = y - x;
    if (difference > HALF_CENT) {
      winners++;
      gained.add(difference);
    } else if (difference < -HALF_CENT) {
      losers++;
      lost.add(-difference);
    }
    rows.push({
      row: s.row,
      id: s.id,
      name: s.name,
      a: x,
      b: y,
      difference,
      percent: x === 0 ? null : difference / x,
      perPupil: s.enrollment === 0 ? null : difference / s.enrollment,
    });
  }
  return {
    rows,
    winners: { count: winners, total: gained.value },
    losers: { count: losers, total: lost.value },
    unchanged: n - winners - losers,
    totalA: a.total,
    totalB: b.total,
    baseA: a.base,
    baseB: b.base,
  };
}

/** How many schools gain, lose, lose more than a share of their amount under A, and stay unchanged. */
export interface ChangeCounts {
  gain: number;
  lose: number;
  /** Schools whose loss is more than `lossShare` of their amount under A. */
  loseMoreThan: number;
  lossShare: number;
  unchanged: number;
}

/**
 * Counts of a comparison's schools that gain, lose (by more than half a cent) and lose more than
 * `lossShare` (0.05 = 5%) of what they get under A. A school with nothing under A cannot lose a share.
 *
 * Cost O(n).
 *
 * @throws WsfError VALUE when `lossShare` is not a number from 0 to 1.
 * @example changeCounts(compareScenarios(a, b, schools), 0.05).loseMoreThan // schools losing over 5%
 */
export function changeCounts(comparison: ScenarioComparison, lossShare: number): ChangeCounts {
  if (!(lossShare >= 0 && lossShare <= 1)) {
    throw valueError({ fn: "Compare scenarios", arg: "loss share" }, `is ${lossShare}; give a share from 0 to 1 (0.05 = 5%)`);
  }
  let loseMoreThan = 0;
  for (const r of comparison.rows) if (r.difference < -HALF_CENT && r.percent !== null && -r.percent > lossShare) loseMoreThan++;
  return { gain: comparison.winners.count, lose: comparison.losers.count, loseMoreThan, lossShare, unchanged: comparison.unchanged };
}

/** A column the comparison table sorts by. */
export type DifferenceKey = "name" | "a" | "b" | "difference" | "percent";

/**
 * The rows sorted by a column, ascending or descending; ties keep table order, and a missing percentage
 * (nothing under A) sorts last either way. Returns a new array.
 *
 * Cost O(n log n).
 *
 * @throws nothing.
 * @example sortDifferences(rows, "difference", "ascending")[0] // the largest loss
 */
export function sortDifferences(rows: readonly SchoolDifference[], key: DifferenceKey, direction: "ascending" | "descending"): SchoolDifference[] {
  const sign = direction === "ascending" ? 1 : -1;
  const indexed = rows.map((row, index) => ({ row, index }));
  indexed.sort((x, y) => {
    const a = x.row[key];
    const b = y.row[key];
    if (a === null || b === null) return a === b ? x.index - y.index : a === null ? 1 : -1;
    const order = typeof a === "string" ? a.localeCompare(b as string) : (a as number) - (b as number);
    return order !== 0 ? sign * order : x.index - y.index;
  });
  return indexed.map((i) => i.row);
}

/** Which schools the comparison table lists. */
export type DifferenceFilter = "all" | "gain" | "lose" | "loseMoreThan";

/**
 * The rows a filter keeps: every school, those that gain, those that lose (by more than half a cent), or
 * those that lose more than `lossShare` of their amount under A; and, when `text` is not blank, only
 * schools whose name or id contains it (case-insensitive).
 *
 * Cost O(n).
 *
 * @throws nothing.
 * @example filterDifferences(rows, "loseMoreThan", 0.05, "") // the schools a 5% stop-loss would protect
 */
export function filterDifferences(rows: readonly SchoolDifference[], filter: DifferenceFilter, lossShare: number, text: string): SchoolDifference[] {
  const needle = text.trim().toLowerCase();
  return rows.filter((r) => {
    if (needle && !r.name.toLowerCase().includes(needle) && !r.id.toLowerCase().includes(needle)) return false;
    if (filter === "gain") return r.difference > HALF_CENT;
    if (filter === "lose") return r.difference < -HALF_CENT;
    if (filter === "loseMoreThan") return r.difference < -HALF_CENT && r.percent !== null && -r.percent > lossShare;
    return true;
  });
}
