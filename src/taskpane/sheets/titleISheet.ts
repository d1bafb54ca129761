import type { TitleIAllocationMode, TitleIReservations } from "../../engine/scenario/TitleISettings";
import type { TitleIRankMethod } from "../../engine/titleI/titleIRank";
import type { CellValue, SheetSpec, TableInfo } from "../../workbook/WorkbookPort";
import { cellRef, columnLetters, rangeRef } from "./a1";
import { tableGeometry } from "./tableGeometry";

/** The sheet the Title I step owns and rewrites. */
export const TITLE_I_SHEET = "WSF Title I";

export type { TitleIReservations } from "../../engine/scenario/TitleISettings";

/** Labels of the reservations, in the order they are listed on the sheet and in the pane. */
export const RESERVATION_LABELS: Record<keyof TitleIReservations, string> = {
  equitable: "Equitable services (private schools)",
  parent: "Parent and family engagement",
  homeless: "Homeless children",
  neglected: "Neglected children",
  administration: "Administration",
};

/** What the person chose in the Title I step: columns (header indexes of the schools table) and amounts. */
export interface TitleIChoices {
  method: TitleIRankMethod;
  lowIncome: number;
  enrollment: number;
  /** Header index of the grade span column (needed for "span"); null for none. */
  gradeSpan: number | null;
  /** Header index of the private-school low-income children column; null for none. */
  privateSchool: number | null;
  id: number | null;
  name: number | null;
  districtAllocation: number;
  reservations: TitleIReservations;
  /** Schools skipped by hand: 1-based data row -> reason. */
  skipped: Record<number, string>;
  /** How served schools are paid; omitted: the pool spread evenly per child. */
  allocation?: TitleIAllocationMode;
}

/** Where the comparability sheet finds who is served. */
export interface TitleICells {
  sheet: string;
  /** 'WSF Title I'!$I$20:$I$869: 1 served, 0 not, "" for a blank table row. */
  servedRange: string;
  /** One school's served cell, relative row, for a 1-based data row. */
  servedCell(dataRow: number): string;
  poolCell: string;
}

const HEADERS = ["School ID", "School", "Grade span", "Low income", "Enrollment", "Poverty rate", "Rank", "Status", "Served", "Skipped: reason", "Per child", "Allocation", "Private-school children", "Private-school share"];
const C = { id: 0, name: 1, span: 2, lowIncome: 3, enrollment: 4, rate: 5, rank: 6, status: 7, served: 8, reason: 9, perChild: 10, allocation: 11, privateChildren: 12, privateShare: 13 };
const FORMATS = [null, null, null, "#,##0", "#,##0", "0.00%", "0", null, "0", null, "$#,##0.00", "$#,##0", "#,##0", "$#,##0"];
/** 0-based sheet rows of the parameter block (column B holds the values). */
const P = { method: 2, allocation: 3, reservationsTitle: 4, firstReservation: 5, pool: 10, children: 11, minimum: 12, checkPool: 13, checkMustServe: 14, privateTotal: 15, perChild: 16 };
const HEADER_ROW = 17;

/**
 * The "WSF Title I" sheet: the ranking, who is served, the allocation per low-income child and the checks,
 * every number a formula over the schools table and the parameter cells at the top, so editing a count in
 * the table (or an amount here) recalculates everything (design.md "Federal Title I, Part A"; domain.md
 * section 6).
 *
 * Parameters (column B): ranking method ("district", "35" or "span"), the district's Title I allocation, the
 * five reservations, the pool for schools (= allocation - reservations), the district's low-income children
 * (the sum of the table's column), the 125% minimum per child (WSF.TITLEIMINIMUM, only when a served school
 * is below 35%, else blank), the checks (allocations add up to the pool, or with an amount per child fit in
 * it; every school above 75% served; the private-school share in total) and how served schools are paid
 * (row 17: "the pool spread evenly", or the district's dollars per low-income child, a cell a person may
 * change).
 * Schools (one row per table row, from row 19): ID, name, grade span, low income, enrollment (references;
 * blank stays blank); rate, rank, status = one WSF.TITLEIRANK spill over the table's columns; Served = 1
 * when the status is not "Not eligible" and no skip reason is written in the next column (the pane writes
 * the reasons given by hand); Per child; Allocation = one WSF.TITLEIALLOCATE spill spreading the pool over
 * the served schools' low-income children, checked against the minimum and the rank order; the
 * private-school children and their share of the school's allocation (for equitable services).
 *
 * @throws Error when the table address cannot be read (see tableGeometry).
 * @example titleISheet(table, choices).sheet.blocks[2].values[0][5] // "=WSF.TITLEIRANK('Schools'!$J$2:$J$851,'Schools'!$E$2:$E$851,'WSF Title I'!$B$3)"
 */
