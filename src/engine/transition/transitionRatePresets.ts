import { valueError } from "../core/WsfError";
import { californiaGapRates } from "./californiaGapRates";

/** The gap-closing presets of the task pane. */
export type TransitionRatePreset = "oneThird" | "equalSteps" | "california";

/**
 * Per-year gap-closing rates of a preset for a plan of `years` years (2 to 5):
 * - `oneThird`: a third of the remaining gap every year (1/3, 1/3, ...), as `prior + rate x (target - prior)` reads;
 * - `equalSteps`: the gap closes in equal dollar steps and is closed in the last year: year k of N closes
 *   1 / (N - k + 1) of what remains (three years: 1/3, 1/2, 1);
 * - `california`: California's published rates from 2013-14 on (`californiaGapRates`), the first `years`
 *   of them; its gap closed only in the sixth year, so a plan of 2 to 5 years ends short of the target.
 *
 * Cost O(years).
 *
 * @throws WsfError VALUE for a year count outside 2 to 5.
 * @example transitionRatePresets("equalSteps", 3) // [1/3, 1/2, 1]
 */
export function transitionRatePresets(preset: TransitionRatePreset, years: number): number[] {
  if (!Number.isInteger(years) || years < 2 || years > 5) throw valueError({ fn: "Transition plan", arg: "years" }, `is ${years}, expected 2 to 5 years`);
  if (preset === "oneThird") return Array.from({ length: years }, () => 1 / 3);
  if (preset === "equalSteps") return Array.from({ length: years }, (_, k) => 1 / (years - k));
  return californiaGapRates.slice(0, years).map((r) => r.rate);
}
