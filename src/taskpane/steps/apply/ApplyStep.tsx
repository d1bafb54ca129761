import { Button, Field, Select, Spinner } from "@fluentui/react-components";
import type { FormulaResult } from "../../../engine/scenario/FormulaResult";
import type { School } from "../../../engine/table/School";
import { ConfirmDialog } from "../../common/ConfirmDialog";
import { formatCents, formatDollars } from "../../common/formatNumbers";
import { Section } from "../../common/Section";
import { useRowStyles } from "../../common/useRowStyles";
import type { useApply } from "./useApply";

/** Step 4: write the sheets and charts, pick the school whose math is shown, and ask before replacing hand edits. */
export function ApplyStep({ state, schools, result }: { state: ReturnType<typeof useApply>; schools: School[]; result: FormulaResult | null }) {
  const rows = useRowStyles();
  const summary = state.summary;
  return (
    <Section title="4. Apply to the workbook" hint="Writes the parameters, allocation (as WSF formulas), equity and charts sheets. Re-applying updates them in place.">
      <div className={rows.row}>
        <Button appearance="primary" onClick={() => void state.apply()} disabled={!result || state.busy}>
          {state.applied ? "Apply again" : "Apply"}
        </Button>
        {state.busy && <Spinner size="tiny" label="Writing" />}
      </div>
      {summary && (
        <p className={rows.note} aria-label="Applied summary">
          Applied: base {formatCents(summary.base)}, total {formatDollars(summary.total)}, {summary.floored} {summary.floored === 1 ? "school" : "schools"} floored, {summary.capped}{" "}
          {summary.capped === 1 ? "school" : "schools"} capped.
        </p>
      )}
      <div className={rows.row}>
        <Field label="Show the math for" size="small">
          <Select size="small" value={state.schoolRow === null ? "" : String(state.schoolRow)} onChange={(_, data) => state.setExplainRow(Number(data.value))} disabled={schools.length === 0}>
            {schools.map((s) => (
              <option key={s.row} value={String(s.row)}>
                {s.name === s.id ? s.name : `${s.name} (${s.id})`}
              </option>
            ))}
          </Select>
        </Field>
        <Button size="small" onClick={() => void state.showMath()} disabled={!result || state.busy || state.schoolRow === null}>
          Show the math
        </Button>
      </div>
      <ConfirmDialog open={state.pending !== null} title="Replace your hand edits?" confirmLabel="Replace" onConfirm={() => void state.confirm()} onCancel={state.cancel}>
        {state.pending && (
          <>
            Since the add-in last wrote {state.pending.edited.length === 1 ? "it" : "them"}, {state.pending.edited.map((n) => `"${n}"`).join(", ")}{" "}
            {state.pending.edited.length === 1 ? "was" : "were"} edited by hand. Applying replaces those edits. Change parameters on the parameters sheet or in this pane instead.
          </>
        )}
      </ConfirmDialog>
    </Section>
  );
}
