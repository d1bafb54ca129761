import type { ColumnMapping } from "../../../engine/table/ColumnMapping";

/** The Title I step's column picks that it can guess (header indexes; null when none fits). */
export interface TitleIColumns {
  lowIncome: number | null;
  enrollment: number | null;
  gradeSpan: number | null;
  privateSchool: number | null;
  staff: number | null;
  salaries: number | null;
}

/**
 * Guesses the Title I step's columns: low-income children and enrollment from the column mapping (FRL, else
 * unduplicated pupils), the grade span from the mapped level, and by header the private-school children
 * ("private"), the instructional staff ("staff", "FTE", "teachers") and the state/local salaries ("salar").
 *
 * Cost O(h) for h headers.
 *
 * @example suggestTitleIColumns(["School", "Instructional staff FTE"], { grades: [], counts: [] }).staff // 1
 */
export function suggestTitleIColumns(headers: readonly string[], mapping: ColumnMapping): TitleIColumns {
  const find = (pattern: RegExp) => {
    const k = headers.findIndex((h) => pattern.test(String(h)));
    return k < 0 ? null : k;
  };
  return {
    lowIncome: mapping.frl ?? mapping.unduplicated ?? null,
    enrollment: mapping.enrollment ?? null,
    gradeSpan: mapping.level ?? null,
    privateSchool: find(/private/i),
    staff: find(/\b(staff|fte|teachers?)\b/i),
    salaries: find(/salar/i),
  };
}
