import type { ReactNode } from "react";
import type { WorkbookPort } from "../../workbook/WorkbookPort";
import { workbookContext } from "./workbookContext";

/** Makes `port` available to every component below through `useWorkbook()`. */
export function WorkbookProvider({ port, children }: { port: WorkbookPort; children: ReactNode }) {
  return <workbookContext.Provider value={port}>{children}</workbookContext.Provider>;
}
