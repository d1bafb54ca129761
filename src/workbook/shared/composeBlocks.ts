import type { Block, CellValue } from "../WorkbookPort";

/** Blocks laid onto one grid: `values[r][c]` is the sheet cell (row + r, column + c). */
export interface ComposedGrid {
  row: number;
  column: number;
  values: CellValue[][];
}

/**
 * Lays a sheet's blocks onto one rectangular grid covering their bounding box, blank (`null`) where no
 * block writes; a later block overwrites an earlier one where they overlap, as writing them in order
 * would. This is the sheet as the add-in leaves it, the input of its fingerprint.
 *
 * Cost O(bounding-box cells).
 *
 * @example composeBlocks([{ row: 1, column: 1, values: [[1]] }, { row: 0, column: 0, values: [["a"]] }])
 *   // { row: 0, column: 0, values: [["a", null], [null, 1]] }
 */
export function composeBlocks(blocks: readonly Block[]): ComposedGrid {
  const nonEmpty = blocks.filter((b) => b.values.length > 0);
  if (nonEmpty.length === 0) return { row: 0, column: 0, values: [] };
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  for (const b of nonEmpty) {
    const width = Math.max(...b.values.map((r) => r.length));
    top = Math.min(top, b.row);
    left = Math.min(left, b.column);
    bottom = Math.max(bottom, b.row + b.values.length - 1);
    right = Math.max(right, b.column + width - 1);
  }
  const width = right - left + 1;
  const values: CellValue[][] = [];
  for (let r = top; r <= bottom; r++) values.push(new Array<CellValue>(width).fill(null));
  for (const b of nonEmpty) {
    for (let r = 0; r < b.values.length; r++) {
      const target = values[b.row - top + r];
      const source = b.values[r];
      for (let c = 0; c < source.length; c++) target[b.column - left + c] = source[c];
    }
  }
  return { row: top, column: left, values };
}
