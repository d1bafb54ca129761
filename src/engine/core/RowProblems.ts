import { WsfError } from "./WsfError";

/**
 * The first problem found in each row of a row-wise function's inputs (design.md, "Row-wise functions keep
 * a bad row to itself"). Readers record a bad cell here instead of throwing, so the function can compute
 * every other row and put the error in the bad row's cell(s) only; an aggregate, which cannot be right with
 * a row missing, throws the problem of the first bad row instead (`throwFirst`).
 *
 * Rows are 0-based indexes into the input range (row i + 1 in messages). The first problem recorded for a
 * row wins, so arguments read left to right report the leftmost bad argument of that row.
 */
export class RowProblems {
  private readonly byRow = new Map<number, WsfError>();
  private firstRow = Number.POSITIVE_INFINITY;

  /** Records `error` for 0-based row `index` unless that row already has a problem. */
  add(index: number, error: WsfError): void {
    if (this.byRow.has(index)) return;
    this.byRow.set(index, error);
    if (index < this.firstRow) this.firstRow = index;
  }

  /** True when row `index` (0-based) has a problem. */
  has(index: number): boolean {
    return this.byRow.has(index);
  }

  /** The problem of row `index` (0-based), if any. */
  get(index: number): WsfError | undefined {
    return this.byRow.get(index);
  }

  /** Number of rows with a problem. */
  get size(): number {
    return this.byRow.size;
  }

  /** For aggregates: throws the problem of the lowest bad row, if there is one. */
  throwFirst(): void {
    const first = this.byRow.get(this.firstRow);
    if (first) throw first;
  }
}

/**
 * Runs a reader of one cell; a `WsfError` it throws is recorded for `index` and `fallback` is returned, so
 * the caller can go on with the other rows. Any other exception (a defect) propagates.
 */
export function recordRowProblem<T>(problems: RowProblems, index: number, fallback: T, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof WsfError) {
      problems.add(index, error);
      return fallback;
    }
    throw error;
  }
}
