import { useMemo, useState } from "react";
import { compareScenarios, type ScenarioComparison } from "../../../engine/scenario/compareScenarios";
import type { FormulaResult } from "../../../engine/scenario/FormulaResult";
import type { FormulaSpec } from "../../../engine/scenario/FormulaSpec";
import { protectionCost, type ProtectionCost } from "../../../engine/scenario/protectionCost";
import type { StoredScenario } from "../../../engine/scenario/StoredScenario";
import type { School } from "../../../engine/table/School";
import { finalYearResult } from "../../../engine/transition/finalYearResult";
import { formatCents, formatDollars } from "../../common/formatNumbers";
import { describeError } from "../../messages/describeError";

/** The choice value of the formula in the pane (not saved yet). */
export const CURRENT = "\u0000current";

export interface Comparison {
  comparison: ScenarioComparison;
  protectionA: ProtectionCost;
  protectionB: ProtectionCost;
  /** For each side, in words: on which data it is shown (always today's table) and whether that changed its figures. */
  provenanceA: string;
  provenanceB: string;
}

/**
 * A saved scenario holds its formula and the headline figures of its run, not the table it ran on, so the
 * comparison runs it again on today's table. Says so, and says when today's figures differ from the ones
 * saved with it (the table changed since), so the list and the comparison never disagree silently.
 */
export function provenance(choice: string, scenario: StoredScenario | null, run: FormulaResult): string {
  if (choice === CURRENT || !scenario) return "the formula in the pane, run on today's table.";
  const saved = scenario.summary;
  const when = new Date(scenario.savedAt).toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric" });
  const today = `base ${formatCents(run.base)}, total ${formatDollars(run.total)}`;
  if (!saved) return `recomputed on today's table (${today}); it was saved on ${when} without figures to check against.`;
  const same = saved.schools === run.protectedAmount.length && Math.abs(saved.base - run.base) < 0.005 && Math.abs(saved.total - run.total) < 0.5;
  if (same) return `recomputed on today's table: the same figures as when it was saved on ${when} (${today}).`;
  return `recomputed on today's table: ${today} over ${run.protectedAmount.length} schools. When it was saved on ${when} it gave base ${formatCents(saved.base)}, total ${formatDollars(saved.total)} over ${saved.schools} schools: the table has changed since.`;
}

/**
 * Compares two formulas (saved scenarios or the one in the pane) on the schools of the current table:
 * per-school differences (`compareScenarios`) and what each protection rule costs in each
 * (`protectionCost`). Both run on the same schools, so the rows line up.
 */
export function useScenarioComparison(scenarios: StoredScenario[], currentSpec: FormulaSpec | null, schools: School[]) {
  const [a, setA] = useState<string>("");
  const [b, setB] = useState<string>("");
  /** Compare where each saved transition plan ends (its last year) instead of the formula's first year. */
  const [finalYear, setFinalYear] = useState(false);
  const scenarioOf = (choice: string): StoredScenario | null => (choice === CURRENT ? null : scenarios.find((s) => s.name === choice) ?? null);
  const specOf = (choice: string): FormulaSpec | null => (choice === CURRENT ? currentSpec : scenarioOf(choice)?.spec ?? null);
  const specA = specOf(a);
  const specB = specOf(b);
  const scenarioA = scenarioOf(a);
  const scenarioB = scenarioOf(b);

  const outcome = useMemo((): { value: Comparison | null; error: string | null } => {
    if (!specA || !specB) return { value: null, error: null };
    try {
      const protectionA = protectionCost(specA, schools);
      const protectionB = protectionCost(specB, schools);
      // In the final year, each side's amounts are its saved plan's last year; a side without a plan cannot
      // be shown there, and the comparison says so rather than mixing a year-1 side with a final-year one.
      const ending = (choice: string, scenario: StoredScenario | null, result: FormulaResult): { result: FormulaResult; words: string } => {
        const plan = scenario?.transition;
        if (!finalYear) return { result, words: "" };
        const name = choice === CURRENT ? "the current formula" : `"${choice}"`;
        if (!plan) throw new Error(`${name} has no transition plan saved with it: plan its transition (step "Transition"), save it as a scenario, then compare final years`);
        try {
          return { result: finalYearResult(result, schools, plan), words: ` Shown in year ${plan.years.length}, the last of its transition plan.` };
        } catch (error) {
          throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      };
      const endA = ending(a, scenarioA, protectionA.result);
      const endB = ending(b, scenarioB, protectionB.result);
      const comparison = compareScenarios(endA.result, endB.result, schools);
      return {
        value: {
          comparison,
          protectionA,
          protectionB,
          provenanceA: provenance(a, scenarioA, protectionA.result) + endA.words,
          provenanceB: provenance(b, scenarioB, protectionB.result) + endB.words,
        },
        error: null,
      };
    } catch (error) {
      return { value: null, error: describeError(error, "Restore the scenario, check its mapping against this table, and save it again.") };
    }
  }, [specA, specB, schools, a, b, scenarioA, scenarioB, finalYear]);

  return { a, b, setA, setB, finalYear, setFinalYear, ...outcome };
}
