import { NEED_COUNT_ROLES, type ColumnMapping } from "../../engine/table/ColumnMapping";
import type { FormulaSpec } from "../../engine/scenario/FormulaSpec";
import type { CellValue, SheetSpec, TableInfo } from "../../workbook/WorkbookPort";
import { cellRef, columnLetters, rangeRef } from "./a1";
import type { AllocationCells } from "./AllocationCells";
import type { ParameterCells } from "./ParameterCells";
import { ALLOCATION_SHEET } from "./sheetNames";
import { tableGeometry } from "./tableGeometry";

const HEADERS = ["School ID", "School", "Enrollment", "Weighted pupils", "Base per weighted pupil", "Formula amount", "Prior year", "Protected amount", "Change vs prior", "Poverty share", "Per pupil", "Check", "Enrollment OK"];
const COLUMNS = { id: 0, name: 1, enrollment: 2, weightedPupils: 3, base: 4, formulaAmount: 5, prior: 6, protectedAmount: 7, change: 8, poverty: 9, perPupil: 10, check: 11, enrollmentOk: 12 };
/** What the check column's total says when the table holds an error value (#N/A, #DIV/0!, ...). */
const ERROR_VALUE = "An error value in the table";
const FORMATS = [null, null, "#,##0", "#,##0.00", "$#,##0.00", "$#,##0", "$#,##0", "$#,##0", "$#,##0;-$#,##0", "0.0%", "$#,##0", null, "0"];

/** `'S'!$B$12` and `'S'!$B$14` -> `'S'!$B$12:$B$14`. */
function span(first: string, last: string): string {
  return first === last ? first : `${first}:${last.slice(last.indexOf("!") + 1)}`;
}

/** Drops trailing omitted arguments and writes the others, empty where skipped: f(a,,c). */
function call(fn: string, args: (string | null)[]): string {
  let end = args.length;
  while (end > 0 && args[end - 1] === null) end--;
  return `${fn}(${args.slice(0, end).map((a) => a ?? "").join(",")})`;
}

/**
 * The "WSF Allocation" sheet: one row per row of the schools table (blank rows included, so row i here is
 * row i there), every number a WSF formula over the parameters sheet and the schools table, written with
 * sheet-qualified A1 ranges sized to the table (no structured or spill references, no LET/LAMBDA, so the
 * playground's HyperFormula evaluates the same text). Every column is one array formula in the first school
 * row, spilling down: row k is the k-th row of the table in every column, also after a person deletes or
 * inserts a row there. Columns:
 * A School ID, B School, C Enrollment (the table's cells, blank as ""); D Weighted pupils = WSF.WEIGHTEDPUPILS over each
 * run of adjacent weighted columns + WSF.CONCENTRATION per rule (one spilling formula in D2); E the base
 * (WSF.SOLVEBASE on the pool with the fixed amounts and protection, or the parameter); F Formula amount =
 * WSF.ALLOCATE; G Prior year (blank stays blank); H Protected amount = WSF.PROTECT; I Change vs
 * prior; J Poverty share = FRL (or unduplicated) / enrollment; K Per pupil = WSF.PERPUPIL;
 * L Check: whether this school's row of the table needs fixing when this row's weighted pupils are an error or the row
 * holds an error value, a blank enrollment or a need count above it; M Enrollment OK: the part of those checks
 * that does not depend on the parameters (1, 0 for a blank or short enrollment, "" for a blank row, the
 * table's error value), which D and L read, so a parameter edit recalculates less. A total row follows two rows
 * below the last school, and under it a status line that says, in words, why the base and the amounts are
 * errors when they are (a bad row, an error value in the table, or the base's own message in E2).
 *
 * No cell shows a number that differs from the right one: a bad row (text, a negative count) gets its
 * #VALUE! in column D from the row-wise functions, and every quantity that depends on the pool (the base,
 * every amount, the totals, the changes) is an error until it is fixed. "Change vs prior" takes the
 * protected amount only when it is a number: when the spill failed (its error sits in H of the first row,
 * the rows below are empty) the change is that error, never the whole prior shown as a loss.
 * PROTECT and SOLVEBASE read the schools table's prior column directly, because a reference to a blank cell
 * reads as 0 and a new school would be "protected" at 0.
 *
 * @throws Error when the table address cannot be read, or the formula has no weights and no rules.
 * @example allocationSheet(spec, table, mapping, params).sheet.blocks[1].values[0][5] // "=WSF.ALLOCATE('WSF Allocation'!$D$2:$D$4,'WSF Allocation'!$E$2)"
 */
