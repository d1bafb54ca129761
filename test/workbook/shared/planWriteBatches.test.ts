import fc from "fast-check";
import type { Block } from "../../../src/workbook/WorkbookPort";
import { PortError } from "../../../src/workbook/WorkbookPort";
import { PIECE_OVERHEAD_BYTES, planWriteBatches } from "../../../src/workbook/shared/planWriteBatches";

/** Independent size of a row: Node's own UTF-8 count of the JSON text, plus the comma between rows. */
const rowBytes = (row: unknown[]): number => Buffer.byteLength(JSON.stringify(row), "utf8") + 1;

const blockArb: fc.Arbitrary<Block> = fc.record({
  row: fc.nat(100),
  column: fc.nat(10),
  values: fc.array(fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 30 })), { minLength: 1, maxLength: 5 }), { maxLength: 40 }),
});

describe("planWriteBatches", () => {
  it("writes every row of every block exactly once, in order, with every batch under the budget", () => {
    fc.assert(
      fc.property(fc.array(blockArb, { maxLength: 4 }), fc.integer({ min: 600, max: 5000 }), (blocks, budget) => {
        const batches = planWriteBatches(blocks, budget);
        const seen: string[] = [];
        for (const batch of batches) {
          let bytes = 0;
          for (const piece of batch.pieces) {
            bytes += PIECE_OVERHEAD_BYTES;
            for (let r = piece.firstRow; r < piece.firstRow + piece.rowCount; r++) {
              seen.push(`${piece.block}:${r}`);
              bytes += rowBytes(blocks[piece.block].values[r]);
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
      fc.property(fc.array(blockArb, { minLength: 1, maxLength: 3 }), fc.integer({ min: 600, max: 3000 }), (blocks, budget) => {
        const batches = planWriteBatches(blocks, budget);
        for (let i = 0; i + 1 < batches.length; i++) {
          const next = batches[i + 1].pieces[0];
          const continuesBlock = batches[i].pieces[batches[i].pieces.length - 1].block === next.block;
          const nextCost = rowBytes(blocks[next.block].values[next.firstRow]) + PIECE_OVERHEAD_BYTES * (continuesBlock ? 0 : 1);
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
