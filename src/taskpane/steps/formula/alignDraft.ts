import type { ColumnMapping } from "../../../engine/table/ColumnMapping";
import type { FormulaDraft } from "./FormulaDraft";
import { weightCandidates } from "./weightCandidates";

/**
 * Lines the weight rows of a draft up with the current mapping: every mapped grade band and count column
 * gets a row (blank when new), and a row whose column is no longer mapped stays only while it has a weight
 * (so the field can say the column is missing instead of the weight vanishing).
 */
export function alignDraft(draft: FormulaDraft, headers: readonly string[], mapping: ColumnMapping): FormulaDraft {
  const { grades, categories } = weightCandidates(headers, mapping);
  const gradeRows = grades.map((header) => draft.gradeWeights.find((g) => g.header === header) ?? { header, weight: "" });
  for (const g of draft.gradeWeights) if (!grades.includes(g.header) && g.weight.trim() !== "") gradeRows.push(g);
  const categoryRows = categories.map((c) => draft.categoryWeights.find((d) => d.header === c.header) ?? { header: c.header, label: c.label, weight: "" });
  for (const c of draft.categoryWeights) if (!categories.some((k) => k.header === c.header) && c.weight.trim() !== "") categoryRows.push(c);
  return { ...draft, gradeWeights: gradeRows, categoryWeights: categoryRows };
}
