import { Button } from "@fluentui/react-components";
import { Section } from "../../common/Section";
import { useRowStyles } from "../../common/useRowStyles";
import { useExportValues } from "./useExportValues";
import { memo } from "react";

/** Step 7: one button that copies the output sheets as plain values. */
function ExportStepBody({ sheets, ready }: { sheets: string[]; ready: boolean }) {
  const styles = useRowStyles();
  const { busy, created, exportValues } = useExportValues(sheets);
  return (
    <Section title="7. Export values only" hint="Copies the output sheets without formulas, for people who open the file without the add-in.">
      <div className={styles.row}>
        <Button onClick={() => void exportValues()} disabled={!ready || busy}>
          Export values-only copies
        </Button>
      </div>
      {!ready && <p className={styles.note}>Apply the formula first.</p>}
      {created.length > 0 && <p className={styles.note}>Written: {created.join(", ")}</p>}
    </Section>
  );
}

/** Skipped while its props are the same objects (the pane renders again on every edit of the parameters sheet). */
export const ExportStep = memo(ExportStepBody);
