import { columnLetters } from "./columnLetters";

/**
 * The A1 address of a block given 0-based (row, column) and its size: `rangeAddress(0, 0)` is "A1",
 * `rangeAddress(2, 1, 10, 3)` is "B3:D12". A 1 x 1 block is written as a single cell.
 *
 * Cost O(1).
 *
 * @throws RangeError when a coordinate is negative or a size is below 1.
 * @example rangeAddress(0, 0, 851, 8) // "A1:H851"
 */
export function rangeAddress(row: number, column: number, rows = 1, columns = 1): string {
  if (!Number.isInteger(row) || row < 0) throw new RangeError(`row index must be an integer >= 0, got ${row}`);
  if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(columns) || columns < 1) {
    throw new RangeError(`a block has at least 1 row and 1 column, got ${rows} x ${columns}`);
  }
  const topLeft = `${columnLetters(column)}${row + 1}`;
  if (rows === 1 && columns === 1) return topLeft;
  return `${topLeft}:${columnLetters(column + columns - 1)}${row + rows}`;
}
