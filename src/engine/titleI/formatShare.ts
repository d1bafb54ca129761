/**
 * Writes a share as a percentage with two decimals for messages (`0.7609` -> `"76.09%"`), the way the
 * published Title I tables print poverty rates. Locale-free, as every engine message is.
 *
 * Cost O(1).
 *
 * @example formatShare(210 / 276) // "76.09%"
 */
export function formatShare(share: number): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(2)}%` : String(share);
}
