import type { RawCellContent } from "hyperformula";
import { HyperFormulaWorkbook, SCENARIO_SHEET, type WorkbookMeta } from "../../workbook/local/HyperFormulaWorkbook";

/** One sheet's cells as HyperFormula serialises them: formulas with "=", text that must stay text with "'". */
export interface SavedSheet {
  name: string;
  cells: RawCellContent[][];
}

/**
 * Everything the playground needs to give back the same workbook and the same task-pane state: the cells
 * of every sheet (the hidden scenario store included), and the workbook's metadata (the add-in's ownership
 * fingerprints, tables, charts, formats, the active sheet). It is what the page keeps in IndexedDB between
 * reloads, and what an .xlsx file saved here carries besides its cells.
 */
export interface PlaygroundState {
  format: 1;
  sheets: SavedSheet[];
  meta: WorkbookMeta;
  /** Where the work came from, for the title bar: "Sample district" or a file name. */
  source: string;
  /** Changed since it was opened or last saved as a file (leaving the page then asks first). */
  unsaved: boolean;
}

/** Captures the workbook's cells and metadata. Cost O(cells). */
export function captureState(workbook: HyperFormulaWorkbook, source: string, unsaved: boolean): PlaygroundState {
  const hf = workbook.hf;
  const sheets = hf.getSheetNames().map((name) => {
    const sheet = hf.getSheetId(name)!;
    // HyperFormula serialises the cells a spilling formula fills as their values; kept, they would block the
    // spill when loaded back (and read as hand edits), so they are left blank: the formula fills them again.
    const cells = hf.getSheetSerialized(sheet).map((line, row) =>
      line.map((content, col) => {
        if (content === null || content === undefined || (typeof content === "string" && content.startsWith("="))) return content;
        const address = { sheet, row, col };
        return hf.isCellPartOfArray(address) && !hf.doesCellHaveFormula(address) ? null : content;
      }),
    );
    return { name, cells };
  });
  return { format: 1, sheets, meta: workbook.exportMeta(), source, unsaved };
}

/**
 * The state as kept in IndexedDB: each sheet's cells as one JSON text. Storing a state's file (a million
 * cells) as arrays made IndexedDB copy every cell on the page's thread when the record was written; a string
 * is copied whole, and the text is built in slices of idle time (`captureStateInSlices`).
 */
export interface StoredState {
  format: 2;
  sheets: { name: string; json: string }[];
  meta: WorkbookMeta;
  source: string;
  unsaved: boolean;
}

/** A captured state in the stored form (all at once: for a flush before the page goes). */
export function toStoredState(state: PlaygroundState): StoredState {
  return { format: 2, sheets: state.sheets.map((s) => ({ name: s.name, json: JSON.stringify(s.cells) })), meta: state.meta, source: state.source, unsaved: state.unsaved };
}

/** The state a stored record holds (the stored form, or the arrays kept before it), or null when it is neither. */
export function fromStoredState(value: unknown): PlaygroundState | null {
  if (isPlaygroundState(value)) return value;
  const v = value as StoredState | null;
  if (!v || v.format !== 2 || !Array.isArray(v.sheets) || typeof v.meta !== "object" || v.meta === null) return null;
  if (!v.sheets.every((s) => typeof s?.name === "string" && typeof s.json === "string")) return null;
  try {
    const sheets = v.sheets.map((s) => ({ name: s.name, cells: JSON.parse(s.json) as RawCellContent[][] }));
    const state: PlaygroundState = { format: 1, sheets, meta: v.meta, source: typeof v.source === "string" ? v.source : "", unsaved: v.unsaved === true };
    return isPlaygroundState(state) && sheets.every((s) => s.cells.every((line) => Array.isArray(line))) ? state : null;
  } catch {
    return null;
  }
}

