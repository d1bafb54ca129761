import { Cell, isBlank, readNonNegative, readNumber, toVector } from "../engine/core/cells";
import { RowProblems, recordRowProblem } from "../engine/core/RowProblems";
import { describeCell, valueError, numError } from "../engine/core/WsfError";

/**
 * Argument reading for the custom functions: Excel's arguments (2-D arrays, scalars, `null` for an
 * omitted or skipped optional argument) into the numbers the engine takes. Every problem becomes a
 * `WsfError` naming the function, the argument and the 1-based row, so each function body is only the maths.
 */

/** An optional scalar: `null`/`undefined`/`""` (skipped) gives the default. Accepts a 1 x 1 range. */
export function optionalNumber(value: unknown, fallback: number, fn: string, arg: string): number {
  const cell = unwrapSingle(value, fn, arg);
  if (isBlank(cell)) return fallback;
  return readNumber(cell, { fn, arg });
}

/** An optional scalar that may stay absent (`null` means "no such rule"). */
export function optionalNumberOrNull(value: unknown, fn: string, arg: string): number | null {
  const cell = unwrapSingle(value, fn, arg);
  if (isBlank(cell)) return null;
  return readNumber(cell, { fn, arg });
}

/** A required scalar. */
export function requiredNumber(value: unknown, fn: string, arg: string): number {
  const cell = unwrapSingle(value, fn, arg);
  if (isBlank(cell)) throw valueError({ fn, arg }, "is missing; enter a number");
  return readNumber(cell, { fn, arg });
}

/**
 * A statistic's share between 0 and 1 inclusive (a percentile's p, lower, upper): `#NUM!` outside, as Excel's
 * own PERCENTILE.INC answers for k outside 0..1 (Excel shows no message on `#NUM!`).
 */
export function checkShare(x: number, fn: string, arg: string): number {
  if (x < 0 || x > 1) throw numError(fn, `${arg} is ${x}, expected a share between 0 and 1 (e.g. 0.05 for 5%)`);
  return x;
}

/**
 * A policy share between 0 and 1 inclusive (a concentration threshold, a stop-loss): `#VALUE!` with a message
 * outside, because these come from a parameters sheet a person edits and the message says which one is wrong.
 */
export function checkPolicyShare(x: number, fn: string, arg: string): number {
  if (x < 0 || x > 1) throw valueError({ fn, arg }, `is ${x}, expected a share between 0 and 1 (e.g. 0.05 for 5%)`);
  return x;
}

/** An optional text choice among `choices` (case-insensitive), default when skipped. */
export function optionalChoice<T extends string>(value: unknown, choices: readonly T[], fallback: T, fn: string, arg: string): T {
  const cell = unwrapSingle(value, fn, arg);
  if (isBlank(cell)) return fallback;
  if (typeof cell === "string") {
    const match = choices.find((c) => c === cell.trim().toLowerCase());
    if (match) return match;
  }
  throw valueError({ fn, arg }, `is ${describeCell(cell)}, expected one of ${choices.map((c) => `"${c}"`).join(", ")}`);
}

/** An optional TRUE/FALSE (1/0 accepted, as Excel does). */
export function optionalBoolean(value: unknown, fallback: boolean, fn: string, arg: string): boolean {
  const cell = unwrapSingle(value, fn, arg);
  if (isBlank(cell)) return fallback;
  if (typeof cell === "boolean") return cell;
  if (cell === 1 || cell === 0) return cell === 1;
  throw valueError({ fn, arg }, `is ${describeCell(cell)}, expected TRUE or FALSE`);
}

/** `null`/`undefined` (omitted) stays absent; a range is kept for reading. */
export function optionalRange(value: unknown): Cell | null {
  return value === null || value === undefined ? null : value;
}

/**
 * A column (or row) of amounts aligned with the input rows: blank cells stay NaN so the caller can tell
 * them apart (and leave the matching output cell blank). Non-negative unless `allowNegative`.
 * With `problems`, a bad cell is recorded for its row (and reads as 0) instead of failing the whole range;
 * a range of the wrong shape still throws.
 */
export function readColumn(cells: Cell, fn: string, arg: string, allowNegative = false, problems?: RowProblems): Float64Array {
  const vector = toVector(cells, { fn, arg });
  const out = new Float64Array(vector.length);
  for (let i = 0; i < vector.length; i++) {
    const cell = vector[i];
    // The usual cell, read without the objects the checks below build for their messages.
    if (typeof cell === "number" && Number.isFinite(cell) && (allowNegative || cell >= 0)) {
      out[i] = cell;
      continue;
    }
    if (isBlank(cell)) {
      out[i] = NaN;
      continue;
    }
    const where = { fn, arg, row: i + 1 };
    const read = () => (allowNegative ? readNumber(cell, where) : readNonNegative(cell, where));
    out[i] = problems ? recordRowProblem(problems, i, 0, read) : read();
  }
  return out;
}

