import type { CellValue } from "../WorkbookPort";
import { columnLetters } from "./columnLetters";

/**
 * The header texts of a table's first row, as the person sees them: trimmed text, numbers and booleans
 * shown as text, and a blank header named after its column ("Column D") so every column stays mappable.
 *
 * Cost O(columns).
 *
 * @param firstColumn 0-based sheet column of `row[0]`, for the names of blank headers.
 * @example headerLabels([" School ", null, 2024], 0) // ["School", "Column B", "2024"]
 */
export function headerLabels(row: readonly CellValue[], firstColumn: number): string[] {
  return row.map((cell, i) => {
    const text = cell === null || cell === undefined ? "" : String(cell).trim();
    return text === "" ? `Column ${columnLetters(firstColumn + i)}` : text;
  });
}
