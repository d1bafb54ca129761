/** The allocation formulas of the engine: weighted pupils, concentration, base, protection, LCFF, rounding. */
export { weightedPupils } from "./weightedPupils";
export { concentration } from "./concentration";
export { eligibleRowProblem } from "./eligibleRowProblem";
export type { ConcentrationMode } from "./concentration";
export { allocate } from "./allocate";
export { protect } from "./protect";
export { solveBase } from "./solveBase";
export { solveBaseDetailed } from "./solveBaseDetailed";
export type { SolveBaseResult } from "./solveBaseDetailed";
export { perPupil } from "./perPupil";
export { explain } from "./explain";
export type { ExplainLine } from "./explain";
export { upp } from "./upp";
export { lcff } from "./lcff";
export type { LcffResult } from "./lcff";
export { roundHalfUp } from "./roundHalfUp";
export { formatAmount } from "./formatAmount";
