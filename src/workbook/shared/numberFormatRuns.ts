/** A vertical run of cells in one column sharing a number format. */
export interface NumberFormatRun {
  row: number;
  column: number;
  rows: number;
  format: string;
}

/**
 * Compresses a grid of number formats (Excel's `Range.numberFormat`) into vertical runs per column,
 * leaving out "General" (Excel's default, which a fresh sheet already has). A sheet the add-in wrote has
 * one or two runs per column (a header, then a money or percent column), so copying its formats costs a
 * few short commands instead of one string per cell.
 *
 * Cost O(cells).
 *
 * @param originRow 0-based sheet row of `grid[0]`; @param originColumn 0-based sheet column of `grid[r][0]`.
 * @example numberFormatRuns([["General", "General"], ["$#,##0", "0.0%"], ["$#,##0", "0.0%"]])
 *   // [{ row: 1, column: 0, rows: 2, format: "$#,##0" }, { row: 1, column: 1, rows: 2, format: "0.0%" }]
 */
export function numberFormatRuns(grid: readonly (readonly unknown[])[], originRow = 0, originColumn = 0): NumberFormatRun[] {
  const runs: NumberFormatRun[] = [];
  const width = Math.max(0, ...grid.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    let open: NumberFormatRun | null = null;
    for (let r = 0; r < grid.length; r++) {
      const cell = grid[r][c];
      const format = typeof cell === "string" && cell !== "" && cell !== "General" ? cell : null;
      if (open && format === open.format) {
        open.rows++;
        continue;
      }
      open = format === null ? null : { row: originRow + r, column: originColumn + c, rows: 1, format };
      if (open) runs.push(open);
    }
  }
  return runs;
}
