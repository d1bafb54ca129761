import { useCallback, useEffect, useMemo, useState } from "react";
import type { FormulaResult } from "../../../engine/scenario/FormulaResult";
import type { FormulaSpec } from "../../../engine/scenario/FormulaSpec";
import type { ColumnMapping } from "../../../engine/table/ColumnMapping";
import type { School } from "../../../engine/table/School";
import type { CellValue, TableData } from "../../../workbook/WorkbookPort";
import { useMessages } from "../../messages/useMessages";
import { allocationSheet } from "../../sheets/allocationSheet";
import { parametersSheet } from "../../sheets/parametersSheet";
import { ALLOCATION_SHEET, PARAMETERS_SHEET, STATEMENTS_SHEET } from "../../sheets/sheetNames";
import { statementsSheet, type StatementsCells } from "../../sheets/statementsSheet";
import { useWorkbook } from "../../workbook/useWorkbook";
import { useOwnedSheetWrite } from "../transition/useOwnedSheetWrite";
import { filterColumns } from "./filterColumns";
import { readStatementsDraft } from "./readStatementsDraft";
import { defaultStatementsDraft, type StatementsDraft } from "./StatementsDraft";

export interface StatementsInputs {
  table: TableData | null;
  mapping: ColumnMapping;
  schools: School[];
  spec: FormulaSpec | null;
  result: FormulaResult | null;
}

/** What was written last, for the preview: the sheet's computed values and where each page sits. */
export interface StatementsPreview {
  values: CellValue[][];
  cells: StatementsCells;
  names: string[];
}

/**
 * Step "Statements": the form (which schools; district, fiscal year, cost of a teacher position), Apply,
 * which writes "WSF Statements" (one printable page per school) with the apply step's ownership rules, and
 * a preview of any written page from the sheet's computed values.
 */
export function useStatements({ table, mapping, schools, spec, result }: StatementsInputs) {
  const port = useWorkbook();
  const messages = useMessages();
  const writer = useOwnedSheetWrite();
  const [draft, setDraft] = useState<StatementsDraft>(defaultStatementsDraft);
  const [preview, setPreview] = useState<StatementsPreview | null>(null);
  const [page, setPage] = useState(0);
  const rows = useMemo(() => table?.rows ?? [], [table]);
  const read = useMemo(() => readStatementsDraft(draft, schools, rows), [draft, schools, rows]);
  const filters = useMemo(() => filterColumns(table?.info.headers ?? [], rows, mapping), [table, rows, mapping]);

  const update = useCallback((patch: Partial<StatementsDraft>) => setDraft((d) => ({ ...d, ...patch })), []);

  const refreshPreview = useCallback(
    async (cells: StatementsCells, firstPage: boolean) => {
      try {
        const { values } = await port.readSheet(STATEMENTS_SHEET);
        const byRow = new Map(schools.map((s) => [s.row, s.name === s.id ? s.name : `${s.name} (${s.id})`]));
        setPreview({ values, cells, names: cells.pages.map((p) => byRow.get(p.schoolRow) ?? `Row ${p.schoolRow}`) });
        if (firstPage) setPage(0);
      } catch (error) {
        setPreview(null);
        messages.showError("Could not read the statements for the preview", error, "Write the statements again to preview them.");
      }
    },
    [port, schools, messages],
  );

  // The preview never goes stale: a person's edit on the sheets the statements read (the schools table, the
  // parameters, the allocation) or on the statements sheet itself reads the computed values again.
  const previewCells = preview?.cells ?? null;
  const tableSheet = table?.info.sheet ?? null;
  useEffect(() => {
    if (previewCells === null) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stops: (() => void)[] = [];
    const reread = () => {
      clearTimeout(timer);
      timer = setTimeout(() => live && void refreshPreview(previewCells, false), 150);
    };
    const sheets = [...new Set([PARAMETERS_SHEET, ALLOCATION_SHEET, STATEMENTS_SHEET, ...(tableSheet ? [tableSheet] : [])])];
    for (const sheet of sheets) {
      port.onChange(sheet, reread).then(
        (stop) => (live ? stops.push(stop) : stop()),
        () => undefined, // without change events, choosing a page in the preview reads the values again
      );
    }
    return () => {
      live = false;
      clearTimeout(timer);
      stops.forEach((stop) => stop());
    };
  }, [port, previewCells, tableSheet, refreshPreview]);

  const choosePage = useCallback(
    (index: number) => {
      setPage(index);
      if (previewCells) void refreshPreview(previewCells, false);
    },
    [previewCells, refreshPreview],
  );

  const apply = useCallback(async () => {
    if (!table || !spec || !result) {
      messages.show({ intent: "error", title: "Nothing to state yet", text: "Choose a table and define a formula that runs, apply it (step 4), then write the statements." });
      return;
    }
    if (!read.settings) return;
    let built;
    try {
      const params = parametersSheet(spec, { tableLabel: table.info.label, headers: table.info.headers, mapping });
      const allocation = allocationSheet(spec, table.info, mapping, params.cells);
      built = statementsSheet(spec, { table: table.info, mapping, params: params.cells, allocation: allocation.cells, schoolRows: read.schoolRows, settings: read.settings });
    } catch (error) {
      messages.showError("Could not build the statements", error, "Check the column mapping and the formula, then apply again.");
      return;
    }
    const cells = built.cells;
    await writer.start({
      sheets: [built.sheet],
      charts: [],
      requires: [{ name: ALLOCATION_SHEET, missing: "Each statement reads the school's figures from the allocation sheet. Apply the formula (step 4) first, then write the statements." }],
      onWritten: () => {
        const count = cells.pages.length;
        messages.show({
          intent: "success",
          title: "Statements written",
          text: `"${STATEMENTS_SHEET}" holds ${count} ${count === 1 ? "statement" : "statements"}, one printed page each. Every figure is a formula over the allocation sheet, so the statements follow any change to the formula.`,
        });
        void refreshPreview(cells, true);
      },
    });
  }, [table, spec, result, read, mapping, writer, messages, refreshPreview]);

  return {
    draft,
    errors: read.errors,
    chosen: read.schoolRows.length,
    filters,
    update,
    apply,
    ready: read.settings !== null && result !== null,
    busy: writer.busy,
    pending: writer.pending,
    confirm: writer.confirm,
    cancel: writer.cancel,
    preview,
    page,
    setPage: choosePage,
  };
}

export type StatementsState = ReturnType<typeof useStatements>;
