/** Where the allocation sheet put things, for the equity, chart and explain sheets that read it. */
export interface AllocationCells {
  sheet: string;
  /** 0-based sheet rows of the header and of the first and last school rows. */
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  /** 0-based sheet column of each output column. */
  columns: {
    id: number;
    name: number;
    enrollment: number;
    weightedPupils: number;
    base: number;
    formulaAmount: number;
    prior: number;
    protectedAmount: number;
    change: number;
    poverty: number;
    perPupil: number;
    check: number;
    /** 1, 0 (blank or short enrollment) or "" (blank row): what the row check needs, independent of the parameters. */
    enrollmentOk: number;
  };
  /** The base cell (absolute). */
  baseCell: string;
  /** The status line under the totals: why the base and the amounts are errors, in words (absolute). */
  statusCell: string;
  /** Absolute ranges of the school rows of each output column. */
  ranges: {
    weightedPupils: string;
    formulaAmount: string;
    protectedAmount: string;
    perPupil: string;
    poverty: string;
  };
  /** Pupils for per-pupil and equity statistics: the schools table's enrollment range (blank rows stay blank). */
  pupilsRange: string;
  /** The prior-year range PROTECT and SOLVEBASE read (the schools table's, or the sheet's own empty column). */
  priorRange: string;
  /** The header of the need column the poverty share is computed from; null when the table has none. */
  povertyHeader: string | null;
}
