import type { CellValue, SheetSpec } from "../../src/workbook/WorkbookPort";

/**
 * A sheet the pane builds, as the grid of cells a workbook would hold (row 0 = row 1 of the sheet): every
 * block's values at its row and column, blank cells null, each row as long as its last written cell.
 * Written here for the tests, apart from the adapters' own composeBlocks.
 */
export function sheetGrid(spec: SheetSpec): CellValue[][] {
  const out: CellValue[][] = [];
  for (const b of spec.blocks) {
    b.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v === null) return;
        while (out.length <= b.row + r) out.push([]);
        out[b.row + r][b.column + c] = v;
      }),
    );
  }
  return out.map((line) => Array.from(line, (v) => v ?? null));
}
