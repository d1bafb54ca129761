import { Badge, Field, makeStyles, Select, Switch, tokens } from "@fluentui/react-components";
import type { FormulaResult } from "../../../engine/scenario/FormulaResult";
import type { ColumnMapping } from "../../../engine/table/ColumnMapping";
import type { School } from "../../../engine/table/School";
import type { TableData } from "../../../workbook/WorkbookPort";
import { formatNumber } from "../../common/formatNumbers";
import { Section } from "../../common/Section";
import { useRowStyles } from "../../common/useRowStyles";
import { ALLOCATION, useEquity } from "./useEquity";

const useStyles = makeStyles({
  line: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalXS },
  head: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  metric: { fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0 },
  problem: { margin: 0, color: tokens.colorNeutralForeground3 },
});

/** Step 5: every equity statistic of a value with one plain line each and a pass/fail badge where a benchmark exists. */
export function EquityStep(props: { table: TableData; mapping: ColumnMapping; schools: School[]; result: FormulaResult | null }) {
  const styles = useStyles();
  const rows = useRowStyles();
  const equity = useEquity(props.table, props.mapping, props.schools, props.result);
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
        {equity.source !== ALLOCATION && <Switch label="Per pupil (divide by enrollment)" checked={equity.perPupil} onChange={(_, data) => equity.setPerPupil(data.checked)} />}
      </div>
      {!equity.hasPoverty && <p className={rows.note}>Map a low-income (FRL) column to see the statistics against poverty.</p>}
      {equity.error ? (
        <p className={rows.note}>{equity.error}</p>
      ) : (
        <>
          <p className={rows.note}>{equity.units} schools measured.</p>
          <ul className={rows.list} aria-label="Equity statistics">
            {equity.lines.map((line) => {
              const passes = line.note?.benchmark && line.value !== null ? line.note.benchmark.passes(line.value) : null;
              return (
                <li key={line.metric} className={styles.line}>
                  <span className={styles.head}>
                    <span className={styles.metric}>{line.metric}</span>
                    {line.value !== null && <span>{formatNumber(line.value)}</span>}
                    {passes !== null && (
                      <Badge appearance="filled" color={passes ? "success" : "danger"} size="small">
                        {passes ? "Pass" : "Fail"}
                      </Badge>
                    )}
                  </span>
                  {line.note && <p className={styles.text}>{line.note.line}</p>}
                  {line.note?.benchmark && <p className={styles.problem}>{line.note.benchmark.text}</p>}
                  {line.problem && <p className={styles.problem}>Not defined for these data: {line.problem}</p>}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </Section>
  );
}
