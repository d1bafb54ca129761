import type { Block, SheetSpec } from "../../workbook/WorkbookPort";
import { GLOSSARY } from "../common/statisticGlossary";
import type { AllocationCells } from "./AllocationCells";
import { EQUITY_SHEET } from "./sheetNames";

/** 0-based sheet row of the first statistic (row 5), under the header on row 4. */
export const FIRST_STATISTIC_ROW = 4;
/** Where the calculation spills sit, right of the readable table: I:J per pupil, L:M per weighted pupil, O by school. */
const PER_PUPIL_COLUMN = 8;
const VERTICAL_COLUMN = 11;
const BY_SCHOOL_COLUMN = 14;
/** Statistics without poverty (the first 15 of equityTable's list). */
const WITHOUT_POVERTY = 15;

function letters(column: number): string {
  let s = "";
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/**
 * The "WSF Equity" sheet: every equity statistic of the allocation, pupil-weighted, as a readable table
 * (A4:F24): statistic; value per pupil (horizontal equity); value per weighted pupil (vertical equity, which
 * a weighted formula makes flat); what it means; the benchmark often quoted, as context and never as a
 * verdict; its source. Each value has its own number format (dollars, per cent, 4 decimals).
 *
 * The values are formulas into two WSF.EQUITYTABLE spills right of the table, so the sheet follows any
 * change to the parameters: per pupil at I5 (allocation per pupil, enrollment, poverty share), and per
 * weighted pupil at L5 over column O, WSF.PERPUPIL(protected amount, weighted pupils), weighted by
 * weighted pupils. The explanations are written in equityTable's order (GLOSSARY); column A shows the
 * spill's own metric name, so a mismatch would show.
 *
 * @throws nothing.
 * @example equitySheet(cells).blocks[2].values[1][0] // "=WSF.EQUITYTABLE('WSF Allocation'!$K$2:$K$4,'Schools'!$C$2:$C$4,'WSF Allocation'!$J$2:$J$4)"
 */
export function equitySheet(allocation: AllocationCells): SheetSpec {
  const n = allocation.lastDataRow - allocation.firstDataRow + 1;
  const poverty = allocation.povertyHeader !== null;
  const povertyArg = poverty ? [allocation.ranges.poverty] : [];
  const first = FIRST_STATISTIC_ROW + 1; // A1 row of the first statistic
  const bySchool = `'${EQUITY_SHEET}'!$${letters(BY_SCHOOL_COLUMN)}$${first}:$${letters(BY_SCHOOL_COLUMN)}$${first + n - 1}`;
  const perPupilArgs = [allocation.ranges.perPupil, allocation.pupilsRange, ...povertyArg];
  const verticalArgs = [bySchool, allocation.ranges.weightedPupils, ...povertyArg];
  const entries = GLOSSARY.slice(0, poverty ? GLOSSARY.length : WITHOUT_POVERTY);

  const blocks: Block[] = [
    {
      row: 0,
      column: 0,
      headerRow: true,
      values: [
        ["Equity of the allocation (pupil-weighted)"],
        [poverty ? `Values: the allocation per pupil and per weighted pupil; pupils: enrollment; poverty: ${allocation.povertyHeader} share.` : "Values: the allocation per pupil and per weighted pupil; pupils: enrollment."],
        ["Per pupil = horizontal equity (are pupils treated alike?). Per weighted pupil = vertical equity (does money follow the formula's weights?). A weighted formula is unequal per pupil on purpose and flat per weighted pupil."],
      ],
    },
    { row: FIRST_STATISTIC_ROW - 1, column: 0, headerRow: true, values: [["Statistic", "Per pupil", "Per weighted pupil", "What it means", "Benchmark (context, not a verdict)", "Source"]] },
    {
      row: FIRST_STATISTIC_ROW - 1,
      column: PER_PUPIL_COLUMN,
      headerRow: true,
      values: [["Calculation: per pupil", null], [`=WSF.EQUITYTABLE(${perPupilArgs.join(",")})`, null]],
    },
    {
      row: FIRST_STATISTIC_ROW - 1,
      column: VERTICAL_COLUMN,
      headerRow: true,
      values: [["Calculation: per weighted pupil", null], [`=WSF.EQUITYTABLE(${verticalArgs.join(",")})`, null]],
    },
    {
      row: FIRST_STATISTIC_ROW - 1,
      column: BY_SCHOOL_COLUMN,
      headerRow: true,
      values: [["Per weighted pupil by school"], [`=WSF.PERPUPIL(${allocation.ranges.protectedAmount},${allocation.ranges.weightedPupils})`]],
      numberFormats: ["$#,##0"],
    },
  ];
  entries.forEach((entry, k) => {
    const r = first + k;
    blocks.push({
      row: FIRST_STATISTIC_ROW + k,
      column: 0,
      values: [[`=${letters(PER_PUPIL_COLUMN)}${r}`, `=${letters(PER_PUPIL_COLUMN + 1)}${r}`, `=${letters(VERTICAL_COLUMN + 1)}${r}`, entry.meaning, entry.benchmark ?? "", entry.source ?? ""]],
      numberFormats: [null, entry.format, entry.format, null, null, null],
    });
  });
  return {
    name: EQUITY_SHEET,
    blocks,
    columnWidths: [34, 14, 18, 60, 60, 40, 2, 2, 30, 12, 2, 30, 12, 2, 14],
  };
}
