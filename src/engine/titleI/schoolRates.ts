import { Cell } from "../core/cells";
import { divZeroError, valueError, WsfError } from "../core/WsfError";
import { readCountCell } from "./readCountCell";
import { RowOutcome } from "./RowOutcome";

/** One school attendance area: its low-income children (public and private), enrollment and poverty rate. */
export interface AreaCounts {
  lowIncome: number;
  enrollment: number;
  /** lowIncome / enrollment, unrounded. */
  rate: number;
}

/**
 * Poverty rate of each school attendance area (domain.md section 6): low-income children / enrollment,
 * row by row, unrounded. A row whose two cells are blank is `null`; a bad row gets its own error and the
 * other rows are still read.
 *
 * Row errors (in that row only):
 * - `#VALUE!` for text, booleans or negative counts, or more low-income children than pupils enrolled
 *   (`WSF.TITLEIRANK: lowIncome row 3 is 120, more than the 100 enrolled`);
 * - `#DIV/0!` for an area with 0 enrollment (it has no rate).
 * One count blank beside the other counts as 0, as some Excel builds pass a blank cell (excel-behaviour.md 5).
 *
 * Cost O(n).
 *
 * @throws WsfError VALUE when the two columns have different lengths (a problem of shape, not of a row).
 * @example schoolRates([210], [276], "WSF.TITLEIRANK")[0] // { lowIncome: 210, enrollment: 276, rate: 0.76087 }
 */
export function schoolRates(lowIncome: readonly Cell[], enrollment: readonly Cell[], fn: string): RowOutcome<AreaCounts>[] {
  if (lowIncome.length !== enrollment.length) {
    throw valueError({ fn, arg: "enrollment" }, `has ${enrollment.length} rows but lowIncome has ${lowIncome.length}; they must be the same size`);
  }
  const out: RowOutcome<AreaCounts>[] = new Array(lowIncome.length);
  for (let i = 0; i < lowIncome.length; i++) {
    try {
      out[i] = readArea(lowIncome[i], enrollment[i], fn, i + 1);
    } catch (error) {
      if (!(error instanceof WsfError)) throw error;
      out[i] = error;
    }
  }
  return out;
}

function readArea(lowIncomeCell: Cell, enrollmentCell: Cell, fn: string, row: number): AreaCounts | WsfError | null {
  const li = readCountCell(lowIncomeCell, { fn, arg: "lowIncome", row });
  const enr = readCountCell(enrollmentCell, { fn, arg: "enrollment", row });
  if (li === null && enr === null) return null;
  // A blank beside a number is 0: some Excel builds pass a blank cell as 0, and the result must not depend
  // on the build (excel-behaviour.md item 5).
  return area(li ?? 0, enr ?? 0, fn, row);
}

function area(li: number, enr: number, fn: string, row: number): AreaCounts | WsfError {
  if (li > enr) return valueError({ fn, arg: "lowIncome", row }, `is ${li}, more than the ${enr} enrolled`);
  if (enr === 0) return divZeroError(fn, `enrollment row ${row} is 0; an area with no pupils has no poverty rate`);
  return { lowIncome: li, enrollment: enr, rate: li / enr };
}
