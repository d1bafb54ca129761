import { Button, Field, Input, Radio, RadioGroup, Select, Spinner } from "@fluentui/react-components";
import type { School } from "../../../engine/table/School";
import { ConfirmDialog } from "../../common/ConfirmDialog";
import { Section } from "../../common/Section";
import { useRowStyles } from "../../common/useRowStyles";
import { NumberField } from "../formula/NumberField";
import { StatementPage } from "./StatementPage";
import type { StatementScope } from "./StatementsDraft";
import type { StatementsState } from "./useStatements";

/** Step: one printable statement per school for its principal and school site council, with a preview. */
export function StatementsStep({ state, schools }: { state: StatementsState; schools: School[] }) {
  const rows = useRowStyles();
  const { draft, errors } = state;
  const filter = state.filters.find((f) => String(f.index) === draft.filterColumn);
  const preview = state.preview;
  const page = preview?.cells.pages[state.page];
  return (
    <Section title="Statements for schools" hint="One printed page per school: its pupils, weights and rates, protection, final amount, how it compares, and what it buys.">
      <RadioGroup layout="horizontal" value={draft.scope} onChange={(_, data) => state.update({ scope: data.value as StatementScope })} aria-label="Schools to state">
        <Radio value="all" label="All schools" />
        <Radio value="one" label="One school" />
        <Radio value="filter" label="Schools of a filter" />
      </RadioGroup>
      {errors.scope && <p className={rows.note} role="alert">{errors.scope}</p>}
      {draft.scope === "one" && (
        <Field label="School" size="small" validationState={errors.schoolRow ? "error" : "none"} validationMessage={errors.schoolRow}>
          <Select size="small" value={draft.schoolRow} onChange={(_, data) => state.update({ schoolRow: data.value })}>
            <option value="">Choose a school</option>
            {schools.map((s) => (
              <option key={s.row} value={String(s.row)}>
                {s.name === s.id ? s.name : `${s.name} (${s.id})`}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {draft.scope === "filter" && (
        <div className={rows.row}>
          <Field label="Filter column" size="small" validationState={errors.filterColumn ? "error" : "none"} validationMessage={errors.filterColumn}>
            <Select size="small" value={draft.filterColumn} onChange={(_, data) => state.update({ filterColumn: data.value, filterValue: "" })}>
              <option value="">{state.filters.length === 0 ? "No column groups the schools" : "Choose a column"}</option>
              {state.filters.map((f) => (
                <option key={f.index} value={String(f.index)}>
                  {f.header}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Filter value" size="small" validationState={errors.filterValue ? "error" : "none"} validationMessage={errors.filterValue}>
            <Select size="small" value={draft.filterValue} onChange={(_, data) => state.update({ filterValue: data.value })} disabled={!filter}>
              <option value="">Choose a value</option>
              {(filter?.values ?? []).map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      )}
      <div className={rows.grid}>
        <Field label="District name" size="small" validationState={errors.districtName ? "error" : "none"} validationMessage={errors.districtName}>
          <Input size="small" value={draft.districtName} onChange={(_, data) => state.update({ districtName: data.value })} />
        </Field>
        <Field label="Fiscal year" size="small" validationState={errors.fiscalYear ? "error" : "none"} validationMessage={errors.fiscalYear}>
          <Input size="small" value={draft.fiscalYear} placeholder="2026-27" onChange={(_, data) => state.update({ fiscalYear: data.value })} />
        </Field>
        <NumberField label="Average cost of a teacher position ($)" value={draft.teacherCost} placeholder="salary and benefits" onChange={(v) => state.update({ teacherCost: v })} error={errors.teacherCost} />
      </div>
      <div className={rows.row}>
        <Button appearance="primary" onClick={() => void state.apply()} disabled={!state.ready || state.busy}>
          {preview ? "Write statements again" : "Write statements"}
        </Button>
        {state.ready && <span className={rows.note}>{state.chosen === 1 ? "1 statement" : `${state.chosen} statements`}, one page each</span>}
        {state.busy && <Spinner size="tiny" label="Writing" />}
      </div>
      {preview && page && (
        <>
          <Field label="Preview the statement of" size="small">
            <Select size="small" value={String(state.page)} onChange={(_, data) => state.setPage(Number(data.value))}>
              {preview.names.map((name, i) => (
                <option key={i} value={String(i)}>
                  {`${name} (page ${i + 1} of ${preview.names.length})`}
                </option>
              ))}
            </Select>
          </Field>
          <StatementPage values={preview.values} firstRow={page.firstRow} lastRow={page.lastRow} label={`Statement preview: ${preview.names[state.page]}`} />
        </>
      )}
      <ConfirmDialog open={state.pending !== null} title="Replace your hand edits?" confirmLabel="Replace" onConfirm={() => void state.confirm()} onCancel={state.cancel}>
        {state.pending && <>Since the add-in last wrote it, {state.pending.edited.map((n) => `"${n}"`).join(", ")} was edited by hand. Writing the statements replaces those edits.</>}
      </ConfirmDialog>
    </Section>
  );
}
