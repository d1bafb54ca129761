/**
 * A1 addresses for the browser workbook (0-based rows and columns inside, "Sheet!A1:F900" outside).
 * Sheet names that are not plain words are quoted the way Excel writes them: 'WSF Parameters'!A1.
 */

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetters(column: number): string {
  let n = column + 1;
  let out = "";
  while (n > 0) {
    const digit = (n - 1) % 26;
    out = String.fromCharCode(65 + digit) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "A" -> 0, "AA" -> 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `Sheet!` or `'My sheet'!`. */
export function sheetPrefix(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

/** `Schools!A1:H851` for a block of `rows` x `columns` at (row, column). */
export function rangeAddress(sheet: string, row: number, column: number, rows: number, columns: number): string {
  const start = `${columnLetters(column)}${row + 1}`;
  const end = `${columnLetters(column + columns - 1)}${row + rows}`;
  return `${sheetPrefix(sheet)}${start}:${end}`;
}

/** Parses `Sheet!A1:F9` (sheet optionally quoted) back into a block; null when it is not such an address. */
export function parseRangeAddress(address: string): { sheet: string; row: number; column: number; rows: number; columns: number } | null {
  const match = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Za-z]+)\$?(\d+):\$?([A-Za-z]+)\$?(\d+)$/.exec(address.trim());
  if (!match) return null;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
  const c1 = columnIndex(match[3]);
  const r1 = Number(match[4]) - 1;
  const c2 = columnIndex(match[5]);
  const r2 = Number(match[6]) - 1;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return { sheet, row, column, rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
}
