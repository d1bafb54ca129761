import type { ColumnMapping } from "../../../engine/table/ColumnMapping";
import type { CellValue } from "../../../workbook/WorkbookPort";
import { filterText } from "./readStatementsDraft";

/** A column schools can be filtered on, and its values (sorted). */
export interface FilterColumn {
  index: number;
  header: string;
  values: string[];
}

const MAX_VALUES = 60;

/**
 * Columns that group schools (region, level, network, ...): the mapped region and level columns, and any
 * other column holding text in at least one row with between 2 and 60 distinct values; id and name are
 * left out (one school is chosen by name instead).
 *
 * @example filterColumns(["School", "Region"], [["A", "North"], ["B", "South"]], mapping) // [{ index: 1, header: "Region", values: ["North", "South"] }]
 */
export function filterColumns(headers: readonly unknown[], rows: CellValue[][], mapping: ColumnMapping): FilterColumn[] {
  const skip = new Set([mapping.id, mapping.name].filter((i): i is number => i !== undefined));
  const out: FilterColumn[] = [];
  headers.forEach((header, index) => {
    if (skip.has(index)) return;
    const values = new Set<string>();
    let text = false;
    for (const row of rows) {
      const cell = row[index];
      if (typeof cell === "string" && cell.trim() !== "") text = true;
      const shown = filterText(cell);
      if (shown !== "") values.add(shown);
      if (values.size > MAX_VALUES) return;
    }
    const mapped = index === mapping.region || index === mapping.level;
    if ((mapped || text) && values.size >= 2) out.push({ index, header: String(header), values: [...values].sort((a, b) => a.localeCompare(b)) });
  });
  return out;
}
