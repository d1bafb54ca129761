import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { parseScenarioStore } from "../../../engine/scenario/parseScenarioStore";
import { serializeScenarioStore } from "../../../engine/scenario/serializeScenarioStore";
import type { TitleISettings } from "../../../engine/scenario/TitleISettings";
import type { TitleIRankMethod } from "../../../engine/titleI/titleIRank";
import type { ColumnMapping } from "../../../engine/table/ColumnMapping";
import type { SheetSpec, TableData } from "../../../workbook/WorkbookPort";
import { formatCents, formatDollars } from "../../common/formatNumbers";
import { useMessages } from "../../messages/useMessages";
import { useWorkbook } from "../../workbook/useWorkbook";
import { formatDraftNumber, parseDraftNumber } from "../formula/parseDraftNumber";
import { COMPARABILITY_SHEET, comparabilitySheet } from "../../sheets/comparabilitySheet";
import { RESERVATION_LABELS, TITLE_I_SHEET, titleISheet, type TitleIChoices, type TitleIReservations } from "../../sheets/titleISheet";
import { placeSettings, readTitleISheet, settingsFromChoices } from "./titleISettings";
import { previewTitleI } from "./previewTitleI";
import { suggestTitleIColumns, type TitleIColumns } from "./suggestTitleIColumns";
import { nameTakenMessage, sheetsInTheWay } from "../../common/sheetsInTheWay";

type Drafts = { allocation: string; perChild: string; tolerance: string } & Record<keyof TitleIReservations, string>;
const EMPTY_DRAFTS: Drafts = { allocation: "", perChild: "", tolerance: "10", equitable: "", parent: "", homeless: "", neglected: "", administration: "" };

/** How served schools are paid, as the pane offers it. */
export type TitleIModeChoice = "pool" | "perchild";

const SHEET_PROBLEM = "The Title I sheet has a cell it cannot use";

/**
 * The Title I step's state: the columns (guessed from the mapping and the headers, changeable), the
 * ranking method, the district allocation and the reservations as typed, the schools skipped by hand with
 * their reasons, the preview computed with the engine, and Apply, which writes "WSF Title I" and, when a
 * staff or salaries column is picked, "WSF Comparability" under the same rules as the other sheets: a sheet
 * of that name the add-in did not create stops the apply; hand edits are replaced only after the person
 * says so; re-applying rewrites the sheets in place.
 *
 * The choices as a scenario keeps them are `settings` (null while a field is wrong or no allocation is entered); `load` puts stored ones
 * back (a restored scenario). Apply records them in the workbook's scenario store, so when the pane opens on
 * a workbook whose Title I sheet it wrote, the step comes back on them, with the sheet's parameter cells
 * (method, amounts, amount per child, skip reasons, tolerance) read over them: the sheet wins.
 */
