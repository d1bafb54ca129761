import type { FormulaSpec } from "../../engine/scenario/FormulaSpec";
import type { ColumnMapping } from "../../engine/table/ColumnMapping";
import type { Block, CellValue, TableInfo } from "../../workbook/WorkbookPort";
import { cellRef, columnLetters, rowCellRef } from "./a1";
import type { AllocationCells } from "./AllocationCells";
import type { ParameterCells } from "./ParameterCells";
import { tableGeometry } from "./tableGeometry";

/** Where the block goes and what it needs to point at. */
export interface ExplainLayout {
  table: TableInfo;
  mapping: ColumnMapping;
  params: ParameterCells;
  allocation: AllocationCells;
  /** Sheet the block is written on, and its top-left cell (0-based). */
  sheet: string;
  row?: number;
  column?: number;
}

/** Column formats of the block: line, column or rule, pupils, weight (two decimals), rate (cents), amount (dollars). */
export const EXPLAIN_FORMATS = [null, null, "#,##0.00", "0.00", "$#,##0.00", "$#,##0"];

/**
 * "Show the math" for one school (Boston's budget summary: category, pupils, weight, rate, amount), as plain
 * formulas a person can follow, every one pointing at the cell it comes from:
 * - one line per weight: the school's pupils in the column (its cell in the schools table), the weight (its
 *   cell on the parameters sheet), the rate = weight x base, the amount = pupils x rate; one line per
 *   concentration rule with the school's extra eligible pupils (WSF.CONCENTRATION at weight 1);
 * - Enrollment (the school's pupils, counted once) and Weighted pupils = the pupils x weight of the lines,
 *   added up (the same number as column D of the allocation sheet);
 * - the base; weighted pupils x base = the lines' amounts added up; the fixed amount; the formula amount;
 * - last year's amount; the protection top-up (stop-loss) or cap (gain cap) and the rule that caused it,
 *   computed here from last year's amount and the limits on the parameters sheet; the protected amount (what
 *   the school receives); the change vs last year; the amount per pupil.
 * The formula and protected amounts say whether they equal the allocation sheet's cells (they do, since both
 * read the same cells; "apply again" if the allocation sheet was written from another formula).
 *
 * Rows from the top (k = weights + rules): title; header; k lines; blank; enrollment; weighted pupils; base;
 * weighted pupils x base; fixed amount; formula amount; last year; protection; protected amount; change;
 * per pupil.
 *
 * @param schoolRow 1-based data row of the school in the schools table (`School.row`).
 * @throws Error when the table address cannot be read or schoolRow is outside the table.
 * @example explainBlock(spec, 2, layout).values[2][2] // "='Schools'!$D3" (school 2's first weighted count)
 */
