import { useCallback, useEffect, useState } from "react";
import type { FormulaResult } from "../../../engine/scenario/FormulaResult";
import type { FormulaSpec } from "../../../engine/scenario/FormulaSpec";
import { parseScenarioStore } from "../../../engine/scenario/parseScenarioStore";
import { serializeScenarioStore } from "../../../engine/scenario/serializeScenarioStore";
import type { StoredScenario } from "../../../engine/scenario/StoredScenario";
import { summarizeResult } from "../../../engine/scenario/summarizeResult";
import { upsertScenario } from "../../../engine/scenario/upsertScenario";
import type { ColumnMapping } from "../../../engine/table/ColumnMapping";
import { useMessages } from "../../messages/useMessages";
import { useWorkbook } from "../../workbook/useWorkbook";

/** What is being formulated now, as a scenario would save it. */
export interface CurrentFormula {
  spec: FormulaSpec | null;
  result: FormulaResult | null;
  mapping: ColumnMapping;
  tableId: string | null;
}

/** A write to the store that waits for the person to agree to drop what could not be read. */
interface PendingWrite {
  scenarios: StoredScenario[];
  success: string;
}

/**
 * Step 6: the named scenarios saved inside the workbook (they travel with the file). Reads the store once,
 * reports anything unreadable in the message bar and keeps the rest usable; saving, deleting and restoring
 * go through the engine's store model. When parts of the store could not be read, the first write asks
 * first, because writing replaces them.
 */
export function useScenarios(current: CurrentFormula, restore: (scenario: StoredScenario) => void) {
  const port = useWorkbook();
  const messages = useMessages();
  const [scenarios, setScenarios] = useState<StoredScenario[]>([]);
  const [unreadable, setUnreadable] = useState<string[]>([]);
  const [pending, setPending] = useState<PendingWrite | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const parsed = parseScenarioStore(await port.readScenarioStore());
        if (!live) return;
        setScenarios(parsed.scenarios);
        setUnreadable(parsed.problems);
        if (parsed.problems.length > 0) {
          messages.show({
            intent: "warning",
            title: "Some saved scenarios could not be read",
            text: `${parsed.problems.join(" ")} The other scenarios still work; saving will ask before replacing what could not be read.`,
          });
        }
      } catch (error) {
        if (live) messages.showError("Could not read the saved scenarios", error);
      }
    })();
    return () => {
      live = false;
    };
  }, [port, messages]);

  const write = useCallback(
    async (next: StoredScenario[], success: string) => {
      setBusy(true);
      try {
        await port.writeScenarioStore(serializeScenarioStore(next));
        setScenarios(next);
        setUnreadable([]);
        messages.show({ intent: "success", title: success, text: "Saved in the workbook; the scenarios travel with the file." });
      } catch (error) {
        messages.showError("Could not save the scenarios", error);
      } finally {
        setBusy(false);
      }
    },
    [port, messages],
  );

  const writeOrAsk = useCallback(
    async (next: StoredScenario[], success: string) => {
      if (unreadable.length > 0) {
        // Look again: the store may have been repaired (or replaced) since the pane read it.
        try {
          const latest = parseScenarioStore(await port.readScenarioStore());
          setUnreadable(latest.problems);
          if (latest.problems.length > 0) {
            setPending({ scenarios: next, success });
            return;
          }
        } catch (error) {
          messages.showError("Could not read the saved scenarios", error);
          return;
        }
      }
      await write(next, success);
    },
    [unreadable, write, port, messages],
  );

  const save = useCallback(
    async (name: string) => {
      const trimmed = name.trim();
      if (!trimmed) return;
      if (!current.spec || !current.result || current.tableId === null) {
        messages.show({ intent: "error", title: "Nothing to save yet", text: "Choose a table and define a formula that runs, then save it." });
        return;
      }
      const scenario: StoredScenario = {
        name: trimmed,
        savedAt: new Date().toISOString(),
        spec: { ...current.spec, name: trimmed },
        mapping: current.mapping,
        tableId: current.tableId,
        summary: summarizeResult(current.result),
      };
      await writeOrAsk(upsertScenario(scenarios, scenario), `Scenario "${trimmed}" saved`);
    },
    [current, scenarios, writeOrAsk, messages],
  );

  const remove = useCallback(
    async (name: string) => writeOrAsk(scenarios.filter((s) => s.name !== name), `Scenario "${name}" deleted`),
    [scenarios, writeOrAsk],
  );

  const restoreByName = useCallback(
    (name: string) => {
      const scenario = scenarios.find((s) => s.name === name);
      if (!scenario) return;
      restore(scenario);
      const elsewhere = current.tableId !== null && scenario.tableId !== current.tableId;
      messages.show({
        intent: elsewhere ? "warning" : "success",
        title: `Scenario "${name}" restored`,
        text: elsewhere
          ? `It was saved on the table "${scenario.tableId}" and is now applied to "${current.tableId}". Check the column mapping, then apply.`
          : "Its column mapping and formula are back in the pane. Apply to write them to the sheets.",
      });
    },
    [scenarios, restore, current.tableId, messages],
  );

  const confirmPending = useCallback(async () => {
    if (!pending) return;
    setPending(null);
    await write(pending.scenarios, pending.success);
  }, [pending, write]);

  return { scenarios, unreadable, pending, busy, save, remove, restore: restoreByName, confirmPending, cancelPending: () => setPending(null) };
}
