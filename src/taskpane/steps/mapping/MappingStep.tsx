import { Button, Field, Select } from "@fluentui/react-components";
import type { TableData } from "../../../workbook/WorkbookPort";
import { Section } from "../../common/Section";
import { useRowStyles } from "../../common/useRowStyles";
import { ProblemList } from "./ProblemList";
import { ROLE_LABELS } from "./roleLabels";
import type { ColumnMappingState } from "./useColumnMapping";
import { useProblemNavigation } from "./useProblemNavigation";
import { memo } from "react";

const LISTS = [
  { list: "grades" as const, title: "Grade-band columns", add: "Add a grade-band column" },
  { list: "counts" as const, title: "Other count or dollar columns", add: "Add another count column" },
];

/** Step 2: which column is which, suggested from the headers, and the problems found in the data. */
function MappingStepBody({ table, state }: { table: TableData; state: ColumnMappingState }) {
  const styles = useRowStyles();
  const selectProblem = useProblemNavigation(table);
  const { mapping, read } = state;
  const headers = table.info.headers;
  return (
    <Section title="2. Map columns" hint="Suggested from the headers; change any that are wrong. A column plays one part only.">
      <div className={styles.grid}>
        {ROLE_LABELS.map(({ role, label, hint }) => (
          <Field key={role} label={label} hint={hint || undefined} size="small">
            <Select
              size="small"
              value={mapping[role] === undefined ? "" : String(mapping[role])}
              onChange={(_, data) => state.setRole(role, data.value === "" ? undefined : Number(data.value))}
            >
              <option value="">Not mapped</option>
              {headers.map((h, i) => (
                <option key={i} value={String(i)}>
                  {h}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      {LISTS.map(({ list, title, add }) => {
        const free = headers.map((h, i) => ({ h, i })).filter(({ i }) => !mapping[list].includes(i));
        return (
          <div key={list}>
            <ul className={styles.list} aria-label={title}>
              {mapping[list].map((column) => (
                <li key={column} className={styles.row}>
                  <span>{headers[column]}</span>
                  <Button size="small" appearance="subtle" onClick={() => state.removeList(list, column)} aria-label={`Remove ${headers[column]} from ${title.toLowerCase()}`}>
                    Remove
                  </Button>
                </li>
              ))}
            </ul>
            <Field label={add} size="small" hint={mapping[list].length === 0 ? "None yet" : undefined}>
              <Select size="small" value="" onChange={(_, data) => data.value !== "" && state.addList(list, Number(data.value))}>
                <option value="">Choose a column</option>
                {free.map(({ h, i }) => (
                  <option key={i} value={String(i)}>
                    {h}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        );
      })}
      {read && (
        <>
          <p className={styles.note}>
            {read.schools.length} {read.schools.length === 1 ? "school" : "schools"} read.
          </p>
          <ProblemList problems={read.problems} onSelect={(p) => void selectProblem(p)} />
        </>
      )}
    </Section>
  );
}

/** Skipped while its props are the same objects (the pane renders again on every edit of the parameters sheet). */
export const MappingStep = memo(MappingStepBody);
