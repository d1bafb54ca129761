import type { SheetSpec } from "../../workbook/WorkbookPort";
import type { AllocationCells } from "./AllocationCells";
import { EQUITY_SHEET } from "./sheetNames";

/**
 * The "WSF Equity" sheet: every equity statistic of the per-pupil amounts, pupil-weighted, as one
 * WSF.EQUITYTABLE spill (metric, value) under a header, with the poverty share for the vertical-equity
 * statistics when the table has a poverty column. The ranges are the allocation sheet's, so the dashboard
 * follows any change to the parameters.
 *
 * @throws nothing.
 * @example equitySheet(cells).blocks[1].values[1][0] // "=WSF.EQUITYTABLE('WSF Allocation'!$K$2:$K$4,'Schools'!$C$2:$C$4,'WSF Allocation'!$J$2:$J$4)"
 */
export function equitySheet(allocation: AllocationCells): SheetSpec {
  const args = [allocation.ranges.perPupil, allocation.pupilsRange, ...(allocation.povertyHeader !== null ? [allocation.ranges.poverty] : [])];
  return {
    name: EQUITY_SHEET,
    blocks: [
      {
        row: 0,
        column: 0,
        headerRow: true,
        values: [
          ["Equity of the per-pupil amounts (pupil-weighted)", null],
          [allocation.povertyHeader !== null ? `Values: per pupil; pupils: enrollment; poverty: ${allocation.povertyHeader} share` : "Values: per pupil; pupils: enrollment", null],
        ],
      },
      { row: 3, column: 0, headerRow: true, values: [["Statistic", "Value"], [`=WSF.EQUITYTABLE(${args.join(",")})`, null]], numberFormats: [null, "0.0000"] },
    ],
    columnWidths: [34, 14],
  };
}
