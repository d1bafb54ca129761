import { requireFiniteEntries, requirePriorAmounts, requireSameRows } from "../allocation/inputChecks";
import { phaseInAmount } from "./phaseInAmount";
import { requireTransitionRule } from "./requireTransitionRule";

/**
 * One year of a transition for every school (WSF.PHASEIN, domain.md section 7): each school moves from its
 * prior-year amount toward its formula target by `rate` of the gap (`prior + rate x (target - prior)`,
 * California's LCFF gap closing), and the result is then clamped to the prior-year band
 * `[prior x (1 - maxLoss), prior x (1 + maxGain)]` (NYC's stop-loss and gain cap per year).
 *
 * **Convention**: a prior that is NaN (blank) or 0 is "no prior year": that school gets its target, with
 * no band. `maxLoss`/`maxGain` null means no floor/cap. The band wins over the gap step: with rate 1 a
 * school lands on its target unless the band stops it short.
 *
 * Cost O(n).
 *
 * @throws WsfError VALUE when rate or maxLoss lie outside 0..1 or maxGain is negative, on columns of
 *   different lengths, a non-finite target or a negative prior (naming the row).
 * @example phaseIn(Float64Array.of(100, 100, NaN), Float64Array.of(160, 40, 70), 0.5, 0.1, null) // [130, 90, 70]
 */
export function phaseIn(prior: Float64Array, target: Float64Array, rate: number, maxLoss: number | null, maxGain: number | null, fn = "WSF.PHASEIN"): Float64Array {
  requireTransitionRule(rate, maxLoss, maxGain, fn);
  requireSameRows(prior.length, "prior", target.length, fn, "target");
  requirePriorAmounts(prior, fn);
  requireFiniteEntries(target, fn, "target");
  const out = new Float64Array(prior.length);
  for (let i = 0; i < out.length; i++) out[i] = phaseInAmount(prior[i], target[i], rate, maxLoss, maxGain);
  return out;
}
