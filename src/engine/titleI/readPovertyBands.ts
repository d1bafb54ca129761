import { Cell } from "../core/cells";
import { describeCell, valueError } from "../core/WsfError";
import { formatShare } from "./formatShare";
import { PovertyBand } from "./PovertyBand";

/**
 * Reads a table of poverty bands (domain.md section 6, example 4) and checks that it is one ladder:
 * - two columns (lowest rate, dollars per child): each band runs from its rate up to the next band's rate;
 *   two bands starting at the same rate overlap;
 * - three columns (lowest rate, rate where the band ends (exclusive), dollars per child): the bands, sorted
 *   by lowest rate, must each start exactly where the previous one ends: an earlier start overlaps, a
 *   later one leaves a gap. The top band includes its upper end.
 * Rates are shares 0..1; dollars >= 0. Entirely blank rows are skipped.
 *
 * Cost O(b log b) for b bands.
 *
 * @returns the bands sorted by lowest rate.
 * @throws WsfError VALUE naming the argument and band row(s): a cell that is not a number, a rate outside
 *   0..1, negative dollars, an end not above its start, overlapping bands, a gap, no bands at all.
 * @example readPovertyBands([[0.65, 950], [0.5, 900], [0, 850]], "WSF.TITLEIALLOCATE", "amount")[0] // { from: 0, to: 0.5, perChild: 850, row: 3 }
 */
export function readPovertyBands(grid: readonly (readonly Cell[])[], fn: string, arg: string): PovertyBand[] {
  const width = grid.length === 0 ? 0 : grid[0].length;
  if (width !== 2 && width !== 3) throw valueError({ fn, arg }, `has ${width} columns; poverty bands take 2 (lowest rate, dollars per child) or 3 (lowest rate, end rate, dollars per child)`);
  const bands: PovertyBand[] = [];
  grid.forEach((line, k) => {
    const row = k + 1;
    if (line.every((c) => c === null || c === undefined || c === "")) return;
    const numbers = line.map((cell, j) => {
      if (typeof cell !== "number" || !Number.isFinite(cell)) throw valueError({ fn, arg, row }, `column ${j + 1} is ${describeCell(cell)}, expected a number`);
      return cell;
    });
    const from = numbers[0];
    const to = width === 3 ? numbers[1] : null;
    const perChild = numbers[width - 1];
    for (const rate of to === null ? [from] : [from, to]) {
      if (rate < 0 || rate > 1) throw valueError({ fn, arg, row }, `has the rate ${rate}, expected a share between 0 and 1 (0.65 for 65%)`);
    }
    if (to !== null && !(to > from)) throw valueError({ fn, arg, row }, `ends at ${formatShare(to)}, not above its start ${formatShare(from)}`);
    if (perChild < 0) throw valueError({ fn, arg, row }, `pays ${perChild} per child, expected dollars >= 0`);
    bands.push({ from, to, perChild, row });
  });
  if (bands.length === 0) throw valueError({ fn, arg }, "has no bands");
  bands.sort((a, b) => a.from - b.from || a.row - b.row);
  for (let k = 1; k < bands.length; k++) {
    const prev = bands[k - 1];
    const next = bands[k];
    if (next.from === prev.from) {
      throw valueError({ fn, arg }, `rows ${prev.row} and ${next.row} overlap: both start at ${formatShare(next.from)}`);
    }
    if (prev.to !== null && next.from < prev.to) {
      throw valueError({ fn, arg }, `rows ${prev.row} and ${next.row} overlap: ${formatShare(next.from)} to ${formatShare(Math.min(prev.to, next.to ?? 1))} is in both`);
    }
    if (prev.to !== null && next.from > prev.to) {
      throw valueError({ fn, arg }, `rows ${prev.row} and ${next.row} leave a gap: no band covers ${formatShare(prev.to)} to ${formatShare(next.from)}`);
    }
  }
  return bands.map((b, k) => ({ ...b, to: b.to ?? (k + 1 < bands.length ? bands[k + 1].from : null) }));
}
