import type { FormulaResult } from "./FormulaResult";
import type { ScenarioSummary } from "./StoredScenario";

/**
 * The headline figures of a run, for saving with a scenario.
 *
 * Cost O(n).
 *
 * @throws nothing.
 * @example summarizeResult(runFormula(spec, schools)).total // the pool, when the base is solved
 */
export function summarizeResult(result: FormulaResult): ScenarioSummary {
  return {
    base: result.base,
    total: result.total,
    schools: result.protectedAmount.length,
    floorCost: result.floorCost,
    capSavings: result.capSavings,
    floored: result.floored.filter(Boolean).length,
    capped: result.capped.filter(Boolean).length,
  };
}

/**
 * The floor top-up and the cap hold-back of one run, each measured at the run's own base (no second run):
 * - floor top-up: what the schools held at their stop-loss floor get above the formula at this base, in
 *   all, and as a share of the total. It is not what the stop-loss costs the other schools: that compares
 *   with the formula without the stop-loss (`protectionCost(...).maxLoss.others`), whose base is higher.
 * - cap hold-back: what the schools held at their gain cap give up against the formula at this base.
 */
export interface ProtectionAtBase {
  floored: number;
  floorTopUp: number;
  /** floorTopUp / total; 0 when the total is 0. */
  floorTopUpShare: number;
  capped: number;
  capHeldBack: number;
}

/**
 * The floor top-up and cap hold-back of a run (see `ProtectionAtBase`).
 *
 * Cost O(n).
 *
 * @throws nothing.
 * @example protectionAtBase(run).floorTopUp // 57,000 when one school is held 57,000 above its formula amount
 */
export function protectionAtBase(result: FormulaResult): ProtectionAtBase {
  return {
    floored: result.floored.filter(Boolean).length,
    floorTopUp: result.floorCost,
    floorTopUpShare: result.total === 0 ? 0 : result.floorCost / result.total,
    capped: result.capped.filter(Boolean).length,
    capHeldBack: result.capSavings,
  };
}
