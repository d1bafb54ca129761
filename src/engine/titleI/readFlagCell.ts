import { Cell, isBlank } from "../core/cells";
import { describeCell, valueError, Where } from "../core/WsfError";

/**
 * Reads a yes/no cell (a school served, a Title I school): 1 or TRUE is yes, 0 or FALSE is no, and a blank
 * cell is `null` (callers treat it as no: some Excel builds pass a blank cell as 0, so the two must mean
 * the same; design.md "Blank and 0 mean the same").
 *
 * Cost O(1).
 *
 * @throws WsfError VALUE for anything else (text such as "yes", 2, 0.5), naming function, argument and row:
 *   `WSF.TITLEIALLOCATE: served row 3 is "yes", expected 1, 0, TRUE or FALSE`.
 * @example readFlagCell(true, { fn: "WSF.TITLEIALLOCATE", arg: "served", row: 1 }) // true
 */
export function readFlagCell(cell: Cell, where: Where): boolean | null {
  if (isBlank(cell)) return null;
  if (typeof cell === "boolean") return cell;
  if (cell === 1 || cell === 0) return cell === 1;
  throw valueError(where, `is ${describeCell(cell)}, expected 1, 0, TRUE or FALSE`);
}
