import { useMemo, useState } from "react";
import { compareScenarios, type ScenarioComparison, type SchoolDifference } from "../../../engine/scenario/compareScenarios";
import type { FormulaSpec } from "../../../engine/scenario/FormulaSpec";
import { protectionCost, type ProtectionCost } from "../../../engine/scenario/protectionCost";
import type { StoredScenario } from "../../../engine/scenario/StoredScenario";
import type { School } from "../../../engine/table/School";
import { describeError } from "../../messages/describeError";

/** The choice value of the formula in the pane (not saved yet). */
export const CURRENT = "\u0000current";
/** How many schools the movers table shows, largest changes first. */
export const TOP_MOVERS = 10;

export interface Comparison {
  comparison: ScenarioComparison;
  movers: SchoolDifference[];
  protectionA: ProtectionCost;
  protectionB: ProtectionCost;
}

/**
 * Compares two formulas (saved scenarios or the one in the pane) on the schools of the current table:
 * per-school differences (`compareScenarios`), the top movers, winners and losers, and what each
 * protection rule costs in each (`protectionCost`). Both run on the same schools, so the rows line up.
 */
export function useScenarioComparison(scenarios: StoredScenario[], currentSpec: FormulaSpec | null, schools: School[]) {
  const [a, setA] = useState<string>("");
  const [b, setB] = useState<string>("");
  const specOf = (choice: string): FormulaSpec | null => (choice === CURRENT ? currentSpec : scenarios.find((s) => s.name === choice)?.spec ?? null);
  const specA = specOf(a);
  const specB = specOf(b);

  const outcome = useMemo((): { value: Comparison | null; error: string | null } => {
    if (!specA || !specB) return { value: null, error: null };
    try {
      const protectionA = protectionCost(specA, schools);
      const protectionB = protectionCost(specB, schools);
      const comparison = compareScenarios(protectionA.result, protectionB.result, schools);
      const movers = [...comparison.rows].sort((x, y) => Math.abs(y.difference) - Math.abs(x.difference)).slice(0, TOP_MOVERS);
      return { value: { comparison, movers, protectionA, protectionB }, error: null };
    } catch (error) {
      return { value: null, error: describeError(error, "Restore the scenario, check its mapping against this table, and save it again.") };
    }
  }, [specA, specB, schools]);

  return { a, b, setA, setB, ...outcome };
}
