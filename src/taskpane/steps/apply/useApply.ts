import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { FormulaResult } from "../../../engine/scenario/FormulaResult";
import type { FormulaSpec } from "../../../engine/scenario/FormulaSpec";
import { parseScenarioStore } from "../../../engine/scenario/parseScenarioStore";
import { runFormula } from "../../../engine/scenario/runFormula";
import { serializeScenarioStore } from "../../../engine/scenario/serializeScenarioStore";
import { summarizeResult } from "../../../engine/scenario/summarizeResult";
import type { AppliedFormula, ScenarioSummary } from "../../../engine/scenario/StoredScenario";
import type { ColumnMapping } from "../../../engine/table/ColumnMapping";
import type { DataProblem, School } from "../../../engine/table/School";
import type { ChartSpec, SheetSpec, TableData } from "../../../workbook/WorkbookPort";
import { formatCents, formatDollars } from "../../common/formatNumbers";
import { useMessages } from "../../messages/useMessages";
import type { ParameterCells } from "../../sheets/ParameterCells";
import { parametersSheet } from "../../sheets/parametersSheet";
import { readParameters } from "../../sheets/readParameters";
import { PARAMETERS_SHEET } from "../../sheets/sheetNames";
import { useWorkbook } from "../../workbook/useWorkbook";
import { sameFormula, type FormulaOrigin } from "../formula/useFormula";
import { buildOutputs } from "./buildOutputs";
import { nameTakenMessage, sheetsInTheWay } from "../../common/sheetsInTheWay";

export interface ApplyInputs {
  table: TableData | null;
  mapping: ColumnMapping;
  schools: School[];
  /** Data problems of the table as read now (errors stop every figure). */
  problems?: readonly DataProblem[];
  spec: FormulaSpec | null;
  result: FormulaResult | null;
  /** Where the pane's formula came from, recorded with the applied formula ("LAUSD-style, edited"). */
  origin?: FormulaOrigin | null;
  /** The parameters sheet changed the formula: the pane loads it (the sheet is the formula after Apply). */
  onSheetFormula?: (spec: FormulaSpec, mapping: ColumnMapping, origin: FormulaOrigin | null) => void;
}

/** A write waiting for the person to say whether hand edits on these sheets may be replaced. */
interface PendingWrite {
  edited: string[];
  sheets: SheetSpec[];
  charts: ChartSpec[];
  what: "all" | "explain";
  /** For "all": the formula being applied and where its parameters sit. */
  record?: AppliedFormula;
  cells?: ParameterCells;
  rowCount?: number;
}

/** The formula on the sheets now: as applied, then as read back from the parameters sheet. */
export interface AppliedState {
  record: AppliedFormula;
  cells: ParameterCells;
  /** Cells of the parameters sheet that cannot be read back (a weight typed as text): the sheets show errors. */
  sheetProblems: string[];
  /** Rows of the schools table the sheets were written for (the allocation sheet has one row per table row). */
  rowCount: number;
}

/**
 * Step 4: writes the outputs, and afterwards keeps the pane and the parameters sheet one formula (design.md,
 * "One truth for the formula"). Every write first asks the workbook about the sheets (`inspectSheets`): a
 * sheet of the same name that the add-in did not create stops the apply with a message; a sheet the person
 * edited by hand opens a question, and only "Replace" writes over it. Re-applying rewrites the add-in's own
 * sheets in place and replaces its charts by name. The explain sheet ("show the math") follows the school
 * picked.
 *
 * After Apply the formula is recorded in the workbook's scenario store (`applied`), so a reopened workbook
 * opens on it (`adopt`), and the parameters sheet is read back whenever it changes: its numbers become the
 * pane's formula (`onSheetFormula`), the "Applied" figures follow, and a scenario saved then holds them.
 * `summary` is the applied formula run on the table as it reads now; `unapplied` says the pane holds a
 * formula that is not on the sheets.
 */
