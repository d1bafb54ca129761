import type { FormulaSpec } from "../../../src/engine/scenario/FormulaSpec";
import type { School } from "../../../src/engine/table/School";

/** Builds a school record as readSchools would, for formula tests. */
export function school(row: number, enrollment: number, counts: Record<string, number>, prior: number | null = null): School {
  return { row, id: `S${row}`, name: `School ${row}`, enrollment, counts: { Enrollment: enrollment, ...counts }, prior, region: null, level: null };
}

/**
 * The hand-checked three-school district of these tests:
 *   A: 100 enrolled, 50 FRL, 10 EL;  B: 200 enrolled, 20 FRL, 0 EL;  C: 300 enrolled, 150 FRL, 30 EL.
 * With FRL 0.2 and EL 0.4 on top of every pupil at 1, weighted pupils are
 *   A 100 + 0.2 x 50 + 0.4 x 10 = 114;  B 200 + 4 + 0 = 204;  C 300 + 30 + 12 = 342;  total 660.
 */
export function threeSchools(priors: (number | null)[] = [null, null, null]): School[] {
  return [school(1, 100, { FRL: 50, EL: 10 }, priors[0]), school(2, 200, { FRL: 20, EL: 0 }, priors[1]), school(3, 300, { FRL: 150, EL: 30 }, priors[2])];
}

/** FRL 0.2 + EL 0.4 on top of every pupil at 1, with the base solved from `pool`. */
export function needSpec(pool: number): FormulaSpec {
  return {
    version: 1,
    name: "Need",
    base: { mode: "solve", pool },
    gradeWeights: [],
    categoryWeights: [
      { header: "FRL", label: "Low income", weight: 0.2 },
      { header: "EL", label: "English learners", weight: 0.4 },
    ],
    concentration: [],
    fixed: { mode: "none" },
    protection: { maxLoss: null, maxGain: null },
  };
}
