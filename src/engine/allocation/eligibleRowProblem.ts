import { valueError, WsfError } from "../core/WsfError";

/**
 * The row rule of `concentration` on its own, for callers that keep a bad row to itself: eligible pupils
 * cannot exceed the enrolled ones. Returns the error for 0-based row `index`, or null when the row is fine.
 *
 * @example eligibleRowProblem(120, 100, 0, "WSF.CONCENTRATION")?.message // "WSF.CONCENTRATION: eligible row 1 is 120, more than the 100 enrolled"
 */
export function eligibleRowProblem(eligible: number, enrollment: number, index: number, fn = "WSF.CONCENTRATION"): WsfError | null {
  return eligible > enrollment ? valueError({ fn, arg: "eligible", row: index + 1 }, `is ${eligible}, more than the ${enrollment} enrolled`) : null;
}