export function useApply({ table, mapping, schools, problems = [], spec, result, origin = null, onSheetFormula }: ApplyInputs) {
  const port = useWorkbook();
  const messages = useMessages();
  const [explainRow, setExplainRow] = useState<number | null>(null);
  const [pending, setPending] = useState<PendingWrite | null>(null);
  const [busy, setBusy] = useState(false);
  const [applied, setApplied] = useState<AppliedState | null>(null);
  const onSheetFormulaRef = useRef(onSheetFormula);
  onSheetFormulaRef.current = onSheetFormula;
  /** The formula the pane was last given from the sheets (or applied from the pane): only a different one is loaded. */
  const inPane = useRef<FormulaSpec | null>(null);

  // The school shown in "show the math": the one picked, else the first school read.
  const schoolRow = useMemo(() => (explainRow !== null && schools.some((s) => s.row === explainRow) ? explainRow : schools[0]?.row ?? null), [explainRow, schools]);

  const recordApplied = useCallback(
    async (record: AppliedFormula) => {
      // Keep the scenarios and whatever could not be read; only the record of the applied formula changes.
      const latest = parseScenarioStore(await port.readScenarioStore());
      if (latest.unreadableData && latest.scenarios.length === 0 && latest.setAside.length === 1 && typeof latest.setAside[0] === "string") {
        // A store this version cannot read at all stays untouched; the applied record is then not kept.
        return;
      }
      await port.writeScenarioStore(serializeScenarioStore(latest.scenarios, latest.setAside, record, latest.appliedTitleI));
    },
    [port],
  );

  const write = useCallback(
    async (plan: Omit<PendingWrite, "edited">, overwriteHandEdits: boolean) => {
      setBusy(true);
      try {
        for (const sheet of plan.sheets) await port.writeSheet(sheet, { overwriteHandEdits });
        for (const chart of plan.charts) await port.createChart(chart);
        if (plan.what === "all" && result && plan.record && plan.cells) {
          const summary = summarizeResult(result);
          inPane.current = plan.record.scenario.spec;
          setApplied({ record: plan.record, cells: plan.cells, sheetProblems: [], rowCount: plan.rowCount ?? 0 });
          await recordApplied(plan.record);
          messages.show({
            intent: "success",
            title: "Formula applied",
            text: `Base ${formatCents(summary.base)}, total ${formatDollars(summary.total)} over ${summary.schools} schools; ${summary.floored} floored, ${summary.capped} capped. Change a value on the parameters sheet and the allocation recalculates; this pane follows it.`,
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
    [port, messages, result, recordApplied],
  );

  const run = useCallback(
    async (what: "all" | "explain") => {
      if (!table || !spec || !result) {
        messages.show({ intent: "error", title: "Nothing to apply yet", text: "Choose a table and define a formula that runs (its result shows in step 3), then apply." });
        return;
      }
      let plan: Omit<PendingWrite, "edited">;
      try {
        // "Show the math" explains what is on the sheets: the applied formula's layout when there is one.
        const onSheets = what === "explain" && applied ? applied.record.scenario.spec : spec;
        const onSheetsMapping = what === "explain" && applied ? applied.record.scenario.mapping : mapping;
        const outputs = buildOutputs(onSheets, table.info, onSheetsMapping, schoolRow);
        const explain = outputs.explain ? [what === "all" ? { ...outputs.explain, activate: false } : outputs.explain] : [];
        if (what === "all") {
          const cells = parametersSheet(spec, { tableLabel: table.info.label, headers: table.info.headers, mapping }).cells;
          const record: AppliedFormula = {
            scenario: { name: spec.name ?? "Applied formula", savedAt: new Date().toISOString(), spec, mapping, tableId: table.info.id, summary: summarizeResult(result) },
            origin,
          };
          plan = { sheets: [...outputs.sheets, ...explain], charts: outputs.charts, what, record, cells, rowCount: table.info.rowCount };
        } else plan = { sheets: explain, charts: [], what };
      } catch (error) {
        messages.showError("Could not build the sheets", error, "Check the column mapping and the formula, then apply again.");
        return;
      }
      setBusy(true);
      let edited: string[];
      try {
        const names = plan.sheets.map((s) => s.name);
        const inTheWay = sheetsInTheWay(await port.inspectSheets(names), names);
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
    [table, spec, result, mapping, origin, applied, schoolRow, port, messages, write],
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

  /** Takes a formula recorded in the workbook as the one on the sheets (a reopened workbook). */
  const adopt = useCallback(
    (record: AppliedFormula, info: { label: string; headers: string[]; rowCount: number }) => {
      const cells = parametersSheet(record.scenario.spec, { tableLabel: info.label, headers: info.headers, mapping: record.scenario.mapping }).cells;
      inPane.current = null;
      setApplied({ record, cells, sheetProblems: [], rowCount: info.rowCount });
    },
    [],
  );

  // Read the parameters sheet back whenever it changes (and once when a formula is adopted or applied).
  const appliedCells = applied?.cells ?? null;
  const appliedRecord = applied?.record ?? null;
  useEffect(() => {
    if (!appliedCells || !appliedRecord) return;
    let live = true;
    let unsubscribe: (() => void) | null = null;
    const readBack = async () => {
      let values;
      try {
        values = (await port.readSheet(PARAMETERS_SHEET)).values;
      } catch (error) {
        if (live) messages.showError("Could not read the parameters sheet", error, "The pane keeps the formula it applied; apply again to write the parameters sheet.");
        return;
      }
      if (!live) return;
      const read = readParameters(values, appliedCells, appliedRecord.scenario.spec);
      // Rendered at once rather than in a later task: in the playground the sheets recalculated in the same
      // task as the edit, and the browser must not paint them beside the pane's figures of the old formula.
      flushSync(() => {
        if (!read.ok) {
          setApplied((a) => (a && a.cells === appliedCells ? { ...a, sheetProblems: read.problems } : a));
          messages.show({
            intent: "error",
            title: "The parameters sheet has a cell the formula cannot use",
            text: `${read.problems.join(" ")} Until it is fixed the allocation shows errors, and the pane keeps the last formula it could read.`,
          });
          return;
        }
        messages.dismiss("The parameters sheet has a cell the formula cannot use");
        const recorded = appliedRecord.scenario.spec;
        const sheetSpec: FormulaSpec = { ...read.spec, name: nameFor(read.spec, recorded, appliedRecord.origin) };
        setApplied((a) =>
          a && a.cells === appliedCells ? { ...a, sheetProblems: [], record: sameFormula(sheetSpec, recorded) ? a.record : { ...a.record, scenario: { ...a.record.scenario, spec: sheetSpec } } } : a,
        );
        if (inPane.current === null || !sameFormula(sheetSpec, inPane.current) || sheetSpec.name !== inPane.current.name) {
          inPane.current = sheetSpec;
          onSheetFormulaRef.current?.(sheetSpec, appliedRecord.scenario.mapping, appliedRecord.origin);
        }
      });
    };
    // A change is read at once (in the playground the sheet has just recalculated and the grid shows its
    // numbers in this frame; the pane's figures must not lag behind it); changes arriving during a read are
    // read once more after it, not once each.
    let reading = false;
    let again = false;
    const follow = async () => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      try {
        do {
          again = false;
          await readBack();
        } while (again && live);
      } finally {
        reading = false;
      }
    };
    void follow();
    port.onChange(PARAMETERS_SHEET, () => void follow()).then(
      (stop) => (live ? (unsubscribe = stop) : stop()),
      () => undefined,
    );
    return () => {
      live = false;
      unsubscribe?.();
    };
    // The record changes when the sheet is read back; only a new layout (apply, adopt) restarts the reader.
  }, [port, messages, appliedCells]);

  // The applied formula on the table as it reads now: the figures of what the sheets show.
  const blocking = useMemo(() => problems.filter((p) => p.severity === "error"), [problems]);
  const summary = useMemo<ScenarioSummary | null>(() => {
    if (!applied || blocking.length > 0 || schools.length === 0 || applied.sheetProblems.length > 0) return null;
    try {
      // The pane's own run when it is of exactly this formula (the usual case after the sheet is read back):
      // a second run over a state's 10,000 schools would double the pane's work on every parameter edit.
      const own = result !== null && spec !== null && exactlySameFormula(spec, applied.record.scenario.spec);
      return summarizeResult(own ? result : runFormula(applied.record.scenario.spec, schools));
    } catch {
      return null;
    }
  }, [applied, schools, blocking, result, spec]);
  const unapplied = applied !== null && spec !== null && (!sameFormula(spec, applied.record.scenario.spec) || JSON.stringify(mapping) !== JSON.stringify(applied.record.scenario.mapping));
  // A row deleted or inserted in the table since Apply: the allocation sheet no longer has one row per school.
  const resized = applied !== null && table !== null && applied.rowCount > 0 && table.info.rowCount !== applied.rowCount ? { was: applied.rowCount, now: table.info.rowCount } : null;

  return {
    busy,
    applied: applied !== null,
    appliedName: applied?.record.scenario.spec.name ?? null,
    appliedSpec: applied?.record.scenario.spec ?? null,
    sheetProblems: applied?.sheetProblems ?? [],
    blockedBy: applied ? blocking : [],
    summary,
    unapplied,
    resized,
    pending,
    schoolRow,
    setExplainRow,
    apply: () => run("all"),
    showMath: () => run("explain"),
    confirm,
    cancel,
    adopt,
  };
}

/** Same formula to the last digit, whatever it is called (sameFormula rounds to 12 digits, too coarse to share a run's cents). */
function exactlySameFormula(a: FormulaSpec, b: FormulaSpec): boolean {
  const { name: _a, ...x } = a;
  const { name: _b, ...y } = b;
  const sorted = (value: unknown): string =>
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, w]) => w !== undefined).sort(([p], [q]) => (p < q ? -1 : 1)))
        : v,
    );
  return sorted(x) === sorted(y);
}

/** The name of what the sheet says: the applied name while it matches, else "<origin>, edited". */
function nameFor(sheet: FormulaSpec, recorded: FormulaSpec, origin: FormulaOrigin | null): string | undefined {
  if (sameFormula(sheet, recorded)) return recorded.name;
  const base = (origin?.name ?? recorded.name ?? "Applied formula").replace(/, edited$/, "");
  if (origin && sameFormula(sheet, origin.spec)) return origin.name;
  return `${base}, edited`;
}
