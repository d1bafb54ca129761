import { finalYearResult } from "../../../src/engine/transition/finalYearResult";
import type { TransitionYearRule } from "../../../src/engine/transition/TransitionPlan";
import type { FormulaResult } from "../../../src/engine/scenario/FormulaResult";
import type { School } from "../../../src/engine/table/School";

// Three schools (as in planTransition.test.ts): A gains 100,000 -> 160,000; B loses 200,000 -> 140,000;
// C is new (no prior year), target 80,000. Enrollments 100, 200, 50.
const schools: School[] = [
  { row: 1, id: "A", name: "A", enrollment: 100, counts: {}, prior: 100_000, region: null, level: null },
  { row: 2, id: "B", name: "B", enrollment: 200, counts: {}, prior: 200_000, region: null, level: null },
  { row: 3, id: "C", name: "C", enrollment: 50, counts: {}, prior: null, region: null, level: null },
];
const target = [160_000, 140_000, 80_000];
const run: FormulaResult = {
  base: 4000,
  weightedPupils: [40, 35, 20],
  formulaAmount: target,
  protectedAmount: target,
  change: [60_000, -60_000, null],
  perPupil: [1600, 700, 1600],
  total: 380_000,
  floorCost: 0,
  capSavings: 0,
  floored: [false, false, false],
  capped: [false, false, false],
};
const rule = (rate: number | null, maxLoss: number | null = null): TransitionYearRule => ({ rate, maxLoss, maxGain: null, poolGrowth: null });

describe("finalYearResult", () => {
  it("gives the plan's last year: one third a year for two years (hand calculation)", () => {
    // Year 1: A 100,000 + 60,000/3 = 120,000; B 200,000 - 60,000/3 = 180,000; C its target 80,000.
    // Year 2: A 120,000 + 40,000/3 = 133,333.33; B 180,000 - 40,000/3 = 166,666.67; C 80,000.
    const final = finalYearResult(run, schools, { years: [rule(1 / 3), rule(1 / 3)], projectedEnrollment: [null, null] });
    expect(final.protectedAmount[0]).toBeCloseTo(133_333.3333, 3);
    expect(final.protectedAmount[1]).toBeCloseTo(166_666.6667, 3);
    expect(final.protectedAmount[2]).toBe(80_000);
    expect(final.total).toBeCloseTo(380_000, 6);
    expect(final.change[0]).toBeCloseTo(33_333.3333, 3);
    expect(final.change[2]).toBeNull();
    expect(final.perPupil[1]).toBeCloseTo(833.3333, 3);
    // A is still held below its target and B above it in the last year; the target itself is unchanged.
    expect(final.capped).toEqual([true, false, false]);
    expect(final.floored).toEqual([false, true, false]);
    expect(final.formulaAmount).toEqual(target);
  });

  it("with rate 1 in the last year every school ends on its formula amount", () => {
    const final = finalYearResult(run, schools, { years: [rule(0.5, 0.05), rule(1)], projectedEnrollment: [null, null] });
    final.protectedAmount.forEach((x, i) => expect(x).toBeCloseTo(target[i], 6));
  });

  it("refuses a plan that projects enrollment from table columns instead of running it on today's enrollment", () => {
    expect(() => finalYearResult(run, schools, { years: [rule(0.5), rule(1)], projectedEnrollment: [null, "Enrollment 2027"] })).toThrow(/projects enrollment/);
  });
});