export function titleISheet(table: TableInfo, choices: TitleIChoices): { sheet: SheetSpec; cells: TitleICells } {
  const t = tableGeometry(table);
  const sheet = TITLE_I_SHEET;
  const n = t.rowCount;
  const first = HEADER_ROW + 1;
  const last = first + n - 1;
  const own = (column: number) => rangeRef(sheet, first, column, last, column);
  const local = (column: number, row: number) => `${columnLetters(column)}${row + 1}`;
  const param = (row: number) => cellRef(sheet, row, 1);
  const blankable = (ref: string) => `=IF(ISBLANK(${ref}),"",${ref})`;

  const lowIncomeRange = t.columnRange(choices.lowIncome);
  const spanArg = choices.method === "span" && choices.gradeSpan !== null ? t.columnRange(choices.gradeSpan) : null;
  const rankArgs = [lowIncomeRange, t.columnRange(choices.enrollment), param(P.method), ...(spanArg ? [spanArg] : [])];

  const rows: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    const dataRow = i + 1;
    const r = first + i;
    const line: CellValue[] = new Array(HEADERS.length).fill(null);
    const li = t.cell(choices.lowIncome, dataRow);
    line[C.id] = choices.id !== null ? blankable(t.cell(choices.id, dataRow)) : `row ${dataRow}`;
    line[C.name] = choices.name !== null ? blankable(t.cell(choices.name, dataRow)) : null;
    line[C.span] = choices.gradeSpan !== null ? blankable(t.cell(choices.gradeSpan, dataRow)) : null;
    line[C.lowIncome] = blankable(li);
    line[C.enrollment] = blankable(t.cell(choices.enrollment, dataRow));
    line[C.served] = `=IF(ISBLANK(${li}),"",IF(N(${li})=0,0,IF(AND(${local(C.status, r)}<>"Not eligible",${local(C.reason, r)}=""),1,0)))`;
    line[C.reason] = choices.skipped[dataRow] ?? null;
    line[C.perChild] = `=IF(${local(C.served, r)}=1,IF(N(${local(C.lowIncome, r)})>0,${local(C.allocation, r)}/${local(C.lowIncome, r)},""),"")`;
    if (choices.privateSchool !== null) {
      const p = t.cell(choices.privateSchool, dataRow);
      line[C.privateChildren] = blankable(p);
      line[C.privateShare] = `=IF(OR(ISBLANK(${p}),N(${local(C.lowIncome, r)})=0),"",${local(C.allocation, r)}*${p}/${local(C.lowIncome, r)})`;
    }
    rows.push(line);
  }
  rows[0][C.rate] = `=WSF.TITLEIRANK(${rankArgs.join(",")})`;
  const perChild = choices.allocation?.mode === "perchild" ? choices.allocation.perChild : null;
  rows[0][C.allocation] =
    perChild === null
      ? `=WSF.TITLEIALLOCATE(${lowIncomeRange},${own(C.served)},${param(P.pool)},"pool",${param(P.minimum)},${own(C.rate)})`
      : `=WSF.TITLEIALLOCATE(${lowIncomeRange},${own(C.served)},${param(P.perChild)},"perchild",${param(P.minimum)},${own(C.rate)})`;

  const sum = (column: number) => `SUM(${local(column, first)}:${local(column, last)})`;
  const totals: CellValue[] = new Array(HEADERS.length).fill(null);
  totals[0] = "Total";
  for (const c of [C.lowIncome, C.enrollment, C.allocation]) totals[c] = `=${sum(c)}`;
  totals[C.served] = `=${sum(C.served)}`;
  if (choices.privateSchool !== null) {
    totals[C.privateChildren] = `=${sum(C.privateChildren)}`;
    totals[C.privateShare] = `=${sum(C.privateShare)}`;
  }

  const res = choices.reservations;
  const reservationKeys = Object.keys(RESERVATION_LABELS) as (keyof TitleIReservations)[];
  const statusRange = `${local(C.status, first)}:${local(C.status, last)}`;
  const servedRange = `${local(C.served, first)}:${local(C.served, last)}`;
  const rateRange = `${local(C.rate, first)}:${local(C.rate, last)}`;
  const skippedMustServe = `COUNTIFS(${statusRange},"Must serve",${servedRange},0)`;
  const params: CellValue[][] = [
    ["Title I, Part A: rank, serve and allocate per low-income child (ESEA section 1113)", null, null],
    [null, null, null],
    ["Ranking method", choices.method, '"district": at or above the district rate; "35": the 35% rule; "span": within grade spans'],
    ["District Title I allocation", choices.districtAllocation, "Before reservations; the 125% rule is per child of this amount"],
    ["Reservations (off the top, before schools)", null, null],
    ...reservationKeys.map((k) => [`  ${RESERVATION_LABELS[k]}`, res[k], null] as CellValue[]),
    ["Pool for schools", `=B${P.allocation + 1}-SUM(B${P.firstReservation + 1}:B${P.firstReservation + reservationKeys.length})`, "Allocation minus the reservations"],
    // Text in a count would make SUM skip it silently: say so instead, and the minimum below becomes #VALUE!.
    ["District low-income children", `=IF(COUNTA(${lowIncomeRange})>COUNT(${lowIncomeRange}),"a count is not a number: see the Poverty rate column",SUM(${lowIncomeRange}))`, "The schools table's low-income children"],
    ["125% rule: minimum per child", `=IF(COUNTIFS(${servedRange},1,${rateRange},"<0.35")>0,WSF.TITLEIMINIMUM(B${P.allocation + 1},B${P.children + 1}),"")`, "Blank when every served school is at or above 35% (the rule does not apply)"],
    perChild === null
      ? ["Check: allocations add up to the pool", `=IF(ABS(${sum(C.allocation)}-B${P.pool + 1})<0.005,"OK","Off by "&ROUND(${sum(C.allocation)}-B${P.pool + 1},2))`, null]
      : [
          "Check: allocations fit in the pool",
          `=IF(ABS(${sum(C.allocation)}-B${P.pool + 1})<0.005,"OK",IF(${sum(C.allocation)}<B${P.pool + 1},"OK: "&ROUND(B${P.pool + 1}-${sum(C.allocation)},2)&" of the pool not allocated","Over the pool by "&ROUND(${sum(C.allocation)}-B${P.pool + 1},2)))`,
          null,
        ],
    ["Check: every school above 75% served", `=IF(${skippedMustServe}=0,"OK",${skippedMustServe}&" skipped: see the reasons in column J")`, null],
    ["Private-school share (for equitable services)", choices.privateSchool !== null ? `=${sum(C.privateShare)}` : "no column mapped", null],
    perChild === null
      ? ["Paid per low-income child", "the pool spread evenly", "The pool for schools over the served schools' low-income children"]
      : ["Dollars per low-income child", perChild, "The district's amount; the allocations must fit in the pool"],
  ];

  return {
    sheet: {
      name: sheet,
      blocks: [
        // One block per kind of figure, so each gets its number format: dollars, the children count, text.
        { row: 0, column: 0, values: params.slice(0, P.children), numberFormats: [null, "$#,##0.00", null] },
        { row: P.children, column: 0, values: [params[P.children]], numberFormats: [null, "#,##0", null] },
        { row: P.minimum, column: 0, values: [params[P.minimum]], numberFormats: [null, "$#,##0.00", null] },
        { row: P.checkPool, column: 0, values: params.slice(P.checkPool, P.perChild), numberFormats: [null, "$#,##0", null] },
        { row: P.perChild, column: 0, values: [params[P.perChild]], numberFormats: [null, "$#,##0.00", null] },
        { row: HEADER_ROW, column: 0, values: [HEADERS.map((h, c) => (c === C.privateChildren && choices.privateSchool === null ? "Private-school children (no column mapped)" : h))], headerRow: true },
        { row: first, column: 0, values: rows, numberFormats: FORMATS },
        { row: last + 2, column: 0, values: [totals], numberFormats: FORMATS, headerRow: true },
      ],
      columnWidths: [34, 28, 14, 11, 11, 11, 7, 13, 8, 24, 11, 14, 12, 14],
      activate: true,
    },
    cells: {
      sheet,
      servedRange: own(C.served),
      servedCell: (dataRow) => `${cellRef(sheet, first + dataRow - 1, C.served).replace(/\$(\d+)$/, "$1")}`,
      poolCell: param(P.pool),
    },
  };
}

/** 0-based sheet row of the first school on the Title I sheet (for tests and the pane). */
export const TITLE_I_FIRST_ROW = HEADER_ROW + 1;

/**
 * A school's allocation cell on the Title I sheet (absolute), for a 1-based data row of the schools table:
 * the statements show it. The sheet keeps one row per table row from `TITLE_I_FIRST_ROW`.
 */
export function titleIAllocationCell(dataRow: number): string {
  return cellRef(TITLE_I_SHEET, TITLE_I_FIRST_ROW + dataRow - 1, C.allocation);
}
