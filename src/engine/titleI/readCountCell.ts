import { Cell, isBlank } from "../core/cells";
import { describeCell, valueError, Where } from "../core/WsfError";

/**
 * Reads one count cell of a Title I input (low-income children, enrollment, staff FTE, dollars): a finite
 * number >= 0, or `null` for a blank cell (the caller decides what a blank means on that row).
 *
 * Cost O(1).
 *
 * @throws WsfError VALUE for text, booleans, non-finite or negative numbers, naming function, argument
 *   and row, e.g. `WSF.TITLEIRANK: lowIncome row 4 is -3, expected a count >= 0`.
 * @example readCountCell(870, { fn: "WSF.TITLEIRANK", arg: "lowIncome", row: 1 }) // 870
 */
export function readCountCell(cell: Cell, where: Where): number | null {
  if (isBlank(cell)) return null;
  if (typeof cell !== "number" || !Number.isFinite(cell)) throw valueError(where, `is ${describeCell(cell)}, expected a number`);
  if (cell < 0) throw valueError(where, `is ${cell}, expected a count >= 0`);
  return cell;
}
