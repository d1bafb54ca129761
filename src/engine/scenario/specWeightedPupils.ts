import { WsfError } from "../core/WsfError";
import { concentration, weightedPupils } from "../allocation";
import type { School } from "../table";
import { countColumn, FORMULA } from "./countColumn";
import type { FormulaSpec } from "./FormulaSpec";

/**
 * Weighted pupils per school under a formula: the grade weights (every enrolled pupil at weight 1 when the
 * spec has none) plus the need weights, stacked additively (`weightedPupils`), plus the extra weighted pupils
 * of each concentration rule (`concentration`, eligible pupils against enrollment).
 *
 * Cost O(n x k) for n schools and k weighted columns and rules.
 *
 * @throws WsfError VALUE when a header is not among the schools' counts, or from the allocation engine
 *   (a negative weight, eligible pupils above enrollment, a ramp without an upper share).
 * @example specWeightedPupils({ ...flatSpec, categoryWeights: [{ header: "EL", label: "English learners", weight: 0.4 }] },
 *   [{ enrollment: 100, counts: { EL: 10 }, ... }]) // Float64Array [104]
 */
export function specWeightedPupils(spec: FormulaSpec, schools: readonly School[]): Float64Array {
  const columns: Float64Array[] = [];
  const weights: number[] = [];
  if (spec.gradeWeights.length === 0) {
    columns.push(Float64Array.from(schools, (s) => s.enrollment));
    weights.push(1);
  }
  for (const g of spec.gradeWeights) {
    columns.push(countColumn(schools, g.header, "grade weights"));
    weights.push(g.weight);
  }
  for (const c of spec.categoryWeights) {
    columns.push(countColumn(schools, c.header, `weight "${c.label}"`));
    weights.push(c.weight);
  }
  const total = weightedPupils(columns, weights, FORMULA);
  if (spec.concentration.length > 0) {
    const enrollment = Float64Array.from(schools, (s) => s.enrollment);
    for (const rule of spec.concentration) {
      const eligible = countColumn(schools, rule.header, `concentration "${rule.label}"`);
      let extra: Float64Array;
      try {
        extra = concentration(eligible, enrollment, rule.threshold, rule.weight, rule.mode, rule.upper ?? null, FORMULA);
      } catch (e) {
        // The engine names the row; say which rule it was.
        if (e instanceof WsfError) throw new WsfError(e.code, `${e.message} (concentration "${rule.label}")`);
        throw e;
      }
      for (let i = 0; i < total.length; i++) total[i] += extra[i];
    }
  }
  return total;
}
