import { Button, Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, Text, tokens } from "@fluentui/react-components";

export type WelcomeChoice = "explore" | "open" | "training" | "dismissed";

const useStyles = makeStyles({
  surface: { maxWidth: "760px", width: "92vw" },
  choices: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(200px, 1fr))", gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalM },
  choice: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  grow: { flexGrow: 1 },
  note: { marginTop: tokens.spacingVerticalM },
  close: { marginTop: tokens.spacingVerticalM, display: "flex", justifyContent: "flex-end" },
});

/**
 * The first screen: the three things a person can do here and the next click for each. It closes on any
 * choice (remembered, so it does not come back on the next visit) and opens again from "Start / Help".
 */
export function Welcome({ open, onChoose, onClose }: { open: boolean; onChoose: (choice: WelcomeChoice) => void; onClose: () => void }) {
  const styles = useStyles();
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface} aria-label="Start">
        <DialogBody>
          <DialogTitle>Weighted student funding playground</DialogTitle>
          <DialogContent>
            <Text block>
              A workbook in your browser with the WSF task pane beside it: try a funding formula, compare it with last year and read the equity statistics. Nothing you open here
              leaves this computer.
            </Text>
            <div className={styles.choices}>
              <section className={styles.choice} aria-label="Explore the sample district">
                <Text weight="semibold">Explore the sample district</Text>
                <Text className={styles.grow}>
                  850 invented schools are already loaded. Next: in the task pane on the right, choose the table <b>Schools</b>, pick a preset and press <b>Apply</b>.
                </Text>
                <Button appearance="primary" onClick={() => onChoose("explore")}>
                  Explore the sample
                </Button>
              </section>
              <section className={styles.choice} aria-label="Open your district's file">
                <Text weight="semibold">Open your district&apos;s file</Text>
                <Text className={styles.grow}>
                  An .xlsx workbook or a .csv file with one row per school. You can also drop the file on the page. Problems in it are listed by sheet and row.
                </Text>
                <Button onClick={() => onChoose("open")}>Open a file...</Button>
              </section>
              <section className={styles.choice} aria-label="Follow the training exercises">
                <Text weight="semibold">Follow the training exercises</Text>
                <Text className={styles.grow}>
                  Three exercises for a one-hour session and a fourth on Title I for budget staff (the trainer&apos;s guide, docs/training.md). Exercise 1 starts in the task pane: choose the table <b>Schools</b>.
                </Text>
                <Button onClick={() => onChoose("training")}>Start exercise 1</Button>
              </section>
            </div>
            <Text block size={200} className={styles.note}>
              Your work is kept in this browser between visits; <b>Save as .xlsx</b> puts it in a file that opens in Excel with the add-in. This screen opens again from <b>Start / Help</b>.
            </Text>
            <div className={styles.close}>
              <Button appearance="subtle" onClick={onClose}>
                Close
              </Button>
            </div>
          </DialogContent>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
