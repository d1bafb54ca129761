import { useContext } from "react";
import type { WorkbookPort } from "../../workbook/WorkbookPort";
import { workbookContext } from "./workbookContext";

/** The `WorkbookPort` given to the nearest `WorkbookProvider`; throws when there is none (a wiring bug). */
export function useWorkbook(): WorkbookPort {
  const port = useContext(workbookContext);
  if (!port) throw new Error("useWorkbook: no WorkbookProvider above this component");
  return port;
}
