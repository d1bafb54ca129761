import type { CellValue } from "../WorkbookPort";

/** A block under a header row: the header's position and texts, and the number of data rows below it. */
export interface HeaderBlock {
  row: number;
  column: number;
  columns: number;
  rows: number;
  headers: string[];
}

const isBlank = (v: CellValue | undefined) => v === null || v === undefined || v === "";

/**
 * Finds a table-like block on a sheet without tables: the first row with at least two non-blank cells, all
 * of them text and distinct, with at least one data row under it. The block spans the header's contiguous
 * columns and runs down to the first entirely blank row. Null when there is no such block.
 */
export function detectHeaderBlock(values: CellValue[][]): HeaderBlock | null {
  for (let r = 0; r < values.length - 1; r++) {
    const line = values[r] ?? [];
    const start = line.findIndex((v) => !isBlank(v));
    if (start < 0) continue;
    let end = start;
    while (end < line.length && !isBlank(line[end])) end++;
    const headers = line.slice(start, end);
    const texts = headers.map((h) => String(h).trim());
    if (headers.length < 2 || headers.some((h) => typeof h !== "string") || new Set(texts.map((t) => t.toLowerCase())).size !== texts.length) return null;
    let last = r;
    while (last + 1 < values.length && (values[last + 1] ?? []).slice(start, end).some((v) => !isBlank(v))) last++;
    if (last === r) return null;
    return { row: r, column: start, columns: end - start, rows: last - r, headers: texts };
  }
  return null;
}
