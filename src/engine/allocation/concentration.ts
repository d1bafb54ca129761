import { valueError } from "../core/WsfError";
import { eligibleRowProblem } from "./eligibleRowProblem";
import { requireFiniteScalar, requireNonNegativeEntries, requireSameRows, requireShare } from "./inputChecks";

// Globals read once per module: under jest's vm context every global lookup (Math.max, Number.isNaN,
// Infinity) inside a loop over a million schools costs about a hundred times more; elsewhere it is free.
const { max, min } = Math;

/** How a concentration weight applies once a school's share of eligible pupils passes the threshold. */
export type ConcentrationMode = "above" | "all" | "ramp";

/**
 * Extra weighted pupils for concentrated need, per school (domain.md section 2, "Concentration"), with
 * share = eligible / enrollment:
 * - `"above"` (LCFF-style): weight x max(0, eligible - threshold x enrollment), only the pupils above the threshold;
 * - `"all"`: weight x eligible when share > threshold (strictly), else 0;
 * - `"ramp"` (New Jersey-style): weight x eligible x clamp((share - threshold) / (upper - threshold), 0, 1),
 *   rising linearly from nothing at the threshold to the full weight at `upper`.
 * A school with 0 enrollment (hence 0 eligible) gets 0 extra. `upper` is used only by `"ramp"`.
 *
 * Cost O(n).
 *
 * @throws WsfError VALUE when eligible exceeds enrollment on a row (naming the row), on negative or
 *   non-finite counts, mismatched lengths, an unknown mode, a negative weight, or a ramp without
 *   upper > threshold, or threshold or upper outside 0..1.
 * @example concentration(Float64Array.of(70), Float64Array.of(100), 0.55, 0.65) // Float64Array [9.75]: 0.65 x (70 - 55)
 */
export function concentration(
  eligible: Float64Array,
  enrollment: Float64Array,
  threshold: number,
  weight: number,
  mode: ConcentrationMode = "above",
  upper: number | null = null,
  fn = "WSF.CONCENTRATION",
): Float64Array {
  const n = eligible.length;
  requireSameRows(n, "eligible", enrollment.length, fn, "enrollment");
  requireNonNegativeEntries(eligible, fn, "eligible");
  requireNonNegativeEntries(enrollment, fn, "enrollment");
  requireShare(threshold, fn, "threshold");
  requireFiniteScalar(weight, fn, "weight", true);
  if (mode !== "above" && mode !== "all" && mode !== "ramp") {
    throw valueError({ fn, arg: "mode" }, `is ${JSON.stringify(mode)}, expected "above", "all" or "ramp"`);
  }
  if (mode === "ramp") {
    if (upper === null || upper === undefined) throw valueError({ fn, arg: "upper" }, 'is missing; mode "ramp" needs the share at which the full weight applies');
    requireShare(upper, fn, "upper");
    if (!(upper > threshold)) throw valueError({ fn, arg: "upper" }, `is ${upper}, expected a share greater than threshold ${threshold} for mode "ramp"`);
  }
  for (let i = 0; i < n; i++) {
    const problem = eligibleRowProblem(eligible[i], enrollment[i], i, fn);
    if (problem) throw problem;
  }

  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (enrollment[i] === 0) continue;
    const e = eligible[i];
    // The share is compared, not eligible vs threshold x enrollment, so a share typed as 0.55 matches a
    // threshold typed as 0.55 (both are the same double; 0.55 x 100 is not exactly 55).
    const share = e / enrollment[i];
    if (mode === "above") out[i] = share > threshold ? weight * max(0, e - threshold * enrollment[i]) : 0;
    else if (mode === "all") out[i] = share > threshold ? weight * e : 0;
    else {
      const progress = (share - threshold) / ((upper as number) - threshold);
      out[i] = weight * e * min(1, max(0, progress));
    }
  }
  return out;
}
