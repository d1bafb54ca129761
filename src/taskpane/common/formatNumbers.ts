/** Number formats of the pane (the sheets carry their own Excel number formats). */
const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const cents = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });

/** Whole dollars: $1,234,567. */
export function formatDollars(x: number): string {
  return dollars.format(x);
}

/** Dollars and cents: $4,140.27 (the base is kept unrounded; show it to the cent). */
export function formatCents(x: number): string {
  return cents.format(x);
}

/** A plain number with up to 4 decimals: 0.1188, 1,234.5. */
export function formatNumber(x: number): string {
  return plain.format(x);
}

/** A share as a percentage with one decimal: 0.219512 -> 22.0%. */
export function formatPercent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
