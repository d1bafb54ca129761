import type { ColumnMapping } from "../../../engine/table/ColumnMapping";

const PROJECTED = /project|forecast|estimat/i;

/**
 * The schools table's projected-enrollment columns: headers that say "projected", "forecast" or
 * "estimated" (e.g. "Projected enrollment 2026") and are not mapped to another role. The step offers a
 * choice of them per year only when the table has some.
 *
 * @example projectedColumns(["School", "Enrollment", "Projected 2026"], mapping) // ["Projected 2026"]
 */
export function projectedColumns(headers: readonly unknown[], mapping: ColumnMapping): string[] {
  const mapped = new Set<number>([mapping.id, mapping.name, mapping.enrollment, mapping.prior].filter((i): i is number => i !== undefined));
  return headers.flatMap((h, i) => (!mapped.has(i) && PROJECTED.test(String(h)) ? [String(h)] : []));
}
