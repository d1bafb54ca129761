/**
 * The 0-based column index of A1 column letters, the inverse of `columnLetters`: "A" -> 0, "Z" -> 25,
 * "AA" -> 26, "ZZ" -> 701, "AAA" -> 702. Case-insensitive, because people type "b2" as often as "B2".
 *
 * Cost O(letters).
 *
 * @throws RangeError when `letters` is empty or holds anything but A-Z.
 * @example columnIndex("AB") // 27
 */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]+$/.test(letters)) throw new RangeError(`column letters must be A-Z, got "${letters}"`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
