/**
 * A1 references for the formulas the task pane writes. Every reference is sheet-qualified with the sheet
 * name in quotes ('Schools'!$E$2:$E$851), which Excel and the playground's HyperFormula both accept for any
 * sheet name; no structured references, no spill references (A2#), so the two hosts evaluate the same text.
 */

import { columnLetters } from "../../workbook/shared/columnLetters";

export { columnLetters } from "../../workbook/shared/columnLetters";
export { columnIndex } from "../../workbook/shared/columnIndex";

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
