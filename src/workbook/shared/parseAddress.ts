import { columnIndex } from "./columnIndex";

/** A block located by an A1 address, 0-based; `sheet` is null when the address had no sheet part. */
export interface ParsedAddress {
  sheet: string | null;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/**
 * Reads an A1 address such as `Schools!A1:H851`, `'WSF Allocation'!$B$3` or `C5:D9` into a 0-based
 * block. Accepts what Excel's `Range.address` returns (sheet-qualified, quotes doubled inside quoted
 * names, optional `$`). Corners may come in either order ("D9:C5" is the same block as "C5:D9").
 *
 * Cost O(address length).
 *
 * @returns null when the text is not a single-area A1 address (whole columns "A:A", R1C1 and
 *   multi-area addresses are not accepted), so callers can treat such an id as a table name.
 * @example parseAddress("'O''Brien'!B3:D12") // { sheet: "O'Brien", row: 2, column: 1, rows: 10, columns: 3 }
 */
export function parseAddress(address: string): ParsedAddress | null {
  let sheet: string | null = null;
  let cells = address.trim();
  const bang = cells.lastIndexOf("!");
  if (bang >= 0) {
    const sheetPart = cells.slice(0, bang);
    cells = cells.slice(bang + 1);
    if (sheetPart.startsWith("'")) {
      if (!sheetPart.endsWith("'") || sheetPart.length < 3) return null;
      sheet = sheetPart.slice(1, -1).replace(/''/g, "'");
    } else {
      if (sheetPart.length === 0) return null;
      sheet = sheetPart;
    }
  }
  const match = /^\$?([A-Za-z]{1,3})\$?([0-9]+)(?::\$?([A-Za-z]{1,3})\$?([0-9]+))?$/.exec(cells);
  if (!match) return null;
  const r1 = Number(match[2]) - 1;
  const c1 = columnIndex(match[1]);
  const r2 = match[4] === undefined ? r1 : Number(match[4]) - 1;
  const c2 = match[3] === undefined ? c1 : columnIndex(match[3]);
  if (r1 < 0 || r2 < 0) return null;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return { sheet, row, column, rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
}