export function allocationSheet(spec: FormulaSpec, table: TableInfo, mapping: ColumnMapping, params: ParameterCells): { sheet: SheetSpec; cells: AllocationCells } {
  const t = tableGeometry(table);
  const sheet = ALLOCATION_SHEET;
  const n = t.rowCount;
  const first = 1;
  const last = n;
  const own = (column: number): string => rangeRef(sheet, first, column, last, column);
  const ownCell = (column: number, row: number): string => `${columnLetters(column)}${row + 1}`;
  const header = (i: number | undefined): string | null => (i === undefined ? null : String(table.headers[i]));

  const pupilsRange = mapping.enrollment !== undefined ? t.columnRange(mapping.enrollment) : own(COLUMNS.enrollment);
  const priorRange = mapping.prior !== undefined ? t.columnRange(mapping.prior) : own(COLUMNS.prior);
  const povertyIndex = mapping.frl ?? mapping.unduplicated;

  // Weighted pupils: one WEIGHTEDPUPILS per run of weights on adjacent table columns, plus concentration.
  const terms: string[] = [];
  const w = params.weights;
  for (let k = 0; k < w.length; ) {
    let m = k;
    while (m + 1 < w.length && w[m + 1].headerIndex === w[m].headerIndex + 1) m++;
    terms.push(`WSF.WEIGHTEDPUPILS(${t.columnsRange(w[k].headerIndex, w[m].headerIndex)},${span(w[k].weightCell, w[m].weightCell)})`);
    k = m + 1;
  }
  for (const c of params.concentration) {
    terms.push(call("WSF.CONCENTRATION", [t.columnRange(c.headerIndex), pupilsRange, c.thresholdCell, c.weightCell, c.modeCell, c.upperCell]));
  }
  // The table columns the formulas read; an error value in one of them stops every amount (Excel hands a
  // function the error itself instead of calling it), so the check column and the status line look for one.
  const read = new Set<number>([...w.map((x) => x.headerIndex), ...params.concentration.map((c) => c.headerIndex)]);
  for (const i of [mapping.enrollment, mapping.prior, povertyIndex, params.fixedColumn ?? undefined, ...mapping.grades]) if (i !== undefined) read.add(i);
  const readColumns = [...read].sort((a, b) => a - b);
  // A blank enrollment counts as 0 pupils in WEIGHTEDPUPILS (a blank count is 0), which would leave the
  // school its need weights only; a need count above the enrollment is a typing slip the engine refuses too
  // (readSchools). Such a row's weighted pupils are #N/A, so no amount is computed from it; a wholly blank
  // row inside the table weighs nothing and stays out of every figure.
  const others = readColumns.filter((c) => c !== mapping.enrollment);
  const needColumns = [...new Set(NEED_COUNT_ROLES.map((role) => mapping[role]).filter((c): c is number => c !== undefined && c !== mapping.enrollment))];
  const enrollmentCheck =
    mapping.enrollment !== undefined && others.length > 0
      ? {
          enrollment: mapping.enrollment,
          rows: (cell: (column: number) => string, combine: (parts: string[]) => string): string =>
            combine([
              `ISBLANK(${cell(mapping.enrollment as number)})*((${others.map((c) => `LEN(${cell(c)})`).join("+")})>0)`,
              ...needColumns.map((c) => `(${cell(c)}>${cell(mapping.enrollment as number)})`),
            ]),
        }
      : null;
  const enrollmentRows = enrollmentCheck ? enrollmentCheck.rows((c) => t.columnRange(c), (parts) => `((${parts.join("+")})>0)`) : null;
  if (terms.length === 0) throw new Error("The formula has no weights and no concentration rules, so no school has weighted pupils.");
  // Column M holds what does not depend on the parameters: "" for a wholly blank row, 0 for a blank or short
  // enrollment, 1 for a row whose counts can be used, the table's error value for a row holding one. The
  // weighted pupils and the check read it instead of a dozen of the table's columns each, so a weight edit
  // recalculates D and L from two columns (at 10,000 schools those column reads were most of an edit).
  const usable = own(COLUMNS.enrollmentOk);
  // (M=0, not M itself, as the condition: a blank row's "" would go through HyperFormula's text-to-number and
  // date parsing on every row.)
  if (enrollmentRows) terms.push(`IF(${usable}=0,NA(),0)`);

  const fixedArg = params.fixedAmountCell ?? (params.fixedColumn !== null ? t.columnRange(params.fixedColumn) : null);
  const protectedByRule = params.maxLossCell !== null || params.maxGainCell !== null;
  const baseCell = cellRef(sheet, first, COLUMNS.base);
  const baseFormula =
    spec.base.mode === "solve"
      ? `=${call("WSF.SOLVEBASE", [own(COLUMNS.weightedPupils), params.poolCell, fixedArg, protectedByRule ? priorRange : null, params.maxLossCell, params.maxGainCell])}`
      : `=${params.baseCell}`;

  const checkTotalCell = `$${columnLetters(COLUMNS.check)}$${last + 3}`;

  // Every column is one array formula in the first school row over the table's column ranges, so the sheet
  // stays one row per table row when a person deletes or inserts a row in the table: the ranges shrink or grow
  // and every column moves with them (per-row references would follow a moved school while the spills move
  // on, putting one school's amount beside another's name). A blank cell reads as "" (a spilled reference
  // would show a blank as 0).
  const echo = (range: string): string => `IF(ISBLANK(${range}),"",${range})`;
  const col = (column: number): string => t.columnRange(column);
  const rows: CellValue[][] = Array.from({ length: n }, () => new Array<CellValue>(HEADERS.length).fill(null));
  const top = rows[0];
  if (mapping.id !== undefined) top[COLUMNS.id] = `=${echo(col(mapping.id))}`;
  else rows.forEach((line, i) => (line[COLUMNS.id] = `row ${i + 1}`));
  if (mapping.name !== undefined) top[COLUMNS.name] = `=${echo(col(mapping.name))}`;
  top[COLUMNS.enrollment] = mapping.enrollment !== undefined ? `=${echo(col(mapping.enrollment))}` : `=${mapping.grades.map((g) => col(g)).join("+")}`;
  if (mapping.prior !== undefined) {
    const p = col(mapping.prior);
    const h = own(COLUMNS.protectedAmount);
    const anchor = `$${columnLetters(COLUMNS.protectedAmount)}$${first + 1}`;
    top[COLUMNS.prior] = `=${echo(p)}`;
    // The change takes the protected amount only where it is a number: an error stays an error, and when the
    // whole spill failed (its error in the first row) every change is that error, never the prior as a loss.
    top[COLUMNS.change] = `=IF(ISBLANK(${p}),"",IF(ISNUMBER(${h}),${h}-${p},IF(ISERROR(${h}),${h},IF(ISERROR(${anchor}),${anchor},""))))`;
  }
  if (povertyIndex !== undefined) {
    const enrollment = mapping.enrollment !== undefined ? col(mapping.enrollment) : own(COLUMNS.enrollment);
    const poor = col(povertyIndex);
    // A negative count or one above the enrollment has no share (the engine refuses the row): #N/A, not -4.3%.
    top[COLUMNS.poverty] = `=IF(ISNUMBER(${enrollment}),IF(${enrollment}>0,IF((${poor}<0)+(${poor}>${enrollment})>0,NA(),${poor}/${enrollment}),""),"")`;
  }
  // Column M is an error exactly where a column the formulas read holds an error value in this row (LEN
  // passes the error on), and 0 where the enrollment is blank or short.
  top[COLUMNS.check] =
    `=IF(ISERROR(${usable}),"This school's row in the schools table holds an error value: fix it",` +
    (enrollmentRows ? `IF(${usable}=0,"This school's enrollment is blank, or below a need count: fix its row in the schools table",` : "") +
    `IF(ISERROR(${own(COLUMNS.weightedPupils)})*(${checkTotalCell}<>"${ERROR_VALUE}"),"Fix this school's row in the schools table: column D says why",""))` +
    (enrollmentRows ? ")" : "");
  // A wholly blank row inside the table is no school: its weighted pupils are empty, so no amount (not even
  // a per-school fixed amount) goes to it and the solved base does not count it. (Every weighted column is
  // read, so readColumns is never empty here.)
  const blankRows = `(${readColumns.map((c) => `LEN(${col(c)})`).join("+")})=0`;
  top[COLUMNS.enrollmentOk] = `=IF(${blankRows},"",${enrollmentRows ? `IF(${enrollmentRows},0,1)` : "1"})`;
  // LEN(M)=0 rather than M="": the same rows ("" and errors alike), without HyperFormula trying to read "" as
  // a date to compare it with each row's number.
  rows[0][COLUMNS.weightedPupils] = `=IF(LEN(${usable})=0,"",${terms.join("+")})`;
  rows[0][COLUMNS.base] = baseFormula;
  rows[0][COLUMNS.formulaAmount] = `=${call("WSF.ALLOCATE", [own(COLUMNS.weightedPupils), baseCell, fixedArg])}`;
  rows[0][COLUMNS.protectedAmount] = `=${call("WSF.PROTECT", [own(COLUMNS.formulaAmount), priorRange, params.maxLossCell, params.maxGainCell])}`;
  rows[0][COLUMNS.perPupil] = `=WSF.PERPUPIL(${own(COLUMNS.protectedAmount)},${pupilsRange})`;

  // A total over rows that no longer match the table (a row deleted or inserted since Apply) would be wrong:
  // it is #N/A until the pane applies again, and the status line says so.
  const rowsNow = `ROWS(${t.columnRange(readColumns[0] ?? 0)})`;
  const status: CellValue[] = [
    `=IF(${rowsNow}<>${n},"The schools table now has "&${rowsNow}&" rows; this sheet was written for ${n}: apply again in the task pane (step 4).",IF(${checkTotalCell}="${ERROR_VALUE}","The schools table holds an error value (such as #N/A or #DIV/0!): every amount waits for it. Column L marks the row.",` +
      `IF(ISERROR(${baseCell}),IF(SUMPRODUCT(LEN(${own(COLUMNS.check)}))>0,"The base and every amount wait for the schools table: fix the rows marked in column L (the message in column D says why).","The base cannot be computed: the message in ${ownCell(COLUMNS.base, first)} says why."),` +
      `"Every school computes.")))`,
  ];
  const sum = (column: number): string => `=IF(${rowsNow}<>${n},NA(),SUM(${ownCell(column, first)}:${ownCell(column, last)}))`;
  const totals: CellValue[] = new Array(HEADERS.length).fill(null);
  totals[0] = "Total";
  for (const c of [COLUMNS.enrollment, COLUMNS.weightedPupils, COLUMNS.formulaAmount, COLUMNS.protectedAmount]) totals[c] = sum(c);
  totals[COLUMNS.check] =
    `=IF(ISERROR(SUM(${readColumns.map((c) => t.columnRange(c)).join(",")})),"${ERROR_VALUE}",` +
    (enrollmentRows ? `IF(SUMPRODUCT(--(${usable}=0))>0,"A blank or short enrollment",""))` : `"")`);
  if (mapping.prior !== undefined) {
    totals[COLUMNS.prior] = sum(COLUMNS.prior);
    totals[COLUMNS.change] = sum(COLUMNS.change);
  }

  const priorTitle = mapping.prior !== undefined ? `Prior year (${header(mapping.prior)})` : "Prior year (no column mapped)";
  const povertyTitle = povertyIndex !== undefined ? `Poverty share (${header(povertyIndex)})` : "Poverty share (no column mapped)";
  const titles = HEADERS.map((h, c) => (c === COLUMNS.prior ? priorTitle : c === COLUMNS.poverty ? povertyTitle : h));

  return {
    sheet: {
      name: sheet,
      blocks: [
        { row: 0, column: 0, values: [titles], headerRow: true },
        { row: first, column: 0, values: rows, numberFormats: FORMATS },
        { row: last + 2, column: 0, values: [totals], numberFormats: FORMATS, headerRow: true },
        { row: last + 3, column: 0, values: [status] },
      ],
      columnWidths: [12, 28, 11, 15, 14, 15, 15, 16, 15, 12, 12, 48, 14],
      activate: true,
    },
    cells: {
      sheet,
      headerRow: 0,
      firstDataRow: first,
      lastDataRow: last,
      columns: { ...COLUMNS },
      baseCell,
      statusCell: cellRef(sheet, last + 3, 0),
      ranges: {
        weightedPupils: own(COLUMNS.weightedPupils),
        formulaAmount: own(COLUMNS.formulaAmount),
        protectedAmount: own(COLUMNS.protectedAmount),
        perPupil: own(COLUMNS.perPupil),
        poverty: own(COLUMNS.poverty),
      },
      pupilsRange,
      priorRange,
      povertyHeader: header(povertyIndex),
    },
  };
}
