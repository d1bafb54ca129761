import { useCallback, useEffect, useState } from "react";
import type { FormulaResult } from "../../../engine/scenario/FormulaResult";
import type { FormulaSpec } from "../../../engine/scenario/FormulaSpec";
import { parseScenarioStore } from "../../../engine/scenario/parseScenarioStore";
import { serializeScenarioStore } from "../../../engine/scenario/serializeScenarioStore";
import type { StoredScenario } from "../../../engine/scenario/StoredScenario";
import { summarizeResult } from "../../../engine/scenario/summarizeResult";
import { upsertScenario } from "../../../engine/scenario/upsertScenario";
import type { ColumnMapping } from "../../../engine/table/ColumnMapping";
import type { TitleISettings } from "../../../engine/scenario/TitleISettings";
import type { TransitionSettings } from "../../../engine/transition/TransitionSettings";
import { useMessages } from "../../messages/useMessages";
import { useWorkbook } from "../../workbook/useWorkbook";

/** What is being formulated now, as a scenario would save it. */
export interface CurrentFormula {
  spec: FormulaSpec | null;
  result: FormulaResult | null;
  mapping: ColumnMapping;
  tableId: string | null;
  /** The transition plan in the pane, saved with the scenario when it is complete (null: none or incomplete). */
  transition?: TransitionSettings | null;
  /** The Title I step's choices, saved with the scenario when they are complete (null: none or incomplete). */
  titleI?: TitleISettings | null;
}

/**
 * Step 6: the named scenarios saved inside the workbook (they travel with the file). Reads the store once,
 * reports anything unreadable in the message bar and keeps the rest usable; saving, deleting and restoring
 * go through the engine's store model. What could not be read is never dropped: every write reads the store
 * again and puts its unreadable parts back, untouched (`setAside`).
 */
export function useScenarios(current: CurrentFormula, restore: (scenario: StoredScenario) => void) {
  const port = useWorkbook();
  const messages = useMessages();
  const [scenarios, setScenarios] = useState<StoredScenario[]>([]);
  const [unreadable, setUnreadable] = useState<string[]>([]);
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
            text: `${parsed.problems.join(" ")} The other scenarios still work; saving keeps what could not be read aside in the workbook, untouched.`,
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
        // Read the store again so its unreadable parts (damaged text, a newer version, left-out scenarios)
        // go back in untouched: saving never drops what a person or a newer add-in stored.
        const latest = parseScenarioStore(await port.readScenarioStore());
        await port.writeScenarioStore(serializeScenarioStore(next, latest.setAside, latest.applied, latest.appliedTitleI));
        setScenarios(next);
        setUnreadable(latest.problems);
        const kept = latest.setAside.length > 0 ? " What could not be read is kept aside in the store, untouched." : "";
        messages.show({ intent: "success", title: success, text: `Saved in the workbook; the scenarios travel with the file.${kept}` });
      } catch (error) {
        messages.showError("Could not save the scenarios", error);
      } finally {
        setBusy(false);
      }
    },
    [port, messages],
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
        ...(current.transition ? { transition: current.transition } : {}),
        ...(current.titleI ? { titleI: current.titleI } : {}),
      };
      await write(upsertScenario(scenarios, scenario), `Scenario "${trimmed}" saved`);
    },
    [current, scenarios, write, messages],
  );

  const remove = useCallback(
    async (name: string) => write(scenarios.filter((s) => s.name !== name), `Scenario "${name}" deleted`),
    [scenarios, write],
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

  /** Adds a scenario from elsewhere (an imported scenario file), replacing one of the same name. */
  const add = useCallback(async (scenario: StoredScenario) => write(upsertScenario(scenarios, scenario), `Scenario "${scenario.name}" imported`), [scenarios, write]);

  return { scenarios, unreadable, busy, save, remove, restore: restoreByName, add };
}
