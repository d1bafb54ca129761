import { Block, CellValue, PortError } from "../WorkbookPort";
import { jsonByteLength } from "./jsonByteLength";

/** Rows `firstRow .. firstRow + rowCount - 1` of block `block` (indexes into the blocks passed in). */
export interface WritePiece {
  block: number;
  firstRow: number;
  rowCount: number;
}

/** What one request (one `context.sync()`) carries: pieces whose commands fit the byte budget together. */
export interface WriteBatch {
  pieces: WritePiece[];
  /** Estimated request bytes: the pieces' commands, plus the opening or closing commands it carries. */
  bytes: number;
}

/** Commands queued around the cell writes: before the first piece (clearing, tags) and after the last (formats, tables). */
export interface WriteExtras {
  /** Bytes of the commands sent with the first batch, before any piece. */
  openingBytes?: number;
  /** Bytes of the commands sent with the last batch, after every piece. */
  closingBytes?: number;
  /** Data copied as it is (a values-only export): every string is text, "=..." included. */
  literal?: boolean;
}

/** Bytes allowed for one command's envelope (range address, property name, ids) besides its arguments. */
export const PIECE_OVERHEAD_BYTES = 256;

/** The number format that keeps a cell's text as text (excel-behaviour.md item 10). */
export const TEXT_FORMAT = "@";

/**
 * Whether a written cell is text that must stay text: a string that is not blank and, unless the data is
 * `literal`, not a formula. Excel turns such text into a formula (`+44 20`, `-`), a number (`00123`) or a
 * date (`1/2`) unless the cell's number format is text (`@`).
 */
export function isText(value: CellValue | undefined, literal = false): value is string {
  return typeof value === "string" && value !== "" && (literal || !value.startsWith("="));
}

/** Whether a block holds any text cell, i.e. whether its pieces are written with a text-format command. */
export function hasText(block: Block, literal = false): boolean {
  return block.values.some((row) => row.some((v) => isText(v, literal)));
}

/** The widest row of a block: every piece of it is written this wide, short rows padded with "". */
export function blockWidth(block: Block): number {
  return block.values.reduce((w, row) => Math.max(w, row.length), 0);
}

/**
 * One row as written: the cells padded to `width` with "" (a blank written as ""), and, for a block with
 * text, the number formats to set first: `@` on its text cells and null (leave as is) elsewhere.
 */
export function writtenRow(row: readonly CellValue[], width: number): CellValue[] {
  const out = new Array<CellValue>(width);
  for (let c = 0; c < width; c++) out[c] = row[c] ?? "";
  return out;
}

export function textFormatRow(row: readonly CellValue[], width: number, literal = false): (string | null)[] {
  const out = new Array<string | null>(width);
  for (let c = 0; c < width; c++) out[c] = isText(row[c], literal) ? TEXT_FORMAT : null;
  return out;
}

/**
 * Splits the rows of a sheet's blocks into request batches whose size in bytes stays under `budgetBytes`,
 * so no request exceeds Excel on the web's 5 MB payload limit. A row costs the JSON of its cells as
 * written (`writtenRow`), plus, in a block with text, the JSON of its text formats (`textFormatRow`),
 * each with its comma; each piece costs one command envelope (`PIECE_OVERHEAD_BYTES`), two with text.
 * The opening commands count in the first batch and the closing ones in the last (which may then be a
 * batch of its own, with no piece). Rows keep their order, each row lands in exactly one piece, and a
 * block may continue from one batch into the next; small blocks share a batch.
 *
 * Cost O(total JSON size of all rows).
 *
 * @throws PortError TOO_LARGE when one row alone exceeds the budget (very long text in a cell).
 * @returns batches in write order; `[]` when there are no rows and no extras.
 * @example planWriteBatches([{ row: 0, column: 0, values: [[1], [2]] }], 4_000_000)
 *   // [{ pieces: [{ block: 0, firstRow: 0, rowCount: 2 }], bytes: 256 + 4 + 4 }]
 */
export function planWriteBatches(blocks: readonly Block[], budgetBytes: number, extras: WriteExtras = {}): WriteBatch[] {
  const opening = extras.openingBytes ?? 0;
  const closing = extras.closingBytes ?? 0;
  const batches: WriteBatch[] = [];
  let current: WriteBatch = { pieces: [], bytes: opening };
  let piece: WritePiece | null = null;
  // A batch is sent when it carries anything: a piece, or opening or closing commands.
  const closeBatch = (): void => {
    if (current.pieces.length > 0 || current.bytes > 0) batches.push(current);
    current = { pieces: [], bytes: 0 };
    piece = null;
  };
  blocks.forEach((block, blockIndex) => {
    piece = null;
    const width = blockWidth(block);
    const text = hasText(block, extras.literal);
    const pieceBytes = PIECE_OVERHEAD_BYTES * (text ? 2 : 1);
    for (let r = 0; r < block.values.length; r++) {
      const row = block.values[r];
      const rowBytes = jsonByteLength(writtenRow(row, width)) + 1 + (text ? jsonByteLength(textFormatRow(row, width, extras.literal)) + 1 : 0);
      if (rowBytes + pieceBytes > budgetBytes) {
        throw new PortError(
          "TOO_LARGE",
          `Row ${r + 1} of the block at row ${block.row + 1} is about ${(rowBytes / 1e6).toFixed(1)} MB, more than Excel accepts in one request. Shorten the long text in that row and apply again.`,
        );
      }
      const cost = rowBytes + (piece === null ? pieceBytes : 0);
      if (current.bytes + cost > budgetBytes) closeBatch();
      if (piece === null) {
        piece = { block: blockIndex, firstRow: r, rowCount: 0 };
        current.pieces.push(piece);
        current.bytes += pieceBytes;
      }
      piece.rowCount++;
      current.bytes += rowBytes;
    }
  });
  if (current.bytes + closing > budgetBytes) closeBatch();
  current.bytes += closing;
  closeBatch();
  return batches;
}
