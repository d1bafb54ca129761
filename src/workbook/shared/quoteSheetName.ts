/**
 * A sheet name as it must appear before "!" in an A1 reference: plain when it is letters, digits and
 * underscores not starting with a digit ("Schools"), otherwise wrapped in single quotes with inner quotes
 * doubled ("'WSF Allocation'", "'O''Brien'"). Quoting a name that did not need it is harmless, and a
 * name that looks like a cell ("A1", "R1C1") must be quoted, so the plain form is kept to the safe case.
 *
 * Cost O(name length).
 *
 * @example quoteSheetName("WSF Allocation") // "'WSF Allocation'"
 */
export function quoteSheetName(name: string): string {
  const looksLikeCell = /^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^[Rr][0-9]*[Cc][0-9]*$/.test(name);
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !looksLikeCell) return name;
  return `'${name.replace(/'/g, "''")}'`;
}
