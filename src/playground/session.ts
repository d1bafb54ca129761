import type { HyperFormulaWorkbook } from "../workbook/local/HyperFormulaWorkbook";
import { clearState, saveState } from "./files/stateStore";
import { captureState, captureStateInSlices, type Slicing } from "./files/workbookState";

/** How long after the last change the work is written to browser storage. */
const PERSIST_DELAY_MS = 400;
/** The longest the page works at keeping the work before it handles input again, without requestIdleCallback. */
const SLICE_MS = 8;

/**
 * Idle-time slices: each runs until the browser's idle deadline (or SLICE_MS where there is no
 * requestIdleCallback), so a keystroke or a paint waits at most one slice, never the whole capture.
 */
function idleSlicing(stale: () => boolean): Slicing {
  let deadline: { timeRemaining(): number } | null = null;
  let sliceEnd = performance.now() + SLICE_MS;
  let rows = 0;
  return {
    // Asked once per row; the clock is read every 16 rows (a row of a state's table takes microseconds).
    due: () => (++rows & 15) === 0 && (deadline ? deadline.timeRemaining() < 1 : performance.now() > sliceEnd),
    pause: () =>
      new Promise<void>((resolve) => {
        if (typeof requestIdleCallback === "function") {
          requestIdleCallback(
            (idle) => {
              deadline = idle;
              resolve();
            },
            { timeout: 1000 },
          );
        } else {
          setTimeout(() => {
            sliceEnd = performance.now() + SLICE_MS;
            resolve();
          }, 0);
        }
      }),
    stale,
  };
}

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
  /** Bumped on every change: a capture in slices begun before it is stale and stops. */
  private generation = 0;
  /** The capture in slices under way, or null. */
  private slicingToken: object | null = null;

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
    this.generation++;
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
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.idle !== null && typeof cancelIdleCallback === "function") cancelIdleCallback(this.idle);
    this.idle = null;
    // A write already under way lands first, then goes.
    await this.pending;
    await clearState();
  }

  /** Writes any pending change now, all at once (tests and page hide). */
  flush(): Promise<void> {
    if (this.timer || this.idle !== null || this.slicingToken) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      // A capture in slices under way is made stale: this one takes its place.
      this.generation++;
      return this.persistIfPending();
    }
    return this.pending;
  }

  /** Resolves once every change so far is kept (or failed to be), waiting for the idle-time capture (bench). */
  async whenKept(): Promise<void> {
    while (this.timer || this.idle !== null || this.slicingToken) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await this.pending;
    }
    await this.pending;
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
    this.generation++;
    if (!this.snapshot.unsaved) this.update({ unsaved: true });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.persistInSlices();
    }, PERSIST_DELAY_MS);
  }

  /**
   * Keeps the work in idle-time slices (a state's file took seconds to copy in one go, during which typing
   * waited). A change during the capture stops it; that change's own timer starts the next one.
   */
  private persistInSlices(): Promise<void> {
    const { workbook, source, unsaved } = this.snapshot;
    const generation = this.generation;
    const token = {};
    this.slicingToken = token;
    this.pending = this.pending
      .then(async () => {
        const stale = () => this.generation !== generation || this.snapshot.workbook !== workbook;
        if (stale()) return;
        const stored = await captureStateInSlices(workbook, source, unsaved, idleSlicing(stale));
        if (stored && !stale()) await saveState(stored);
      })
      .then(
        () => {
          if (this.snapshot.storageProblem) this.update({ storageProblem: null });
        },
        (error: unknown) => {
          this.update({ storageProblem: `This browser did not keep the work (${error instanceof Error ? error.message : String(error)}); save it as a file before leaving.` });
        },
      )
      .finally(() => {
        if (this.slicingToken === token) this.slicingToken = null;
      });
    return this.pending;
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