export function explainBlock(spec: FormulaSpec, schoolRow: number, layout: ExplainLayout): Block {
  const t = tableGeometry(layout.table);
  if (!Number.isInteger(schoolRow) || schoolRow < 1 || schoolRow > t.rowCount) {
    throw new Error(`School row ${schoolRow} is outside the schools table (rows 1 to ${t.rowCount}).`);
  }
  const { params, allocation, mapping } = layout;
  const top = layout.row ?? 0;
  const left = layout.column ?? 0;
  const sheetRowOfSchool = allocation.firstDataRow + schoolRow - 1;
  const at = (r: number, c: number): string => cellRef(layout.sheet, top + r, left + c);
  const span = (r1: number, r2: number, c: number): string => `${at(r1, c)}:${at(r2, c).slice(at(r2, c).indexOf("!") + 1)}`;
  const allocationCell = (column: number): string => rowCellRef(allocation.sheet, sheetRowOfSchool, column);
  const allocationName = (column: number): string => `${allocation.sheet} ${columnLetters(column)}${sheetRowOfSchool + 1}`;
  const enrollment = mapping.enrollment !== undefined ? t.cell(mapping.enrollment, schoolRow) : allocationCell(allocation.columns.enrollment);
  const base = allocation.baseCell;
  const PUPILS = 2;
  const WEIGHT = 3;
  const RATE = 4;
  const AMOUNT = 5;

  const name = mapping.name ?? mapping.id;
  const values: CellValue[][] = [
    [name !== undefined ? `="Show the math: "&${t.cell(name, schoolRow)}` : `Show the math: row ${schoolRow}`, null, null, null, null, null],
    ["Line", "Column", "Pupils", "Weight", "Rate ($ per pupil)", "Amount"],
  ];
  const line = (label: string, column: string, pupils: string): CellValue[] => {
    const r = values.length;
    return [label, column, pupils, null, `=${at(r, WEIGHT)}*${base}`, `=${at(r, PUPILS)}*${at(r, RATE)}`];
  };
  for (const w of params.weights) {
    const l = line(`=${w.labelCell}`, w.header, `=${t.cell(w.headerIndex, schoolRow)}`);
    l[WEIGHT] = `=${w.weightCell}`;
    values.push(l);
  }
  for (const c of params.concentration) {
    const args = [t.cell(c.headerIndex, schoolRow), enrollment, c.thresholdCell, "1", c.modeCell, ...(c.upperCell ? [c.upperCell] : [])];
    const l = line(`=${c.labelCell}`, `${c.header} (extra pupils)`, `=WSF.CONCENTRATION(${args.join(",")})`);
    l[WEIGHT] = `=${c.weightCell}`;
    values.push(l);
  }
  const k = params.weights.length + params.concentration.length;
  const firstLine = 2;
  const lastLine = 1 + k;
  values.push([null, null, null, null, null, null]);

  const row = (label: string, detail: CellValue, column: number, value: CellValue): CellValue[] => {
    const out: CellValue[] = [label, detail, null, null, null, null];
    out[column] = value;
    return out;
  };
  const enrollmentHeader = mapping.enrollment !== undefined ? String(layout.table.headers[mapping.enrollment]) : "grade bands added up";
  const enrollmentRow = values.length;
  values.push(row("Enrollment (each pupil counted once)", enrollmentHeader, PUPILS, `=${enrollment}`));
  values.push(row("Weighted pupils (pupils x weight, added up)", `same as ${allocationName(allocation.columns.weightedPupils)}`, PUPILS, `=SUMPRODUCT(${span(firstLine, lastLine, PUPILS)},${span(firstLine, lastLine, WEIGHT)})`));
  values.push(row("Base per weighted pupil", `${allocation.sheet} ${base.slice(base.indexOf("!") + 1).replace(/\$/g, "")}`, RATE, `=${base}`));
  const linesRow = values.length;
  values.push(row("Weighted pupils x base (the lines above, added up)", null, AMOUNT, `=SUM(${span(firstLine, lastLine, AMOUNT)})`));
  const fixed =
    spec.fixed.mode === "amount" && params.fixedAmountCell ? `=${params.fixedAmountCell}` : spec.fixed.mode === "column" && params.fixedColumn !== null ? `=${t.cell(params.fixedColumn, schoolRow)}` : 0;
  const fixedRow = values.length;
  values.push(row("Fixed amount", spec.fixed.mode === "column" ? spec.fixed.header : spec.fixed.mode === "amount" ? "the same for every school" : "none", AMOUNT, fixed));
  const formulaRow = values.length;
  const agrees = (here: string, column: number): string => {
    const there = allocationCell(column);
    return `=IF(ISNUMBER(${there}),IF(ABS(${here}-${there})<0.005,"same as ${allocationName(column)}","differs from ${allocationName(column)}: apply again"),"${allocationName(column)} is an error: see its message")`;
  };
  values.push(row("Formula amount (weighted pupils x base + fixed)", agrees(at(formulaRow, AMOUNT), allocation.columns.formulaAmount), AMOUNT, `=${at(linesRow, AMOUNT)}+${at(fixedRow, AMOUNT)}`));

  const prior = mapping.prior !== undefined ? t.cell(mapping.prior, schoolRow) : null;
  const priorRow = values.length;
  values.push(row("Last year's amount", prior ? String(layout.table.headers[mapping.prior as number]) : "no prior-year column mapped", AMOUNT, prior ? `=IF(ISBLANK(${prior}),"",${prior})` : ""));
  const protectionRow = values.length;
  const f = at(formulaRow, AMOUNT);
  const p = at(priorRow, AMOUNT);
  const loss = prior && params.maxLossCell ? params.maxLossCell : null;
  const gain = prior && params.maxGainCell ? params.maxGainCell : null;
  const topUp = loss ? `MAX(${p}*(1-${loss})-${f},0)` : null;
  const cut = gain ? `MIN(${p}*(1+${gain})-${f},0)` : null;
  const adjustment = [topUp, cut].filter((x): x is string => x !== null);
  const percent = (cell: string): string => `ROUND(${cell}*100,2)&"%"`;
  let rule: CellValue;
  if (!prior) rule = "none: no prior-year column, so no protection";
  else if (adjustment.length === 0) rule = "none: no stop-loss or gain cap in the formula";
  else {
    const why = [
      loss ? `IF(${topUp}>0.005,"stop-loss top-up: at least last year x (1 - "&${percent(loss)}&")",` : "",
      gain ? `IF(${cut}<-0.005,"gain cap: at most last year x (1 + "&${percent(gain)}&")",` : "",
    ].join("");
    rule = `=IF(N(${p})<=0,"none: no amount last year, so no protection band",${why}"none: within the limits"${")".repeat(adjustment.length)})`;
  }
  values.push(row("Protection (top-up or cap)", rule, AMOUNT, adjustment.length === 0 ? 0 : `=IF(N(${p})>0,${adjustment.join("+")},0)`));
  const protectedRow = values.length;
  values.push(
    row("Protected amount (what the school receives)", agrees(at(protectedRow, AMOUNT), allocation.columns.protectedAmount), AMOUNT, `=${f}+${at(protectionRow, AMOUNT)}`),
  );
  values.push(row("Change vs last year", null, AMOUNT, prior ? `=IF(ISNUMBER(${p}),${at(protectedRow, AMOUNT)}-${p},"")` : ""));
  values.push(row("Per pupil", null, AMOUNT, `=IF(N(${at(enrollmentRow, PUPILS)})>0,${at(protectedRow, AMOUNT)}/${at(enrollmentRow, PUPILS)},"")`));
  return { row: top, column: left, values, numberFormats: EXPLAIN_FORMATS };
}
