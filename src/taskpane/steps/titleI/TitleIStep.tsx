import { Button, Checkbox, Field, Input, makeStyles, Select, Spinner, tokens } from "@fluentui/react-components";
import { useMemo, useState, memo } from "react";
import type { TitleIRankMethod } from "../../../engine/titleI/titleIRank";
import { ConfirmDialog } from "../../common/ConfirmDialog";
import { formatCents, formatDollars, formatPercent } from "../../common/formatNumbers";
import { Section } from "../../common/Section";
import { useRowStyles } from "../../common/useRowStyles";
import { NumberField } from "../formula/NumberField";
import { RESERVATION_LABELS, type TitleIReservations } from "../../sheets/titleISheet";
import type { TitleIColumns } from "./suggestTitleIColumns";
import type { TitleIModeChoice, useTitleI } from "./useTitleI";

const useStyles = makeStyles({
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  cell: { paddingBlock: "2px", paddingInline: "4px", borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, textAlign: "start" },
  number: { paddingBlock: "2px", paddingInline: "4px", borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  word: { paddingBlock: "2px", paddingInline: "4px", borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, textAlign: "start", whiteSpace: "nowrap" },
  problem: { margin: 0, color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  // The mode and its amount side by side, tops aligned, so a message under the amount does not push the mode down.
  modeRow: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, alignItems: "start" },
  amount: { maxWidth: "220px" },
});

const METHODS: { value: TitleIRankMethod; label: string }[] = [
  { value: "35", label: "35% rule (at or above 35% or the district rate)" },
  { value: "district", label: "District rate (at or above the district's poverty rate)" },
  { value: "span", label: "Within grade spans (above 75% first, then by span)" },
];

const COLUMN_FIELDS: { key: keyof TitleIColumns; label: string; optional: boolean }[] = [
  { key: "lowIncome", label: "Low-income children", optional: false },
  { key: "enrollment", label: "Pupils enrolled", optional: false },
  { key: "gradeSpan", label: "Grade span", optional: true },
  { key: "privateSchool", label: "Private-school low-income children", optional: true },
  { key: "staff", label: "Instructional staff FTE (comparability)", optional: true },
  { key: "salaries", label: "State/local salaries (comparability)", optional: true },
];

const MODES: { value: TitleIModeChoice; label: string }[] = [
  { value: "pool", label: "The pool, spread evenly per child" },
  { value: "perchild", label: "A fixed amount per child" },
];

const STATUS_TEXT = { "Must serve": "Must serve", Eligible: "May serve", "Not eligible": "Not eligible" } as const;

/**
 * Step 8: Title I, Part A. Columns, ranking method, the district allocation and the reservations, how served
 * schools are paid (the pool spread per child, or a fixed amount per child) and the comparability tolerance; the
 * ranked list with who must be served, who may be and who is; skipping a school by hand with a reason;
 * Apply writes the "WSF Title I" sheet (and "WSF Comparability" when staff or salaries are picked).
 */
function TitleIStepBody({ state }: { state: ReturnType<typeof useTitleI> }) {
  const rows = useRowStyles();
  const styles = useStyles();
  const [skipRow, setSkipRow] = useState("");
  const [reason, setReason] = useState("");
  const [skipError, setSkipError] = useState<string | null>(null);
  const preview = state.preview;
  const servable = useMemo(() => preview?.schools.filter((s) => s.status !== "Not eligible" && s.skipped === null) ?? [], [preview]);
  const skippedSchools = useMemo(() => preview?.schools.filter((s) => s.skipped !== null) ?? [], [preview]);
  const servedCount = useMemo(() => preview?.schools.filter((s) => s.served).length ?? 0, [preview]);
  // A row and an option per school (10,000 in a state's file), rebuilt only when the preview changes: the pane
  // renders again on every edit of the parameters sheet, and React skips elements it is given unchanged.
  const { number, cell, word } = styles;
  const rankedRows = useMemo(
    () =>
      preview?.schools.map((s) => (
        <tr key={s.dataRow}>
          <td className={number}>{s.rank}</td>
          <td className={cell}>{s.label}</td>
          <td className={number}>{formatPercent(s.rate)}</td>
          <td className={word}>{STATUS_TEXT[s.status]}</td>
          <td className={word} title={s.skipped ?? undefined}>
            {s.served ? "Served" : s.skipped !== null ? "Skipped" : "No"}
          </td>
          <td className={number}>{s.allocation === null ? "" : formatDollars(s.allocation)}</td>
        </tr>
      )) ?? null,
    [preview, number, cell, word],
  );
  const skipOptions = useMemo(
    () =>
      servable.map((s) => (
        <option key={s.dataRow} value={String(s.dataRow)}>
          {`${s.rank}. ${s.label} (${formatPercent(s.rate)})`}
        </option>
      )),
    [servable],
  );

  return (
    <Section title="8. Title I" hint="Rank the schools by poverty, choose who is served, spread the pool per low-income child (ESEA section 1113), and test comparability.">
      <div className={rows.grid}>
        {COLUMN_FIELDS.map(({ key, label, optional }) => (
          <Field key={key} label={label} size="small">
            <Select size="small" value={state.columns[key] === null ? "" : String(state.columns[key])} onChange={(_, data) => state.setColumn(key, data.value === "" ? null : Number(data.value))}>
              <option value="">{optional ? "None" : "Not picked"}</option>
              {state.headers.map((h, i) => (
                <option key={i} value={String(i)}>
                  {h}
                </option>
              ))}
            </Select>
          </Field>
        ))}
        <Field label="Ranking method" size="small">
          <Select size="small" value={state.method} onChange={(_, data) => state.setMethod(data.value as TitleIRankMethod)}>
            {METHODS.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {state.columnProblem && <p className={styles.problem}>{state.columnProblem}</p>}

      <div className={rows.grid}>
        <NumberField label="District Title I allocation" value={state.drafts.allocation} onChange={(v) => state.setDraft("allocation", v)} error={state.amountErrors.allocation} placeholder="$" />
        {(Object.keys(RESERVATION_LABELS) as (keyof TitleIReservations)[]).map((k) => (
          <NumberField key={k} label={`Reserved: ${RESERVATION_LABELS[k]}`} value={state.drafts[k]} onChange={(v) => state.setDraft(k, v)} error={state.amountErrors[k]} placeholder="0" />
        ))}
      </div>
      <div className={styles.modeRow}>
        <Field label="Pay served schools" size="small">
          <Select size="small" value={state.mode} onChange={(_, data) => state.setMode(data.value as TitleIModeChoice)}>
            {MODES.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </Select>
        </Field>
        {state.mode === "perchild" && (
          <div className={styles.amount}>
            <NumberField label="Dollars per low-income child" value={state.drafts.perChild} onChange={(v) => state.setDraft("perChild", v)} error={state.amountErrors.perChild} placeholder="$" />
          </div>
        )}
      </div>

      {preview && (
        <>
          {preview.problems.length === 0 && (
            <p className={rows.note} aria-label="Title I summary">
              Pool for schools {formatDollars(preview.pool)}; {servedCount} of {preview.schools.length} schools served, {preview.servedChildren.toLocaleString("en-US")} low-income children
              {preview.perChild !== null && preview.pool > 0 ? `, ${formatCents(preview.perChild)} per child` : ""}
              {preview.perChild !== null && state.mode === "perchild" ? ` (${formatDollars(preview.allocated)} allocated, ${formatDollars(preview.pool - preview.allocated)} of the pool left)` : ""}
              {preview.minimum !== null ? `; the 125% rule applies: at least ${formatCents(preview.minimum)} per child` : "; every served school is at or above 35%, so the 125% rule does not apply"}.
            </p>
          )}
          {preview.allocationProblem && <p className={styles.problem}>{preview.allocationProblem}</p>}
          {preview.problems.length > 0 && (
            <ul className={rows.list} aria-label="Title I problems">
              {preview.problems.slice(0, 20).map((p) => (
                <li key={p.dataRow} className={styles.problem}>
                  {p.message}
                </li>
              ))}
            </ul>
          )}
          <div className={preview.schools.length > 12 ? rows.schoolRows : rows.scroll}>
            <table className={styles.table} aria-label="Ranked schools">
              <thead>
                <tr>
                  <th className={styles.number}>Rank</th>
                  <th className={styles.cell}>School</th>
                  <th className={styles.number}>Poverty</th>
                  <th className={styles.word}>Status</th>
                  <th className={styles.word}>Served</th>
                  <th className={styles.number}>Allocation</th>
                </tr>
              </thead>
              <tbody>{rankedRows}</tbody>
            </table>
          </div>
          <div className={rows.row}>
            <Field label="Skip a school" size="small">
              <Select size="small" value={skipRow} onChange={(_, data) => setSkipRow(data.value)}>
                <option value="">Choose a school</option>
                {skipOptions}
              </Select>
            </Field>
            <Field label="Reason" size="small" validationState={skipError ? "error" : "none"} validationMessage={skipError ?? undefined}>
              <Input size="small" value={reason} onChange={(_, data) => setReason(data.value)} placeholder="e.g. comparable state and local money" />
            </Field>
            <Button
              size="small"
              disabled={skipRow === ""}
              onClick={() => {
                const problem = state.skip(Number(skipRow), reason);
                setSkipError(problem);
                if (problem === null) {
                  setSkipRow("");
                  setReason("");
                }
              }}
            >
              Skip school
            </Button>
          </div>
          {skippedSchools.length > 0 && (
            <ul className={rows.list} aria-label="Skipped schools">
              {skippedSchools.map((s) => (
                <li key={s.dataRow} className={rows.row}>
                  <span>
                    {s.label}: {s.skipped}
                  </span>
                  <Button size="small" appearance="subtle" onClick={() => state.serveAgain(s.dataRow)} aria-label={`Serve ${s.label} again`}>
                    Serve again
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      <div className={rows.grid}>
        <NumberField label="Comparability tolerance" unit="%" value={state.drafts.tolerance} onChange={(v) => state.setDraft("tolerance", v)} error={state.amountErrors.tolerance} hint="10: pupils per staff at most 110% of the span average; salaries per pupil at least 90%" />
      </div>
      <Checkbox
        label={`Comparability: schools of ${state.smallSchool ?? 100} pupils or fewer are exempt${state.smallSchool === null || state.smallSchool === 100 ? " (California)" : ""}`}
        checked={state.exemptSmall}
        onChange={(_, data) => state.setExemptSmall(data.checked === true)}
      />
      {state.sheetProblems.map((p) => (
        <p key={p} className={styles.problem} role="alert">
          {p}
        </p>
      ))}
      {state.stale && (
        <p className={styles.problem} role="status" aria-label="Title I sheet out of date">
          The WSF Title I sheet still shows the choices applied last, not the ones above: apply again to update it.
        </p>
      )}
      <div className={rows.row}>
        <Button appearance="primary" onClick={() => void state.apply()} disabled={state.busy || state.columnProblem !== null || state.formProblem !== null}>
          {state.applied ? "Apply Title I again" : "Apply Title I"}
        </Button>
        {state.busy && <Spinner size="tiny" label="Writing" />}
      </div>
      <ConfirmDialog open={state.pending !== null} title="Replace your hand edits?" confirmLabel="Replace" onConfirm={() => void state.confirm()} onCancel={state.cancel}>
        {state.pending && (
          <>
            Since the add-in last wrote {state.pending.edited.length === 1 ? "it" : "them"}, {state.pending.edited.map((n) => `"${n}"`).join(", ")} {state.pending.edited.length === 1 ? "was" : "were"} edited by hand.
            Applying replaces those edits.
          </>
        )}
      </ConfirmDialog>
    </Section>
  );
}

/** Skipped while its state is the same object (the pane renders again on every edit of the parameters sheet). */
export const TitleIStep = memo(TitleIStepBody);
