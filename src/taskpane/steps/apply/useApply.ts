import { useCallback, useMemo, useState } from "react";
import type { FormulaResult } from "../../../engine/scenario/FormulaResult";
import type { FormulaSpec } from "../../../engine/scenario/FormulaSpec";
import { summarizeResult } from "../../../engine/scenario/summarizeResult";
import type { ScenarioSummary } from "../../../engine/scenario/StoredScenario";
import type { ColumnMapping } from "../../../engine/table/ColumnMapping";
import type { School } from "../../../engine/table/School";
import type { ChartSpec, SheetSpec, TableData } from "../../../workbook/WorkbookPort";
import { formatCents, formatDollars } from "../../common/formatNumbers";
import { useMessages } from "../../messages/useMessages";
import { useWorkbook } from "../../workbook/useWorkbook";
import { buildOutputs } from "./buildOutputs";

export interface ApplyInputs {
  table: TableData | null;
  mapping: ColumnMapping;
  schools: School[];
  spec: FormulaSpec | null;
  result: FormulaResult | null;
}

/** A write waiting for the person to say whether hand edits on these sheets may be replaced. */
interface PendingWrite {
  edited: string[];
  sheets: SheetSpec[];
  charts: ChartSpec[];
  what: "all" | "explain";
}

/**
 * Step 4: writes the outputs. Every write first asks the workbook about the sheets (`inspectSheets`): a sheet
 * of the same name that the add-in did not create stops the apply with a message; a sheet the person edited
 * by hand opens a question, and only "Replace" writes over it. Re-applying rewrites the add-in's own sheets in
 * place and replaces its charts by name. The explain sheet ("show the math") follows the school picked.
 */
export function useApply({ table, mapping, schools, spec, result }: ApplyInputs) {
  const port = useWorkbook();
  const messages = useMessages();
  const [explainRow, setExplainRow] = useState<number | null>(null);
  const [pending, setPending] = useState<PendingWrite | null>(null);
  const [busy, setBusy] = useState(false);
  const [applied, setApplied] = useState<ScenarioSummary | null>(null);

  // The school shown in "show the math": the one picked, else the first school read.
  const schoolRow = useMemo(() => (explainRow !== null && schools.some((s) => s.row === explainRow) ? explainRow : schools[0]?.row ?? null), [explainRow, schools]);

  const write = useCallback(
    async (plan: Omit<PendingWrite, "edited">, overwriteHandEdits: boolean) => {
      setBusy(true);
      try {
        for (const sheet of plan.sheets) await port.writeSheet(sheet, { overwriteHandEdits });
        for (const chart of plan.charts) await port.createChart(chart);
        if (plan.what === "all" && result) {
          const summary = summarizeResult(result);
          setApplied(summary);
          messages.show({
            intent: "success",
            title: "Formula applied",
            text: `Base ${formatCents(summary.base)}, total ${formatDollars(summary.total)} over ${summary.schools} schools; ${summary.floored} floored, ${summary.capped} capped. Change a value on the parameters sheet and the allocation recalculates.`,
          });
        } else {
          messages.show({ intent: "success", title: "Show the math written", text: "The explain sheet now traces the chosen school's amount line by line." });
        }
      } catch (error) {
        messages.showError("Could not write the sheets", error);
      } finally {
        setBusy(false);
      }
    },
    [port, messages, result],
  );

  const run = useCallback(
    async (what: "all" | "explain") => {
      if (!table || !spec || !result) {
        messages.show({ intent: "error", title: "Nothing to apply yet", text: "Choose a table and define a formula that runs (its result shows in step 3), then apply." });
        return;
      }
      let plan: Omit<PendingWrite, "edited">;
      try {
        const outputs = buildOutputs(spec, table.info, mapping, schoolRow);
        const explain = outputs.explain ? [what === "all" ? { ...outputs.explain, activate: false } : outputs.explain] : [];
        plan = what === "all" ? { sheets: [...outputs.sheets, ...explain], charts: outputs.charts, what } : { sheets: explain, charts: [], what };
      } catch (error) {
        messages.showError("Could not build the sheets", error, "Check the column mapping and the formula, then apply again.");
        return;
      }
      setBusy(true);
      let edited: string[];
      try {
        const statuses = await port.inspectSheets(plan.sheets.map((s) => s.name));
        const foreign = statuses.filter((s) => s.exists && !s.owned).map((s) => s.name);
        if (foreign.length > 0) {
          messages.show({
            intent: "error",
            title: "A sheet name is taken",
            text: `The workbook already has ${foreign.map((n) => `"${n}"`).join(", ")}, which the add-in did not create and will not overwrite. Rename or move ${foreign.length === 1 ? "that sheet" : "those sheets"}, then apply again.`,
          });
          return;
        }
        edited = statuses.filter((s) => s.editedByHand).map((s) => s.name);
      } catch (error) {
        messages.showError("Could not check the sheets", error);
        return;
      } finally {
        setBusy(false);
      }
      if (edited.length > 0) setPending({ ...plan, edited });
      else await write(plan, false);
    },
    [table, spec, result, mapping, schoolRow, port, messages, write],
  );

  const confirm = useCallback(async () => {
    if (!pending) return;
    setPending(null);
    await write(pending, true);
  }, [pending, write]);

  const cancel = useCallback(() => {
    setPending(null);
    messages.show({ intent: "info", title: "Nothing was written", text: "Your hand edits are kept. Copy them elsewhere (or to a sheet of your own), then apply again to update the add-in's sheets." });
  }, [messages]);

  return {
    busy,
    applied: applied !== null,
    summary: applied,
    pending,
    schoolRow,
    setExplainRow,
    apply: () => run("all"),
    showMath: () => run("explain"),
    confirm,
    cancel,
  };
}
