/**
 * The A1 column letters of a 0-based column index: 0 -> "A", 25 -> "Z", 26 -> "AA", 701 -> "ZZ",
 * 702 -> "AAA". Bijective base 26 (there is no zero digit), which is why a plain base conversion is off
 * by one after "Z".
 *
 * Cost O(log26 column).
 *
 * @throws RangeError when `column` is negative or not an integer.
 * @example columnLetters(27) // "AB"
 */
export function columnLetters(column: number): string {
  if (!Number.isInteger(column) || column < 0) throw new RangeError(`column index must be an integer >= 0, got ${column}`);
  let letters = "";
  let n = column + 1;
  while (n > 0) {
    const digit = (n - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
