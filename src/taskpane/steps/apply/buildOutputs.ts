import type { FormulaSpec } from "../../../engine/scenario/FormulaSpec";
import type { ColumnMapping } from "../../../engine/table/ColumnMapping";
import type { ChartSpec, SheetSpec, TableInfo } from "../../../workbook/WorkbookPort";
import { allocationSheet } from "../../sheets/allocationSheet";
import { chartsSheet } from "../../sheets/chartsSheet";
import { equitySheet } from "../../sheets/equitySheet";
import { explainSheet } from "../../sheets/explainSheet";
import { parametersSheet } from "../../sheets/parametersSheet";

/** The sheets and charts of one apply, built without touching the workbook. */
export interface Outputs {
  /** Parameters, allocation, equity and charts sheets, in writing order (the allocation sheet comes to the front). */
  sheets: SheetSpec[];
  /** "Show the math" for the chosen school (it comes to the front when written alone, after picking a school). */
  explain: SheetSpec | null;
  charts: ChartSpec[];
}

/**
 * Builds every output of the formula over the table with the sheet builders: the parameters sheet, the
 * allocation sheet of WSF formulas pointing at it, the equity sheet, the chart data and specs, and the
 * explain sheet for `explainRow` (a 1-based data row of the table; null for none).
 *
 * @throws Error from the builders (a weighted column the table lacks, an unreadable table address).
 */
export function buildOutputs(spec: FormulaSpec, table: TableInfo, mapping: ColumnMapping, explainRow: number | null): Outputs {
  const params = parametersSheet(spec, { tableLabel: table.label, headers: table.headers, mapping });
  const allocation = allocationSheet(spec, table, mapping, params.cells);
  const charts = chartsSheet(allocation.cells);
  const explain = explainRow === null ? null : explainSheet(spec, explainRow, { table, mapping, params: params.cells, allocation: allocation.cells });
  return {
    sheets: [params.sheet, allocation.sheet, equitySheet(allocation.cells), charts.sheet],
    explain,
    charts: charts.charts,
  };
}
