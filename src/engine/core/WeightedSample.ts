import { Cell, isBlank, readNonNegative, readNumber, requireSameLength, VectorView, vectorView } from "./cells";
import { RowProblems } from "./RowProblems";
import { valueError, WsfError } from "./WsfError";

/**
 * The input of every equity statistic: one value and one pupil weight per unit (school), blank rows
 * already removed. `rows` keeps each unit's 1-based row in the original range so messages and spilled
 * results can point back at it. Unweighted data has every weight 1.
 */
export interface WeightedSample {
  readonly values: Float64Array;
  readonly weights: Float64Array;
  /** 1-based row of each unit in the caller's range. */
  readonly rows: Uint32Array;
  /** Number of rows of the original range, blanks included (for spills aligned with the input). */
  readonly inputLength: number;
  /** True when no pupil weights were given. */
  readonly unweighted: boolean;
}

export interface ReadSampleOptions {
  /** Allow negative values (changes, residuals); statistics of levels reject them. Default false. */
  allowNegative?: boolean;
  /** Extra columns read under the same blank-row rule, e.g. `factor` or `poverty`. */
  extra?: { arg: string; cells: Cell; min?: number; max?: number }[];
  /**
   * For row-wise results (EXPENDITURELEVEL): a bad row is recorded here and left out of the sample, like a
   * blank row, instead of failing the whole read. Without it the first bad row throws (aggregates).
   */
  problems?: RowProblems;
}

/** A sample plus the extra columns read alongside it (row-aligned with the sample). */
export interface SampleWithExtras extends WeightedSample {
  readonly extras: Float64Array[];
}

/**
 * Reads `values` (and optional `pupils`, and any extra columns) from worksheet ranges into a
 * `WeightedSample`, applying the catalogue's input rules in one pass:
 * a blank value row is skipped; otherwise the value must be a number (>= 0 unless `allowNegative`),
 * the pupil cell beside it a number >= 0, and each extra cell a number within its bounds.
 *
 * Cost O(n).
 *
 * @throws WsfError VALUE naming `fn`, the argument and the 1-based row of the first bad cell.
 * @example readSample("WSF.MEAN", [[10], [null], [20]], [[1], [5], [3]]).values // Float64Array [10, 20]
 */
