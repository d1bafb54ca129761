import { CompensatedSum } from "../core/sum";
import { valueError } from "../core/WsfError";
import { requireFiniteEntries, requireNonNegativeEntries, requirePriorAmounts, requireSameRows } from "../allocation/inputChecks";
import { phaseInAmount } from "./phaseInAmount";
import { requireTransitionRule } from "./requireTransitionRule";
import type { TransitionPlan, TransitionPlanInput, TransitionYear } from "./TransitionPlan";

const FN = "Transition plan";
/** A school counts as held above or below its target when the difference exceeds half a cent. */
const HALF_CENT = 0.005;
const isFiniteNumber = Number.isFinite;

/**
 * Runs a multi-year transition (domain.md section 7): year 1 starts from last year's amounts, every later
 * year from the year before, and each year applies `phaseInAmount` (gap closing by that year's rate, then
 * that year's stop-loss and gain cap against that year's prior). A school without a prior (blank or 0)
 * gets its target in year 1 and is banded from year 2 on.
 *
 * Targets: year y's target of a school is `target x (1 + g1) x ... x (1 + gy) x projected_y / enrollment`
 * (pool growth compounds; without projected enrollment the last factor is 1).
 *
 * **Conventions**: "protected" means held above the year's target by more than half a cent; the cost of
 * protection is what those schools get above their targets (gross, like the pane's floor cost); where
 * `weightedPupils` is given (a fixed pool) it is also stated per weighted pupil of the year (weighted pupils
 * scale with projected enrollment as targets do): how much lower the base must be to pay for it.
 *
 * Cost O(n x years).
 *
 * @throws WsfError VALUE for a year count outside 2 to 5, columns of different lengths, a negative or
 *   non-finite amount, enrollment 0 with a projection, a rate or maxLoss outside 0..1, a negative
 *   maxGain (naming the year), a pool growth of -100% or less.
 * @example planTransition({ prior: [100, 100], target: [130, 70], years: [rule, rule] }).years[1].amount
 */
export function planTransition(input: TransitionPlanInput): TransitionPlan {
  const { prior, target, years } = input;
  if (!Array.isArray(years) || years.length < 2 || years.length > 5) {
    throw valueError({ fn: FN, arg: "years" }, `is ${Array.isArray(years) ? years.length : String(years)}, expected 2 to 5 years`);
  }
  const n = target.length;
  requireSameRows(n, "target", prior.length, FN, "prior");
  requireFiniteEntries(target, FN, "target");
  for (let i = 0; i < n; i++) if (target[i] < 0) throw valueError({ fn: FN, arg: "target", row: i + 1 }, `is ${target[i]}, expected a number >= 0`);
  requirePriorAmounts(prior, FN);
  years.forEach((rule, k) => {
    const label = `${FN}: year ${k + 1}`;
    requireTransitionRule(rule.rate ?? 1, rule.maxLoss, rule.maxGain, label);
    if (rule.poolGrowth !== null && (!isFiniteNumber(rule.poolGrowth) || rule.poolGrowth <= -1)) {
      throw valueError({ fn: label, arg: "pool growth" }, `is ${String(rule.poolGrowth)}, expected a share above -1 (e.g. 0.02 for 2%)`);
    }
  });
  const scale = enrollmentScale(input, n);
  const wp = input.weightedPupils ?? null;
  if (wp !== null) {
    requireSameRows(n, "target", wp.length, FN, "weightedPupils");
    requireNonNegativeEntries(wp, FN, "weightedPupils");
  }

  const out: TransitionYear[] = [];
  let last: ArrayLike<number> = prior;
  let growth = 1;
  years.forEach((rule, k) => {
    growth *= 1 + (rule.poolGrowth ?? 0);
    const rate = rule.rate ?? 1;
    const yearTarget = new Array<number>(n);
    const amount = new Array<number>(n);
    const change = new Array<number>(n);
    const held = new Array<boolean>(n);
    const back = new Array<boolean>(n);
    const total = new CompensatedSum();
    const targetTotal = new CompensatedSum();
    const cost = new CompensatedSum();
    const withheld = new CompensatedSum();
    const weighted = new CompensatedSum();
    let protectedCount = 0;
    let heldBackCount = 0;
    for (let i = 0; i < n; i++) {
      const s = scale === null ? 1 : scale[k][i];
      const t = target[i] * growth * s;
      const p = last[i];
      const x = phaseInAmount(p, t, rate, rule.maxLoss, rule.maxGain);
      yearTarget[i] = t;
      amount[i] = x;
      change[i] = p !== p ? x : x - p;
      held[i] = x - t > HALF_CENT;
      back[i] = t - x > HALF_CENT;
      total.add(x);
      targetTotal.add(t);
      if (held[i]) {
        protectedCount++;
        cost.add(x - t);
      }
      if (back[i]) {
        heldBackCount++;
        withheld.add(t - x);
      }
      if (wp !== null) weighted.add(wp[i] * s);
    }
    const wpTotal = weighted.value;
    out.push({
      year: k + 1,
      rule: { ...rule },
      target: yearTarget,
      amount,
      change,
      protected: held,
      heldBack: back,
      total: total.value,
      targetTotal: targetTotal.value,
      protectedCount,
      heldBackCount,
      cost: cost.value,
      withheld: withheld.value,
      costPerWeightedPupil: wp === null || wpTotal <= 0 ? null : cost.value / wpTotal,
    });
    last = amount;
  });
  return { years: out };
}

/** Per year and school, projected / today's enrollment; null when no projection is given. */
function enrollmentScale(input: TransitionPlanInput, n: number): number[][] | null {
  const projected = input.projectedEnrollment;
  if (projected === undefined || projected.length === 0) return null;
  const today = input.enrollment;
  if (today === undefined) throw valueError({ fn: FN, arg: "enrollment" }, "is needed with projected enrollment (the targets scale by projected / today's enrollment)");
  if (projected.length !== input.years.length) {
    throw valueError({ fn: FN, arg: "projected enrollment" }, `has ${projected.length} years but the plan has ${input.years.length}; give one column per year`);
  }
  requireSameRows(n, "target", today.length, FN, "enrollment");
  requireNonNegativeEntries(today, FN, "enrollment");
  return projected.map((column, k) => {
    const arg = `projected enrollment year ${k + 1}`;
    requireSameRows(n, "target", column.length, FN, arg);
    requireNonNegativeEntries(column, FN, arg);
    const s = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      if (today[i] === 0) {
        if (column[i] !== 0) throw valueError({ fn: FN, arg: "enrollment", row: i + 1 }, `is 0 but ${arg} is ${column[i]}; a school's target cannot scale from 0 pupils`);
        s[i] = 1;
      } else s[i] = column[i] / today[i];
    }
    return s;
  });
}
