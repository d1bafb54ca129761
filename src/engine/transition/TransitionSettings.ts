import type { TransitionYearRule } from "./TransitionPlan";

/**
 * A transition plan as the task pane keeps it and a scenario stores it: the rules of each year (2 to 5)
 * and, per year, the header of the schools table's projected-enrollment column (null: today's enrollment).
 */
export interface TransitionSettings {
  years: TransitionYearRule[];
  projectedEnrollment: (string | null)[];
}
