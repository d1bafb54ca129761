import { CompensatedSum } from "../core/sum";
import type { School } from "../table";
import type { FormulaResult } from "./FormulaResult";
import type { FormulaSpec } from "./FormulaSpec";
import { runFormula } from "./runFormula";

/** What one protection rule does, found by running the formula with and without it. */
export interface RuleCost {
  rule: "maxLoss" | "maxGain";
  /** The rule's share in the spec; null when the spec has no such rule (then nothing changes). */
  limit: number | null;
  baseWith: number;
  baseWithout: number;
  /** Protected amounts per school with the rule and with only this rule removed. */
  amountsWith: number[];
  amountsWithout: number[];
  /** amountsWith - amountsWithout, per school. */
  difference: number[];
  /** Schools that get more / less because of the rule (by more than half a cent). */
  helped: number;
  hurt: number;
  /**
   * The money the rule moves, >= 0: for the stop-loss, what the schools it protects get above what they
   * would get without it; for the gain cap, what the capped schools give up. With a fixed pool the rest of
   * the schools pay for (or receive) it through the base.
   */
  cost: number;
  /**
   * The other side of the rule, against the same formula without it: for the stop-loss, the schools that
   * get less because of it and how much less in all ("what the floors cost the other schools"); for the
   * gain cap, the schools that get more because of it and how much more. With a solved base (fixed pool)
   * `others.total` equals `cost` (to rounding); with a fixed base nobody else pays (0) and the total changes instead.
   */
  others: { count: number; total: number };
}

export interface ProtectionCost {
  /** The run with every rule in place. */
  result: FormulaResult;
  maxLoss: RuleCost;
  maxGain: RuleCost;
}

const HALF_CENT = 0.005;

function ruleCost(rule: RuleCost["rule"], spec: FormulaSpec, schools: readonly School[], withRule: FormulaResult): RuleCost {
  const limit = spec.protection[rule];
  const without = limit === null ? withRule : runFormula({ ...spec, protection: { ...spec.protection, [rule]: null } }, schools);
  const difference = withRule.protectedAmount.map((x, i) => x - without.protectedAmount[i]);
  const moved = new CompensatedSum();
  const othersTotal = new CompensatedSum();
  let helped = 0;
  let hurt = 0;
  for (const d of difference) {
    if (d > HALF_CENT) helped++;
    else if (d < -HALF_CENT) hurt++;
    // The floor's beneficiaries gain; the cap's targets lose. Either way that flow is the rule's cost.
    if (rule === "maxLoss" ? d > 0 : d < 0) moved.add(Math.abs(d));
    else othersTotal.add(Math.abs(d));
  }
  return {
    rule,
    limit,
    baseWith: withRule.base,
    baseWithout: without.base,
    amountsWith: withRule.protectedAmount,
    amountsWithout: without.protectedAmount,
    difference,
    helped,
    hurt,
    cost: moved.value,
    others: { count: rule === "maxLoss" ? hurt : helped, total: othersTotal.value },
  };
}

/**
 * What each protection rule costs (domain.md section 5, "protection rules with their cost and the schools
 * they protect"): the formula is run with all rules, then once with only the stop-loss removed and once
 * with only the gain cap removed, and the protected amounts and bases are compared school by school.
 * With a solved base the pool is the same in every run, so a stop-loss shows up as a lower base (everyone
 * else pays for the floors) and a gain cap as a higher one; with a fixed base the stop-loss adds its cost
 * to the total and the cap takes its cost off. A rule the spec does not have costs 0 and changes nothing.
 *
 * Cost: up to three runs of `runFormula`, O(n log n).
 *
 * @throws WsfError as `runFormula` (the run with every rule in place fails first).
 * @example protectionCost({ ...spec, protection: { maxLoss: 0.05, maxGain: null } }, schools).maxLoss.cost // what the floors pay
 */
export function protectionCost(spec: FormulaSpec, schools: readonly School[]): ProtectionCost {
  const result = runFormula(spec, schools);
  return { result, maxLoss: ruleCost("maxLoss", spec, schools, result), maxGain: ruleCost("maxGain", spec, schools, result) };
}
