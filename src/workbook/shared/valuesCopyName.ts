/** Excel's limit on the length of a sheet name. */
export const MAX_SHEET_NAME_LENGTH = 31;

/**
 * The name of the values-only copy of a sheet: `<name> (values)`, with `name` shortened so the result
 * fits Excel's 31-character limit on sheet names.
 *
 * Cost O(name length).
 *
 * @example valuesCopyName("WSF Allocation") // "WSF Allocation (values)"
 */
export function valuesCopyName(name: string): string {
  const suffix = " (values)";
  return `${name.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length).trimEnd()}${suffix}`;
}
