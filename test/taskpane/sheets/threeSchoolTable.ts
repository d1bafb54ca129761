import type { FormulaSpec } from "../../../src/engine/scenario/FormulaSpec";
import type { ColumnMapping } from "../../../src/engine/table/ColumnMapping";
import type { TableInfo } from "../../../src/workbook/WorkbookPort";

/**
 * A 3-school table on sheet "Schools", header in row 1 (A1:I4), data in rows 2-4:
 *   A School ID | B School | C Enrollment | D Grades K-5 | E Grades 6-8 | F FRL | G EL | H SPED | I Prior-year allocation
 */
export const headers = ["School ID", "School", "Enrollment", "Grades K-5", "Grades 6-8", "FRL", "EL", "SPED", "Prior-year allocation"];
export const rows = [
  ["A", "Alder", 300, 300, 0, 180, 30, 20, 1_600_000],
  ["B", "Birch", 500, 200, 300, 100, 10, 50, 2_500_000],
  ["C", "Cedar", 200, 0, 200, 150, 60, 10, null],
];
export const table: TableInfo = { id: "Schools", label: "Schools (A1:I4)", kind: "table", sheet: "Schools", address: "Schools!A1:I4", headers, rowCount: 3 };
export const mapping: ColumnMapping = { id: 0, name: 1, enrollment: 2, grades: [3, 4], frl: 5, el: 6, sped: 7, prior: 8, counts: [] };

/** NYC-like: grade weights on D:E and need weights on F:G (adjacent: one WEIGHTEDPUPILS), a concentration rule, a foundation, a stop-loss. */
export const nycLike: FormulaSpec = {
  version: 1,
  name: "NYC-like",
  base: { mode: "solve", pool: 4_500_000 },
  gradeWeights: [
    { header: "Grades K-5", weight: 1 },
    { header: "Grades 6-8", weight: 1.08 },
  ],
  categoryWeights: [
    { header: "FRL", label: "Poverty", weight: 0.12 },
    { header: "EL", label: "English learners", weight: 0.4 },
  ],
  concentration: [{ header: "FRL", label: "High poverty", threshold: 0.6, weight: 0.1, mode: "above" }],
  fixed: { mode: "amount", amount: 225_000 },
  protection: { maxLoss: 0.05, maxGain: null },
};
