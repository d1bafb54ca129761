/**
 * A1 references for the formulas the task pane writes. Every reference is sheet-qualified with the sheet
 * name in quotes ('Schools'!$E$2:$E$851), which Excel and the playground's HyperFormula both accept for any
 * sheet name; no structured references, no spill references (A2#), so the two hosts evaluate the same text.
 */

/** 0-based column index -> letters: 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetters(column: number): string {
  let letters = "";
  let n = column + 1;
  while (n > 0) {
    const digit = (n - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Letters -> 0-based column index: "A" -> 0, "AA" -> 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 'Sheet name'! with any quote in the name doubled, as Excel writes it. */
export function sheetPrefix(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!`;
}

/** Absolute cell reference from 0-based row and column: cellRef("Schools", 1, 4) = 'Schools'!$E$2. */
export function cellRef(sheet: string, row: number, column: number): string {
  return `${sheetPrefix(sheet)}$${columnLetters(column)}$${row + 1}`;
}

/** Cell reference with an absolute column and a relative row ('Schools'!$E2), for per-row formulas. */
export function rowCellRef(sheet: string, row: number, column: number): string {
  return `${sheetPrefix(sheet)}$${columnLetters(column)}${row + 1}`;
}

/** Absolute range reference from 0-based corners (inclusive): 'Schools'!$E$2:$G$4. */
export function rangeRef(sheet: string, top: number, left: number, bottom: number, right: number): string {
  return `${sheetPrefix(sheet)}$${columnLetters(left)}$${top + 1}:$${columnLetters(right)}$${bottom + 1}`;
}
