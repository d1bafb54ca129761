import { PovertyBand } from "./PovertyBand";

/**
 * The band that holds a poverty rate: `from <= rate < to`, the top band also holding its upper end (and
 * everything up to 100% when it has none). `null` when no band covers the rate (below the lowest band, or
 * above a top band that ends early).
 *
 * Cost O(log b) for b bands sorted by `from` (as `readPovertyBands` returns them).
 *
 * @example bandFor([{ from: 0.5, to: 0.65, perChild: 900, row: 2 }, { from: 0.65, to: null, perChild: 950, row: 1 }], 0.7609)?.perChild // 950
 */
export function bandFor(bands: readonly PovertyBand[], rate: number): PovertyBand | null {
  let lo = 0;
  let hi = bands.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (bands[mid].from <= rate) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return null;
  const band = bands[found];
  const top = found === bands.length - 1;
  if (band.to === null) return band;
  if (rate < band.to || (top && rate === band.to)) return band;
  return null;
}
