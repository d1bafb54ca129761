import { roundHalfUp } from "./roundHalfUp";

/**
 * Writes a dollar amount for an error message the way a budget office reads it: thousands separated by
 * commas, cents only when there are any (`1,250,000`, `999,999.50`, `-12.34`). Done by hand rather than
 * with `toLocaleString` so messages are the same in Node, every browser and Excel's functions runtime,
 * whatever the locale.
 *
 * Cost O(digits).
 *
 * @example formatAmount(1250000) // "1,250,000"
 * @example formatAmount(1234.5678) // "1,234.57"
 */
export function formatAmount(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const cents = roundHalfUp(x, 2);
  const negative = cents < 0;
  const [whole, fraction] = Math.abs(cents).toFixed(2).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const centsText = fraction === "00" ? "" : `.${fraction}`;
  return `${negative ? "-" : ""}${grouped}${centsText}`;
}