/** How `captureStateInSlices` shares the page: it works until `due()`, then waits for `pause()`. */
export interface Slicing {
  /** True when the current slice has used its time. */
  due(): boolean;
  /** Resolves when the next slice may run (the page idle again). */
  pause(): Promise<void>;
  /** True when the workbook has changed since the capture began: its slices would not be one state. */
  stale(): boolean;
}

/**
 * `captureState` in the stored form, a few rows at a time, so that keeping a state's file in browser storage
 * never holds up typing: between slices the page handles input and paints. The cells are those
 * `captureState` gives (formulas, constants, spilled cells left blank, trailing blanks trimmed), read with
 * HyperFormula's `getCellSerialized`, the getter behind `getSheetSerialized`. Returns null, and stops, as
 * soon as `stale()` says the workbook changed (the change brings its own capture).
 */
export async function captureStateInSlices(workbook: HyperFormulaWorkbook, source: string, unsaved: boolean, slicing: Slicing): Promise<StoredState | null> {
  const hf = workbook.hf;
  const sheets: StoredState["sheets"] = [];
  for (const name of hf.getSheetNames()) {
    const sheet = hf.getSheetId(name);
    if (sheet === undefined) return null;
    const { width, height } = hf.getSheetDimensions(sheet);
    const rows: string[] = [];
    let used = 0;
    for (let row = 0; row < height; row++) {
      if (slicing.due()) {
        await slicing.pause();
        if (slicing.stale()) return null;
      }
      const line: RawCellContent[] = [];
      let end = 0;
      for (let col = 0; col < width; col++) {
        const address = { sheet, row, col };
        const content = hf.getCellSerialized(address);
        if (content === null || content === undefined) {
          line.push(null);
          continue;
        }
        // Trimmed as getSheetSerialized trims (on the content before a spilled cell is blanked), so the
        // cells are exactly captureState's.
        end = col + 1;
        const spilled = !(typeof content === "string" && content.startsWith("=")) && hf.isCellPartOfArray(address) && !hf.doesCellHaveFormula(address);
        line.push(spilled ? null : content);
      }
      line.length = end;
      rows.push(JSON.stringify(line));
      if (end > 0) used = row + 1;
    }
    rows.length = used;
    sheets.push({ name, json: `[${rows.join(",")}]` });
  }
  if (slicing.stale()) return null;
  return { format: 2, sheets, meta: workbook.exportMeta(), source, unsaved };
}

/**
 * Builds a workbook from saved sheets and metadata, sheets in their saved order, in one HyperFormula batch
 * (one recalculation for the whole workbook). The WSF functions must be registered beforehand.
 */
export function buildWorkbook(sheets: readonly SavedSheet[], meta: Partial<WorkbookMeta> = {}): HyperFormulaWorkbook {
  const workbook = new HyperFormulaWorkbook();
  const hf = workbook.hf;
  hf.batch(() => {
    for (const sheet of sheets) {
      const name = hf.addSheet(sheet.name);
      if (sheet.cells.length > 0) hf.setSheetContent(hf.getSheetId(name)!, sheet.cells);
    }
  });
  workbook.restoreMeta(meta);
  const visible = workbook.visibleSheets();
  if (!meta.active && visible.length > 0) workbook.activate(visible[0]);
  return workbook;
}

/** The sheet the scenario store lives on, with its text as `writeScenarioStore` leaves it (a leading "'" keeps JSON as text). */
export function scenarioSheet(json: string): SavedSheet {
  return { name: SCENARIO_SHEET, cells: [[`'${json}`]] };
}

/** Checks that a value read back from storage is a state this version can use (older or damaged ones are not). */
export function isPlaygroundState(value: unknown): value is PlaygroundState {
  const v = value as PlaygroundState | null;
  return !!v && v.format === 1 && Array.isArray(v.sheets) && v.sheets.every((s) => typeof s?.name === "string" && Array.isArray(s.cells)) && typeof v.meta === "object" && v.meta !== null;
}
