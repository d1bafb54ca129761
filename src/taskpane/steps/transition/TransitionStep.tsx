import { Button, Field, Select, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { californiaGapRates } from "../../../engine/transition/californiaGapRates";
import type { TransitionRatePreset } from "../../../engine/transition/transitionRatePresets";
import { ConfirmDialog } from "../../common/ConfirmDialog";
import { formatCents, formatDollars } from "../../common/formatNumbers";
import { Section } from "../../common/Section";
import { useRowStyles } from "../../common/useRowStyles";
import { NumberField } from "../formula/NumberField";
import type { TransitionState } from "./useTransition";

const useStyles = makeStyles({
  year: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, width: "100%" },
  cell: { textAlign: "end", fontVariantNumeric: "tabular-nums", paddingInline: tokens.spacingHorizontalXS },
  head: { textAlign: "end", fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
});

const PRESETS: { id: TransitionRatePreset; label: string; description: string }[] = [
  { id: "oneThird", label: "One third of the gap a year", description: "Each year a school moves a third of the way from last year's amount to its target." },
  { id: "equalSteps", label: "Equal steps, closed in the last year", description: "The gap closes in equal dollar steps: three years close 1/3, 1/2, then all of what remains." },
  {
    id: "california",
    label: "California's LCFF gap rates (2013-14 on)",
    description: `California's published rates: ${californiaGapRates.map((r) => `${r.year} ${(r.rate * 100).toFixed(4)}%`).join(", ")} (CDE, LCFF Gap Funding). A plan of 5 years or fewer ends short of the target, as California's did before 2018-19.`,
  },
];

/** Step: plan the move from last year's amounts to the formula over 2 to 5 years, see its cost, write "WSF Transition". */
export function TransitionStep({ state }: { state: TransitionState }) {
  const styles = useStyles();
  const rows = useRowStyles();
  const [preset, setPreset] = useState<TransitionRatePreset>("oneThird");
  const chosen = PRESETS.find((p) => p.id === preset)!;
  const { draft, errors } = state;
  const shown = state.years ?? 0;

  return (
    <Section title="Transition over several years" hint="Each year: last year's amount + a share of the gap to the formula, then held within the stop-loss and gain cap (WSF.PHASEIN).">
      {!state.hasPrior && <p className={rows.note}>Map the prior-year allocation column (step 2): a transition starts from last year's amounts.</p>}
      <div className={rows.row}>
        <NumberField label="Number of years" value={draft.years} onChange={state.setYears} error={errors.years} hint="2 to 5" />
        <Field label="Gap-closing preset" size="small">
          <Select size="small" value={preset} onChange={(_, data) => setPreset(data.value as TransitionRatePreset)}>
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </Select>
        </Field>
        <Button size="small" onClick={() => state.choosePreset(preset)} disabled={state.years === null}>
          Use rates
        </Button>
      </div>
      <p className={rows.note}>{chosen.description}</p>
      {draft.rows.slice(0, shown).map((row, k) => (
        <fieldset key={k} className={styles.year} aria-label={`Year ${k + 1}`}>
          <span className={styles.legend}>Year {k + 1}</span>
          <div className={rows.grid}>
            <NumberField label={`Year ${k + 1} gap closed (%)`} unit="%" placeholder="all of it" value={row.rate} onChange={(v) => state.updateYear(k, { rate: v })} error={errors[`rate:${k}`]} />
            <NumberField label={`Year ${k + 1} largest loss (%)`} unit="%" placeholder="no limit" value={row.maxLoss} onChange={(v) => state.updateYear(k, { maxLoss: v })} error={errors[`maxLoss:${k}`]} />
            <NumberField label={`Year ${k + 1} largest gain (%)`} unit="%" placeholder="no limit" value={row.maxGain} onChange={(v) => state.updateYear(k, { maxGain: v })} error={errors[`maxGain:${k}`]} />
            <NumberField label={`Year ${k + 1} pool growth (%)`} unit="%" placeholder="0" value={row.poolGrowth} onChange={(v) => state.updateYear(k, { poolGrowth: v })} error={errors[`poolGrowth:${k}`]} />
            {state.projected.length > 0 && (
              <Field label={`Year ${k + 1} enrollment`} size="small">
                <Select size="small" value={row.projected} onChange={(_, data) => state.updateYear(k, { projected: data.value })}>
                  <option value="">Today&apos;s enrollment</option>
                  {state.projected.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
          </div>
        </fieldset>
      ))}
      {state.planProblem && <p className={rows.note} role="alert">{state.planProblem}</p>}
      {state.plan && <p className={rows.note}>The plan of the formula in step 3, by year (the WSF Transition sheet computes the same from the allocation sheet, and follows any edit there):</p>}
      {state.plan && (
        <table className={styles.table} aria-label="Transition by year">
          <thead>
            <tr>
              <th className={styles.head}>Year</th>
              <th className={styles.head}>Total</th>
              <th className={styles.head}>Protected</th>
              <th className={styles.head}>Cost of protection</th>
              <th className={styles.head}>Per weighted pupil</th>
            </tr>
          </thead>
          <tbody>
            {state.plan.years.map((y) => (
              <tr key={y.year}>
                <td className={styles.cell}>{y.year}</td>
                <td className={styles.cell}>{formatDollars(y.total)}</td>
                <td className={styles.cell}>{y.protectedCount}</td>
                <td className={styles.cell}>{formatDollars(y.cost)}</td>
                <td className={styles.cell}>{y.costPerWeightedPupil === null ? "fixed base" : formatCents(y.costPerWeightedPupil)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state.onSheet?.problems.map((p) => (
        <p key={p} className={rows.note} role="alert">
          {p}
        </p>
      ))}
      {state.onSheet?.notUsed.map((p) => (
        <p key={p} className={rows.note}>
          {p}
        </p>
      ))}
      {state.unapplied && (
        <p className={rows.note} aria-label="Transition not applied">
          The WSF Transition sheet holds another plan (the one last applied, or as edited there). Apply the transition to write this one.
        </p>
      )}
      <div className={rows.row}>
        <Button appearance="primary" onClick={() => void state.apply()} disabled={!state.ready || state.busy}>
          {state.written ? "Apply transition again" : "Apply transition"}
        </Button>
        {state.busy && <Spinner size="tiny" label="Writing" />}
      </div>
      <ConfirmDialog open={state.pending !== null} title="Replace your hand edits?" confirmLabel="Replace" onConfirm={() => void state.confirm()} onCancel={state.cancel}>
        {state.pending && <>Since the add-in last wrote it, {state.pending.edited.map((n) => `"${n}"`).join(", ")} was edited by hand. Applying replaces those edits.</>}
      </ConfirmDialog>
    </Section>
  );
}
