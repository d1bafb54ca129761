import { numError } from "../core/WsfError";

/**
 * Returns x when it is > 0, the domain of the logarithm that log-based statistics take; otherwise a `#NUM!`
 * that points at the row: `WSF.MLD: values row 7 is 0, expected a number > 0 (this statistic takes its logarithm)`.
 *
 * Cost O(1).
 *
 * @throws WsfError NUM when x <= 0 (or NaN).
 * @example Math.log(requirePositive(9000, "WSF.SDLOGS", "values", 3))
 */
export function requirePositive(x: number, fn: string, arg: string, row: number): number {
  if (!(x > 0)) throw numError(fn, `${arg} row ${row} is ${x}, expected a number > 0 (this statistic takes its logarithm)`);
  return x;
}
