import type { CellValue } from "../WorkbookPort";
import { headerLabels } from "./headerLabels";

/** A header row found on a sheet, in 0-based sheet coordinates. */
export interface HeaderBlock {
  headerRow: number;
  firstColumn: number;
  lastColumn: number;
  headers: string[];
}

/** How many rows from the top of the used range may sit above a header (titles, notes, blank lines). */
export const HEADER_SCAN_ROWS = 20;

/**
 * Finds the header row of a block of data on a sheet without an Excel table: the first row, from the
 * top, that is mostly text with numbers beneath. Precisely, row r is the header when
 * - it holds at least 2 text cells and text is at least 60% of its non-blank cells (a title row such as
 *   "Sample district, FY2025" has one text cell, so it is passed over);
 * - the row under it holds at least one number within the header's span (so a second title line or a
 *   two-row header picks its lower row);
 * - its text cells number at least half the non-blank cells of that row beneath (a stray note in two
 *   cells above a wide table is not a header).
 * The header's span runs from its first to its last non-blank cell. Only the first `HEADER_SCAN_ROWS`
 * rows are examined, so a caller may pass just the top of a large used range.
 *
 * Cost O(scanned rows x columns).
 *
 * @param grid the top rows of the used range (values, as `Range.values` returns them).
 * @param originRow 0-based sheet row of `grid[0]`; @param originColumn 0-based sheet column of `grid[r][0]`.
 * @returns the header in sheet coordinates, or null when no row qualifies.
 * @example detectHeaderBlock([["District budget"], ["School", "Pupils"], ["Lincoln", 420]])
 *   // { headerRow: 1, firstColumn: 0, lastColumn: 1, headers: ["School", "Pupils"] }
 */
export function detectHeaderBlock(
  grid: readonly (readonly CellValue[])[],
  originRow = 0,
  originColumn = 0,
): HeaderBlock | null {
  const lastCandidate = Math.min(grid.length - 2, HEADER_SCAN_ROWS - 1);
  for (let r = 0; r <= lastCandidate; r++) {
    const row = grid[r];
    let first = -1;
    let last = -1;
    let nonBlank = 0;
    let texts = 0;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell === null || cell === undefined || cell === "") continue;
      if (first < 0) first = c;
      last = c;
      nonBlank++;
      if (typeof cell === "string") texts++;
    }
    if (texts < 2 || texts < 0.6 * nonBlank) continue;
    const below = grid[r + 1];
    let numbersBelow = 0;
    let nonBlankBelow = 0;
    for (let c = 0; c < below.length; c++) {
      const cell = below[c];
      if (cell === null || cell === undefined || cell === "") continue;
      nonBlankBelow++;
      if (typeof cell === "number" && c >= first && c <= last) numbersBelow++;
    }
    if (numbersBelow === 0 || texts < 0.5 * nonBlankBelow) continue;
    return {
      headerRow: originRow + r,
      firstColumn: originColumn + first,
      lastColumn: originColumn + last,
      headers: headerLabels(row.slice(first, last + 1), originColumn + first),
    };
  }
  return null;
}
