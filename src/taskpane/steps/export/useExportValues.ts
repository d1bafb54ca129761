import { useCallback, useState } from "react";
import { useMessages } from "../../messages/useMessages";
import { useWorkbook } from "../../workbook/useWorkbook";

/**
 * Step 7: values-only copies of the output sheets, for people who open the file without the add-in (the
 * formulas would show #NAME? there). The port names each copy `<sheet> (values)`.
 */
export function useExportValues(sheets: string[]) {
  const port = useWorkbook();
  const messages = useMessages();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<string[]>([]);

  const exportValues = useCallback(async () => {
    setBusy(true);
    try {
      const names = await port.exportValuesOnly(sheets);
      setCreated(names);
      messages.show({ intent: "success", title: "Values-only copies written", text: `${names.join(", ")}. Share these sheets with people who do not have the add-in.` });
    } catch (error) {
      messages.showError("Could not export values", error, "Apply the formula first so the output sheets exist, then export again.");
    } finally {
      setBusy(false);
    }
  }, [port, messages, sheets]);

  return { busy, created, exportValues };
}
