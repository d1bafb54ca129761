import { readSchools, suggestMapping } from "../../engine/table";
import type { HyperFormulaWorkbook } from "../../workbook/local/HyperFormulaWorkbook";
import { columnLetters } from "../../workbook/shared/columnLetters";
import { detectHeaderBlock } from "../../workbook/shared/detectHeaderBlock";
import type { CellValue } from "../../workbook/WorkbookPort";
import type { FileProblem, OpenedWorkbook } from "./xlsxFile";

/** At most this many problems are listed one by one; the rest are counted. */
export const PROBLEM_LIST_LIMIT = 200;

/**
 * Checks what a file brought, once its sheets are in the workbook and calculated:
 * - each sheet that holds a schools table (and is not one the add-in wrote) (a header row with an enrollment or grade-band column the
 *   mapping recognises) is read with the task pane's own rules (`readSchools`), and every error or warning
 *   is named by sheet and sheet row;
 * - each formula that the file had a value for but that gives an error here is named by sheet and cell,
 *   with the value the file had, so no number the file showed disappears silently.
 */
export function checkOpenedWorkbook(workbook: HyperFormulaWorkbook, opened: OpenedWorkbook): FileProblem[] {
  const problems: FileProblem[] = [...opened.problems];
  const owned = opened.meta.owned ?? {};
  for (const sheet of opened.sheets) {
    // The add-in's own sheets (a file saved with the add-in) are its output, not a district's data.
    if (!workbook.visibleSheets().includes(sheet.name) || owned[sheet.name] !== undefined) continue;
    const values: CellValue[][] = workbook.hf
      .getSheetValues(workbook.hf.getSheetId(sheet.name)!)
      .map((line) => line.map((v) => (v !== null && typeof v === "object" ? String((v as { value: unknown }).value) : (v as CellValue))));
    const header = detectHeaderBlock(values);
    if (!header) continue;
    const headers = header.headers;
    const rows = values.slice(header.headerRow + 1).map((line) => line.slice(header.firstColumn, header.lastColumn + 1));
    while (rows.length > 0 && rows[rows.length - 1].every((v) => v === null || v === "")) rows.pop();
    const mapping = suggestMapping(headers, rows.slice(0, 50));
    if (mapping.enrollment === undefined && mapping.grades.length === 0) continue;
    const result = readSchools(headers, rows, mapping, header.headerRow + 1, header.firstColumn);
    for (const p of result.problems) {
      problems.push({ sheet: sheet.name, row: p.sheetRow + 1, message: `${p.severity === "error" ? "" : "Warning: "}${p.message}` });
    }
  }
  for (const formula of opened.cachedResults) {
    if (!workbook.hf.doesSheetExist(formula.sheet)) continue;
    const cell = workbook.cell(formula.sheet, formula.row, formula.column);
    const isError = typeof cell.value === "string" && /^#[A-Z/0-9]+[!?]$/.test(cell.value);
    const cached = formula.cached as { error?: string } | number | string | boolean | null | undefined;
    const cachedError = typeof cached === "object" && cached !== null && "error" in cached;
    if (isError && !cachedError) {
      problems.push({
        sheet: formula.sheet,
        row: formula.row + 1,
        message: `Cell ${columnLetters(formula.column)}${formula.row + 1}: ${formula.formula} gives ${cell.value} here${cell.errorMessage ? ` (${cell.errorMessage})` : ""}${cached === undefined || cached === null ? "" : `; the file had ${String(cached)}`}.`,
      });
    }
  }
  return problems;
}

/** "Sheet "Schools", row 12: ..." for the list shown after opening a file. */
export function describeProblem(problem: FileProblem): string {
  return `Sheet "${problem.sheet}"${problem.row === null ? "" : `, row ${problem.row}`}: ${problem.message}`;
}
