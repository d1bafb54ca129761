import { Block, PortError } from "../WorkbookPort";
import { jsonByteLength } from "./jsonByteLength";

/** Rows `firstRow .. firstRow + rowCount - 1` of block `block` (indexes into the blocks passed in). */
export interface WritePiece {
  block: number;
  firstRow: number;
  rowCount: number;
}

/** What one request (one `context.sync()`) carries: pieces whose JSON fits the byte budget together. */
export interface WriteBatch {
  pieces: WritePiece[];
  /** Estimated request bytes of the pieces (cell JSON plus a fixed allowance per piece). */
  bytes: number;
}

/** Bytes allowed for one piece's command envelope (range address, property name, ids) besides its cells. */
export const PIECE_OVERHEAD_BYTES = 256;

/**
 * Splits the rows of a sheet's blocks into request batches whose estimated JSON size stays under
 * `budgetBytes`, so no request exceeds Excel on the web's 5 MB payload limit. A row costs
 * `jsonByteLength(row) + 1` (its comma in the 2-D array) and each piece a fixed envelope
 * (`PIECE_OVERHEAD_BYTES`). Rows keep their order, each row lands in exactly one piece, and a block
 * may continue from one batch into the next; small blocks share a batch. Blocks with no rows add nothing.
 *
 * Cost O(total JSON size of all rows).
 *
 * @throws PortError TOO_LARGE when one row alone exceeds the budget (very long text in a cell).
 * @returns batches in write order; `[]` when there are no rows at all.
 * @example planWriteBatches([{ row: 0, column: 0, values: [[1], [2]] }], 4_000_000)
 *   // [{ pieces: [{ block: 0, firstRow: 0, rowCount: 2 }], bytes: 256 + 4 + 4 }]
 */
export function planWriteBatches(blocks: readonly Block[], budgetBytes: number): WriteBatch[] {
  const batches: WriteBatch[] = [];
  let current: WriteBatch = { pieces: [], bytes: 0 };
  let piece: WritePiece | null = null;
  const closeBatch = (): void => {
    if (current.pieces.length > 0) batches.push(current);
    current = { pieces: [], bytes: 0 };
    piece = null;
  };
  blocks.forEach((block, blockIndex) => {
    piece = null;
    for (let r = 0; r < block.values.length; r++) {
      const rowBytes = jsonByteLength(block.values[r]) + 1;
      if (rowBytes + PIECE_OVERHEAD_BYTES > budgetBytes) {
        throw new PortError(
          "TOO_LARGE",
          `Row ${r + 1} of the block at row ${block.row + 1} is about ${(rowBytes / 1e6).toFixed(1)} MB, more than Excel accepts in one request. Shorten the long text in that row and apply again.`,
        );
      }
      const cost = rowBytes + (piece === null ? PIECE_OVERHEAD_BYTES : 0);
      if (current.bytes + cost > budgetBytes) closeBatch();
      if (piece === null) {
        piece = { block: blockIndex, firstRow: r, rowCount: 0 };
        current.pieces.push(piece);
        current.bytes += PIECE_OVERHEAD_BYTES;
      }
      piece.rowCount++;
      current.bytes += rowBytes;
    }
  });
  closeBatch();
  return batches;
}
