import type { TableInfo } from "../WorkbookPort";
import type { HeaderBlock } from "./detectHeaderBlock";
import { quoteSheetName } from "./quoteSheetName";
import { rangeAddress } from "./rangeAddress";

/**
 * The `TableInfo` of a block under a detected header row: it runs from the header row to `lastRow` (the
 * used range's last row) across the header's span. Its id is the sheet-qualified address
 * (`Sheet1!A3:H900`), which `readTable` accepts back.
 *
 * Cost O(headers).
 *
 * @example headerRowTableInfo("Sheet1", { headerRow: 2, firstColumn: 0, lastColumn: 7, headers }, 899)
 *   // { id: "Sheet1!A3:H900", label: "Sheet1 (A3:H900)", kind: "headerRow", rowCount: 897, ... }
 */
export function headerRowTableInfo(sheet: string, header: HeaderBlock, lastRow: number): TableInfo {
  const rows = Math.max(lastRow, header.headerRow) - header.headerRow + 1;
  const local = rangeAddress(header.headerRow, header.firstColumn, rows, header.lastColumn - header.firstColumn + 1);
  const address = `${quoteSheetName(sheet)}!${local}`;
  return {
    id: address,
    label: `${sheet} (${local})`,
    kind: "headerRow",
    sheet,
    address,
    headers: header.headers,
    rowCount: rows - 1,
  };
}
