import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { WorkbookView } from "./grid/WorkbookView";
import { openFile, resetToSample, saveWorkbookFile } from "./files/fileActions";
import { describeProblem, PROBLEM_LIST_LIMIT } from "./files/fileProblems";
import type { FileProblem } from "./files/xlsxFile";
import { rememberWelcomeChoice, welcomeDone } from "./files/stateStore";
import type { PlaygroundSession } from "./session";
import { Welcome, type WelcomeChoice } from "./Welcome";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100%", minHeight: 0, position: "relative" },
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  source: { marginLeft: "auto", color: tokens.colorNeutralForeground2, whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", minWidth: 0 },
  view: { flex: "1 1 auto", minHeight: 0, display: "flex", flexDirection: "column" },
  drop: {
    position: "absolute",
    inset: 0,
    zIndex: 10,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    backgroundColor: "rgba(255,255,255,0.85)",
    border: `3px dashed ${tokens.colorBrandStroke1}`,
    fontSize: tokens.fontSizeBase500,
  },
  problems: { maxHeight: "50vh", overflowY: "auto", margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Confirm = { title: string; body: ReactNode; action: string; run: () => void } | null;

/**
 * The playground's workbook side: a toolbar (open a file, save as .xlsx, reset to the sample district,
 * the first screen again), the workbook view, drag and drop of a file, the first screen, and the
 * dialogs that confirm replacing unsaved work and list what was wrong in an opened file.
 */
export function PlaygroundApp({ session }: { session: PlaygroundSession }) {
  const styles = useStyles();
  const { workbook, source, unsaved, storageProblem } = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const [welcome, setWelcome] = useState(() => !welcomeDone());
  const [busy, setBusy] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [report, setReport] = useState<{ file: string; opened: boolean; problems: FileProblem[] } | null>(null);
  const [notice, setNotice] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  /** Asks first when opening or resetting would drop changes that are in no file. */
  const guard = useCallback(
    (title: string, action: string, run: () => void) => {
      if (!session.current.unsaved) run();
      else setConfirm({ title, action, run, body: "The workbook has changes that are not saved in a file. They will be replaced. To keep them, cancel and choose Save as .xlsx first." });
    },
    [session],
  );

  const open = useCallback(
    (file: File) => {
      guard(`Open ${file.name}?`, "Open and replace", () => {
        setBusy(`Opening ${file.name}...`);
        setNotice(null);
        openFile(session, file)
          .then((result) => {
            if (result.opened && result.problems.length === 0) setNotice({ intent: "success", text: `Opened ${file.name}: ${result.sheets.join(", ")}.` });
            if (result.problems.length > 0 || !result.opened) setReport({ file: file.name, opened: result.opened, problems: result.problems });
          })
          .catch((error: unknown) => setNotice({ intent: "error", text: error instanceof Error ? error.message : String(error) }))
          .finally(() => setBusy(null));
      });
    },
    [guard, session],
  );

  const save = () => {
    setBusy("Saving...");
    setNotice(null);
    saveWorkbookFile(session)
      .then((name) => setNotice({ intent: "success", text: `Saved as ${name} (in your downloads).` }))
      .catch((error: unknown) => setNotice({ intent: "error", text: `The workbook could not be saved: ${error instanceof Error ? error.message : String(error)}` }))
      .finally(() => setBusy(null));
  };

  const reset = () => {
    setConfirm({
      title: "Reset to the sample district?",
      action: "Reset",
      body: unsaved
        ? "This replaces the whole workbook, with every sheet and scenario, by the sample district. The workbook has changes that are not saved in a file: they will be lost. To keep them, cancel and choose Save as .xlsx first."
        : "This replaces the whole workbook, with every sheet and scenario, by the sample district.",
      run: () => {
        setBusy("Loading the sample district...");
        setNotice(null);
        resetToSample(session)
          .then(() => setNotice({ intent: "success", text: "The sample district is loaded." }))
          .catch((error: unknown) => setNotice({ intent: "error", text: error instanceof Error ? error.message : String(error) }))
          .finally(() => setBusy(null));
      },
    });
  };

  // Drag and drop anywhere on the page.
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes("Files");
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) open(file);
    };
    window.addEventListener("dragenter", enter);
    window.addEventListener("dragleave", leave);
    window.addEventListener("dragover", over);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragenter", enter);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("dragover", over);
      window.removeEventListener("drop", drop);
    };
  }, [open]);

  const choose = (choice: WelcomeChoice) => {
    rememberWelcomeChoice(choice);
    setWelcome(false);
    if (choice === "open") picker.current?.click();
    if (choice === "training") {
      // Exercise 1, step 1: choose the schools table in the task pane.
      const tableChoice = document.querySelector<HTMLSelectElement>('#taskpane select');
      tableChoice?.focus();
      tableChoice?.scrollIntoView({ block: "nearest" });
    }
  };

  return (
    <div className={styles.root}>
      <div className={styles.toolbar} role="toolbar" aria-label="File">
        <Button size="small" appearance="subtle" onClick={() => picker.current?.click()}>
          Open file...
        </Button>
        <Button size="small" appearance="subtle" onClick={save}>
          Save as .xlsx
        </Button>
        <Button size="small" appearance="subtle" onClick={reset}>
          Reset to sample district
        </Button>
        <Button size="small" appearance="subtle" onClick={() => setWelcome(true)}>
          Start / Help
        </Button>
        <input
          ref={picker}
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          aria-label="Open a workbook file"
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) open(file);
          }}
        />
        {busy && <Spinner size="extra-tiny" label={busy} />}
        <Text size={200} className={styles.source} aria-label="Workbook status">
          {source}
          {unsaved ? " - changes not saved in a file (kept in this browser)" : ""}
        </Text>
      </div>
      {(notice || storageProblem) && (
        <MessageBar intent={storageProblem ? "warning" : notice!.intent}>
          <MessageBarBody>{storageProblem ?? notice!.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.view}>
        <WorkbookView key={sourceKey(workbook)} workbook={workbook} />
      </div>
      {dragging && (
        <div className={styles.drop} aria-hidden>
          Drop an .xlsx or .csv file to open it
        </div>
      )}
      <Welcome open={welcome} onChoose={choose} onClose={() => choose("dismissed")} />
      <Dialog open={confirm !== null} onOpenChange={(_, data) => !data.open && setConfirm(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{confirm?.title}</DialogTitle>
            <DialogContent>{confirm?.body}</DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setConfirm(null)}>
                Cancel
              </Button>
              <Button
                appearance="primary"
                onClick={() => {
                  const run = confirm?.run;
                  setConfirm(null);
                  run?.();
                }}
              >
                {confirm?.action}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <Dialog open={report !== null} onOpenChange={(_, data) => !data.open && setReport(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Problems in {report?.file}</DialogTitle>
            <DialogContent>
              <Text block>
                {report?.opened
                  ? `The file is open. Check ${report.problems.length === 1 ? "this problem" : `these ${report.problems.length} problems`} before using its numbers:`
                  : "The file could not be opened; the workbook is as it was."}
              </Text>
              <ul className={styles.problems} aria-label="Problems in the file">
                {report?.problems.slice(0, PROBLEM_LIST_LIMIT).map((p, k) => <li key={k}>{describeProblem(p)}</li>)}
              </ul>
              {report && report.problems.length > PROBLEM_LIST_LIMIT && <Text block>...and {report.problems.length - PROBLEM_LIST_LIMIT} more.</Text>}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => setReport(null)}>
                Close
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

/** Identity of a workbook object, so the view starts fresh (selection, drafts) when the workbook is replaced. */
const ids = new WeakMap<object, number>();
let nextId = 0;
function sourceKey(workbook: object): string {
  if (!ids.has(workbook)) ids.set(workbook, ++nextId);
  return String(ids.get(workbook));
}
