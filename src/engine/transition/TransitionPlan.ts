/**
 * The data of a multi-year transition plan (domain.md section 7): what `planTransition` takes and returns.
 * Years are numbered from 1 (the first year under the new formula); "year 0" is last year's amounts.
 */

/** The rules of one year: gap closing and/or the prior-year band, and how the pool grows. */
export interface TransitionYearRule {
  /** Share of the gap to the target closed this year, 0..1; null closes all of it (rate 1). */
  rate: number | null;
  /** Stop-loss: a school loses at most this share of last year's amount; null: no floor. */
  maxLoss: number | null;
  /** Gain cap: a school gains at most this share of last year's amount; null: no cap. */
  maxGain: number | null;
  /** Growth of the pool this year over last, e.g. 0.02; null or 0: targets as the formula gives them. */
  poolGrowth: number | null;
}

/** What the plan runs on: one entry per school in every column. */
export interface TransitionPlanInput {
  /** Last year's amount per school; NaN (blank) or 0: a new school, which gets its target at once. */
  prior: ArrayLike<number>;
  /** The formula's target per school at today's enrollment and pool. */
  target: ArrayLike<number>;
  /** The rules of each year, 2 to 5 years. */
  years: TransitionYearRule[];
  /**
   * Optional projected enrollment: `enrollment` today per school and one column per plan year. A school's
   * target in a year scales by projected / today's enrollment (its per-pupil amount is kept).
   */
  enrollment?: ArrayLike<number>;
  projectedEnrollment?: ArrayLike<number>[];
  /**
   * Weighted pupils per school, given when the pool is fixed (a solved base): the cost of protection is
   * then also stated as base per weighted pupil, the amount the base must drop to pay for it.
   */
  weightedPupils?: ArrayLike<number>;
}

/** One year of the plan. */
export interface TransitionYear {
  /** 1-based year of the plan. */
  year: number;
  /** The rules used. */
  rule: TransitionYearRule;
  /** Per school: the year's target (after pool growth and projected enrollment), amount and change. */
  target: number[];
  amount: number[];
  /** amount - last year's amount (last year blank: the whole amount). */
  change: number[];
  /** Per school: still held above its target by the transition (the schools protection pays for). */
  protected: boolean[];
  /** Per school: still held below its target (a gain not yet phased in). */
  heldBack: boolean[];
  total: number;
  targetTotal: number;
  protectedCount: number;
  heldBackCount: number;
  /** Dollars paid above target to the protected schools (sum of amount - target where amount > target). */
  cost: number;
  /** Dollars withheld from schools below target (sum of target - amount where amount < target). */
  withheld: number;
  /** cost / total weighted pupils of the year: what protection takes off the base; null if the pool is not fixed. */
  costPerWeightedPupil: number | null;
}

export interface TransitionPlan {
  years: TransitionYear[];
}
