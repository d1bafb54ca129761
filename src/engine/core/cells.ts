import { keepShape } from "./keepShape";
import { describeCell, valueError, Where } from "./WsfError";

/**
 * Reading worksheet cells into numbers, with the shared input rules of the catalogue:
 * - `null`, `undefined` and `""` are blank (Excel passes `null` for an empty cell, some hosts pass `""`);
 * - a number must be finite; text and booleans are errors that name the function, argument and row;
 * - a range argument is one column or one row (a 1 x 1 range is both).
 *
 * Pure functions, no Office types: the task pane, the playground and the custom functions share them.
 */

/** A cell as Excel's JavaScript runtime hands it over. */
export type Cell = unknown;

/** True for the values Excel uses for an empty cell. */
export function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || cell === "";
}

/**
 * Flattens a single-column or single-row range (Excel passes both as a 2-D array) into a list.
 * Accepts a bare scalar too (a one-cell reference or a literal), as one row.
 *
 * @throws WsfError VALUE when the range has several rows and several columns.
 */
export function toVector(grid: Cell, where: Where): Cell[] {
  if (!Array.isArray(grid)) return [grid];
  if (grid.length === 0) return [];
  if (!Array.isArray(grid[0])) return grid as Cell[];
  const rows = grid as Cell[][];
  const width = rows[0].length;
  if (width === 1) {
    const out = new Array<Cell>(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = rows[i][0];
    return out;
  }
  if (rows.length === 1) return rows[0].slice();
  throw valueError(where, `must be a single column or a single row (got ${rows.length} rows x ${width} columns)`);
}

/**
 * A single-column or single-row range read in place: the cells `toVector` would list, without copying them.
 * At a million rows the copy is one more 8 MB array of pointers that every garbage collection must trace.
 */
export class VectorView {
  /**
   * @param source the cells (a 1-D list), or the rows of a single-column range (each row's first cell is read)
   * @param column true when `source` is a list of rows
   */
  constructor(
    readonly source: Cell[],
    readonly column: boolean,
  ) {
    this.length = source.length;
  }

  readonly length: number;

  /** The i-th cell (0-based), i < length. */
  at(i: number): Cell {
    return this.column ? (this.source[i] as Cell[])[0] : this.source[i];
  }
}

// Kept alive so that its hidden class, and the code V8 optimised for it, outlive garbage collections (keepShape.ts).
keepShape(new VectorView([[0.5]], true)).at(0);

/**
 * The view of `grid` as a vector, under the shape rules of `toVector` (the same cells, the same error).
 *
 * Cost O(1).
 *
 * @throws WsfError VALUE when the range has several rows and several columns.
 * @example vectorView([[1], [2]], { fn: "WSF.MEAN", arg: "values" }).at(1) // 2
 */
export function vectorView(grid: Cell, where: Where): VectorView {
  if (!Array.isArray(grid)) return new VectorView([grid], false);
  if (grid.length === 0 || !Array.isArray(grid[0])) return new VectorView(grid, false);
  const rows = grid as Cell[][];
  const width = rows[0].length;
  if (width === 1) return new VectorView(rows, true);
  if (rows.length === 1) return new VectorView(rows[0], false);
  throw valueError(where, `must be a single column or a single row (got ${rows.length} rows x ${width} columns)`);
}

/**
 * Reads one cell as a finite number.
 *
 * @throws WsfError VALUE for text, booleans, blanks, NaN or infinities, e.g.
 *   `WSF.GINI: pupils row 12 is "n/a", expected a number`.
 */
export function readNumber(cell: Cell, where: Where): number {
  if (typeof cell === "number" && Number.isFinite(cell)) return cell;
  throw valueError(where, `is ${describeCell(cell)}, expected a number`);
}

/** Reads a cell as a number >= 0 (pupil counts, dollars, shares). */
export function readNonNegative(cell: Cell, where: Where): number {
  const x = readNumber(cell, where);
  if (x < 0) throw valueError(where, `is ${x}, expected a number >= 0`);
  return x;
}

/** Checks that two vectors line up row for row. */
export function requireSameLength(a: { length: number }, b: { length: number }, where: Where, otherArg: string): void {
  if (a.length !== b.length) {
    throw valueError(where, `has ${b.length} rows but ${otherArg} has ${a.length}; they must be the same size`);
  }
}
