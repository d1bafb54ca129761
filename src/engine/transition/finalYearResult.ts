import { sum } from "../core/sum";
import type { FormulaResult } from "../scenario/FormulaResult";
import type { School } from "../table/School";
import { planTransition } from "./planTransition";
import type { TransitionSettings } from "./TransitionSettings";

/**
 * A formula's run as it stands in the last year of a transition plan: each school's amount is the plan's
 * final-year amount (gap closing and the yearly band, from last year's amount towards the formula's
 * target), so two scenarios can be compared where their transitions end rather than in year 1.
 * `protectedAmount`, `change`, `perPupil` and `total` are the final year's; `base`, `weightedPupils` and
 * `formulaAmount` stay the formula's (the target); `floored`/`capped` mark the schools the plan still holds
 * above or below their target in that year, and `floorCost`/`capSavings` are what that costs and withholds.
 *
 * A plan that projects enrollment from table columns needs those columns: it is refused (the caller says
 * so) rather than run on today's enrollment, which would give other amounts than the plan's sheet.
 *
 * Cost O(n x years).
 *
 * @throws WsfError from `planTransition` (bad rules, a target below 0); Error when the plan projects enrollment.
 * @example finalYearResult(run, schools, { years: [oneThird, oneThird, oneThird], projectedEnrollment: [null, null, null] }).total
 */
export function finalYearResult(result: FormulaResult, schools: readonly School[], settings: TransitionSettings): FormulaResult {
  if (settings.projectedEnrollment.some((column) => column !== null)) {
    throw new Error("its transition plan projects enrollment from columns of the table, so its final year is shown on the Transition sheet, not here");
  }
  const plan = planTransition({
    prior: schools.map((s) => (s.prior === null ? NaN : s.prior)),
    target: result.formulaAmount,
    years: settings.years,
  });
  const last = plan.years[plan.years.length - 1];
  const amount = last.amount;
  return {
    ...result,
    protectedAmount: amount,
    change: schools.map((s, i) => (s.prior === null ? null : amount[i] - s.prior)),
    perPupil: schools.map((s, i) => (s.enrollment > 0 ? amount[i] / s.enrollment : null)),
    total: sum(amount),
    floorCost: last.cost,
    capSavings: last.withheld,
    floored: last.protected,
    capped: last.heldBack,
  };
}
