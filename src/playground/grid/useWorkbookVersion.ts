import { useSyncExternalStore } from "react";
import type { HyperFormulaWorkbook } from "../../workbook/local/HyperFormulaWorkbook";

/** Re-renders the caller after every change to the browser workbook (writes, edits, recalculation, selection). */
export function useWorkbookVersion(workbook: HyperFormulaWorkbook): number {
  return useSyncExternalStore(
    (listener) => workbook.subscribe(listener),
    () => workbook.getVersion(),
  );
}
