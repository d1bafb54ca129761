import type { CellValue, SheetSpec, TableInfo } from "../../workbook/WorkbookPort";
import { cellRef, columnLetters, rangeRef } from "./a1";
import { tableGeometry } from "./tableGeometry";
import type { TitleICells } from "./titleISheet";

/** The sheet the Title I step owns for the comparability test. */
export const COMPARABILITY_SHEET = "WSF Comparability";

/** Columns of the schools table the test reads (header indexes), and its parameters. */
export interface ComparabilityChoices {
  enrollment: number;
  gradeSpan: number | null;
  /** Instructional staff FTE (the ratio test); null: that test is left out. */
  staff: number | null;
  /** State/local salary dollars (the spending test); null: that test is left out. */
  salaries: number | null;
  id: number | null;
  name: number | null;
  /** Allowed distance from the average as a share (0.10: the 110% and 90% tests). */
  tolerance: number;
  /** Schools with this many pupils or fewer are exempt (California: 100); null: none. */
  smallSchool: number | null;
}

const HEADER_ROW = 6;

/**
 * The "WSF Comparability" sheet (ESEA section 1118(c); domain.md section 6): for each school of the table,
 * its grade span, whether it is a Title I school (the Served column of the Title I sheet, so skipping or
 * serving a school there carries over), and for each mapped measure the school's figure and one
 * WSF.COMPARABILITY spill (span average, verdict):
 * - ratio test (staff mapped): pupils, staff FTE, pupils per staff member, average, verdict;
 * - spending test (salaries mapped): salaries, pupils, salaries per pupil, average, verdict.
 * Parameters at the top (tolerance, small-school exemption) are cells a person may change. The averages are
 * pooled over the span's non-Title I schools (all schools when every school of the span is Title I).
 *
 * @throws Error when neither staff nor salaries is mapped, or the table address cannot be read.
 * @example comparabilitySheet(table, choices, titleI).sheet.name // "WSF Comparability"
 */
export function comparabilitySheet(table: TableInfo, choices: ComparabilityChoices, titleI: TitleICells): { sheet: SheetSpec } {
  if (choices.staff === null && choices.salaries === null) throw new Error("Comparability needs an instructional staff column or a state/local salaries column.");
  const t = tableGeometry(table);
  const sheet = COMPARABILITY_SHEET;
  const n = t.rowCount;
  const first = HEADER_ROW + 1;
  const last = first + n - 1;
  const blankable = (ref: string) => `=IF(ISBLANK(${ref}),"",${ref})`;
  const local = (column: number, row: number) => `${columnLetters(column)}${row + 1}`;
  const own = (column: number) => rangeRef(sheet, first, column, last, column);
  const ownPair = (column: number) => rangeRef(sheet, first, column, last, column + 1);
  const tolerance = cellRef(sheet, 2, 1);
  const small = cellRef(sheet, 3, 1);

  // Fixed columns: A ID, B School, C Grade span, D Title I; then one block per test, each with its pupils.
  const headers: string[] = ["School ID", "School", "Grade span", "Title I"];
  const formats: (string | null)[] = [null, null, null, "0"];
  const ratioAt = choices.staff !== null ? headers.length : -1;
  if (choices.staff !== null) {
    headers.push("Pupils", "Instructional staff FTE", "Pupils per staff member", "Span average (non-Title I)", "Ratio test");
    formats.push("#,##0", "#,##0.0", "0.00", "0.00", null);
  }
  const spendingAt = choices.salaries !== null ? headers.length : -1;
  if (choices.salaries !== null) {
    headers.push("State/local salaries", "Pupils", "Salaries per pupil", "Span average (non-Title I)", "Spending test");
    formats.push("$#,##0", "#,##0", "$#,##0.00", "$#,##0.00", null);
  }

  const rows: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    const dataRow = i + 1;
    const r = first + i;
    const line: CellValue[] = new Array(headers.length).fill(null);
    const pupils = t.cell(choices.enrollment, dataRow);
    line[0] = choices.id !== null ? blankable(t.cell(choices.id, dataRow)) : `row ${dataRow}`;
    line[1] = choices.name !== null ? blankable(t.cell(choices.name, dataRow)) : null;
    line[2] = choices.gradeSpan !== null ? blankable(t.cell(choices.gradeSpan, dataRow)) : null;
    line[3] = `=${titleI.servedCell(dataRow)}`;
    if (ratioAt >= 0) {
      line[ratioAt] = blankable(pupils);
      line[ratioAt + 1] = blankable(t.cell(choices.staff as number, dataRow));
      line[ratioAt + 2] = `=IF(N(${local(ratioAt + 1, r)})>0,${local(ratioAt, r)}/${local(ratioAt + 1, r)},"")`;
    }
    if (spendingAt >= 0) {
      line[spendingAt] = blankable(t.cell(choices.salaries as number, dataRow));
      line[spendingAt + 1] = blankable(pupils);
      line[spendingAt + 2] = `=IF(N(${local(spendingAt + 1, r)})>0,${local(spendingAt, r)}/${local(spendingAt + 1, r)},"")`;
    }
    rows.push(line);
  }
  const spanArg = choices.gradeSpan !== null ? t.columnRange(choices.gradeSpan) : "";
  if (ratioAt >= 0) rows[0][ratioAt + 3] = `=WSF.COMPARABILITY(${ownPair(ratioAt)},${own(3)},${spanArg},${tolerance},"ratio",${small})`;
  if (spendingAt >= 0) rows[0][spendingAt + 3] = `=WSF.COMPARABILITY(${ownPair(spendingAt)},${own(3)},${spanArg},${tolerance},"spending",${small})`;

  const params: CellValue[][] = [
    ["Comparability of services from state and local money (ESEA section 1118(c)), by grade span", null, null],
    [null, null, null],
    ["Tolerance", choices.tolerance, "0.10: pupils per staff at most 110% of the average; salaries per pupil at least 90% of it"],
    ["Exempt schools of at most (pupils)", choices.smallSchool ?? 0, "California exempts schools of 100 pupils or fewer; 0: none exempt"],
    ["Title I schools", `=SUM(${own(3)})`, "The schools served on the WSF Title I sheet"],
  ];
  return {
    sheet: {
      name: sheet,
      blocks: [
        { row: 0, column: 0, values: params.slice(0, 4), numberFormats: [null, "0.00", null] },
        { row: 4, column: 0, values: params.slice(4), numberFormats: [null, "0", null] },
        { row: HEADER_ROW, column: 0, values: [headers], headerRow: true },
        { row: first, column: 0, values: rows, numberFormats: formats },
      ],
      columnWidths: headers.map((h, c) => (c === 0 ? 30 : c === 1 ? 28 : Math.max(9, Math.min(16, h.length)))),
    },
  };
}
