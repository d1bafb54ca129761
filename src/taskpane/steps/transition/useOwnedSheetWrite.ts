import { useCallback, useState } from "react";
import type { ChartSpec, SheetSpec } from "../../../workbook/WorkbookPort";
import { useMessages } from "../../messages/useMessages";
import { useWorkbook } from "../../workbook/useWorkbook";
import { nameTakenMessage, sheetsInTheWay } from "../../common/sheetsInTheWay";

/** What to write, and what to say once it is written. */
export interface SheetWrite {
  sheets: SheetSpec[];
  charts: ChartSpec[];
  /** Sheets that must already exist as the add-in's own (the allocation sheet the new one reads). */
  requires: { name: string; missing: string }[];
  onWritten: () => void;
}

/**
 * Writes add-in sheets with the rules of the apply step (useApply): a sheet of the same name the add-in did
 * not create stops the write with a message; a sheet edited by hand since the add-in wrote it opens a
 * question (`pending`), and only `confirm` writes over it; a required sheet that is missing stops the write
 * with its own message. Re-writing replaces the add-in's sheets in place and its charts by name.
 */
export function useOwnedSheetWrite() {
  const port = useWorkbook();
  const messages = useMessages();
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<(SheetWrite & { edited: string[] }) | null>(null);

  const write = useCallback(
    async (plan: SheetWrite, overwriteHandEdits: boolean) => {
      setBusy(true);
      try {
        for (const sheet of plan.sheets) await port.writeSheet(sheet, { overwriteHandEdits });
        for (const chart of plan.charts) await port.createChart(chart);
        plan.onWritten();
      } catch (error) {
        messages.showError("Could not write the sheets", error);
      } finally {
        setBusy(false);
      }
    },
    [port, messages],
  );

  const start = useCallback(
    async (plan: SheetWrite) => {
      setBusy(true);
      let edited: string[];
      try {
        const names = [...plan.requires.map((r) => r.name), ...plan.sheets.map((s) => s.name)];
        const statuses = await port.inspectSheets(names);
        const missing = plan.requires.find((r) => !statuses.some((s) => s.name === r.name && s.exists && s.owned));
        if (missing) {
          messages.show({ intent: "error", title: `No "${missing.name}" sheet yet`, text: missing.missing });
          return;
        }
        const inTheWay = sheetsInTheWay(statuses, plan.sheets.map((s) => s.name));
        if (inTheWay.foreign.length > 0) {
          messages.show(nameTakenMessage(inTheWay.foreign));
          return;
        }
        edited = inTheWay.edited;
      } catch (error) {
        messages.showError("Could not check the sheets", error);
        return;
      } finally {
        setBusy(false);
      }
      if (edited.length > 0) setPending({ ...plan, edited });
      else await write(plan, false);
    },
    [port, messages, write],
  );

  const confirm = useCallback(async () => {
    if (!pending) return;
    setPending(null);
    await write(pending, true);
  }, [pending, write]);

  const cancel = useCallback(() => {
    setPending(null);
    messages.show({ intent: "info", title: "Nothing was written", text: "Your hand edits are kept. Copy them elsewhere (or to a sheet of your own), then apply again to update the add-in's sheet." });
  }, [messages]);

  return { busy, pending, start, confirm, cancel };
}
