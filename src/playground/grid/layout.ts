/** Pixel geometry of the grid, shared by the cells, the headers and the charts placed over them. */
export const ROW_HEIGHT = 22;
export const ROW_HEADER_WIDTH = 52;
export const DEFAULT_COLUMN_WIDTH = 88;

/** Excel widths are in characters; about 7 px per character plus padding at the default font. */
export function columnWidthPx(characters: number | undefined): number {
  return characters === undefined ? DEFAULT_COLUMN_WIDTH : Math.round(characters * 7 + 12);
}

/** Left edge of each column and the total width, for `columns` columns. */
export function columnOffsets(widthsInCharacters: number[], columns: number): { left: number[]; widths: number[]; total: number } {
  const left: number[] = [];
  const widths: number[] = [];
  let x = ROW_HEADER_WIDTH;
  for (let c = 0; c < columns; c++) {
    left.push(x);
    const w = columnWidthPx(widthsInCharacters[c]);
    widths.push(w);
    x += w;
  }
  return { left, widths, total: x };
}

/** First and last row to render for a scroll position: the visible rows plus `overscan` above and below. */
export function visibleRowRange(scrollTop: number, viewportHeight: number, rowCount: number, overscan = 8): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - overscan);
  const last = Math.min(rowCount - 1, Math.ceil((scrollTop + viewportHeight) / ROW_HEIGHT) + overscan);
  return { first, last };
}
