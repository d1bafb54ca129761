/** Moving to a new formula over several years: gap closing, the prior-year band, the plan and its cost. */
export { phaseIn } from "./phaseIn";
export { phaseInAmount } from "./phaseInAmount";
export { requireTransitionRule } from "./requireTransitionRule";
export { planTransition } from "./planTransition";
export { finalYearResult } from "./finalYearResult";
export type { TransitionPlan, TransitionPlanInput, TransitionYear, TransitionYearRule } from "./TransitionPlan";
export { californiaGapRates } from "./californiaGapRates";
export { transitionRatePresets } from "./transitionRatePresets";
export type { TransitionRatePreset } from "./transitionRatePresets";
export type { TransitionSettings } from "./TransitionSettings";
export { transitionSettingsProblems } from "./transitionSettingsProblems";
