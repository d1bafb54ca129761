import { divZeroError, valueError } from "../core/WsfError";

/**
 * The per-child minimum of the 125% rule (ESEA section 1113(c)(2); domain.md section 6): a district that
 * serves any area below 35% must give every served area at least `share` x (district Title I allocation /
 * district low-income children). Unrounded.
 *
 * Cost O(1).
 *
 * @throws WsfError VALUE for a negative or non-finite allocation, children or share; DIV0 when the district
 *   has no low-income children.
 * @example titleIMinimum(2366381, 2618) // 1129.8587... ($903.89 x 1.25, the published $1,129.86)
 */
export function titleIMinimum(districtAllocation: number, districtLowIncome: number, share = 1.25, fn = "WSF.TITLEIMINIMUM"): number {
  for (const [arg, x] of [["districtAllocation", districtAllocation], ["districtLowIncome", districtLowIncome], ["share", share]] as const) {
    if (typeof x !== "number" || !Number.isFinite(x)) throw valueError({ fn, arg }, `is ${String(x)}, expected a number`);
    if (x < 0) throw valueError({ fn, arg }, `is ${x}, expected a number >= 0`);
  }
  if (districtLowIncome === 0) throw divZeroError(fn, "districtLowIncome is 0; the minimum is per low-income child");
  return (districtAllocation / districtLowIncome) * share;
}
