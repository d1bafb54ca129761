import fc from "fast-check";
import type { Block } from "../../../src/workbook/WorkbookPort";
import { PortError } from "../../../src/workbook/WorkbookPort";
import { PIECE_OVERHEAD_BYTES, planWriteBatches } from "../../../src/workbook/shared/planWriteBatches";

/** Independent size of JSON: Node's own UTF-8 count of the text, plus the comma between rows. */
const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), "utf8") + 1;
const textCell = (v: unknown): boolean => typeof v === "string" && v.length > 0 && v[0] !== "=";
const width = (b: Block): number => Math.max(0, ...b.values.map((r) => r.length));
const blockHasText = (b: Block): boolean => b.values.some((r) => r.some(textCell));
/**
 * What one row sends, counted independently: its cells padded with "" to the block's width and, in a block
 * holding text, the number formats set first ("@" on text, null elsewhere).
 */
const rowBytesOf = (b: Block, r: number): number => {
  const cells = Array.from({ length: width(b) }, (_, c) => b.values[r][c] ?? "");
  return jsonBytes(cells) + (blockHasText(b) ? jsonBytes(cells.map((v) => (textCell(v) ? "@" : null))) : 0);
};
const pieceBytesOf = (b: Block): number => PIECE_OVERHEAD_BYTES * (blockHasText(b) ? 2 : 1);

const blockArb: fc.Arbitrary<Block> = fc.record({
  row: fc.nat(100),
  column: fc.nat(10),
  values: fc.array(fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 30 })), { minLength: 1, maxLength: 5 }), { maxLength: 40 }),
});

// Budgets start at 1,200 bytes: the largest generated row (5 cells of up to 30 characters, escaped) with its
// text formats and two command envelopes (512 bytes) stays under that, so no row is refused as too large.
describe("planWriteBatches", () => {
  it("writes every row of every block exactly once, in order, with every batch under the budget", () => {
    fc.assert(
      fc.property(fc.array(blockArb, { maxLength: 4 }), fc.integer({ min: 1200, max: 5000 }), (blocks, budget) => {
        const batches = planWriteBatches(blocks, budget);
        const seen: string[] = [];
        for (const batch of batches) {
          let bytes = 0;
          for (const piece of batch.pieces) {
            bytes += pieceBytesOf(blocks[piece.block]);
            for (let r = piece.firstRow; r < piece.firstRow + piece.rowCount; r++) {
              seen.push(`${piece.block}:${r}`);
              bytes += rowBytesOf(blocks[piece.block], r);
            }
          }
          expect(batch.bytes).toBe(bytes);
          expect(bytes).toBeLessThanOrEqual(budget);
        }
        const expected = blocks.flatMap((b, i) => b.values.map((_, r) => `${i}:${r}`));
        expect(seen).toEqual(expected);
      }),
    );
  });

  it("starts a new batch only when the next row would not fit (greedy packing)", () => {
    fc.assert(
      fc.property(fc.array(blockArb, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1200, max: 3000 }), (blocks, budget) => {
        const batches = planWriteBatches(blocks, budget);
        for (let i = 0; i + 1 < batches.length; i++) {
          const next = batches[i + 1].pieces[0];
          const continuesBlock = batches[i].pieces[batches[i].pieces.length - 1].block === next.block;
          const nextCost = rowBytesOf(blocks[next.block], next.firstRow) + (continuesBlock ? 0 : pieceBytesOf(blocks[next.block]));
          expect(batches[i].bytes + nextCost).toBeGreaterThan(budget);
        }
      }),
    );
  });

  it("keeps a small sheet in one batch: 5,000 schools x 12 columns fit in 4 MB", () => {
    // Each row: a school name and 11 numbers like 1234.56; about 110 bytes, so 5,000 rows are about 0.55 MB.
    const values = Array.from({ length: 5000 }, (_, i) => [`School ${i}`, ...Array.from({ length: 11 }, (_, c) => 1000 + i + c / 100)]);
    expect(planWriteBatches([{ row: 0, column: 0, values }], 4_000_000)).toHaveLength(1);
  });

  it("counts the text formats: a text row costs its cells and its formats (hand count)", () => {
    // ["00123",1] is 11 bytes + comma = 12; ["@",null] is 10 + comma = 11; two envelopes (cells, formats).
    expect(planWriteBatches([{ row: 0, column: 0, values: [["00123", 1]] }], 4_000_000)).toEqual([{ pieces: [{ block: 0, firstRow: 0, rowCount: 1 }], bytes: 2 * PIECE_OVERHEAD_BYTES + 12 + 11 }]);
    // A formula is not text, unless the data is copied literally (a values-only export).
    expect(planWriteBatches([{ row: 0, column: 0, values: [["=A1"]] }], 4_000_000)[0].bytes).toBe(PIECE_OVERHEAD_BYTES + 8);
    expect(planWriteBatches([{ row: 0, column: 0, values: [["=A1"]] }], 4_000_000, { literal: true })[0].bytes).toBe(2 * PIECE_OVERHEAD_BYTES + 8 + 6);
  });

  it("counts the opening commands in the first batch and the closing ones in the last, in a batch of their own when they do not fit", () => {
    const values = Array.from({ length: 10 }, (_, i) => [i]); // rows of 4 bytes ("[0]" and a comma)
    const one = planWriteBatches([{ row: 0, column: 0, values }], 1000, { openingBytes: 300, closingBytes: 200 });
    expect(one).toEqual([{ pieces: [{ block: 0, firstRow: 0, rowCount: 10 }], bytes: 300 + PIECE_OVERHEAD_BYTES + 40 + 200 }]);
    const split = planWriteBatches([{ row: 0, column: 0, values }], 1000, { openingBytes: 300, closingBytes: 500 });
    expect(split.map((b) => [b.pieces.length, b.bytes])).toEqual([
      [1, 300 + PIECE_OVERHEAD_BYTES + 40],
      [0, 500],
    ]);
    expect(planWriteBatches([], 1000, { openingBytes: 300 })).toEqual([{ pieces: [], bytes: 300 }]);
  });

  it("returns no batches when there is nothing to write", () => {
    expect(planWriteBatches([], 1000)).toEqual([]);
    expect(planWriteBatches([{ row: 0, column: 0, values: [] }], 1000)).toEqual([]);
  });

  it("refuses a single row larger than the budget with TOO_LARGE and says what to do", () => {
    const block: Block = { row: 4, column: 0, values: [["x".repeat(2000)]] };
    expect(() => planWriteBatches([block], 1000)).toThrow(PortError);
    expect(() => planWriteBatches([block], 1000)).toThrow(/Row 1 of the block at row 5 .* Shorten the long text/);
  });
});
