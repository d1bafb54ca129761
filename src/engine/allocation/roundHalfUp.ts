/**
 * Rounds like Excel's ROUND: to `decimals` places (negative: to tens, hundreds, ...), halves away from zero,
 * and on the decimal number a person sees rather than on its binary approximation. `1.005` is stored as
 * 1.00499999999999989..., so `Math.round(1.005 * 100) / 100` gives 1.00; Excel, which works on the
 * 15 significant digits it displays, gives 1.01. This function does the same: it takes the value to
 * 15 significant digits, moves the decimal point in the decimal text (exact, no multiplication), rounds
 * the half away from zero, and moves the point back.
 *
 * District formulas publish rates and amounts rounded this way (Chicago's grade rates, Boston's budget
 * lines); round only final amounts, never the base (domain.md section 2).
 *
 * Cost O(1). NaN and infinities are returned unchanged; a result of zero is +0; `decimals` is truncated to an integer as Excel does.
 *
 * @example roundHalfUp(1.005, 2) // 1.01 (Excel ROUND(1.005, 2))
 * @example roundHalfUp(-2.5) // -3 (Excel ROUND(-2.5, 0))
 * @example roundHalfUp(1.07 * 4390) // 4697 (Chicago K-3 rate on a 4,390 base)
 */
export function roundHalfUp(x: number, decimals = 0): number {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return 0;
  const places = Math.trunc(decimals);
  const magnitude = Number(Math.abs(x).toPrecision(15));
  const shifted = shiftDecimalPoint(magnitude, places);
  // Beyond 2^52 every double is already a whole number: nothing is left to round.
  if (shifted >= 4503599627370496) return x;
  const whole = Math.trunc(shifted);
  // `shifted - whole` is exact in binary floating point, so the half test sees the true fraction.
  const rounded = shifted - whole >= 0.5 ? whole + 1 : whole;
  const result = shiftDecimalPoint(rounded, -places);
  // No negative zero: Excel has none, and -0 would show up in tests and comparisons as a surprise.
  return x < 0 && result !== 0 ? -result : result;
}

/** Multiplies by 10^places by editing the exponent of the decimal text, which is exact where `* 10 ** places` is not. */
function shiftDecimalPoint(x: number, places: number): number {
  if (places === 0 || x === 0) return x;
  const [mantissa, exponent] = x.toExponential().split("e");
  return Number(`${mantissa}e${Number(exponent) + places}`);
}
