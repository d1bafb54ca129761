import type { FormulaSpec } from "../../engine/scenario/FormulaSpec";
import type { SheetSpec } from "../../workbook/WorkbookPort";
import { explainBlock, type ExplainLayout } from "./explainBlock";
import { EXPLAIN_SHEET } from "./sheetNames";

/**
 * The "WSF Explain" sheet: `explainBlock` for one school at the top-left of its own sheet, brought to the front.
 *
 * @throws Error as `explainBlock`.
 * @example explainSheet(spec, 12, { table, mapping, params, allocation }).name // "WSF Explain"
 */
export function explainSheet(spec: FormulaSpec, schoolRow: number, layout: Omit<ExplainLayout, "sheet" | "row" | "column">): SheetSpec {
  return {
    name: EXPLAIN_SHEET,
    blocks: [explainBlock(spec, schoolRow, { ...layout, sheet: EXPLAIN_SHEET, row: 0, column: 0 })],
    columnWidths: [40, 30, 10, 8, 14, 14],
    activate: true,
  };
}
