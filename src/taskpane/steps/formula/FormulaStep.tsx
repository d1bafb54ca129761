import { Button, Field, Input, makeStyles, Radio, RadioGroup, Select, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ConcentrationMode } from "../../../engine/allocation/concentration";
import type { PresetId } from "../../../engine/scenario/presets";
import { formatDollars } from "../../common/formatNumbers";
import { Section } from "../../common/Section";
import { useRowStyles } from "../../common/useRowStyles";
import { FormulaSummary } from "./FormulaSummary";
import { NumberField } from "./NumberField";
import type { FormulaState } from "./useFormula";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, border: "none", margin: 0, padding: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  rule: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

const MODES: { mode: ConcentrationMode; label: string }[] = [
  { mode: "above", label: "Pupils above the threshold" },
  { mode: "all", label: "All eligible pupils once above the threshold" },
  { mode: "ramp", label: "Ramp from the threshold to an upper share" },
];

/**
 * Step 3: start from a preset, then set the base (fixed or solved from a pool), grade and need weights,
 * concentration rules, fixed amounts per school and protection. Every field checks itself.
 */
export function FormulaStep({ state, hasPrior, dollarColumns, schoolCount }: { state: FormulaState; hasPrior: boolean; dollarColumns: string[]; schoolCount: number }) {
  const styles = useStyles();
  const rows = useRowStyles();
  const { draft, errors } = state;
  const [presetChoice, setPresetChoice] = useState<PresetId | "">("");
  const chosen = state.presets.find((p) => p.id === (presetChoice || state.presetId));
  const eligibleColumns = draft.categoryWeights;

  return (
    <Section title="3. Define the formula" hint="allocation = fixed amount + base x weighted pupils, then protection against the prior year.">
      <div className={rows.row}>
        <Field label="Start from a preset" size="small">
          <Select size="small" value={presetChoice || state.presetId || ""} onChange={(_, data) => setPresetChoice(data.value as PresetId)}>
            {state.presetId === null && <option value="">Custom formula</option>}
            {state.presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </Select>
        </Field>
        <Button size="small" disabled={!chosen} onClick={() => chosen && state.choosePreset(chosen.id)}>
          Use preset
        </Button>
      </div>
      {chosen && <p className={rows.note}>{chosen.description}</p>}
      {state.spec?.name && (
        <p className={rows.note} aria-label="Formula name">
          This formula: {state.spec.name}
          {state.edited ? " (changed since it was loaded; Apply writes this name on the parameters sheet)" : ""}.
        </p>
      )}

      <fieldset className={styles.group}>
        <legend className={styles.legend}>Base per weighted pupil</legend>
        <RadioGroup layout="horizontal" value={draft.baseMode} onChange={(_, data) => state.update({ baseMode: data.value as "fixed" | "solve" })} aria-label="How the base is set">
          <Radio value="fixed" label="Fixed amount" />
          <Radio value="solve" label="Solve from a pool" />
        </RadioGroup>
        {draft.baseMode === "fixed" ? (
          <NumberField label="Base ($ per weighted pupil)" value={draft.baseAmount} onChange={(v) => state.update({ baseAmount: v })} error={errors.baseAmount} />
        ) : (
          <div className={rows.row}>
            <NumberField
              label="Pool to distribute ($)"
              value={draft.pool}
              onChange={(v) => state.update({ pool: v })}
              error={errors.pool}
              hint="The base is solved so the schools share exactly this, protection included."
            />
            {state.priorPool !== null && (
              <Button size="small" onClick={() => state.update({ pool: String(state.priorPool) })}>
                Use prior-year total ({formatDollars(state.priorPool)})
              </Button>
            )}
          </div>
        )}
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>Grade weights</legend>
        {draft.gradeWeights.length === 0 ? (
          <p className={rows.note}>No grade-band columns are mapped, so every enrolled pupil weighs 1.</p>
        ) : (
          <>
            <p className={rows.note}>Leave every band blank to count each enrolled pupil once; a blank band gets no grade weight.</p>
            <div className={rows.grid}>
              {draft.gradeWeights.map((g) => (
                <NumberField key={g.header} label={g.header} value={g.weight} unit="x" onChange={(v) => state.setGradeWeight(g.header, v)} error={errors[`grade:${g.header}`]} />
              ))}
            </div>
          </>
        )}
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>Need weights (added on top)</legend>
        {draft.categoryWeights.length === 0 ? (
          <p className={rows.note}>Map need counts (FRL, English learners, ...) in step 2 to weight them.</p>
        ) : (
          <div className={rows.grid}>
            {draft.categoryWeights.map((c) => (
              <NumberField
                key={c.header}
                label={c.label === c.header ? c.header : `${c.label} (${c.header})`}
                value={c.weight}
                unit="x"
                placeholder="not weighted"
                onChange={(v) => state.setCategoryWeight(c.header, v)}
                error={errors[`category:${c.header}`]}
              />
            ))}
          </div>
        )}
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>Concentration rules</legend>
        {draft.concentration.map((r, i) => (
          <div key={i} className={styles.rule} role="group" aria-label={`Concentration rule ${i + 1}`}>
            <div className={rows.grid}>
              <Field label="Eligible pupils" size="small" validationState={errors[`concentration:${i}:header`] ? "error" : "none"} validationMessage={errors[`concentration:${i}:header`]}>
                <Select size="small" value={r.header} onChange={(_, data) => state.updateRule(i, { header: data.value })}>
                  <option value="">Choose a column</option>
                  {eligibleColumns.map((c) => (
                    <option key={c.header} value={c.header}>
                      {c.header}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Label" size="small">
                <Input size="small" value={r.label} onChange={(_, data) => state.updateRule(i, { label: data.value })} />
              </Field>
              <Field label="Applies to" size="small">
                <Select size="small" value={r.mode} onChange={(_, data) => state.updateRule(i, { mode: data.value as ConcentrationMode })}>
                  {MODES.map((m) => (
                    <option key={m.mode} value={m.mode}>
                      {m.label}
                    </option>
                  ))}
                </Select>
              </Field>
              <NumberField label="Threshold (% of enrollment)" unit="%" value={r.threshold} onChange={(v) => state.updateRule(i, { threshold: v })} error={errors[`concentration:${i}:threshold`]} />
              <NumberField label="Extra weight" unit="x" value={r.weight} onChange={(v) => state.updateRule(i, { weight: v })} error={errors[`concentration:${i}:weight`]} />
              {r.mode === "ramp" && (
                <NumberField label="Full weight at (%)" unit="%" value={r.upper} onChange={(v) => state.updateRule(i, { upper: v })} error={errors[`concentration:${i}:upper`]} />
              )}
            </div>
            <div>
              <Button size="small" appearance="subtle" onClick={() => state.removeRule(i)} aria-label={`Remove concentration rule ${i + 1}`}>
                Remove rule
              </Button>
            </div>
          </div>
        ))}
        <div>
          <Button size="small" onClick={state.addRule} disabled={eligibleColumns.length === 0}>
            Add concentration rule
          </Button>
        </div>
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>Fixed amount per school</legend>
        <RadioGroup
          value={draft.fixedMode}
          onChange={(_, data) => state.update({ fixedMode: data.value as "none" | "amount" | "column" })}
          aria-label="Fixed amount per school"
        >
          <Radio value="none" label="None" />
          <Radio value="amount" label="The same amount for every school" />
          <Radio value="column" label="An amount per school from a column" disabled={dollarColumns.length === 0} />
        </RadioGroup>
        {draft.fixedMode === "amount" && (
          <NumberField label="Amount per school ($)" value={draft.fixedAmount} onChange={(v) => state.update({ fixedAmount: v })} error={errors.fixedAmount} />
        )}
        {draft.fixedMode === "column" && (
          <Field label="Column of dollars per school" size="small" validationState={errors.fixedHeader ? "error" : "none"} validationMessage={errors.fixedHeader}>
            <Select size="small" value={draft.fixedHeader} onChange={(_, data) => state.update({ fixedHeader: data.value })}>
              <option value="">Choose a column</option>
              {dollarColumns.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>Protection against the prior year</legend>
        {!hasPrior && <p className={rows.note}>Map a prior-year allocation column in step 2 for these rules to apply; schools without a prior amount are not protected.</p>}
        <div className={rows.grid}>
          <NumberField label="Largest loss (%)" unit="%" placeholder="no limit" value={draft.maxLoss} onChange={(v) => state.update({ maxLoss: v })} error={errors.maxLoss} />
          <NumberField label="Largest gain (%)" unit="%" placeholder="no limit" value={draft.maxGain} onChange={(v) => state.update({ maxGain: v })} error={errors.maxGain} />
        </div>
      </fieldset>

      {state.specProblems.length > 0 && (
        <ul className={rows.list} role="alert" aria-label="Formula problems">
          {state.specProblems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <FormulaSummary run={state.run} schools={schoolCount} />
    </Section>
  );
}
