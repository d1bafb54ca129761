import fc from "fast-check";
import type { Block, CellValue } from "../../../src/workbook/WorkbookPort";
import { composeBlocks } from "../../../src/workbook/shared/composeBlocks";

const block: fc.Arbitrary<Block> = fc.record({
  row: fc.nat(6),
  column: fc.nat(6),
  values: fc.array(fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
});

describe("composeBlocks", () => {
  it("puts every cell where a naive cell-by-cell write in block order leaves it, blank elsewhere", () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 4 }), (blocks) => {
        // Independent naive model: a map of "row,column" -> value, written block after block.
        const naive = new Map<string, CellValue>();
        for (const b of blocks) b.values.forEach((row, r) => row.forEach((v, c) => naive.set(`${b.row + r},${b.column + c}`, v)));
        const composed = composeBlocks(blocks);
        composed.values.forEach((row, r) =>
          row.forEach((v, c) => expect(v).toBe(naive.get(`${composed.row + r},${composed.column + c}`) ?? null)),
        );
        const placed = composed.values.flat().filter((v) => v !== null).length;
        expect(placed).toBe(naive.size);
      }),
    );
  });

  it("starts at the top-left corner of the blocks' bounding box", () => {
    // Blocks at B2 (1 cell) and D5 (2 x 2): the box is B2:E6, 5 rows x 4 columns.
    const composed = composeBlocks([
      { row: 1, column: 1, values: [["x"]] },
      { row: 4, column: 3, values: [[1, 2], [3, 4]] },
    ]);
    expect([composed.row, composed.column, composed.values.length, composed.values[0].length]).toEqual([1, 1, 5, 4]);
  });

  it("is an empty grid for no blocks", () => {
    expect(composeBlocks([])).toEqual({ row: 0, column: 0, values: [] });
  });
});
