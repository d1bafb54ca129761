import { Field, makeStyles, Select, Switch, tokens } from "@fluentui/react-components";
import type { FormulaResult } from "../../../engine/scenario/FormulaResult";
import type { ColumnMapping } from "../../../engine/table/ColumnMapping";
import type { DataProblem, School } from "../../../engine/table/School";
import type { TableData } from "../../../workbook/WorkbookPort";
import { Section } from "../../common/Section";
import { useRowStyles } from "../../common/useRowStyles";
import { ALLOCATION, useEquity } from "./useEquity";

const useStyles = makeStyles({
  line: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalXS },
  head: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "baseline", flexWrap: "wrap" },
  metric: { fontWeight: tokens.fontWeightSemibold },
  value: { fontVariantNumeric: "tabular-nums" },
  vertical: { fontVariantNumeric: "tabular-nums", color: tokens.colorNeutralForeground2 },
  text: { margin: 0 },
  context: { margin: 0, color: tokens.colorNeutralForeground3 },
  measured: { margin: 0, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
});

/**
 * Step 5: every equity statistic of a value with one plain line each; per pupil (horizontal equity) and,
 * with a formula, per weighted pupil (vertical equity) side by side. Benchmarks are context with their
 * source, never a pass or fail.
 */
export function EquityStep(props: { table: TableData; mapping: ColumnMapping; schools: School[]; result: FormulaResult | null; problems: readonly DataProblem[] }) {
  const styles = useStyles();
  const rows = useRowStyles();
  const equity = useEquity(props.table, props.mapping, props.schools, props.result, props.problems);
  return (
    <Section title="5. Equity dashboard" hint="Measures disagree about rankings, so read several. Pupil-weighted: each pupil counts once, not each school.">
      <div className={rows.row}>
        <Field label="Value to measure" size="small">
          <Select size="small" value={equity.source} onChange={(_, data) => equity.setSource(data.value)}>
            <option value={ALLOCATION}>Allocation per pupil (this formula)</option>
            {equity.columns.map((c) => (
              <option key={c.column} value={String(c.column)}>
                {c.header}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={rows.row}>
        <Switch label="Pupil-weighted" checked={equity.weighted} onChange={(_, data) => equity.setWeighted(data.checked)} />
        {equity.source !== ALLOCATION && (
          <Switch
            label="Divide by enrollment"
            checked={equity.perPupil}
            disabled={!equity.canDivide}
            onChange={(_, data) => equity.setPerPupil(data.checked)}
          />
        )}
      </div>
      <p className={styles.measured} aria-label="What is measured">
        Measured: {equity.measured}
      </p>
      {!equity.hasPoverty && <p className={rows.note}>Map a low-income (FRL) column to see the statistics against poverty.</p>}
      {equity.error ? (
        <p className={rows.note}>{equity.error}</p>
      ) : (
        <>
          <p className={rows.note}>{equity.units} schools measured.</p>
          {equity.verticalNote && <p className={rows.note}>{equity.verticalNote}</p>}
          <ul className={rows.list} aria-label="Equity statistics">
            {equity.lines.map((line) => (
              <li key={line.metric} className={styles.line}>
                <span className={styles.head}>
                  <span className={styles.metric}>{line.metric}</span>
                  {line.shown !== null && <span className={styles.value}>{line.shown}</span>}
                  {line.vertical && (
                    <span className={styles.vertical} aria-label={`${line.metric} per weighted pupil`}>
                      per weighted pupil: {line.vertical.shown ?? "not defined"}
                    </span>
                  )}
                </span>
                {line.note && <p className={styles.text}>{line.note.line}</p>}
                {line.note?.benchmark && (
                  <p className={styles.context}>
                    Context: {line.note.benchmark.text} Source: {line.note.benchmark.source}.
                  </p>
                )}
                {line.problem && <p className={styles.context}>Not defined for these data: {line.problem}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
