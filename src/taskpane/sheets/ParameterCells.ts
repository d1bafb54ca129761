/** One row of the weights table on the parameters sheet. */
export interface WeightRow {
  kind: "enrolled" | "grade" | "need";
  label: string;
  /** Header of the schools-table column the weight applies to, and its 0-based index among the headers. */
  header: string;
  headerIndex: number;
  weight: number;
  /** Absolute references of this row's label and weight cells. */
  labelCell: string;
  weightCell: string;
}

/** One concentration rule's cells on the parameters sheet. */
export interface ConcentrationCells {
  label: string;
  header: string;
  headerIndex: number;
  labelCell: string;
  thresholdCell: string;
  weightCell: string;
  modeCell: string;
  /** Only for mode "ramp". */
  upperCell: string | null;
}

/** Where the parameters sit on the parameters sheet, for the formulas that reference them. */
export interface ParameterCells {
  sheet: string;
  /** The base amount cell (base "fixed") or the pool cell (base "solve"); the other is null. */
  baseCell: string | null;
  poolCell: string | null;
  /** The fixed amount cell (fixed "amount"); null otherwise. */
  fixedAmountCell: string | null;
  /** Header index of the fixed-amount column (fixed "column"); null otherwise. */
  fixedColumn: number | null;
  maxLossCell: string | null;
  maxGainCell: string | null;
  /** Every weight, in sheet order (contiguous rows): enrolled or grade weights first, then need weights. */
  weights: WeightRow[];
  /** Absolute ranges of all weight cells and all label cells (null when there are no weights). */
  weightsRange: string | null;
  labelsRange: string | null;
  concentration: ConcentrationCells[];
  /** Readable name -> absolute address of every parameter cell ("Base per weighted pupil" -> 'WSF Parameters'!$B$7). */
  names: Record<string, string>;
}
