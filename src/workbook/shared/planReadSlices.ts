/** One read: `rowCount` rows from `firstRow` of request `request`, all its columns. */
export interface ReadSlice {
  request: number;
  firstRow: number;
  rowCount: number;
}

/** The size of a block to read: rows x columns, and the estimated response bytes of one cell (all loaded properties together). */
export interface ReadRequest {
  rows: number;
  columns: number;
  cellBytes: number;
}

/**
 * Plans whole-range reads under a per-response byte budget (Excel on the web answers at most 5 MB per
 * request, counted in bytes of JSON, not in cells): every request is cut into row slices whose estimated
 * bytes (rows x columns x cellBytes) stay within `budgetBytes`, then slices are packed in order into
 * groups, one group per `context.sync()`. Anything that fits the budget is one group, so the number of
 * round trips does not grow with the rows until a read is genuinely larger than one response can carry.
 *
 * Cost O(number of slices).
 *
 * @returns groups of slices in request order, rows in order; `[]` when there is nothing to read.
 * @example planReadSlices([{ rows: 10, columns: 2, cellBytes: 10 }], 80)
 *   // [[{request:0,firstRow:0,rowCount:4}], [{request:0,firstRow:4,rowCount:4}], [{request:0,firstRow:8,rowCount:2}]]
 */
export function planReadSlices(requests: readonly ReadRequest[], budgetBytes: number): ReadSlice[][] {
  const groups: ReadSlice[][] = [];
  let group: ReadSlice[] = [];
  let used = 0;
  requests.forEach((req, request) => {
    if (req.rows <= 0 || req.columns <= 0) return;
    const rowBytes = req.columns * Math.max(1, req.cellBytes);
    const rowsPerSlice = Math.max(1, Math.floor(budgetBytes / rowBytes));
    for (let firstRow = 0; firstRow < req.rows; firstRow += rowsPerSlice) {
      const rowCount = Math.min(rowsPerSlice, req.rows - firstRow);
      const cost = rowCount * rowBytes;
      if (group.length > 0 && used + cost > budgetBytes) {
        groups.push(group);
        group = [];
        used = 0;
      }
      group.push({ request, firstRow, rowCount });
      used += cost;
    }
  });
  if (group.length > 0) groups.push(group);
  return groups;
}
