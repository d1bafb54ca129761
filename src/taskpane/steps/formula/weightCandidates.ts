import { NEED_COUNT_ROLES, type ColumnMapping } from "../../../engine/table/ColumnMapping";
import { roleLabel } from "../mapping/roleLabels";

/**
 * The columns a formula can weight under a mapping, with a readable label: the grade bands, and for need
 * weights the mapped need counts (FRL, EL, SPED, foster, unduplicated) then the other count columns.
 */
export function weightCandidates(headers: readonly string[], mapping: ColumnMapping) {
  const grades = mapping.grades.map((c) => String(headers[c]));
  const categories: { header: string; label: string }[] = [];
  for (const role of NEED_COUNT_ROLES) {
    const column = mapping[role];
    if (column !== undefined) categories.push({ header: String(headers[column]), label: roleLabel(role) });
  }
  for (const column of mapping.counts) categories.push({ header: String(headers[column]), label: String(headers[column]) });
  return { grades, categories };
}
