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
