import fc from "fast-check";
import { planTransition } from "../../../src/engine/transition/planTransition";
import type { TransitionYearRule } from "../../../src/engine/transition/TransitionPlan";
import { WsfError } from "../../../src/engine/core/WsfError";

// Three schools used by every hand calculation below:
//   A gains: last year 100,000, formula target 160,000
//   B loses: last year 200,000, formula target 140,000
//   C is new (prior 0, no prior year): target 80,000
const prior = [100000, 200000, 0];
const target = [160000, 140000, 80000];
const rule = (rate: number | null, maxLoss: number | null = null, maxGain: number | null = null, poolGrowth: number | null = null): TransitionYearRule => ({ rate, maxLoss, maxGain, poolGrowth });
const amounts = (plan: ReturnType<typeof planTransition>) => plan.years.map((y) => y.amount.map((x) => Math.round(x * 100) / 100));

function failure(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return `${(e as WsfError).code} ${(e as WsfError).message}`;
  }
  return "no error";
}

describe("planTransition", () => {
  it("closes the gap by each year's rate (hand calculation, equal steps 1/3, 1/2, 1)", () => {
    // Year 1: A 100,000 + 60,000/3 = 120,000; B 200,000 - 60,000/3 = 180,000; C has no prior: its target 80,000.
    // Year 2: A 120,000 + 40,000/2 = 140,000; B 180,000 - 40,000/2 = 160,000; C 80,000 + 0 = 80,000.
    // Year 3 (rate 1): every school on its target.
    const plan = planTransition({ prior, target, years: [rule(1 / 3), rule(1 / 2), rule(1)] });
    expect(amounts(plan)).toEqual([
      [120000, 180000, 80000],
      [140000, 160000, 80000],
      [160000, 140000, 80000],
    ]);
    const y1 = plan.years[0];
    expect(y1.change.map(Math.round)).toEqual([20000, -20000, 80000]);
    // B is held 40,000 above its target (protected, the cost); A 40,000 below (held back, withheld).
    expect(y1.protected).toEqual([false, true, false]);
    expect(y1.heldBack).toEqual([true, false, false]);
    expect([y1.protectedCount, y1.heldBackCount]).toEqual([1, 1]);
    expect(y1.cost).toBeCloseTo(40000, 6);
    expect(y1.withheld).toBeCloseTo(40000, 6);
    expect(y1.total).toBeCloseTo(380000, 6);
    expect(plan.years[1].cost).toBeCloseTo(20000, 6);
    expect(plan.years[2].protectedCount).toBe(0);
    expect(plan.years[2].cost).toBe(0);
    expect(y1.costPerWeightedPupil).toBeNull();
  });

  it("applies the stop-loss again each year against that year's prior (hand calculation, 5%)", () => {
    // No rate (the whole gap): A and C go to their targets; B may fall only 5% a year:
    // 200,000 x 0.95 = 190,000; x 0.95 = 180,500; x 0.95 = 171,475.
    const plan = planTransition({ prior, target, years: [rule(null, 0.05), rule(null, 0.05), rule(null, 0.05)] });
    expect(amounts(plan)).toEqual([
      [160000, 190000, 80000],
      [160000, 180500, 80000],
      [160000, 171475, 80000],
    ]);
    // Cost: B above 140,000 by 50,000, 40,500, 31,475; totals 430,000, 420,500, 411,475.
    expect(plan.years.map((y) => Math.round(y.cost))).toEqual([50000, 40500, 31475]);
    expect(plan.years.map((y) => Math.round(y.total))).toEqual([430000, 420500, 411475]);
    expect(plan.years.map((y) => y.protectedCount)).toEqual([1, 1, 1]);
  });

  it("closes a third of the gap and then holds the band (hand calculation, rate 1/3, loss 5%, gain 10%)", () => {
    // Year 1: A gap step 120,000 > cap 110,000 -> 110,000; B 180,000 < floor 190,000 -> 190,000; C 80,000.
    // Year 2: A 110,000 + 50,000/3 = 126,666.67 > cap 121,000 -> 121,000;
    //         B 190,000 - 50,000/3 = 173,333.33 < floor 180,500 -> 180,500.
    // Year 3: A 121,000 + 39,000/3 = 134,000 > cap 133,100 -> 133,100;
    //         B 180,500 - 40,500/3 = 167,000 < floor 171,475 -> 171,475.
    const plan = planTransition({ prior, target, years: [rule(1 / 3, 0.05, 0.1), rule(1 / 3, 0.05, 0.1), rule(1 / 3, 0.05, 0.1)] });
    expect(amounts(plan)).toEqual([
      [110000, 190000, 80000],
      [121000, 180500, 80000],
      [133100, 171475, 80000],
    ]);
    expect(plan.years.map((y) => Math.round(y.cost))).toEqual([50000, 40500, 31475]);
    expect(plan.years.map((y) => Math.round(y.withheld))).toEqual([50000, 39000, 26900]);
  });

  it("states the cost per weighted pupil, and scales targets by pool growth and projected enrollment (hand calculation)", () => {
    // Weighted pupils A 40, B 35, C 20 = 95. Year 1 cost 50,000 (B's floor): 50,000 / 95 = 526.3158 per weighted pupil.
    // Year 2: pool grows 10%: targets x 1.1; C's enrollment 400 -> 440 also scales its target by 1.1:
    // A 176,000; B 154,000 < floor 180,500; C 80,000 x 1.1 x 1.1 = 96,800. Weighted pupils: 40 + 35 + 22 = 97;
    // cost 180,500 - 154,000 = 26,500 -> 273.1959 per weighted pupil.
    const plan = planTransition({
      prior,
      target,
      years: [rule(null, 0.05), rule(null, 0.05, null, 0.1)],
      weightedPupils: [40, 35, 20],
      enrollment: [400, 300, 400],
      projectedEnrollment: [
        [400, 300, 400],
        [400, 300, 440],
      ],
    });
    expect(plan.years[0].costPerWeightedPupil).toBeCloseTo(526.3158, 4);
    expect(plan.years[1].target.map(Math.round)).toEqual([176000, 154000, 96800]);
    expect(amounts(plan)[1]).toEqual([176000, 180500, 96800]);
    expect(plan.years[1].costPerWeightedPupil).toBeCloseTo(273.1959, 4);
  });

  it("rejects a year count outside 2 to 5 and a rate outside 0..1 with the year in the message", () => {
    expect(failure(() => planTransition({ prior, target, years: [rule(1)] }))).toBe("VALUE Transition plan: years is 1, expected 2 to 5 years");
    expect(failure(() => planTransition({ prior, target, years: Array.from({ length: 6 }, () => rule(1)) }))).toBe("VALUE Transition plan: years is 6, expected 2 to 5 years");
    expect(failure(() => planTransition({ prior, target, years: [rule(0.5), rule(1.5)] }))).toBe(
      "VALUE Transition plan: year 2: rate is 1.5, expected a share between 0 and 1 (e.g. 0.3333 to close a third of the gap)",
    );
    expect(failure(() => planTransition({ prior, target, years: [rule(-0.1), rule(1)] }))).toMatch(/^VALUE Transition plan: year 1: rate is -0.1/);
    expect(failure(() => planTransition({ prior, target, years: [rule(1, 1.2), rule(1)] }))).toMatch(/^VALUE Transition plan: year 1: maxLoss is 1.2/);
    expect(failure(() => planTransition({ prior, target, years: [rule(1), rule(1, null, -1)] }))).toMatch(/^VALUE Transition plan: year 2: maxGain is -1/);
    expect(failure(() => planTransition({ prior, target, years: [rule(1, null, null, -1), rule(1)] }))).toMatch(/^VALUE Transition plan: year 1: pool growth is -1/);
    expect(failure(() => planTransition({ prior: [1, -2, 0], target, years: [rule(1), rule(1)] }))).toBe("VALUE Transition plan: prior row 2 is -2, expected a number >= 0");
    expect(failure(() => planTransition({ prior: [1, 2], target, years: [rule(1), rule(1)] }))).toBe("VALUE Transition plan: prior has 2 rows but target has 3; they must be the same size");
    expect(failure(() => planTransition({ prior, target, years: [rule(1), rule(1)], enrollment: [1, 1, 1], projectedEnrollment: [[1, 1, 1]] }))).toBe(
      "VALUE Transition plan: projected enrollment has 1 years but the plan has 2; give one column per year",
    );
  });

  const schools = fc.array(fc.tuple(fc.oneof(fc.constant(NaN), fc.constant(0), fc.double({ min: 1, max: 1e7, noNaN: true })), fc.double({ min: 0, max: 1e7, noNaN: true })), { minLength: 1, maxLength: 30 });
  const share = fc.option(fc.double({ min: 0, max: 1, noNaN: true }));
  const gain = fc.option(fc.double({ min: 0, max: 2, noNaN: true }));
  const yearRule = fc.record({ rate: share, maxLoss: share, maxGain: gain, poolGrowth: fc.constant(null) });

  it("property: with rate 1 the first year is the target, clamped to the prior-year band (none without a prior)", () => {
    fc.assert(
      fc.property(schools, share, gain, (rows, maxLoss, maxGain) => {
        const plan = planTransition({ prior: rows.map((r) => r[0]), target: rows.map((r) => r[1]), years: [rule(1, maxLoss, maxGain), rule(1)] });
        rows.forEach(([p, t], i) => {
          let expected = t;
          if (p > 0) {
            if (maxLoss !== null) expected = Math.max(expected, p * (1 - maxLoss));
            if (maxGain !== null) expected = Math.min(expected, p * (1 + maxGain));
          }
          expect(plan.years[0].amount[i]).toBe(expected);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("property: amounts move monotonically toward the target and the band is respected every year", () => {
    fc.assert(
      fc.property(schools, fc.array(yearRule, { minLength: 2, maxLength: 5 }), (rows, years) => {
        const plan = planTransition({ prior: rows.map((r) => r[0]), target: rows.map((r) => r[1]), years });
        rows.forEach(([p0, t], i) => {
          let last = p0;
          plan.years.forEach((y) => {
            const x = y.amount[i];
            if (!(last > 0)) {
              expect(x).toBe(t); // no prior: the target, no band
            } else {
              const tol = 1e-9 * Math.max(1, last, t);
              // between last year's amount and the target (never past it, never away from it)
              expect(x).toBeGreaterThanOrEqual(Math.min(last, t) - tol);
              expect(x).toBeLessThanOrEqual(Math.max(last, t) + tol);
              if (y.rule.maxLoss !== null) expect(x).toBeGreaterThanOrEqual(last * (1 - y.rule.maxLoss) - tol);
              if (y.rule.maxGain !== null) expect(x).toBeLessThanOrEqual(last * (1 + y.rule.maxGain) + tol);
            }
            last = x;
          });
        });
      }),
      { numRuns: 300 },
    );
  });

  it("property: the year's total is the sum of its amounts and cost - withheld = total - target total", () => {
    fc.assert(
      fc.property(schools, fc.array(yearRule, { minLength: 2, maxLength: 5 }), (rows, years) => {
        const plan = planTransition({ prior: rows.map((r) => r[0]), target: rows.map((r) => r[1]), years });
        for (const y of plan.years) {
          const tol = 1e-6 * Math.max(1, y.total);
          expect(Math.abs(y.total - y.amount.reduce((a, b) => a + b, 0))).toBeLessThan(tol);
          // within half a cent per school, differences not counted as held either way
          expect(Math.abs(y.cost - y.withheld - (y.total - y.targetTotal))).toBeLessThan(tol + 0.005 * rows.length);
        }
      }),
      { numRuns: 200 },
    );
  });
});
