import { ALLOCATION_SHEET, CHARTS_SHEET, EQUITY_SHEET, EXPLAIN_SHEET, PARAMETERS_SHEET } from "../../sheets/sheetNames";

/** Every sheet an apply writes, in writing order (the values-only export copies the same ones). */
export const OUTPUT_SHEETS = [PARAMETERS_SHEET, ALLOCATION_SHEET, EQUITY_SHEET, CHARTS_SHEET, EXPLAIN_SHEET];
