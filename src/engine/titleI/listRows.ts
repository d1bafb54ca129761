/**
 * Names rows for a message: "row 4", "rows 1, 2 and 7", "rows 1, 2, 3, 4, 5, 6, 7, 8 and 12 more".
 * At most `limit` rows are spelled out so a message about a thousand schools stays readable.
 *
 * Cost O(min(n, limit)).
 *
 * @example listRows([1, 2, 7]) // "rows 1, 2 and 7"
 */
export function listRows(rows: readonly number[], limit = 8): string {
  if (rows.length === 1) return `row ${rows[0]}`;
  if (rows.length > limit) return `rows ${rows.slice(0, limit).join(", ")} and ${rows.length - limit} more`;
  return `rows ${rows.slice(0, -1).join(", ")} and ${rows[rows.length - 1]}`;
}
