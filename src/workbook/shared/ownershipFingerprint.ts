import { canonicalCell } from "./canonicalCell";
import { fingerprintGrid } from "./fingerprintGrid";

/*
 * The fingerprint the Office adapter stores for each sheet it writes, and the one it computes from the
 * sheet's `Range.formulas` later to tell a hand edit from a recalculation.
 *
 * Excel's `Range.formulas` returns values where a cell has no formula, including every cell a spill fills
 * (excel-behaviour.md item 9): a fingerprint of every non-blank cell would change at each recalculation of
 * a spilling formula. So the stored fingerprint covers exactly the cells the add-in wrote non-blank, and
 * it carries their positions (the "mask") so the same cells can be picked out of the sheet later. Cells
 * the add-in wrote blank may hold a spilled value; only a formula there (a spill never shows one) counts
 * as an edit. A value typed into a cell the add-in left empty cannot be told from a spilled one without
 * the spill APIs of ExcelApi 1.12, and is not detected.
 *
 * Stored form: `<fingerprintGrid of the written cells>|<mask>`, the mask a list of column runs
 * `column=firstRow-lastRow,row;column=...` in absolute 0-based coordinates, e.g. `2:89ab...|0=0-1`.
 */

/** Separates the fingerprint from the mask in the stored text. */
const MASK_SEPARATOR = "|";

/**
 * The stored fingerprint of a grid the add-in is about to write: `fingerprintGrid` of its non-blank cells
 * plus their positions.
 *
 * Cost O(cells of the grid).
 *
 * @param grid rows of the values and formulas written; blank (null, "") cells are not the add-in's.
 * @param originRow 0-based sheet row of `grid[0]`; @param originColumn 0-based sheet column of `grid[r][0]`.
 * @example fingerprintWritten([["a", null], [null, "=B1"]]) // "2:…|0=0;1=1"
 */
export function fingerprintWritten(grid: readonly (readonly unknown[])[], originRow = 0, originColumn = 0): string {
  return `${fingerprintGrid(grid, originRow, originColumn)}${MASK_SEPARATOR}${maskOf(grid, originRow, originColumn)}`;
}

/**
 * The fingerprint of a sheet now, in the form of `stored`: equal to `stored` exactly when every cell the
 * add-in wrote non-blank reads back the same (after `canonicalCell`: formula case, sheet-name quoting,
 * numbers as text) and no cell it left blank holds a formula. A stored fingerprint without a mask (or with
 * an unreadable one) is compared over every non-blank cell, the careful reading.
 *
 * Cost O(cells of the grid + runs of the mask).
 *
 * @param grid the sheet's `Range.formulas` from (originRow, originColumn); cells outside it are blank.
 * @example fingerprintNow(fingerprintWritten([["=A2"]]), [["=A2", 7], [3, 4]]) === fingerprintWritten([["=A2"]]) // true: 7, 3, 4 are values (spilled or not)
 */
export function fingerprintNow(stored: string, grid: readonly (readonly unknown[])[], originRow = 0, originColumn = 0): string {
  const split = stored.indexOf(MASK_SEPARATOR);
  if (split < 0) return fingerprintGrid(grid, originRow, originColumn);
  const maskText = stored.slice(split + 1);
  const mask = parseMask(maskText);
  if (mask === null) return `unreadable mask: ${fingerprintGrid(grid, originRow, originColumn)}`;

  const picked: unknown[][] = grid.map((row) => new Array<unknown>(row.length).fill(null));
  for (const [column, runs] of mask) {
    const c = column - originColumn;
    if (c < 0) continue;
    for (const [first, last] of runs) {
      for (let row = Math.max(first, originRow); row <= last && row - originRow < grid.length; row++) {
        const r = row - originRow;
        if (c < grid[r].length) picked[r][c] = grid[r][c];
      }
    }
  }
  let formulaOutside = false;
  for (let r = 0; r < grid.length && !formulaOutside; r++) {
    const row = grid[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === "string" && cell.startsWith("=") && picked[r][c] !== cell) {
        formulaOutside = true;
        break;
      }
    }
  }
  return `${fingerprintGrid(picked, originRow, originColumn)}${formulaOutside ? "+formula" : ""}${MASK_SEPARATOR}${maskText}`;
}

/** `column=first-last,row;...` of the non-blank cells, columns ascending, runs top to bottom. */
function maskOf(grid: readonly (readonly unknown[])[], originRow: number, originColumn: number): string {
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  const columns: string[] = [];
  for (let c = 0; c < width; c++) {
    const runs: string[] = [];
    let start = -1;
    for (let r = 0; r <= grid.length; r++) {
      const filled = r < grid.length && canonicalCell(grid[r][c]) !== "";
      if (filled && start < 0) start = r;
      if (!filled && start >= 0) {
        const first = originRow + start;
        const last = originRow + r - 1;
        runs.push(first === last ? `${first}` : `${first}-${last}`);
        start = -1;
      }
    }
    if (runs.length > 0) columns.push(`${originColumn + c}=${runs.join(",")}`);
  }
  return columns.join(";");
}

/** The mask as (column, [first, last] runs); null when the text is not a mask `maskOf` writes. */
function parseMask(text: string): Map<number, [number, number][]> | null {
  const mask = new Map<number, [number, number][]>();
  if (text === "") return mask;
  for (const part of text.split(";")) {
    const m = /^(\d+)=([\d,-]+)$/.exec(part);
    if (!m) return null;
    const runs: [number, number][] = [];
    for (const run of m[2].split(",")) {
      const bounds = /^(\d+)(?:-(\d+))?$/.exec(run);
      if (!bounds) return null;
      const first = Number(bounds[1]);
      const last = bounds[2] === undefined ? first : Number(bounds[2]);
      if (last < first) return null;
      runs.push([first, last]);
    }
    mask.set(Number(m[1]), runs);
  }
  return mask;
}
