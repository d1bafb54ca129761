import { valueError } from "../core/WsfError";

// Globals read once per module: under jest's vm context every global lookup (Math.max, Number.isNaN,
// Infinity) inside a loop over a million schools costs about a hundred times more; elsewhere it is free.
const isFiniteNumber = Number.isFinite;
const isNotANumber = Number.isNaN;

/**
 * Argument checks shared by the allocation formulas. The functions layer has already turned cells into
 * numbers, so what is left to check here is what only the maths knows: lengths that must line up, amounts
 * that must be finite, counts that must not be negative, shares that must lie in 0..1. Each check names the
 * function, the argument and the 1-based row (index i of an array is row i + 1 of the Excel range).
 */

/** Checks that every entry is a finite number >= 0 (pupil counts, weighted pupils, weights). */
export function requireNonNegativeEntries(values: ArrayLike<number>, fn: string, arg: string): void {
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!isFiniteNumber(x)) throw valueError({ fn, arg, row: i + 1 }, `is ${x}, expected a number`);
    if (x < 0) throw valueError({ fn, arg, row: i + 1 }, `is ${x}, expected a number >= 0`);
  }
}

/** Checks that every entry is a finite number (fixed amounts may be negative: a charge-back). */
export function requireFiniteEntries(values: ArrayLike<number>, fn: string, arg: string): void {
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!isFiniteNumber(x)) throw valueError({ fn, arg, row: i + 1 }, `is ${x}, expected a number`);
  }
}

/** Checks that a scalar argument is a finite number, optionally >= 0. */
export function requireFiniteScalar(x: number, fn: string, arg: string, nonNegative = false): void {
  if (typeof x !== "number" || !isFiniteNumber(x)) throw valueError({ fn, arg }, `is ${String(x)}, expected a number`);
  if (nonNegative && x < 0) throw valueError({ fn, arg }, `is ${x}, expected a number >= 0`);
}

/** Checks that `other` has the same number of rows as `reference`, in the message format of core/cells. */
export function requireSameRows(referenceLength: number, referenceArg: string, otherLength: number, fn: string, otherArg: string): void {
  if (referenceLength !== otherLength) {
    throw valueError({ fn, arg: otherArg }, `has ${otherLength} rows but ${referenceArg} has ${referenceLength}; they must be the same size`);
  }
}

/**
 * Checks a policy share such as a threshold or a maximum loss: a number in 0..1. A share outside that
 * range is `#VALUE!` with a message naming the argument: these parameters sit on a sheet a person edits, and
 * Excel shows no message on `#NUM!` (excel-behaviour.md item 2), so the person would not learn which one.
 */
export function requireShare(x: number, fn: string, arg: string): void {
  if (typeof x !== "number" || !isFiniteNumber(x) || x < 0 || x > 1) {
    throw valueError({ fn, arg }, `is ${String(x)}, expected a share between 0 and 1 (e.g. 0.05 for 5%)`);
  }
}

/** Reads `fixed` (one number for every school, or one per school) as a per-row lookup, after checking it. */
export function fixedAmounts(fixed: number | ArrayLike<number>, n: number, fn: string, referenceArg: string): (i: number) => number {
  if (typeof fixed === "number") {
    requireFiniteScalar(fixed, fn, "fixed");
    return () => fixed;
  }
  requireSameRows(n, referenceArg, fixed.length, fn, "fixed");
  requireFiniteEntries(fixed, fn, "fixed");
  return (i) => fixed[i];
}

/** Checks the stop-loss and gain-cap parameters of PROTECT and SOLVEBASE: maxLoss in 0..1, maxGain >= 0 (#VALUE! otherwise). */
export function requireProtectionLimits(maxLoss: number | null, maxGain: number | null, fn: string): void {
  if (maxLoss !== null) requireShare(maxLoss, fn, "maxLoss");
  if (maxGain !== null && (typeof maxGain !== "number" || !isFiniteNumber(maxGain) || maxGain < 0)) {
    throw valueError({ fn, arg: "maxGain" }, `is ${String(maxGain)}, expected a share >= 0 (e.g. 0.10 for 10%)`);
  }
}

/** Checks prior-year amounts: NaN (a blank cell: a new school, unprotected), 0 (the same), or a finite number > 0. */
export function requirePriorAmounts(prior: ArrayLike<number>, fn: string): void {
  for (let i = 0; i < prior.length; i++) {
    const p = prior[i];
    if (isNotANumber(p)) continue;
    if (!isFiniteNumber(p)) throw valueError({ fn, arg: "prior", row: i + 1 }, `is ${p}, expected a number or a blank`);
    if (p < 0) throw valueError({ fn, arg: "prior", row: i + 1 }, `is ${p}, expected a number >= 0`);
  }
}