export function useTitleI(table: TableData | null, mapping: ColumnMapping) {
  const port = useWorkbook();
  const messages = useMessages();
  const headers = useMemo(() => table?.info.headers ?? [], [table]);
  const guessed = useMemo(() => suggestTitleIColumns(headers, mapping), [headers, mapping]);
  const [picked, setPicked] = useState<Partial<Record<keyof TitleIColumns, number | null>>>({});
  const [method, setMethod] = useState<TitleIRankMethod>("35");
  const [drafts, setDrafts] = useState<Drafts>(EMPTY_DRAFTS);
  const [skipped, setSkipped] = useState<Record<number, string>>({});
  const [mode, setMode] = useState<TitleIModeChoice>("pool");
  const [smallSchool, setSmallSchool] = useState<number | null>(null);
  const [pending, setPending] = useState<{ sheets: SheetSpec[]; edited: string[]; record: { tableId: string; settings: TitleISettings } } | null>(null);
  const [busy, setBusy] = useState(false);
  const [applied, setApplied] = useState(false);
  /** The choices on the Title I sheet (written by Apply, or read back on reopening), to say when the pane differs. */
  const [onSheet, setOnSheet] = useState<string | null>(null);
  /** Counts writes, so the sheet is read back (and followed) after each Apply. */
  const [writes, setWrites] = useState(0);
  /** Cells of the Title I sheets their formulas cannot use, each named (empty when the sheets read back whole). */
  const [sheetProblems, setSheetProblems] = useState<string[]>([]);

  const columns: TitleIColumns = useMemo(() => {
    const out = { ...guessed };
    for (const key of Object.keys(picked) as (keyof TitleIColumns)[]) {
      const value = picked[key];
      if (value !== undefined && (value === null || value < headers.length)) out[key] = value;
    }
    return out;
  }, [guessed, picked, headers.length]);

  const amounts = useMemo(() => {
    const errors: Partial<Record<keyof Drafts, string>> = {};
    const read = (key: keyof Drafts) => {
      const x = parseDraftNumber(drafts[key]);
      if (x === null) return 0;
      if (Number.isNaN(x) || x < 0) {
        errors[key] = "Enter an amount of dollars, 0 or more";
        return 0;
      }
      return x;
    };
    const reservations = Object.fromEntries((Object.keys(RESERVATION_LABELS) as (keyof TitleIReservations)[]).map((k) => [k, read(k)])) as unknown as TitleIReservations;
    let perChild: number | null = null;
    if (mode === "perchild") {
      const x = parseDraftNumber(drafts.perChild);
      if (x === null) errors.perChild = "Enter the dollars per low-income child, e.g. 700.";
      else if (Number.isNaN(x)) errors.perChild = `"${drafts.perChild.trim()}" is not a number; enter dollars per low-income child, e.g. 700.`;
      else if (x <= 0) errors.perChild = "Enter dollars per low-income child above 0.";
      else perChild = x;
    }
    const t = parseDraftNumber(drafts.tolerance);
    let tolerance = 0.1;
    if (t === null || Number.isNaN(t) || t < 0 || t > 100) errors.tolerance = "Enter a percentage from 0 to 100, e.g. 10.";
    else tolerance = t / 100;
    return { allocation: read("allocation"), reservations, perChild, tolerance, errors };
  }, [drafts, mode]);

  const columnProblem =
    columns.lowIncome === null ? "Pick the column of low-income children." : columns.enrollment === null ? "Pick the enrollment column." : method === "span" && columns.gradeSpan === null ? 'Pick the grade span column for "within grade spans".' : null;
  const formProblem = Object.keys(amounts.errors).length > 0 ? "Fix the amounts marked above, then apply." : null;

  const choices: TitleIChoices | null = useMemo(() => {
    if (!table || columnProblem !== null) return null;
    return {
      method,
      lowIncome: columns.lowIncome as number,
      enrollment: columns.enrollment as number,
      gradeSpan: columns.gradeSpan,
      privateSchool: columns.privateSchool,
      id: mapping.id ?? null,
      name: mapping.name ?? null,
      districtAllocation: amounts.allocation,
      reservations: amounts.reservations,
      skipped,
      allocation: mode === "perchild" ? { mode: "perchild", perChild: amounts.perChild ?? NaN } : { mode: "pool" },
    };
  }, [table, columnProblem, method, columns, mapping.id, mapping.name, amounts, skipped, mode]);

  /** The choices as the sheet is written from them; null while a column or an amount is missing or wrong. */
  const formSettings: TitleISettings | null = useMemo(
    () => (choices && table && formProblem === null ? settingsFromChoices(headers.map(String), table.rows, columns, choices, { tolerance: amounts.tolerance, smallSchool }) : null),
    [choices, table, formProblem, headers, columns, amounts.tolerance, smallSchool],
  );
  /**
   * The choices as a scenario keeps them: null as above, and while no district allocation is entered (a step
   * never used is not saved with scenarios or exported, so wsf does not try to run it).
   */
  const settings = formSettings !== null && formSettings.districtAllocation > 0 ? formSettings : null;

  /** Puts stored choices back (a restored scenario, a reopened workbook); says what the table lacks. */
  const load = useCallback(
    (stored: TitleISettings | undefined) => {
      if (!stored || !table) return;
      const placed = placeSettings(stored, table.info.headers.map(String), table.rows, mapping.id ?? null);
      setPicked({ ...placed.columns });
      setMethod(stored.method);
      setMode(stored.allocation.mode);
      const money = (x: number) => (x === 0 ? "" : formatDraftNumber(x));
      setDrafts({
        allocation: money(stored.districtAllocation),
        perChild: stored.allocation.mode === "perchild" ? formatDraftNumber(stored.allocation.perChild) : "",
        tolerance: formatDraftNumber(stored.comparability.tolerance * 100),
        equitable: money(stored.reservations.equitable),
        parent: money(stored.reservations.parent),
        homeless: money(stored.reservations.homeless),
        neglected: money(stored.reservations.neglected),
        administration: money(stored.reservations.administration),
      });
      setSkipped(placed.skipped);
      setSmallSchool(stored.comparability.smallSchool);
      if (placed.missing.length > 0) {
        messages.show({ intent: "warning", title: "Some Title I choices do not fit this table", text: `Not found: ${placed.missing.join(", ")}. Check the Title I step before applying.` });
      }
    },
    [table, mapping.id, messages],
  );

  const preview = useMemo(() => (choices && table ? previewTitleI(table.rows, choices) : null), [choices, table]);

  const skip = useCallback((dataRow: number, reason: string) => {
    const text = reason.trim();
    if (text === "") return "Give the reason for skipping the school (e.g. it gets comparable state and local money).";
    setSkipped((s) => ({ ...s, [dataRow]: text }));
    return null;
  }, []);
  const serveAgain = useCallback((dataRow: number) => {
    setSkipped((s) => {
      const next = { ...s };
      delete next[dataRow];
      return next;
    });
  }, []);

  const write = useCallback(
    async (sheets: SheetSpec[], overwriteHandEdits: boolean, record: { tableId: string; settings: TitleISettings }) => {
      setBusy(true);
      try {
        for (const sheet of sheets) await port.writeSheet(sheet, { overwriteHandEdits });
        // Record the choices with the store's other contents untouched, so a reopened workbook opens on them.
        const latest = parseScenarioStore(await port.readScenarioStore());
        if (!(latest.unreadableData && latest.scenarios.length === 0 && latest.setAside.length === 1 && typeof latest.setAside[0] === "string")) {
          await port.writeScenarioStore(serializeScenarioStore(latest.scenarios, latest.setAside, latest.applied, record));
        }
        setApplied(true);
        setOnSheet(JSON.stringify(record.settings));
        setWrites((w) => w + 1);
        const served = preview?.schools.filter((s) => s.served).length ?? 0;
        messages.show({
          intent: "success",
          title: "Title I applied",
          text: `${sheets.map((s) => `"${s.name}"`).join(" and ")} written: ${served} schools served, pool ${formatDollars(preview?.pool ?? 0)}${preview?.perChild != null ? `, ${formatCents(preview.perChild)} per low-income child` : ""}. Edit a count in the table or an amount on the sheet and it recalculates.`,
        });
      } catch (error) {
        messages.showError("Could not write the Title I sheets", error);
      } finally {
        setBusy(false);
      }
    },
    [port, messages, preview],
  );

  const apply = useCallback(async () => {
    if (!table || !choices || !formSettings) {
      messages.show({ intent: "error", title: "Nothing to apply yet", text: columnProblem ?? formProblem ?? "Choose a schools table first." });
      return;
    }
    const record = { tableId: table.info.id, settings: formSettings };
    let sheets: SheetSpec[];
    try {
      const built = titleISheet(table.info, choices);
      sheets = [built.sheet];
      if (columns.staff !== null || columns.salaries !== null) {
        const cmp = comparabilitySheet(
          table.info,
          { enrollment: choices.enrollment, gradeSpan: columns.gradeSpan, staff: columns.staff, salaries: columns.salaries, id: choices.id, name: choices.name, tolerance: amounts.tolerance, smallSchool },
          built.cells,
        );
        sheets.push({ ...cmp.sheet, activate: false });
      }
    } catch (error) {
      messages.showError("Could not build the Title I sheets", error, "Check the columns picked, then apply again.");
      return;
    }
    setBusy(true);
    let edited: string[];
    try {
      const names = sheets.map((s) => s.name);
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
    if (edited.length > 0) setPending({ sheets, edited, record });
    else await write(sheets, false, record);
  }, [table, choices, formSettings, columns, amounts.tolerance, smallSchool, columnProblem, formProblem, port, messages, write]);

  const confirm = useCallback(async () => {
    if (!pending) return;
    const { sheets, record } = pending;
    setPending(null);
    await write(sheets, true, record);
  }, [pending, write]);

  const cancel = useCallback(() => {
    setPending(null);
    messages.show({ intent: "info", title: "Nothing was written", text: "Your hand edits are kept. Copy them elsewhere, then apply again to update the Title I sheets." });
  }, [messages]);

  // A workbook whose Title I sheet the pane wrote: the step comes back on the choices recorded at Apply, with
  // what the sheet's parameter cells say read over them, when the table is chosen (a reopened or reloaded
  // workbook), and again whenever a person edits the sheet: the sheet wins.
  const syncOnSheet = useRef(false);
  useEffect(() => {
    if (syncOnSheet.current && formSettings !== null) {
      syncOnSheet.current = false;
      setOnSheet(JSON.stringify(formSettings));
    }
  }, [formSettings]);
  const loadRef = useRef(load);
  loadRef.current = load;
  const settingsRef = useRef(formSettings);
  settingsRef.current = formSettings;
  const tableId = table?.info.id ?? null;
  useEffect(() => {
    if (tableId === null) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => void) | null = null;
    const readBack = async (): Promise<boolean> => {
      const record = parseScenarioStore(await port.readScenarioStore()).appliedTitleI;
      if (!record || record.tableId !== tableId) return false;
      const [titleIStatus, cmpStatus] = await port.inspectSheets([TITLE_I_SHEET, COMPARABILITY_SHEET]);
      if (!titleIStatus.exists || !titleIStatus.owned) return false;
      const sheet = (await port.readSheet(TITLE_I_SHEET)).values;
      const cmp = cmpStatus.exists && cmpStatus.owned ? (await port.readSheet(COMPARABILITY_SHEET)).values : null;
      if (!live) return false;
      // The sheet was written from the record: its cells are read over the record (the sheet wins over the form).
      const read = readTitleISheet(sheet, cmp, record.settings);
      setApplied(true);
      setSheetProblems(read.problems);
      if (read.problems.length > 0) {
        // The form keeps what it had; the message says which cell the sheet cannot use (no stale figure in silence).
        messages.show({ intent: "error", title: SHEET_PROBLEM, text: `${read.problems.join(" ")} Until it is fixed, the pane keeps the choices it last read, and its preview may not be what the sheet shows.` });
        return true;
      }
      messages.dismiss(SHEET_PROBLEM);
      const back = read.settings;
      if (JSON.stringify(back) === JSON.stringify(settingsRef.current)) setOnSheet(JSON.stringify(back));
      else {
        loadRef.current(back);
        // What the sheet holds is what the pane now shows: take the choices as they come out of the form.
        syncOnSheet.current = true;
      }
      return true;
    };
    const failed = (error: unknown) => live && messages.showError("Could not read the Title I sheet back", error, "Apply Title I again to rewrite it.");
    void (async () => {
      if (!(await readBack()) || !live) return;
      const stop = await port.onChange(TITLE_I_SHEET, () => {
        clearTimeout(timer);
        timer = setTimeout(() => void readBack().catch(failed), 150);
      });
      if (live) unsubscribe = stop;
      else stop();
    })().catch(failed);
    return () => {
      live = false;
      clearTimeout(timer);
      unsubscribe?.();
    };
  }, [tableId, writes, port, messages]);

  const setColumn = useCallback((key: keyof TitleIColumns, value: number | null) => setPicked((p) => ({ ...p, [key]: value })), []);
  const setDraft = useCallback((key: keyof Drafts, value: string) => setDrafts((d) => ({ ...d, [key]: value })), []);
  const setExemptSmall = useCallback((on: boolean) => setSmallSchool(on ? 100 : null), []);
  /** Applied, and the pane's choices now differ from what the Title I sheet was written with. */
  const stale = applied && onSheet !== null && (formSettings === null || JSON.stringify(formSettings) !== onSheet);
  const amountErrors = amounts.errors;
  // One object while nothing in it changes, so the step (memo) is skipped when the pane renders for a formula edit.
  return useMemo(
    () => ({
      headers,
      columns,
      setColumn,
      method,
      setMethod,
      drafts,
      setDraft,
      amountErrors,
      skipped,
      skip,
      serveAgain,
      exemptSmall: smallSchool !== null,
      smallSchool,
      setExemptSmall,
      mode,
      setMode,
      settings,
      load,
      formProblem,
      columnProblem,
      preview,
      busy,
      applied,
      sheetProblems,
      stale,
      pending,
      apply,
      confirm,
      cancel,
    }),
    [headers, columns, setColumn, method, drafts, setDraft, amountErrors, skipped, skip, serveAgain, smallSchool, setExemptSmall, mode, settings, load, formProblem, columnProblem, preview, busy, applied, sheetProblems, stale, pending, apply, confirm, cancel],
  );
}
