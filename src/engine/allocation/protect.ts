import { requireFiniteEntries, requirePriorAmounts, requireProtectionLimits, requireSameRows } from "./inputChecks";

// Globals read once per module: under jest's vm context every global lookup (Math.max, Number.isNaN,
// Infinity) inside a loop over a million schools costs about a hundred times more; elsewhere it is free.
const { max, min } = Math;
const isNotANumber = Number.isNaN;

/**
 * Applies stop-loss and gain caps against last year's amounts: each allocation is clamped to
 * [prior x (1 - maxLoss), prior x (1 + maxGain)] (domain.md section 2, "Protection"). A NaN prior (a blank
 * cell: a new school) or a prior of 0 leaves that row unprotected: some Excel builds pass a blank cell as 0
 * (excel-behaviour.md item 5), so the two must mean the same, "no prior year, no band". `maxLoss` null means
 * no floor, `maxGain` null no cap.
 * maxLoss 0 is hold harmless (nobody loses anything).
 *
 * When the pool is fixed, protection must be paid for by a lower base: use `solveBase` with the same
 * prior, maxLoss and maxGain, then protect(allocate(wp, base, fixed), ...) spends exactly the pool.
 *
 * Cost O(n).
 *
 * @throws WsfError VALUE on mismatched lengths, a non-finite allocation, a negative or infinite prior;
 *   also when maxLoss lies outside 0..1 or maxGain is negative.
 * @example protect(Float64Array.of(80, 130, 50, 70), Float64Array.of(100, 100, NaN, 0), 0.05, 0.2) // Float64Array [95, 120, 50, 70]
 */
export function protect(allocations: Float64Array, prior: Float64Array, maxLoss: number | null, maxGain: number | null, fn = "WSF.PROTECT"): Float64Array {
  requireSameRows(allocations.length, "allocations", prior.length, fn, "prior");
  requireFiniteEntries(allocations, fn, "allocations");
  requirePriorAmounts(prior, fn);
  requireProtectionLimits(maxLoss, maxGain, fn);
  const out = new Float64Array(allocations.length);
  for (let i = 0; i < out.length; i++) {
    let x = allocations[i];
    const p = prior[i];
    if (!isNotANumber(p) && p > 0) {
      if (maxLoss !== null) x = max(x, p * (1 - maxLoss));
      if (maxGain !== null) x = min(x, p * (1 + maxGain));
    }
    out[i] = x;
  }
  return out;
}
