import type { FormulaSpec } from "../../engine/scenario/FormulaSpec";
import type { ColumnMapping } from "../../engine/table/ColumnMapping";
import type { Block, CellValue, TableInfo } from "../../workbook/WorkbookPort";
import { cellRef, rowCellRef } from "./a1";
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

/**
 * "Show the math" for one school (Boston's budget summary: category, count, weight, rate, amount), as
 * formulas: an inputs table with, per weight, the school's count (a reference to its cell in the schools
 * table) and the weight (a reference to the parameters sheet), and per concentration rule the school's
 * extra eligible pupils (WSF.CONCENTRATION on its row with weight 1) beside the rule's weight; then
 * WSF.EXPLAIN over those cells and the base, spilling one line per category and a Total line; then the
 * fixed amount, and the school's formula amount, protected amount and per-pupil amount from the allocation
 * sheet, so the lines visibly add up to what the school receives.
 *
 * Rows from the top (k = weights + rules): title; inputs header; k input rows; blank; lines header;
 * the EXPLAIN spill (k + 1 rows, left empty in the block); fixed amount; formula amount; protected amount; per pupil.
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
  const enrollment = mapping.enrollment !== undefined ? t.cell(mapping.enrollment, schoolRow) : rowCellRef(allocation.sheet, sheetRowOfSchool, allocation.columns.enrollment);

  const name = mapping.name ?? mapping.id;
  const values: CellValue[][] = [
    [name !== undefined ? `="Show the math: "&${t.cell(name, schoolRow)}` : `Show the math: row ${schoolRow}`, null, null, null, null],
    ["Category", "Column", "Count", "Weight", null],
  ];
  for (const w of params.weights) values.push([`=${w.labelCell}`, w.header, `=${t.cell(w.headerIndex, schoolRow)}`, `=${w.weightCell}`, null]);
  for (const c of params.concentration) {
    const args = [t.cell(c.headerIndex, schoolRow), enrollment, c.thresholdCell, "1", c.modeCell, ...(c.upperCell ? [c.upperCell] : [])];
    values.push([`=${c.labelCell}`, `${c.header} (extra pupils)`, `=WSF.CONCENTRATION(${args.join(",")})`, `=${c.weightCell}`, null]);
  }
  const k = params.weights.length + params.concentration.length;
  values.push([null, null, null, null, null]);
  values.push(["Line", "Count", "Weight", "Rate", "Amount"]);
  const inputs = [2, 1 + k];
  values.push([`=WSF.EXPLAIN(${span(inputs[0], inputs[1], 2)},${span(inputs[0], inputs[1], 3)},${allocation.baseCell},${span(inputs[0], inputs[1], 0)})`, null, null, null, null]);
  for (let i = 0; i < k; i++) values.push([null, null, null, null, null]);
  const fixed =
    spec.fixed.mode === "amount" && params.fixedAmountCell ? `=${params.fixedAmountCell}` : spec.fixed.mode === "column" && params.fixedColumn !== null ? `=${t.cell(params.fixedColumn, schoolRow)}` : 0;
  const from = (column: number): string => `=${rowCellRef(allocation.sheet, sheetRowOfSchool, column)}`;
  values.push(["Fixed amount", null, null, null, fixed]);
  values.push(["Formula amount (Total + fixed)", null, null, null, from(allocation.columns.formulaAmount)]);
  values.push(["Protected amount (what the school receives)", null, null, null, from(allocation.columns.protectedAmount)]);
  values.push(["Per pupil", null, null, null, from(allocation.columns.perPupil)]);
  return { row: top, column: left, values, numberFormats: [null, "#,##0.##", "#,##0.##", "#,##0.0000", "$#,##0"] };
}
