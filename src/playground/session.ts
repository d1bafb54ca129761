import type { HyperFormulaWorkbook } from "../workbook/local/HyperFormulaWorkbook";
import { clearState, saveState } from "./files/stateStore";
import { captureState } from "./files/workbookState";

/** How long after the last change the work is written to browser storage. */
const PERSIST_DELAY_MS = 400;

/** What the page shows about the work: where it came from and whether it has changes not saved to a file. */
export interface SessionSnapshot {
  workbook: HyperFormulaWorkbook;
  source: string;
  unsaved: boolean;
  /** The last failure to keep the work in browser storage, or null. */
  storageProblem: string | null;
  version: number;
}

/**
 * The playground's current work: one workbook at a time (the sample district, a file opened, or what was
 * kept from the last visit). Every change to its cells is written to IndexedDB shortly after (so a reload
 * gives it back) and marks the work unsaved, so leaving the page asks first (beforeunload) until the
 * workbook is saved as a file. Opening a file or resetting replaces the workbook whole.
 */
export class PlaygroundSession {
  private snapshot: SessionSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly workbookListeners = new Set<(workbook: HyperFormulaWorkbook) => void>();
  private detach: () => void = () => {};
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pending: Promise<void> = Promise.resolve();
  /** An idle callback waiting to keep the work, or null. */
  private idle: number | null = null;

  constructor(workbook: HyperFormulaWorkbook, source: string, unsaved: boolean) {
    this.snapshot = { workbook, source, unsaved, storageProblem: null, version: 0 };
    this.attach(workbook);
    window.addEventListener("beforeunload", (event) => {
      if (!this.snapshot.unsaved) return;
      event.preventDefault();
      // Chromium and older browsers show their own "Leave site?" text; the value only has to be set.
      event.returnValue = "";
    });
    window.addEventListener("pagehide", () => this.flush());
  }

  get current(): SessionSnapshot {
    return this.snapshot;
  }

  /** For React's useSyncExternalStore. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionSnapshot => this.snapshot;

  /** Called with the new workbook whenever it is replaced (the task pane is mounted again on it). */
  onWorkbookReplaced(listener: (workbook: HyperFormulaWorkbook) => void): void {
    this.workbookListeners.add(listener);
  }

  /** Puts a new workbook in place of the current one and keeps it in browser storage at once. */
  async replace(workbook: HyperFormulaWorkbook, source: string, unsaved: boolean): Promise<void> {
    this.detach();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.idle !== null && typeof cancelIdleCallback === "function") cancelIdleCallback(this.idle);
    this.idle = null;
    this.update({ workbook, source, unsaved });
    this.attach(workbook);
    for (const listener of this.workbookListeners) listener(workbook);
    await this.persistNow();
  }

  /** The work is now in a file: no prompt on leaving until the next change. */
  async markSaved(source?: string): Promise<void> {
    this.update({ unsaved: false, source: source ?? this.snapshot.source });
    await this.persistNow();
  }

  /** Forgets the kept work (before a reset to the sample district). */
  async forget(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.idle !== null && typeof cancelIdleCallback === "function") cancelIdleCallback(this.idle);
    this.idle = null;
    await clearState();
  }

  /** Writes any pending change now (tests and page hide). */
  flush(): Promise<void> {
    if (this.timer || this.idle !== null) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      return this.persistIfPending();
    }
    return this.pending;
  }

  private persistIfPending(): Promise<void> {
    if (this.idle !== null && typeof cancelIdleCallback === "function") cancelIdleCallback(this.idle);
    this.idle = null;
    return this.persistNow();
  }

  private attach(workbook: HyperFormulaWorkbook): void {
    const changed = () => this.changed();
    const events = ["valuesUpdated", "sheetAdded", "sheetRemoved", "sheetRenamed"] as const;
    for (const event of events) workbook.hf.on(event, changed);
    this.detach = () => {
      for (const event of events) workbook.hf.off(event, changed);
    };
  }

  private changed(): void {
    if (!this.snapshot.unsaved) this.update({ unsaved: true });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      // When the page is idle, so a state-sized workbook's copy does not delay the next keystroke.
      if (typeof requestIdleCallback === "function") this.idle = requestIdleCallback(() => this.persistIfPending(), { timeout: 2000 });
      else void this.persistNow();
    }, PERSIST_DELAY_MS);
  }

  private persistNow(): Promise<void> {
    const { workbook, source, unsaved } = this.snapshot;
    this.pending = this.pending
      .then(() => saveState(captureState(workbook, source, unsaved)))
      .then(
        () => {
          if (this.snapshot.storageProblem) this.update({ storageProblem: null });
        },
        (error: unknown) => {
          this.update({ storageProblem: `This browser did not keep the work (${error instanceof Error ? error.message : String(error)}); save it as a file before leaving.` });
        },
      );
    return this.pending;
  }

  private update(change: Partial<SessionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change, version: this.snapshot.version + 1 };
    for (const listener of [...this.listeners]) listener();
  }
}
