/**
 * A short fingerprint of a sheet's contents (formulas as written, constants as stored), so the workbook can
 * tell whether a person changed an owned sheet since the add-in last wrote it. FNV-1a over a serialisation
 * that marks types, so the number 1 and the text "1" differ; trailing blank cells do not count.
 */
export function fingerprintCells(cells: unknown[][]): string {
  let hash = 0x811c9dc5;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  };
  let cellsSeen = 0;
  cells.forEach((line, r) =>
    line.forEach((cell, c) => {
      if (cell === null || cell === undefined || cell === "") return;
      cellsSeen++;
      feed(`${r},${c}:${typeof cell}:${String(cell)}\u0001`);
    }),
  );
  return `${cellsSeen}-${hash.toString(16)}`;
}
