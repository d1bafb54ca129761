import type { RuleCost } from "../../engine/scenario/protectionCost";
import type { ProtectionAtBase } from "../../engine/scenario/summarizeResult";
import { formatCents, formatDollars, formatPercent } from "./formatNumbers";

/**
 * The two "costs of protection" answer different questions; each has one name, used wherever it appears
 * (formula summary, scenario list, comparison, docs/training.md):
 *
 * - FLOOR_TOP_UP, "floor top-up": what the schools held at their stop-loss floor get above the formula at
 *   this year's base (one run; `protectionAtBase`). The sample district: $83,028,070 to 268 schools.
 * - STOP_LOSS_COST, "what the stop-loss costs the other schools": against the same formula without the
 *   stop-loss, the money it moves to the schools it protects, which the other schools give up through a
 *   lower base (two runs; `protectionCost(...).maxLoss`). The sample district: 192 schools get
 *   $60,707,363 more, the other 658 get $60,707,363 less.
 *
 * They differ because the lower base pushes more schools to their floor (268 floored, 192 helped) and the
 * top-up is counted from the lower base.
 */
export const FLOOR_TOP_UP = "Floor top-up";
export const FLOOR_TOP_UP_MEANS = "what the schools held at their stop-loss floor get above the formula at this base";
export const STOP_LOSS_COST = "What the stop-loss costs the other schools";
export const STOP_LOSS_COST_MEANS = "compared with the same formula without the stop-loss";
export const GAIN_CAP_EFFECT = "What the gain cap holds back";

const schools = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "school" : "schools"}`;

/** "268 schools held at their floor; floor top-up $83,028,070 (2.3% of the total): what the schools ..." */
export function floorTopUpLine(p: ProtectionAtBase): string {
  if (p.floored === 0) return "No school is held at a stop-loss floor.";
  return `${schools(p.floored)} held at their floor; ${FLOOR_TOP_UP.toLowerCase()} ${formatDollars(p.floorTopUp)} (${formatPercent(p.floorTopUpShare)} of the total): ${FLOOR_TOP_UP_MEANS}.`;
}

/** "Compared with the same formula without the stop-loss, 192 schools get $60,707,363 more and the other 658 schools get $60,707,363 less." */
export function stopLossCostLine(rule: RuleCost): string {
  if (rule.limit === null) return "No stop-loss.";
  if (rule.helped === 0) return `Stop-loss ${formatPercent(rule.limit)}: no school gets more with it than without it, so it costs the other schools nothing.`;
  const paid =
    rule.others.count > 0
      ? `the other ${schools(rule.others.count)} get ${formatDollars(rule.others.total)} less in all (base ${formatCents(rule.baseWith)} with it, ${formatCents(rule.baseWithout)} without)`
      : `nobody else pays: with a fixed base the total grows by ${formatDollars(rule.cost)}`;
  return `Stop-loss ${formatPercent(rule.limit)}, ${STOP_LOSS_COST_MEANS}: ${schools(rule.helped)} get ${formatDollars(rule.cost)} more; ${paid}.`;
}

/** The gain cap's effect against the same formula without it. */
export function gainCapLine(rule: RuleCost): string {
  if (rule.limit === null) return "No gain cap.";
  if (rule.hurt === 0) return `Gain cap ${formatPercent(rule.limit)}: no school is held back by it.`;
  const others = rule.others.count > 0 ? `; the other ${schools(rule.others.count)} get ${formatDollars(rule.others.total)} more in all` : "";
  return `Gain cap ${formatPercent(rule.limit)}, compared with the same formula without it: ${schools(rule.hurt)} give up ${formatDollars(rule.cost)}${others}.`;
}