export function readSample(fn: string, values: Cell, pupils: Cell | null | undefined, options: ReadSampleOptions = {}): SampleWithExtras {
  // Each range is read in place (no flattened copy: at a million rows a copy is one more 8 MB array of pointers
  // for the garbage collector to trace), with the shape checks and messages of `toVector`, in the same order.
  const valueCells = vectorView(values, { fn, arg: "values" });
  const n = valueCells.length;
  const unweighted = pupils === null || pupils === undefined;
  const pupilCells = unweighted ? null : vectorView(pupils, { fn, arg: "pupils" });
  if (pupilCells) requireSameLength(valueCells, pupilCells, { fn, arg: "pupils" }, "values");
  const extras = (options.extra ?? []).map((e) => {
    const cells = vectorView(e.cells, { fn, arg: e.arg });
    requireSameLength(valueCells, cells, { fn, arg: e.arg }, "values");
    return { ...e, cells };
  });

  const vals = new Float64Array(n);
  const wts = new Float64Array(n);
  const rows = new Uint32Array(n);
  const extraOut = extras.map(() => new Float64Array(n));
  const allowNegative = options.allowNegative === true;
  const problems = options.problems;
  // The common case first, in a loop of its own (V8 compiles it whole, see stats/sortByKey.ts): rows whose every
  // cell is a finite number within bounds. The first row that is anything else (blank, text, out of bounds) ends
  // it, and the general loop below reads from that row on, with the same checks and messages as before.
  const counts = new Uint32Array(2);
  plainRows(valueCells, pupilCells, extras, allowNegative, vals, wts, rows, extraOut, counts);
  let m = counts[1];
  for (let i = counts[0]; i < n; i++) {
    const cell = valueCells.at(i);
    if (isBlank(cell)) continue;
    const row = i + 1;
    try {
      // The common case (a finite number) is tested inline; the `where` of a message is built only for a bad cell.
      const x = typeof cell === "number" && Number.isFinite(cell) ? cell : readNumber(cell, { fn, arg: "values", row });
      if (!allowNegative && x < 0) throw valueError({ fn, arg: "values", row }, `is ${x}, expected a number >= 0`);
      let w = 1;
      if (pupilCells) {
        const p = pupilCells.at(i);
        if (typeof p === "number" && Number.isFinite(p) && p >= 0) w = p;
        else {
          if (isBlank(p)) throw valueError({ fn, arg: "pupils", row }, "is blank but values has a number; enter the pupils or clear the value");
          w = readNonNegative(p, { fn, arg: "pupils", row });
        }
      }
      for (let k = 0; k < extras.length; k++) {
        const e = extras[k];
        const c = e.cells.at(i);
        let f: number;
        if (typeof c === "number" && Number.isFinite(c)) f = c;
        else {
          const where = { fn, arg: e.arg, row };
          if (isBlank(c)) throw valueError(where, "is blank but values has a number");
          f = readNumber(c, where);
        }
        if (e.min !== undefined && f < e.min) throw valueError({ fn, arg: e.arg, row }, `is ${f}, expected a number >= ${e.min}`);
        if (e.max !== undefined && f > e.max) throw valueError({ fn, arg: e.arg, row }, `is ${f}, expected a number <= ${e.max}`);
        extraOut[k][m] = f;
      }
      vals[m] = x;
      wts[m] = w;
    } catch (error) {
      if (problems && error instanceof WsfError) {
        problems.add(i, error);
        continue;
      }
      throw error;
    }
    rows[m] = row;
    m++;
  }
  return {
    values: vals.subarray(0, m),
    weights: wts.subarray(0, m),
    rows: rows.subarray(0, m),
    inputLength: n,
    unweighted,
    extras: extraOut.map((a) => a.subarray(0, m)),
  };
}

/**
 * Reads rows from the first while each is plain: a finite value (>= 0 unless negatives are allowed), finite pupils
 * >= 0, each extra finite and within its bounds. Writes them as `readSample` does; counts[0] = the first row
 * (0-based) it did not read, counts[1] = the rows written.
 */
function plainRows(
  valueCells: VectorView,
  pupilCells: VectorView | null,
  extras: { cells: VectorView; min?: number; max?: number }[],
  allowNegative: boolean,
  vals: Float64Array,
  wts: Float64Array,
  rows: Uint32Array,
  extraOut: Float64Array[],
  counts: Uint32Array,
): void {
  const n = valueCells.length;
  let i = 0;
  for (; i < n; i++) {
    const x = valueCells.at(i);
    if (typeof x !== "number" || !Number.isFinite(x) || (!allowNegative && x < 0)) break;
    let w = 1;
    if (pupilCells) {
      const p = pupilCells.at(i);
      if (typeof p !== "number" || !Number.isFinite(p) || !(p >= 0)) break;
      w = p;
    }
    let plain = true;
    for (let k = 0; k < extras.length; k++) {
      const e = extras[k];
      const f = e.cells.at(i);
      if (typeof f !== "number" || !Number.isFinite(f) || (e.min !== undefined && f < e.min) || (e.max !== undefined && f > e.max)) {
        plain = false;
        break;
      }
      extraOut[k][i] = f;
    }
    if (!plain) break;
    vals[i] = x;
    wts[i] = w;
    rows[i] = i + 1;
  }
  // No row was skipped, so as many rows were written as were read.
  counts[0] = i;
  counts[1] = i;
}

/** Builds a sample directly from numbers (engine callers and tests); weights default to 1. */
export function sampleOf(values: ArrayLike<number>, weights?: ArrayLike<number>): WeightedSample {
  const n = values.length;
  const rows = new Uint32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i + 1;
  return {
    values: Float64Array.from(values),
    weights: weights ? Float64Array.from(weights) : new Float64Array(n).fill(1),
    rows,
    inputLength: n,
    unweighted: weights === undefined,
  };
}
