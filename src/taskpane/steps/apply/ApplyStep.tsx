import { Button, Field, makeStyles, Select, Spinner, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import type { FormulaResult } from "../../../engine/scenario/FormulaResult";
import type { School } from "../../../engine/table/School";
import { ConfirmDialog } from "../../common/ConfirmDialog";
import { formatCents, formatDollars } from "../../common/formatNumbers";
import { Section } from "../../common/Section";
import { useRowStyles } from "../../common/useRowStyles";
import type { useApply } from "./useApply";

const useStyles = makeStyles({
  problem: { margin: 0, color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  pending: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
});

/** Step 4: write the sheets and charts, pick the school whose math is shown, and ask before replacing hand edits. */
export function ApplyStep({ state, schools, result, paneName }: { state: ReturnType<typeof useApply>; schools: School[]; result: FormulaResult | null; paneName?: string | null }) {
  const rows = useRowStyles();
  const styles = useStyles();
  const summary = state.summary;
  // One option per school (10,000 in a state's file), built again only when the schools are read again: the
  // pane renders on every edit of the parameters sheet, and React skips elements it is given unchanged.
  const schoolOptions = useMemo(
    () =>
      schools.map((s) => (
        <option key={s.row} value={String(s.row)}>
          {s.name === s.id ? s.name : `${s.name} (${s.id})`}
        </option>
      )),
    [schools],
  );
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
          {summary.capped === 1 ? "school" : "schools"} capped. On the sheets: {state.appliedName ?? "the applied formula"}.
        </p>
      )}
      {state.applied && !summary && state.blockedBy.length > 0 && (
        <p className={styles.problem} aria-label="Applied summary">
          Applied: {state.appliedName ?? "the applied formula"}. The base and every amount on the sheets are errors until the schools table is fixed ({state.blockedBy.length}{" "}
          {state.blockedBy.length === 1 ? "problem" : "problems"}; first: {state.blockedBy[0].message}).
        </p>
      )}
      {state.applied && state.sheetProblems.length > 0 && (
        <p className={styles.problem} aria-label="Parameters sheet problems">
          The parameters sheet has a cell the formula cannot use: {state.sheetProblems.join(" ")}
        </p>
      )}
      {state.resized && (
        <p className={styles.pending} role="status" aria-label="Table changed size">
          The schools table now has {state.resized.now} rows; the sheets were written for {state.resized.was}, so their amounts and totals are errors. Apply again to
          write one row per school.
        </p>
      )}
      {state.unapplied && (
        <p className={styles.pending} role="status" aria-label="Not applied">
          Not applied yet: the pane holds &ldquo;{paneName ?? "a formula"}&rdquo;, which differs from what the sheets hold (&ldquo;{state.appliedName ?? "the applied formula"}&rdquo;). Apply to write it; until
          then the sheets and the Applied figures stay as they are.
        </p>
      )}
      <div className={rows.row}>
        <Field label="Show the math for" size="small">
          <Select size="small" value={state.schoolRow === null ? "" : String(state.schoolRow)} onChange={(_, data) => state.setExplainRow(Number(data.value))} disabled={schools.length === 0}>
            {schoolOptions}
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
