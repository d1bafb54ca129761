/**
 * Reduces a header to the letters and digits that identify it, so "Free & Reduced Lunch",
 * "free and reduced-lunch" and "FREE AND REDUCED LUNCH " compare equal: lower case, "&" read as "and",
 * every other character that is not a letter or a digit dropped.
 *
 * Cost O(length).
 *
 * @throws nothing.
 * @example normalizeHeader("Free & Reduced Lunch") // "freeandreducedlunch"
 */
export function normalizeHeader(header: string): string {
  return String(header)
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "");
}
