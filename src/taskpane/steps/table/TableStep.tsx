import { Button, Field, Select, Spinner } from "@fluentui/react-components";
import { eightSchoolDistrict } from "../../../engine/sample/eightSchoolDistrict";
import { generateSampleDistrict } from "../../../engine/sample/generateSampleDistrict";
import { EIGHT_HELPERS, SCHOOL_HELPERS } from "../../../engine/sample/helperColumns";
import { Section } from "../../common/Section";
import { useRowStyles } from "../../common/useRowStyles";
import type { SchoolsTableState } from "./useSchoolsTable";
import { memo } from "react";

/** Step 1: pick the table of schools, or insert a sample district to practise on. */
function TableStepBody({ state }: { state: SchoolsTableState }) {
  const styles = useRowStyles();
  const { tables, busy, selectedId, table } = state;
  return (
    <Section title="1. Schools table" hint="One row per school, with a header row. Excel tables and blocks under a header row are listed.">
      <div className={styles.row}>
        <Field label="Schools table" hint={table ? `${table.rows.length} rows, ${table.info.headers.length} columns` : undefined}>
          <Select value={selectedId ?? ""} onChange={(_, data) => void state.choose(data.value)} disabled={busy}>
            <option value="">{tables.length === 0 ? "No tables found" : "Choose a table"}</option>
            {tables.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={() => void state.refresh()} disabled={busy}>
          Refresh list
        </Button>
      </div>
      <div className={styles.row}>
        <Button onClick={() => void state.insertSample(generateSampleDistrict, SCHOOL_HELPERS)} disabled={busy}>
          Insert sample district
        </Button>
        <Button onClick={() => void state.insertSample(eightSchoolDistrict, EIGHT_HELPERS)} disabled={busy}>
          Insert 8-school sample
        </Button>
        {busy && <Spinner size="tiny" label="Reading the workbook" />}
      </div>
    </Section>
  );
}

/** Skipped while its props are the same objects (the pane renders again on every edit of the parameters sheet). */
export const TableStep = memo(TableStepBody);
