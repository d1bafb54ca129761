import type { CellValue } from "../../../src/workbook/WorkbookPort";
import { MemoryWorkbook } from "../../../src/workbook/memory/MemoryWorkbook";

/** Headers of the small test district: every role the mapping can suggest from its header text. */
export const HEADERS = ["School ID", "School", "Enrollment", "Free and reduced lunch", "English learners", "Prior-year allocation"];

/**
 * Four clean schools (enrollment, FRL, EL, prior-year dollars). Hand figures used by the tests:
 * enrollment 100 + 200 + 300 + 400 = 1,000 pupils; FRL 10 + 50 + 150 + 300 = 510; EL 0 + 20 + 60 + 100 = 180;
 * prior 500,000 + 1,000,000 + 1,500,000 + 2,000,000 = 5,000,000.
 */
export const CLEAN_ROWS: CellValue[][] = [
  ["A1", "Adams", 100, 10, 0, 500_000],
  ["B2", "Baker", 200, 50, 20, 1_000_000],
  ["C3", "Cole", 300, 150, 60, 1_500_000],
  ["D4", "Drew", 400, 300, 100, 2_000_000],
];

/** A workbook whose sheet "Schools" holds `rows` under HEADERS as the Excel table "Schools" (header in row 1). */
export function schoolsWorkbook(rows: CellValue[][] = CLEAN_ROWS, settings: Record<string, string> = {}): MemoryWorkbook {
  return MemoryWorkbook.fromSheets(
    { Schools: [HEADERS, ...rows] },
    { tables: [{ name: "Schools", sheet: "Schools", row: 0, column: 0, rows: rows.length + 1, columns: HEADERS.length }], settings },
  );
}
