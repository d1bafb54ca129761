/**
 * One school as the formula sees it, read from one row of the schools table by `readSchools`, and one
 * problem found while reading the table.
 */

export interface School {
  /** 1-based data row in the table (header excluded): row 1 is the first row under the header. */
  row: number;
  /** The school id as text (numbers are written without formatting); `row N` when the table has no id. */
  id: string;
  name: string;
  enrollment: number;
  /**
   * Every mapped numeric column (enrollment, need counts, grade bands, other counts), keyed by its header
   * text exactly as in the table. Blank count cells are 0 (the catalogue's rule for counts).
   */
  counts: Record<string, number>;
  /** Prior-year allocation in dollars; null when the table has no prior column or the cell is blank (a new school). */
  prior: number | null;
  region: string | null;
  level: string | null;
}

/** A problem in the schools table, placed so the task pane can select the offending cell. */
export interface DataProblem {
  /** 1-based data row (as `School.row`); 0 for a problem with the whole table (a missing column). */
  row: number;
  /** 0-based index into the headers; -1 when no single column is at fault. */
  column: number;
  /** The header of `column` ("" when column is -1). */
  header: string;
  /** 0-based sheet row of the cell (for `WorkbookPort.selectCell`); the header row for table problems. */
  sheetRow: number;
  /** 0-based sheet column of the cell; the table's first column for table problems. */
  sheetColumn: number;
  /** Plain-language message in the engine's format: `Schools table: FRL row 3 (sheet row 4) is "n/a", expected ...`. */
  message: string;
  /** "error": the school is left out of the formula until fixed. "warning": read, but worth a look. */
  severity: "error" | "warning";
}
