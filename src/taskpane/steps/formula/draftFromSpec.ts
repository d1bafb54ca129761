import type { FormulaSpec } from "../../../engine/scenario/FormulaSpec";
import type { ColumnMapping } from "../../../engine/table/ColumnMapping";
import { alignDraft } from "./alignDraft";
import type { FormulaDraft } from "./FormulaDraft";
import { formatDraftNumber } from "./parseDraftNumber";

const percent = (share: number | null | undefined): string => (share === null || share === undefined ? "" : formatDraftNumber(share * 100));

/** The editable form of a spec (a preset or a restored scenario), with a row for every weightable column. */
export function draftFromSpec(spec: FormulaSpec, headers: readonly string[], mapping: ColumnMapping): FormulaDraft {
  const draft: FormulaDraft = {
    name: spec.name ?? "",
    baseMode: spec.base.mode,
    baseAmount: spec.base.mode === "fixed" ? formatDraftNumber(spec.base.amount) : "",
    pool: spec.base.mode === "solve" ? formatDraftNumber(spec.base.pool) : "",
    gradeWeights: spec.gradeWeights.map((g) => ({ header: g.header, weight: formatDraftNumber(g.weight) })),
    categoryWeights: spec.categoryWeights.map((c) => ({ header: c.header, label: c.label, weight: formatDraftNumber(c.weight) })),
    concentration: spec.concentration.map((r) => ({
      header: r.header,
      label: r.label,
      threshold: percent(r.threshold),
      weight: formatDraftNumber(r.weight),
      mode: r.mode,
      upper: percent(r.upper),
    })),
    fixedMode: spec.fixed.mode,
    fixedAmount: spec.fixed.mode === "amount" ? formatDraftNumber(spec.fixed.amount) : "",
    fixedHeader: spec.fixed.mode === "column" ? spec.fixed.header : "",
    maxLoss: percent(spec.protection.maxLoss),
    maxGain: percent(spec.protection.maxGain),
  };
  return alignDraft(draft, headers, mapping);
}
