/**
 * A table as a worksheet holds it: one header row and rows of plain cell values, ready to be written
 * into an Excel table, a browser workbook or a CSV file without further conversion.
 */
export interface SampleTable {
  headers: string[];
  rows: (string | number)[][];
}