/**
 * Reads "one number or a column" (ALLOCATE's and SOLVEBASE's `fixed`): a single cell gives that number
 * for every row; a column must match `length`; blank cells count 0 (no fixed amount for that school).
 */
export function readScalarOrColumn(cells: Cell, length: number, fn: string, arg: string, problems?: RowProblems): number | Float64Array {
  const vector = toVector(cells, { fn, arg });
  if (vector.length === 1 && length !== 1) {
    return isBlank(vector[0]) ? 0 : readNonNegative(vector[0], { fn, arg });
  }
  if (vector.length !== length) {
    throw valueError({ fn, arg }, `has ${vector.length} rows but the school rows number ${length}; give one number or a column of the same size`);
  }
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const cell = vector[i];
    if (isBlank(cell)) continue;
    const read = () => readNonNegative(cell, { fn, arg, row: i + 1 });
    out[i] = problems ? recordRowProblem(problems, i, 0, read) : read();
  }
  return out;
}

/**
 * Reads an n x k block of counts into k columns (blank = 0) and marks the rows that are entirely blank,
 * whose output stays blank. Rejects text, booleans and negative counts with the row and column; with
 * `problems` the first bad cell of a row is recorded for that row (its counts read as 0) instead.
 */
export function readCountMatrix(cells: Cell, fn: string, arg: string, problems?: RowProblems): { columns: Float64Array[]; blankRow: Uint8Array; rows: number } {
  const grid = Array.isArray(cells) ? (Array.isArray(cells[0]) ? (cells as Cell[][]) : [cells as Cell[]]) : [[cells]];
  const rows = grid.length;
  const width = rows === 0 ? 0 : grid[0].length;
  const columns = Array.from({ length: width }, () => new Float64Array(rows));
  const blankRow = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    const line = grid[i];
    let blanks = 0;
    for (let k = 0; k < width; k++) {
      const cell = line[k];
      if (isBlank(cell)) {
        blanks++;
        continue;
      }
      if (typeof cell !== "number" || !Number.isFinite(cell) || cell < 0) {
        const place = width > 1 ? ` column ${k + 1}` : "";
        const expected = typeof cell === "number" && cell < 0 ? "expected a count >= 0" : "expected a number";
        const error = valueError({ fn, arg, row: i + 1 }, `${place ? place.trim() + " " : ""}is ${describeCell(cell)}, ${expected}`);
        if (!problems) throw error;
        problems.add(i, error);
        continue;
      }
      columns[k][i] = cell;
    }
    if (blanks === width) blankRow[i] = 1;
  }
  return { columns, blankRow, rows };
}

/** Reads a list of numbers (weights, base rates) from a row or a column; blanks are not allowed. */
export function readNumberList(cells: Cell, fn: string, arg: string): number[] {
  const vector = toVector(cells, { fn, arg });
  return vector.map((cell, i) => {
    const where = { fn, arg, row: i + 1 };
    if (isBlank(cell)) throw valueError(where, "is blank, expected a number");
    return readNumber(cell, where);
  });
}

/** Reads an optional list of labels (text or numbers shown as text). */
export function readLabels(cells: Cell | null, count: number, fn: string, arg: string): string[] | null {
  if (cells === null) return null;
  const vector = toVector(cells, { fn, arg });
  if (vector.length !== count) throw valueError({ fn, arg }, `has ${vector.length} labels but there are ${count} categories`);
  return vector.map((cell) => (isBlank(cell) ? "" : String(cell)));
}

/** Same-size check for two columns read separately. */
export function sameLength(a: ArrayLike<unknown>, b: ArrayLike<unknown>, fn: string, argB: string, argA: string): void {
  if (a.length !== b.length) throw valueError({ fn, arg: argB }, `has ${b.length} rows but ${argA} has ${a.length}; they must be the same size`);
}

function unwrapSingle(value: unknown, fn: string, arg: string): Cell {
  if (!Array.isArray(value)) return value;
  const vector = toVector(value, { fn, arg });
  if (vector.length !== 1) throw valueError({ fn, arg }, `must be a single cell (got ${vector.length} cells)`);
  return vector[0];
}
