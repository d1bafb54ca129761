/*
 * The workbook settings as a sheet: `WSF_Settings`, very hidden, one row per setting key (column A) with its
 * JSON text in column B, continued in C, D, ... in pieces of 30,000 characters (a cell holds 32,767).
 *
 * The playground saves its files with this sheet, because Excel's own settings part is tied to one add-in
 * id and install and file libraries (exceljs) drop it. In Excel the add-in reads the sheet when its settings
 * hold nothing for a key (a file saved by the playground or another install), and keeps the sheet's rows
 * in step with every setting it writes, so the playground never reopens a file on stale scenarios.
 */

/** The very hidden sheet that carries the settings in a file. */
export const SETTINGS_SHEET = "WSF_Settings";
/** Characters of JSON in one cell of the sheet. */
export const SETTINGS_PIECE = 30_000;
/** The sheet's header row. */
export const SETTINGS_HEADER = ["Setting", "Value (JSON; a long value continues in the cells to its right)"];

/** A JSON text cut into cell-sized pieces. */
export function settingPieces(json: string): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < json.length; i += SETTINGS_PIECE) pieces.push(json.slice(i, i + SETTINGS_PIECE));
  return pieces;
}

/** The setting rows of the sheet's values (header skipped): key -> { 0-based row, JSON text }. */
export function parseSettingsRows(values: readonly (readonly unknown[])[]): Map<string, { row: number; json: string }> {
  const out = new Map<string, { row: number; json: string }>();
  values.forEach((cells, row) => {
    if (row === 0) return;
    const key = cells[0];
    if (typeof key !== "string" || key === "" || out.has(key)) return;
    let json = "";
    for (let c = 1; c < cells.length; c++) if (typeof cells[c] === "string") json += cells[c] as string;
    out.set(key, { row, json });
  });
  return out;
}
