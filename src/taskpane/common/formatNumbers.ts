/**
 * Number formats of the pane (the sheets carry their own Excel number formats). One rule for every
 * figure a person reads: currency to the dollar (the base to the cent), shares as per cent, statistics to
 * 3-4 significant digits, thousands separators, and never a "-0": a value that rounds to zero is shown as
 * zero, whatever its sign (a flat allocation's mean log deviation is -2e-16 in floating point, not "-0").
 */
const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const cents = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });
const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** "-0", "-$0", "-0.0%", "-0.0000": a minus sign in front of nothing but zeros, separators and symbols. */
function dropNegativeZero(text: string): string {
  return /^-[^1-9]*$/.test(text) ? text.slice(1) : text;
}

/** Whole dollars: $1,234,567; -$1,234. */
export function formatDollars(x: number): string {
  return dropNegativeZero(dollars.format(x));
}

/** Dollars and cents: $4,140.27 (the base is kept unrounded; show it to the cent). */
export function formatCents(x: number): string {
  return dropNegativeZero(cents.format(x));
}

/** A plain number with up to 4 decimals: 0.1188, 1,234.5. */
export function formatNumber(x: number): string {
  return dropNegativeZero(plain.format(x));
}

/** A count or whole amount with thousands separators: 3,548,998,064. */
export function formatWhole(x: number): string {
  return dropNegativeZero(whole.format(x));
}

/**
 * A statistic (CV, Gini, a correlation, a ratio) to 3-4 significant digits: from 1 up, 4 significant digits
 * (1.241, 12.35, 1,235); below 1, 4 decimals or enough for 3 significant digits, at most 6 decimals
 * (0.0675, 0.8506, 0.00312); anything smaller is 0. These are the digits docs/training.md quotes.
 */
export function formatStatistic(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 1) {
    const digits = Math.max(0, 3 - Math.floor(Math.log10(a)));
    return dropNegativeZero(withDecimals(digits).format(Number(x.toPrecision(4))));
  }
  const decimals = a === 0 ? 4 : Math.min(6, Math.max(4, 2 - Math.floor(Math.log10(a))));
  return dropNegativeZero(withDecimals(decimals).format(x));
}

/** The formats by number of decimals (0 to 6), built once each: building one costs far more than using it. */
const byDecimals = new Map<number, Intl.NumberFormat>();
function withDecimals(decimals: number): Intl.NumberFormat {
  let format = byDecimals.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat("en-US", { maximumFractionDigits: decimals });
    byDecimals.set(decimals, format);
  }
  return format;
}

/** A share as a percentage: 0.219512 -> "22.0%" (one decimal unless told otherwise); never "-0.0%". */
export function formatPercent(x: number, decimals = 1): string {
  return dropNegativeZero(`${(x * 100).toFixed(decimals)}%`);
}

/**
 * What a person typed as a number, with thousands separators, a dollar sign or spaces allowed
 * ("3,548,998,064", "$ 1,200.50", "5"); null when it is not a number.
 */
export function parseTypedNumber(text: string): number | null {
  const cleaned = text.replace(/[\s,$]/g, "");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const x = Number(cleaned);
  return Number.isFinite(x) ? x : null;
}
