/**
 * One poverty band of a Title I allocation: areas whose poverty rate is at least `from` (and below `to`,
 * when the band has an upper end) get `perChild` dollars per low-income child.
 */
export interface PovertyBand {
  /** Lowest poverty rate of the band, a share (0.65 for 65%). */
  from: number;
  /** First rate above the band (exclusive), or null when the band reaches up to the next band or to 100%. */
  to: number | null;
  /** Dollars per low-income child. */
  perChild: number;
  /** 1-based row of the band in the amount range, for messages. */
  row: number;
}
