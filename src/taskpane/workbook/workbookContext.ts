import { createContext } from "react";
import type { WorkbookPort } from "../../workbook/WorkbookPort";

/**
 * The workbook the task pane talks to. Components never reach Excel directly: the add-in entry provides an
 * `OfficeWorkbook`, the playground its browser workbook, tests a `MemoryWorkbook`.
 */
export const workbookContext = createContext<WorkbookPort | null>(null);
