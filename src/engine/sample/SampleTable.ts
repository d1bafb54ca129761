/**
 * A table as a worksheet holds it: one header row and rows of plain cell values, ready to be written
 * into an Excel table, a browser workbook or a CSV file without further conversion.
 */
export interface SampleTable {
  headers: string[];
  rows: (string | number)[][];
  /**
   * Columns written after the helper columns (see `sampleSheetRows`), so the letters of the data and helper
   * columns never move: the generated district's instructional staff FTE and state/local salaries.
   */
  after?: { headers: string[]; rows: (string | number)[][] };
  /** The district's Title I, Part A allocation in dollars (the 125% rule's figure), when the sample has one. */
  titleIAllocation?: number;
}
