import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { FormulaResult } from "../../../engine/scenario/FormulaResult";
import type { FormulaSpec } from "../../../engine/scenario/FormulaSpec";
import type { ColumnMapping } from "../../../engine/table/ColumnMapping";
import type { School } from "../../../engine/table/School";
import { planTransition } from "../../../engine/transition/planTransition";
import type { TransitionPlan } from "../../../engine/transition/TransitionPlan";
import type { TransitionSettings } from "../../../engine/transition/TransitionSettings";
import { transitionRatePresets, type TransitionRatePreset } from "../../../engine/transition/transitionRatePresets";
import type { TableData } from "../../../workbook/WorkbookPort";
import { formatDollars } from "../../common/formatNumbers";
import { useMessages } from "../../messages/useMessages";
import { readTransition, sameTransition } from "../../sheets/readTransition";
import { allocationSheet } from "../../sheets/allocationSheet";
import { parametersSheet } from "../../sheets/parametersSheet";
import { ALLOCATION_SHEET, TRANSITION_SHEET } from "../../sheets/sheetNames";
import { transitionSheet } from "../../sheets/transitionSheet";
import { formatDraftNumber } from "../formula/parseDraftNumber";
import { projectedColumns } from "./projectedColumns";
import { settingsFromDraft } from "./settingsFromDraft";
import { defaultTransitionDraft, draftFromSettings, type TransitionDraft, type TransitionYearDraft } from "./TransitionDraft";
import { useOwnedSheetWrite } from "./useOwnedSheetWrite";
import { useWorkbook } from "../../workbook/useWorkbook";

/** What the "WSF Transition" sheet says, read back after every change to it. */
export type TransitionOnSheet = { settings: TransitionSettings; notUsed: string[]; problems: [] } | { settings: null; notUsed: []; problems: string[] };

const SHEET_PROBLEM = "The transition sheet has a cell the plan cannot use";

export interface TransitionInputs {
  table: TableData | null;
  mapping: ColumnMapping;
  schools: School[];
  spec: FormulaSpec | null;
  result: FormulaResult | null;
}

/**
 * Step "Transition": the plan's form (2 to 5 years; per year a gap-closing rate and/or stop-loss and gain
 * cap, pool growth, projected enrollment), the plan the engine computes from the formula's targets (shown
 * per year in the pane), and Apply, which writes "WSF Transition" over the allocation sheet.
 * Once written, the sheet is the plan (design.md, "One truth for the formula"): the pane reads its rules
 * back when the table is chosen (a reopened workbook) and after every edit there, takes them into the form,
 * and says when the form and the sheet differ (`unapplied`) or a cell of the sheet cannot be a rule.
 */
