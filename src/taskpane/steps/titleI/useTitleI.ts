import { useCallback, useMemo, useState } from "react";
import type { TitleIRankMethod } from "../../../engine/titleI/titleIRank";
import type { ColumnMapping } from "../../../engine/table/ColumnMapping";
import type { SheetSpec, TableData } from "../../../workbook/WorkbookPort";
import { formatCents, formatDollars } from "../../common/formatNumbers";
import { useMessages } from "../../messages/useMessages";
import { useWorkbook } from "../../workbook/useWorkbook";
import { parseDraftNumber } from "../formula/parseDraftNumber";
import { comparabilitySheet } from "../../sheets/comparabilitySheet";
import { RESERVATION_LABELS, titleISheet, type TitleIChoices, type TitleIReservations } from "../../sheets/titleISheet";
import { previewTitleI } from "./previewTitleI";
import { suggestTitleIColumns, type TitleIColumns } from "./suggestTitleIColumns";

type Drafts = { allocation: string } & Record<keyof TitleIReservations, string>;
const EMPTY_DRAFTS: Drafts = { allocation: "", equitable: "", parent: "", homeless: "", neglected: "", administration: "" };

/**
 * The Title I step's state: the columns (guessed from the mapping and the headers, changeable), the
 * ranking method, the district allocation and the reservations as typed, the schools skipped by hand with
 * their reasons, the preview computed with the engine, and Apply, which writes "WSF Title I" and, when a
 * staff or salaries column is picked, "WSF Comparability" under the same rules as the other sheets: a sheet
 * of that name the add-in did not create stops the apply; hand edits are replaced only after the person
 * says so; re-applying rewrites the sheets in place.
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
  const [exemptSmall, setExemptSmall] = useState(false);
  const [pending, setPending] = useState<{ sheets: SheetSpec[]; edited: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [applied, setApplied] = useState(false);

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
    return { allocation: read("allocation"), reservations, errors };
  }, [drafts]);

  const columnProblem =
    columns.lowIncome === null ? "Pick the column of low-income children." : columns.enrollment === null ? "Pick the enrollment column." : method === "span" && columns.gradeSpan === null ? 'Pick the grade span column for "within grade spans".' : null;

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
    };
  }, [table, columnProblem, method, columns, mapping.id, mapping.name, amounts, skipped]);

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
    async (sheets: SheetSpec[], overwriteHandEdits: boolean) => {
      setBusy(true);
      try {
        for (const sheet of sheets) await port.writeSheet(sheet, { overwriteHandEdits });
        setApplied(true);
        const served = preview?.schools.filter((s) => s.served).length ?? 0;
        messages.show({
          intent: "success",
          title: "Title I applied",
          text: `${sheets.map((s) => `"${s.name}"`).join(" and ")} written: ${served} schools served, pool ${formatDollars(preview?.pool ?? 0)}${preview?.servedChildren ? `, ${formatCents((preview.pool ?? 0) / preview.servedChildren)} per low-income child` : ""}. Edit a count in the table or an amount on the sheet and it recalculates.`,
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
    if (!table || !choices) {
      messages.show({ intent: "error", title: "Nothing to apply yet", text: columnProblem ?? "Choose a schools table first." });
      return;
    }
    let sheets: SheetSpec[];
    try {
      const built = titleISheet(table.info, choices);
      sheets = [built.sheet];
      if (columns.staff !== null || columns.salaries !== null) {
        const cmp = comparabilitySheet(
          table.info,
          { enrollment: choices.enrollment, gradeSpan: columns.gradeSpan, staff: columns.staff, salaries: columns.salaries, id: choices.id, name: choices.name, tolerance: 0.1, smallSchool: exemptSmall ? 100 : null },
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
      const statuses = await port.inspectSheets(sheets.map((s) => s.name));
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
    if (edited.length > 0) setPending({ sheets, edited });
    else await write(sheets, false);
  }, [table, choices, columns, exemptSmall, columnProblem, port, messages, write]);

  const confirm = useCallback(async () => {
    if (!pending) return;
    const sheets = pending.sheets;
    setPending(null);
    await write(sheets, true);
  }, [pending, write]);

  const cancel = useCallback(() => {
    setPending(null);
    messages.show({ intent: "info", title: "Nothing was written", text: "Your hand edits are kept. Copy them elsewhere, then apply again to update the Title I sheets." });
  }, [messages]);

  return {
    headers,
    columns,
    setColumn: (key: keyof TitleIColumns, value: number | null) => setPicked((p) => ({ ...p, [key]: value })),
    method,
    setMethod,
    drafts,
    setDraft: (key: keyof Drafts, value: string) => setDrafts((d) => ({ ...d, [key]: value })),
    amountErrors: amounts.errors,
    skipped,
    skip,
    serveAgain,
    exemptSmall,
    setExemptSmall,
    columnProblem,
    preview,
    busy,
    applied,
    pending,
    apply,
    confirm,
    cancel,
  };
}
