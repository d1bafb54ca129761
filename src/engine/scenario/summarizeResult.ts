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
