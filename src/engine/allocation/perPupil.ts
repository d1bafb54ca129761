import { requireFiniteEntries, requireNonNegativeEntries, requireSameRows } from "./inputChecks";

// Globals read once per module: under jest's vm context every global lookup (Math.max, Number.isNaN,
// Infinity) inside a loop over a million schools costs about a hundred times more; elsewhere it is free.
const NOT_A_NUMBER = Number.NaN;

/**
 * Dollars per pupil, row by row: amount / pupils. A row with 0 pupils gets NaN (no per-pupil amount
 * exists); the functions layer shows it as `#DIV/0!` in that cell only, so one empty school does not
 * blank the whole column.
 *
 * Cost O(n).
 *
 * @throws WsfError VALUE on mismatched lengths, a non-finite amount, or negative or non-finite pupils.
 * @example perPupil(Float64Array.of(6000000, 500), Float64Array.of(750, 0)) // Float64Array [8000, NaN]
 */
export function perPupil(amounts: Float64Array, pupils: Float64Array, fn = "WSF.PERPUPIL"): Float64Array {
  requireSameRows(amounts.length, "amounts", pupils.length, fn, "pupils");
  requireFiniteEntries(amounts, fn, "amounts");
  requireNonNegativeEntries(pupils, fn, "pupils");
  const out = new Float64Array(amounts.length);
  for (let i = 0; i < out.length; i++) out[i] = pupils[i] === 0 ? NOT_A_NUMBER : amounts[i] / pupils[i];
  return out;
}
