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
