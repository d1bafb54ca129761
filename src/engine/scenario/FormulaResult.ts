/** The outcome of `runFormula`: one entry per school, in the order of the schools given. */
export interface FormulaResult {
  /** Dollars per weighted pupil (solved when the spec gives a pool). Unrounded. */
  base: number;
  weightedPupils: number[];
  /** base x weighted pupils + fixed, before protection. */
  formulaAmount: number[];
  /** Formula amount held within the prior-year band: what the school receives. */
  protectedAmount: number[];
  /** protectedAmount - prior; null for a school without a prior-year amount. */
  change: (number | null)[];
  /** protectedAmount / enrollment; null for a school with 0 enrollment. */
  perPupil: (number | null)[];
  /** Sum of protected amounts (compensated sum). Equals the pool to the cent when the base is solved. */
  total: number;
  /** Money the stop-loss floors add above the formula. */
  floorCost: number;
  /** Money the gain caps hold back from the formula. */
  capSavings: number;
  /** Per school: held up at its stop-loss floor. */
  floored: boolean[];
  /** Per school: held down at its gain cap. */
  capped: boolean[];
}