export function useTransition({ table, mapping, schools, spec, result }: TransitionInputs) {
  const messages = useMessages();
  const port = useWorkbook();
  const writer = useOwnedSheetWrite();
  const [draft, setDraft] = useState<TransitionDraft>(defaultTransitionDraft);
  const [onSheet, setOnSheet] = useState<TransitionOnSheet | null>(null);
  const [writes, setWrites] = useState(0);
  const read = useMemo(() => settingsFromDraft(draft), [draft]);
  const formRef = useRef(read.settings);
  formRef.current = read.settings;

  // Read the sheet back when the table is chosen, after each write, and whenever a person edits the sheet.
  const tableRef = useRef(table?.info ?? null);
  tableRef.current = table?.info ?? null;
  const tableKey = table ? JSON.stringify([table.info.id, table.info.address, table.info.headers]) : null;
  useEffect(() => {
    if (tableKey === null) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => void) | null = null;
    const readBack = async () => {
      let sheet;
      try {
        sheet = await port.readSheet(TRANSITION_SHEET);
      } catch (error) {
        if (live) messages.showError("Could not read the transition sheet", error, "Apply the transition again to rewrite it.");
        return;
      }
      const info = tableRef.current;
      if (!live || !info) return;
      const back = readTransition(sheet.values, sheet.formulas, info, TRANSITION_SHEET);
      if (!back.ok) {
        setOnSheet({ settings: null, notUsed: [], problems: back.problems });
        messages.show({ intent: "error", title: SHEET_PROBLEM, text: `${back.problems.join(" ")} Until it is fixed the sheet shows errors or a plan the pane cannot follow.` });
        return;
      }
      messages.dismiss(SHEET_PROBLEM);
      setOnSheet({ settings: back.settings, notUsed: back.notUsed, problems: [] });
      if (!sameTransition(back.settings, formRef.current)) setDraft(draftFromSettings(back.settings));
    };
    void (async () => {
      try {
        const [status] = await port.inspectSheets([TRANSITION_SHEET]);
        if (!live) return;
        if (!status?.exists || !status.owned) {
          setOnSheet(null);
          return;
        }
      } catch {
        return; // the write path reports an unreadable workbook
      }
      await readBack();
      if (!live) return;
      const stop = await port.onChange(TRANSITION_SHEET, () => {
        clearTimeout(timer);
        timer = setTimeout(() => void readBack(), 150);
      });
      if (live) unsubscribe = stop;
      else stop();
    })();
    return () => {
      live = false;
      clearTimeout(timer);
      unsubscribe?.();
    };
  }, [port, messages, tableKey, writes]);
  const projected = useMemo(() => projectedColumns(table?.info.headers ?? [], mapping), [table, mapping]);
  const hasPrior = mapping.prior !== undefined;

  // The plan from the formula as the pane runs it: every year's total, protected schools and cost.
  const plan = useMemo((): { plan: TransitionPlan | null; problem: string | null } => {
    if (!read.settings || !result || !hasPrior || !table) return { plan: null, problem: null };
    try {
      const headers = table.info.headers.map(String);
      const columns = read.settings.projectedEnrollment.map((h) => (h === null ? null : headers.indexOf(h)));
      const anyProjection = columns.some((c) => c !== null);
      const enrollment = schools.map((s) => s.enrollment);
      const projection = anyProjection
        ? columns.map((c) => schools.map((s, i) => (c === null || c < 0 ? enrollment[i] : Number(table.rows[s.row - 1]?.[c] ?? NaN))))
        : undefined;
      return {
        plan: planTransition({
          prior: schools.map((s) => (s.prior === null ? NaN : s.prior)),
          target: result.formulaAmount,
          years: read.settings.years,
          weightedPupils: spec?.base.mode === "solve" ? result.weightedPupils : undefined,
          ...(projection ? { enrollment, projectedEnrollment: projection } : {}),
        }),
        problem: null,
      };
    } catch (error) {
      return { plan: null, problem: error instanceof Error ? error.message : String(error) };
    }
  }, [read.settings, result, hasPrior, table, schools, spec]);

  const setYears = useCallback((years: string) => setDraft((d) => ({ ...d, years })), []);
  const updateYear = useCallback((k: number, patch: Partial<TransitionYearDraft>) => setDraft((d) => ({ ...d, rows: d.rows.map((r, i) => (i === k ? { ...r, ...patch } : r)) })), []);
  const choosePreset = useCallback(
    (preset: TransitionRatePreset) => {
      const years = read.years ?? 3;
      const rates = transitionRatePresets(preset, years);
      setDraft((d) => ({ years: String(years), rows: d.rows.map((r, k) => (k < years ? { ...r, rate: formatDraftNumber(Number((rates[k] * 100).toPrecision(6))) } : r)) }));
    },
    [read.years],
  );
  const load = useCallback((settings: TransitionSettings | undefined) => setDraft(settings ? draftFromSettings(settings) : defaultTransitionDraft()), []);

  const apply = useCallback(async () => {
    if (!table || !spec || !result) {
      messages.show({ intent: "error", title: "Nothing to plan yet", text: "Choose a table and define a formula that runs, apply it (step 4), then plan the transition." });
      return;
    }
    if (!read.settings) return;
    const settings = read.settings;
    let built;
    try {
      const params = parametersSheet(spec, { tableLabel: table.info.label, headers: table.info.headers, mapping });
      const allocation = allocationSheet(spec, table.info, mapping, params.cells);
      built = transitionSheet(settings, { allocation: allocation.cells, table: table.info, mapping, poolFixed: spec.base.mode === "solve" });
    } catch (error) {
      messages.showError("Could not build the transition sheet", error, "Check the column mapping and the plan, then apply again.");
      return;
    }
    const last = plan.plan?.years[plan.plan.years.length - 1];
    await writer.start({
      sheets: [built.sheet],
      charts: [built.chart],
      requires: [{ name: ALLOCATION_SHEET, missing: "The transition starts from the allocation sheet's prior year and formula amounts. Apply the formula (step 4) first, then apply the transition." }],
      onWritten: () => {
        setOnSheet({ settings, notUsed: [], problems: [] });
        setWrites((n) => n + 1);
        messages.show({
          intent: "success",
          title: "Transition written",
          text: last
            ? `"WSF Transition" chains ${settings.years.length} years from the allocation sheet. In year ${last.year}, ${last.protectedCount} ${last.protectedCount === 1 ? "school is" : "schools are"} still protected at a cost of ${formatDollars(last.cost)}.`
            : `"WSF Transition" chains ${settings.years.length} years from the allocation sheet.`,
        });
      },
    });
  }, [table, spec, result, read.settings, mapping, plan.plan, writer, messages]);

  return {
    draft,
    errors: read.errors,
    settings: read.settings,
    years: read.years,
    projected,
    hasPrior,
    plan: plan.plan,
    planProblem: plan.problem,
    written: onSheet !== null,
    onSheet,
    unapplied: onSheet?.settings != null && read.settings !== null && !sameTransition(read.settings, onSheet.settings),
    busy: writer.busy,
    pending: writer.pending,
    confirm: writer.confirm,
    cancel: writer.cancel,
    setYears,
    updateYear,
    choosePreset,
    load,
    apply,
    ready: read.settings !== null && result !== null && hasPrior,
  };
}

export type TransitionState = ReturnType<typeof useTransition>;
