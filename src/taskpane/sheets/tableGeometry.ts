import type { TableInfo } from "../../workbook/WorkbookPort";
import { columnIndex, rangeRef, rowCellRef } from "./a1";

/** Where the schools table sits, and references into it by header index. */
export interface TableGeometry {
  sheet: string;
  /** 0-based sheet row of the header and of the first and last data rows. */
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  /** 0-based sheet column of header index 0. */
  firstColumn: number;
  rowCount: number;
  /** Absolute range of a column's data rows: 'Schools'!$E$2:$E$851. */
  columnRange(headerIndex: number): string;
  /** Absolute range of adjacent columns' data rows, header indexes inclusive. */
  columnsRange(firstHeaderIndex: number, lastHeaderIndex: number): string;
  /** One school's cell, absolute column, for a 1-based data row: 'Schools'!$E5. */
  cell(headerIndex: number, dataRow: number): string;
}

const ADDRESS = /^(?:(?:'(?:[^']|'')+'|[^!]+)!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?[A-Za-z]{1,3}\$?\d+)?$/;

/**
 * Reads the position of a schools table from its `TableInfo` (address `Schools!A1:H851` or
 * `'My schools'!B3:K40`, header row included) so formulas can point at its columns by A1 ranges sized to
 * the table.
 *
 * @throws Error when the address cannot be read or the table has no data rows.
 * @example tableGeometry({ sheet: "Schools", address: "Schools!A1:I4", rowCount: 3, ... }).columnRange(4) // "'Schools'!$E$2:$E$4"
 */
export function tableGeometry(table: TableInfo): TableGeometry {
  const match = ADDRESS.exec(table.address.trim());
  if (!match) throw new Error(`The schools table's address "${table.address}" is not an A1 address such as Schools!A1:H851.`);
  if (table.rowCount < 1) throw new Error(`The schools table "${table.label}" has no rows of schools.`);
  const firstColumn = columnIndex(match[1]);
  const headerRow = Number(match[2]) - 1;
  const firstDataRow = headerRow + 1;
  const lastDataRow = headerRow + table.rowCount;
  const sheet = table.sheet;
  return {
    sheet,
    headerRow,
    firstDataRow,
    lastDataRow,
    firstColumn,
    rowCount: table.rowCount,
    columnRange: (h) => rangeRef(sheet, firstDataRow, firstColumn + h, lastDataRow, firstColumn + h),
    columnsRange: (a, b) => rangeRef(sheet, firstDataRow, firstColumn + a, lastDataRow, firstColumn + b),
    cell: (h, dataRow) => rowCellRef(sheet, firstDataRow + dataRow - 1, firstColumn + h),
  };
}
