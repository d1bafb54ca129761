import { valueError } from "../core/WsfError";
import { requireNonNegativeEntries, requireSameRows } from "./inputChecks";

// Globals read once per module: under jest's vm context every global lookup (Math.max, Number.isNaN,
// Infinity) inside a loop over a million schools costs about a hundred times more; elsewhere it is free.
const isFiniteNumber = Number.isFinite;

/**
 * Weighted pupils per school: the sum over categories k of count[k][i] x weight[k] (additive stacking, as
 * NYC's Fair Student Funding: a pupil counted in several categories gets every weight). Counts come one
 * array per category column, each aligned with the schools (index i is row i + 1); blank count cells have
 * already become 0.
 *
 * Cost O(n x k) for n schools and k categories.
 *
 * @throws WsfError VALUE when `weights` does not have one weight per count column, when the columns differ
 *   in length, or when a count or a weight is negative or not a finite number (naming the row and column).
 * @example weightedPupils([Float64Array.of(100, 200), Float64Array.of(10, 50)], [1, 0.4]) // Float64Array [104, 220]
 */
export function weightedPupils(counts: Float64Array[], weights: ArrayLike<number>, fn = "WSF.WEIGHTEDPUPILS"): Float64Array {
  if (counts.length === 0) throw valueError({ fn, arg: "counts" }, "needs at least one column of pupil counts");
  if (counts.length !== weights.length) {
    throw valueError({ fn, arg: "weights" }, `has ${weights.length} weights but counts has ${counts.length} columns; give one weight per column`);
  }
  requireNonNegativeEntries(weights, fn, "weights");
  const n = counts[0].length;
  for (let k = 0; k < counts.length; k++) {
    const column = counts[k];
    requireSameRows(n, "counts column 1", column.length, fn, `counts column ${k + 1}`);
    for (let i = 0; i < n; i++) {
      const c = column[i];
      if (!isFiniteNumber(c) || c < 0) {
        throw valueError({ fn, arg: "counts", row: i + 1 }, `column ${k + 1} is ${c}, expected a number >= 0`);
      }
    }
  }
  const out = new Float64Array(n);
  for (let k = 0; k < counts.length; k++) {
    const column = counts[k];
    const weight = weights[k];
    // Weighted pupils are small sums (a handful of categories of at most a few thousand pupils):
    // a plain sum is exact enough; money sums elsewhere use the compensated sum.
    for (let i = 0; i < n; i++) out[i] += column[i] * weight;
  }
  return out;
}
