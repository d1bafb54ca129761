import { valueError } from "../core/WsfError";

const isFiniteNumber = Number.isFinite;

/**
 * Checks one year's transition rule: a gap-closing rate in 0..1 (0 keeps last year's amount, 1 goes to the
 * target), a stop-loss `maxLoss` in 0..1 and a gain cap `maxGain` >= 0 (null: no such rule). A share
 * outside its range is `#VALUE!` with a message (Excel shows no message on `#NUM!`, and these shares come
 * from cells a person edits, so the message must say which one is wrong), as for the other policy shares.
 * `label` names the place in messages, e.g. `WSF.PHASEIN` or `Transition plan: year 2`.
 *
 * Cost O(1).
 *
 * @throws WsfError VALUE naming the argument, e.g. `WSF.PHASEIN: rate is 1.5, expected a share between 0 and 1`.
 * @example requireTransitionRule(0.5, 0.05, null, "WSF.PHASEIN") // passes
 */
export function requireTransitionRule(rate: number, maxLoss: number | null, maxGain: number | null, label: string): void {
  if (typeof rate !== "number" || !isFiniteNumber(rate) || rate < 0 || rate > 1) {
    throw valueError({ fn: label, arg: "rate" }, `is ${String(rate)}, expected a share between 0 and 1 (e.g. 0.3333 to close a third of the gap)`);
  }
  if (maxLoss !== null && (typeof maxLoss !== "number" || !isFiniteNumber(maxLoss) || maxLoss < 0 || maxLoss > 1)) {
    throw valueError({ fn: label, arg: "maxLoss" }, `is ${String(maxLoss)}, expected a share between 0 and 1 (e.g. 0.05 for 5%)`);
  }
  if (maxGain !== null && (typeof maxGain !== "number" || !isFiniteNumber(maxGain) || maxGain < 0)) {
    throw valueError({ fn: label, arg: "maxGain" }, `is ${String(maxGain)}, expected a share >= 0 (e.g. 0.10 for 10%)`);
  }
}
