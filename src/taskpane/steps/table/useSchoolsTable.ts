import { useCallback, useEffect, useMemo, useState } from "react";
import type { TableData, TableInfo } from "../../../workbook/WorkbookPort";
import { useMessages } from "../../messages/useMessages";
import { useWorkbook } from "../../workbook/useWorkbook";
import type { SampleTable } from "../../../engine/sample/SampleTable";
import { insertSampleDistrict, SAMPLE_SHEET } from "./insertSampleDistrict";
import type { HelperColumn } from "../../../engine/sample/helperColumns";

const NO_TABLES = "No table of schools found";
const LIST_FAILED = "Could not list the tables";
const READ_FAILED = "Could not read the table";
/** Wait after the last edit of a burst before reading the table again. */
const REREAD_DELAY_MS = 300;

export interface SchoolsTableState {
  tables: TableInfo[];
  /** True while the list of tables or a table's rows are being read. */
  busy: boolean;
  selectedId: string | null;
  table: TableData | null;
  refresh(): Promise<void>;
  choose(id: string): Promise<void>;
  insertSample(make: () => SampleTable, helpers?: readonly HelperColumn[]): Promise<void>;
}

/**
 * Step 1: lists the workbook's tables (and header-row blocks) when the pane opens, reads the one the person
 * picks, and inserts a sample district on request. Failures go to the message bar with a next step.
 */
export function useSchoolsTable(): SchoolsTableState {
  const port = useWorkbook();
  const messages = useMessages();
  const [tables, setTables] = useState<TableInfo[]>([]);
  const [busy, setBusy] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [table, setTable] = useState<TableData | null>(null);

  const listTables = useCallback(async (): Promise<TableInfo[]> => {
    const found = await port.listTables();
    setTables(found);
    return found;
  }, [port]);

  const refresh = useCallback(async () => {
    setBusy(true);
    try {
      const found = await listTables();
      if (found.length === 0) {
        messages.show({ intent: "info", title: NO_TABLES, text: "Add a table with one row per school and a header row, or insert the sample district." });
      }
    } catch (error) {
      messages.showError(LIST_FAILED, error);
    } finally {
      setBusy(false);
    }
  }, [listTables, messages]);

  const choose = useCallback(
    async (id: string) => {
      setSelectedId(id);
      if (!id) {
        setTable(null);
        return;
      }
      setBusy(true);
      try {
        setTable(await port.readTable(id));
        // Withdraw this step's own stale notices; a notice from another step (a damaged scenario store) stays.
        for (const title of [NO_TABLES, LIST_FAILED, READ_FAILED]) messages.dismiss(title);
      } catch (error) {
        setTable(null);
        messages.showError(READ_FAILED, error);
      } finally {
        setBusy(false);
      }
    },
    [port, messages],
  );

  const insertSample = useCallback(
    async (make: () => SampleTable, helpers: readonly HelperColumn[] = []) => {
      setBusy(true);
      try {
        await insertSampleDistrict(port, make(), helpers);
        const found = await listTables();
        const inserted = found.find((t) => t.sheet === SAMPLE_SHEET && t.kind === "table") ?? found.find((t) => t.sheet === SAMPLE_SHEET);
        if (inserted) {
          setSelectedId(inserted.id);
          setTable(await port.readTable(inserted.id));
        }
        messages.show({ intent: "success", title: "Sample district inserted", text: `The sheet "${SAMPLE_SHEET}" holds it. Check the column mapping below, then define the formula.` });
      } catch (error) {
        messages.showError("Could not insert the sample district", error);
      } finally {
        setBusy(false);
      }
    },
    [port, messages, listTables],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Read the chosen table again after a person edits its sheet, so the data problems follow the cells:
  // fix a bad cell and its problem goes away. Edits come in bursts (a paste, a fill), hence the short wait.
  const chosenId = table?.info.id ?? null;
  const chosenSheet = table?.info.sheet ?? null;
  useEffect(() => {
    if (chosenId === null || chosenSheet === null) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => void) | null = null;
    const reread = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        port.readTable(chosenId).then(
          (data) => live && setTable(data),
          (error) => live && messages.showError(READ_FAILED, error),
        );
      }, REREAD_DELAY_MS);
    };
    port.onChange(chosenSheet, reread).then(
      (stop) => (live ? (unsubscribe = stop) : stop()),
      () => undefined, // without change events the pane still works; "Refresh list" reads the table again
    );
    return () => {
      live = false;
      clearTimeout(timer);
      unsubscribe?.();
    };
  }, [port, messages, chosenId, chosenSheet]);

  // One object while nothing in it changes, so the step (memo) is skipped when the pane renders for a formula edit.
  return useMemo(() => ({ tables, busy, selectedId, table, refresh, choose, insertSample }), [tables, busy, selectedId, table, refresh, choose, insertSample]);
}
