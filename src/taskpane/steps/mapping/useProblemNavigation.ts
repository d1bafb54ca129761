import { useCallback } from "react";
import type { DataProblem } from "../../../engine/table/School";
import type { TableData } from "../../../workbook/WorkbookPort";
import { useMessages } from "../../messages/useMessages";
import { useWorkbook } from "../../workbook/useWorkbook";

/** Clicking a data problem selects its cell in the workbook, so the person can fix it in place. */
export function useProblemNavigation(table: TableData | null): (problem: DataProblem) => Promise<void> {
  const port = useWorkbook();
  const messages = useMessages();
  return useCallback(
    async (problem: DataProblem) => {
      if (!table) return;
      try {
        await port.selectCell({ sheet: table.info.sheet, row: problem.sheetRow, column: problem.sheetColumn });
      } catch (error) {
        messages.showError("Could not select the cell", error, "Refresh the list of tables; the sheet may have been renamed or deleted.");
      }
    },
    [port, messages, table],
  );
}
