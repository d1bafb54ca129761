import {
  Block,
  CellRef,
  CellValue,
  ChartSpec,
  PortError,
  PrintSetup,
  SheetSpec,
  SheetStatus,
  TableData,
  TableInfo,
  WorkbookPort,
  WriteOptions,
} from "../WorkbookPort";
import { assertScenarioStoreFits } from "../shared/assertScenarioStoreFits";
import { assertWritable } from "../shared/assertWritable";
import { columnLetters } from "../shared/columnLetters";
import { composeBlocks } from "../shared/composeBlocks";
import { detectHeaderBlock, HEADER_SCAN_ROWS } from "../shared/detectHeaderBlock";
import { headerLabels } from "../shared/headerLabels";
import { headerRowTableInfo } from "../shared/headerRowTableInfo";
import { jsonByteLength } from "../shared/jsonByteLength";
import { estimatedCellBytes, READ_BUDGET_BYTES, WRITE_BUDGET_BYTES } from "../shared/limits";
import { numberFormatRuns } from "../shared/numberFormatRuns";
import { fingerprintNow, fingerprintWritten } from "../shared/ownershipFingerprint";
import { parseAddress } from "../shared/parseAddress";
import { parseOwnedSheets } from "../shared/parseOwnedSheets";
import { planReadSlices, ReadSlice } from "../shared/planReadSlices";
import { blockWidth, hasText, PIECE_OVERHEAD_BYTES, planWriteBatches, textFormatRow, writtenRow } from "../shared/planWriteBatches";
import { hostFailure, notOwnedSource, sheetNotFound, tableNameTaken, tableNotFound } from "../shared/portErrors";
import { quoteSheetName } from "../shared/quoteSheetName";
import { rangeAddress } from "../shared/rangeAddress";
import { OWNED_SHEETS_SETTING, SCENARIOS_SETTING } from "../shared/settingKeys";
import { parseSettingsRows, SETTINGS_SHEET, settingPieces } from "../shared/settingsSheet";
import { sheetStatus } from "../shared/sheetStatus";
import { valuesCopyName } from "../shared/valuesCopyName";

export interface OfficeWorkbookOptions {
  /** Bytes of commands one write request may carry (default 4 MB, under Excel on the web's 5 MB limit). */
  writeBudgetBytes?: number;
  /** Estimated bytes one read may bring back (default `READ_BUDGET_BYTES`, under the same limit). */
  readBudgetBytes?: number;
  /** Whether this Excel can set print areas and page breaks (ExcelApi 1.9); default asks Office.context.requirements. */
  printSetupSupported?: () => boolean;
}

type RangeProperty = "values" | "formulas" | "numberFormat";

/** A rectangle to read whole, in slices when it is larger than one response may carry. */
interface BlockRead {
  sheet: Excel.Worksheet;
  row: number;
  column: number;
  rows: number;
  columns: number;
  properties: RangeProperty[];
}

/** A used range as Excel reports it (0-based), or null for an empty sheet. */
interface UsedBounds {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** What every method learns in its first round trip: sheet names, tables, and the owned-sheets tag. */
interface Catalogue {
  sheets: Set<string>;
  /** UTF-8 bytes of the longest sheet name, for estimating the size of formulas read back. */
  longestSheetName: number;
  tables: { name: string; sheet: string }[];
  owned: Record<string, string>;
  /** The rows of the `WSF_Settings` sheet a file saved by the playground carries, or null without one. */
  settingsSheet: Map<string, { row: number; json: string }> | null;
}

/** The sheet a block of rows goes to, for writes that fill several sheets in one batch. */
interface SheetWrite {
  sheet: Excel.Worksheet;
  blocks: Block[];
}

const CHART_TYPES: Record<ChartSpec["type"], "ColumnClustered" | "XYScatter" | "Line" | "XYScatterLines"> = {
  columnClustered: "ColumnClustered",
  xyScatter: "XYScatter",
  line: "Line",
  xyScatterLines: "XYScatterLines",
};

/**
 * The `WorkbookPort` of a real Excel workbook, and the only code in the product that calls `Excel.run`.
 *
 * Every method is one `Excel.run` with a fixed sequence of round trips (`context.sync()`), whatever the
 * number of schools: first the workbook's catalogue (sheet names, tables, the owned-sheets tag), then
 * the sizes of the ranges involved, then whole-range reads, then the writes. Reads and writes are cut
 * into pieces only when one request or response would exceed Excel on the web's 5 MB limit, counted in
 * bytes of JSON (the text of every cell, long sheet names in formulas included); each such
 * piece is then its own round trip, because Microsoft documents that queued commands are sent together
 * in one request at the next sync, so pieces queued into one batch would exceed the limit together
 * ("call context.sync() for each sub-operation to avoid those operations getting batched together
 * again"). Up to the budgets (about 4 MB of commands per write, 4 MB estimated per read; a 5,000-school
 * allocation sheet) every method keeps its fixed number of round trips.
 *
 * Data goes in as Excel would keep it (excel-behaviour.md item 10): text cells get the number format "@"
 * before they are written, so `00123`, `+44 20`, `-` or `1/2` stay text; blocks without formulas are
 * written through `values`.
 *
 * Ownership: sheets the add-in creates are tagged in the workbook setting `wsf.ownedSheets` with a
 * fingerprint of the cells it wrote non-blank and where they are (`fingerprintWritten`); `inspectSheets`
 * compares that with the same cells of the sheet's current formulas (`fingerprintNow`, which ignores the
 * values a spill fills and the quoting of sheet names), and `writeSheet` refuses untagged or hand-edited
 * sheets (`assertWritable`). Scenarios live in the setting `wsf.scenarios`; settings are saved inside the
 * file, so both travel with it.
 */
export class OfficeWorkbook implements WorkbookPort {
  private readonly writeBudgetBytes: number;
  private readonly readBudgetBytes: number;
  private readonly printSetupSupported: () => boolean;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.writeBudgetBytes = options.writeBudgetBytes ?? WRITE_BUDGET_BYTES;
    this.readBudgetBytes = options.readBudgetBytes ?? READ_BUDGET_BYTES;
    this.printSetupSupported = options.printSetupSupported ?? (() => typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", "1.9") === true);
  }

  async listTables(): Promise<TableInfo[]> {
    return this.run("list the tables", async (context) => {
      const workbook = context.workbook;
      const catalogue = await loadCatalogue(context, false);
      const tableSheets = new Set(catalogue.tables.map((t) => t.sheet));
      const tableParts = catalogue.tables.map((t) => {
        const table = workbook.tables.getItem(t.name);
        return {
          ...t,
          range: table.getRange().load("address,rowCount"),
          header: table.getHeaderRowRange().load("values"),
        };
      });
      const bareSheets = [...catalogue.sheets]
        // The settings sheet of a file saved by the playground holds JSON, never schools (and its cells are long).
        .filter((name) => !tableSheets.has(name) && name !== SETTINGS_SHEET)
        .map((name) => {
          const sheet = workbook.worksheets.getItem(name);
          return { name, sheet, used: sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount") };
        });
      await context.sync();

      // Only the top of each used range can hold the header row, so only the top is read.
      const heads = bareSheets
        .filter((s) => !s.used.isNullObject)
        .map((s) => {
          const used = boundsOf(s.used);
          const top = s.sheet.getRange(rangeAddress(used.row, used.column, Math.min(used.rows, HEADER_SCAN_ROWS + 1), used.columns)).load("values");
          return { name: s.name, used, top };
        });
      if (heads.length > 0) await context.sync();

      const infos: TableInfo[] = tableParts.map((t) => ({
        id: t.name,
        label: t.name,
        kind: "table",
        sheet: t.sheet,
        address: t.range.address,
        headers: headerLabels(t.header.values[0] as CellValue[], parseAddress(t.range.address)?.column ?? 0),
        rowCount: t.range.rowCount - 1,
      }));
      for (const h of heads) {
        const header = detectHeaderBlock(h.top.values as CellValue[][], h.used.row, h.used.column);
        if (header) infos.push(headerRowTableInfo(h.name, header, h.used.row + h.used.rows - 1));
      }
      return infos;
    });
  }

  async readTable(id: string): Promise<TableData> {
    return this.run("read the table", async (context) => {
      const workbook = context.workbook;
      const catalogue = await loadCatalogue(context, false);
      const table = catalogue.tables.find((t) => t.name === id);
      const place = table ? null : parseAddress(id);
      if (!table && (!place || place.sheet === null || !catalogue.sheets.has(place.sheet))) throw tableNotFound(id);

      let sheetName: string;
      let block: UsedBounds;
      if (table) {
        const range = workbook.tables.getItem(table.name).getRange().load("rowIndex,columnIndex,rowCount,columnCount");
        await context.sync();
        sheetName = table.sheet;
        block = boundsOf(range);
      } else {
        // The id is the block's own address: its size is known without a round trip.
        sheetName = place!.sheet!;
        block = { row: place!.row, column: place!.column, rows: place!.rows, columns: place!.columns };
      }
      const sheet = workbook.worksheets.getItem(sheetName);
      const [grid] = await this.readBlocks(context, catalogue, [{ sheet, ...block, properties: ["values"] }]);
      const values = grid.values as CellValue[][];
      const local = rangeAddress(block.row, block.column, block.rows, block.columns);
      const info: TableInfo = {
        id,
        label: table ? table.name : `${sheetName} (${local})`,
        kind: table ? "table" : "headerRow",
        sheet: sheetName,
        address: `${quoteSheetName(sheetName)}!${local}`,
        headers: headerLabels(values[0] ?? [], block.column),
        rowCount: block.rows - 1,
      };
      return { info, rows: values.slice(1), firstRow: block.row + 1, firstColumn: block.column };
    });
  }

  async inspectSheets(names: string[]): Promise<SheetStatus[]> {
    return this.run("check the add-in's sheets", async (context) => {
      const catalogue = await loadCatalogue(context, true);
      const current = await this.currentFingerprints(
        context,
        catalogue,
        names.filter((n) => catalogue.sheets.has(n) && catalogue.owned[n] !== undefined),
      );
      return names.map((name) => sheetStatus(name, catalogue.sheets.has(name), catalogue.owned[name], current.get(name)));
    });
  }

  async writeSheet(spec: SheetSpec, options: WriteOptions = {}): Promise<void> {
    const written = composeBlocks(spec.blocks);
    const fingerprint = fingerprintWritten(written.values, written.row, written.column);
    if (spec.print && !this.printSetupSupported()) {
      throw new PortError(
        "HOST",
        `This version of Excel cannot set print areas and page breaks (ExcelApi 1.9), so "${spec.name}" was not written. Update Excel, or use Excel on the web, to print the statements.`,
      );
    }
    await this.run(`write the sheet '${spec.name}'`, async (context) => {
      const workbook = context.workbook;
      const catalogue = await loadCatalogue(context, true);
      const exists = catalogue.sheets.has(spec.name);
      const owned = catalogue.owned[spec.name] !== undefined;
      // Hand edits only matter when they would be refused; with overwriteHandEdits the sheet is not read.
      const checkEdits = exists && owned && !options.overwriteHandEdits;
      const current = checkEdits ? await this.currentFingerprints(context, catalogue, [spec.name]) : new Map<string, string>();
      assertWritable(sheetStatus(spec.name, exists, catalogue.owned[spec.name], checkEdits ? current.get(spec.name) : catalogue.owned[spec.name]), options);
      if (spec.table) {
        const clash = catalogue.tables.find((t) => t.name.toLowerCase() === spec.table!.name.toLowerCase() && t.sheet !== spec.name);
        if (clash) throw tableNameTaken(clash.name, clash.sheet);
      }

      // Planned before anything is queued: a row too large for any request stops here, with nothing changed.
      const oldTables = catalogue.tables.filter((x) => x.sheet === spec.name);
      const tag = JSON.stringify({ ...catalogue.owned, [spec.name]: fingerprint });
      const batches = planWriteBatches(spec.blocks, this.writeBudgetBytes, {
        openingBytes: PIECE_OVERHEAD_BYTES * (oldTables.length + 3) + settingWriteBytes(catalogue, tag),
        closingBytes: formattingBytes(spec),
      });

      // First batch: make the sheet empty (or new) and tag it before any cell is written, so a write
      // interrupted between batches leaves a sheet the add-in still recognises as its own.
      let sheet: Excel.Worksheet;
      if (exists) {
        sheet = workbook.worksheets.getItem(spec.name);
        for (const t of oldTables) workbook.tables.getItem(t.name).delete();
        sheet.getRange().clear();
      } else {
        sheet = workbook.worksheets.add(spec.name);
      }
      queueSetting(workbook, catalogue, OWNED_SHEETS_SETTING, tag);

      await this.writeBatches(context, [{ sheet, blocks: spec.blocks }], batches, false, () => {
        queueFormatting(sheet, spec);
        if (spec.print) queuePrintSetup(sheet, spec.print);
        if (spec.table) {
          const t = spec.table;
          const table = workbook.tables.add(`${quoteSheetName(spec.name)}!${rangeAddress(t.row, t.column, t.rows, t.columns)}`, true);
          table.name = t.name;
        }
        if (spec.activate) sheet.activate();
      });
    });
  }

  async readSheet(name: string): Promise<{ values: CellValue[][]; formulas: CellValue[][] }> {
    return this.run(`read the sheet '${name}'`, async (context) => {
      const catalogue = await loadCatalogue(context, false);
      if (!catalogue.sheets.has(name)) throw sheetNotFound(name);
      const sheet = context.workbook.worksheets.getItem(name);
      const [used] = await loadUsedBounds(context, [sheet]);
      if (!used) return { values: [], formulas: [] };
      // From A1, so that indexes into the result are sheet coordinates.
      const [grid] = await this.readBlocks(context, catalogue, [
        { sheet, row: 0, column: 0, rows: used.row + used.rows, columns: used.column + used.columns, properties: ["values", "formulas"] },
      ]);
      return { values: grid.values as CellValue[][], formulas: grid.formulas as CellValue[][] };
    });
  }

  async createChart(spec: ChartSpec): Promise<void> {
    if (spec.data.columns < 2 || spec.data.rows < 2) {
      throw new PortError("HOST", `The chart '${spec.name}' needs a data block of a header row and at least one point, in at least two columns (x values, then one column per series).`);
    }
    await this.run(`draw the chart '${spec.title}'`, async (context) => {
      const workbook = context.workbook;
      const catalogue = await loadCatalogue(context, true);
      if (!catalogue.sheets.has(spec.sheet)) throw sheetNotFound(spec.sheet);
      if (!catalogue.sheets.has(spec.dataSheet)) throw sheetNotFound(spec.dataSheet);
      assertWritable(sheetStatus(spec.sheet, true, catalogue.owned[spec.sheet], catalogue.owned[spec.sheet]));
      const sheet = workbook.worksheets.getItem(spec.sheet);
      const charts = sheet.charts.load("items/name");
      const dataSheet = workbook.worksheets.getItem(spec.dataSheet);
      // The block's first row is its header (the series names); the points start one row below it.
      const { row, column, columns } = spec.data;
      const header = dataSheet.getRange(rangeAddress(row, column, 1, columns)).load("values");
      await context.sync();

      for (const old of charts.items.filter((c) => c.name === spec.name)) old.delete();
      const first = row + 1;
      const rows = spec.data.rows - 1;
      const xValues = dataSheet.getRange(rangeAddress(first, column, rows, 1));
      const seriesColumn = (k: number): Excel.Range => dataSheet.getRange(rangeAddress(first, column + 1 + k, rows, 1));
      // Built from the first series alone, then series added one by one with explicit x values, so
      // Excel's guessing (is the first column categories or a series?) never decides the chart.
      const chart = sheet.charts.add(CHART_TYPES[spec.type], seriesColumn(0), "Columns");
      chart.name = spec.name;
      chart.title.text = spec.title;
      const series: Excel.ChartSeries[] = [chart.series.getItemAt(0)];
      for (let k = 1; k < columns - 1; k++) {
        const s = chart.series.add();
        s.setValues(seriesColumn(k));
        series.push(s);
      }
      series.forEach((s, k) => {
        s.setXAxisValues(xValues);
        const name = header.values[0]?.[k + 1];
        if (name !== undefined && name !== null && name !== "") s.name = String(name);
      });
      for (const k of spec.trendlineSeries ?? []) series[k]?.trendlines.add("Linear");
      if (spec.xAxisTitle) chart.axes.categoryAxis.title.text = spec.xAxisTitle;
      if (spec.yAxisTitle) chart.axes.valueAxis.title.text = spec.yAxisTitle;
      // Number formats, data labels and legend: ExcelApi 1.8 (ChartAxis.numberFormat, ChartSeries.dataLabels).
      if (spec.xAxisNumberFormat) chart.axes.categoryAxis.numberFormat = spec.xAxisNumberFormat;
      if (spec.yAxisNumberFormat) chart.axes.valueAxis.numberFormat = spec.yAxisNumberFormat;
      if (spec.dataLabelsNumberFormat) {
        for (const s of series) {
          s.hasDataLabels = true;
          s.dataLabels.showValue = true;
          s.dataLabels.numberFormat = spec.dataLabelsNumberFormat;
        }
      }
      if (spec.legend !== undefined) {
        chart.legend.visible = spec.legend;
        if (spec.legend) chart.legend.position = "Bottom";
      }
      const p = spec.position;
      chart.setPosition(rangeAddress(p.row, p.column), rangeAddress(p.row + p.rows - 1, p.column + p.columns - 1));
      await context.sync();
    });
  }

  async selectCell(ref: CellRef): Promise<void> {
    await this.run("select the cell", async (context) => {
      const catalogue = await loadCatalogue(context, false);
      if (!catalogue.sheets.has(ref.sheet)) throw sheetNotFound(ref.sheet);
      const sheet = context.workbook.worksheets.getItem(ref.sheet);
      sheet.activate();
      sheet.getRange(rangeAddress(ref.row, ref.column)).select();
      await context.sync();
    });
  }

  async readScenarioStore(): Promise<string | null> {
    return this.run("read the saved scenarios", async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(SCENARIOS_SETTING).load("value");
      const worksheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      if (!setting.isNullObject) {
        const value: unknown = setting.value;
        return typeof value === "string" ? value : JSON.stringify(value);
      }
      // A file saved by the playground (or for another add-in id) carries its scenarios on WSF_Settings.
      if (!worksheets.items.some((s) => s.name === SETTINGS_SHEET)) return null;
      const rows = await loadSettingsSheet(context);
      return rows.get(SCENARIOS_SETTING)?.json || null;
    });
  }

  async writeScenarioStore(json: string): Promise<void> {
    assertScenarioStoreFits(json, this.writeBudgetBytes);
    await this.run("save the scenarios", async (context) => {
      const catalogue = await loadCatalogue(context, false);
      context.workbook.settings.add(SCENARIOS_SETTING, json);
      await context.sync();
      // The sheet's copy goes in a request of its own: the store alone may take most of one request's budget.
      if (catalogue.settingsSheet) {
        queueSettingsSheetRow(context.workbook, catalogue, SCENARIOS_SETTING, json);
        await context.sync();
      }
    });
  }

  async exportValuesOnly(sheets: string[]): Promise<string[]> {
    return this.run("export values", async (context) => {
      const workbook = context.workbook;
      const catalogue = await loadCatalogue(context, true);
      const targets = sheets.map((name) => {
        if (!catalogue.sheets.has(name)) throw sheetNotFound(name);
        if (catalogue.owned[name] === undefined) throw notOwnedSource(name);
        return valuesCopyName(name);
      });
      const existingTargets = targets.filter((t) => catalogue.sheets.has(t));
      const targetPrints = await this.currentFingerprints(context, catalogue, existingTargets.filter((t) => catalogue.owned[t] !== undefined));
      for (const t of targets) {
        const exists = catalogue.sheets.has(t);
        assertWritable(sheetStatus(t, exists, catalogue.owned[t], targetPrints.get(t)));
      }

      const sources = sheets.map((name) => workbook.worksheets.getItem(name));
      const bounds = await loadUsedBounds(context, sources);
      const reads: BlockRead[] = [];
      const readOf: (number | null)[] = bounds.map((b, i) => {
        if (!b) return null;
        reads.push({ sheet: sources[i], row: 0, column: 0, rows: b.row + b.rows, columns: b.column + b.columns, properties: ["values", "numberFormat"] });
        return reads.length - 1;
      });
      const grids = await this.readBlocks(context, catalogue, reads);

      // Planned before anything is queued: a row too large for any request stops here, with nothing changed.
      const owned = { ...catalogue.owned };
      const copies: Block[][] = targets.map((target, i) => {
        const read = readOf[i];
        const values = read === null ? [] : (grids[read].values as CellValue[][]);
        owned[target] = fingerprintWritten(values, 0, 0);
        return values.length > 0 ? [{ row: 0, column: 0, values }] : [];
      });
      const tag = JSON.stringify(owned);
      const formatRuns = readOf.map((read) => (read === null ? [] : numberFormatRuns(grids[read].numberFormat)));
      const closingBytes = formatRuns.flat().reduce((sum, run) => sum + PIECE_OVERHEAD_BYTES + jsonByteLength(run.format), 0);
      const openingBytes = PIECE_OVERHEAD_BYTES * (2 * targets.length + 1) + settingWriteBytes(catalogue, tag);
      const batches = planWriteBatches(copies.flat(), this.writeBudgetBytes, { openingBytes, closingBytes, literal: true });

      const writes: SheetWrite[] = targets.map((target, i) => {
        const sheet = catalogue.sheets.has(target) ? workbook.worksheets.getItem(target) : workbook.worksheets.add(target);
        if (catalogue.sheets.has(target)) sheet.getRange().clear();
        return { sheet, blocks: copies[i] };
      });
      queueSetting(workbook, catalogue, OWNED_SHEETS_SETTING, tag);
      await this.writeBatches(context, writes, batches, true, () => {
        writes.forEach((w, i) => {
          for (const run of formatRuns[i]) {
            // A single value applies to every cell of the range (see queueFormatting).
            w.sheet.getRange(rangeAddress(run.row, run.column, run.rows, 1)).numberFormat = run.format as unknown as string[][];
          }
        });
      });
      return targets;
    });
  }

  async onChange(sheet: string, listener: () => void): Promise<() => void> {
    const registration = await this.run("watch the sheet", async (context) => {
      const catalogue = await loadCatalogue(context, false);
      if (!catalogue.sheets.has(sheet)) throw sheetNotFound(sheet);
      const handler = context.workbook.worksheets.getItem(sheet).onChanged.add(async () => listener());
      await context.sync();
      return handler;
    });
    return () => {
      // Handlers are removed in the context that added them (Office.js rule for event registrations).
      void Excel.run(registration.context, async (context) => {
        registration.remove();
        await context.sync();
      }).catch(() => undefined);
    };
  }

  /** One `Excel.run`; Excel's own failures become PortErrors the task pane can show. */
  private async run<T>(action: string, body: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await Excel.run(body);
    } catch (error) {
      if (error instanceof PortError) throw error;
      const code = (error as { code?: string } | null)?.code;
      if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded") {
        throw new PortError("TOO_LARGE", `Excel could not ${action}: the data is larger than Excel accepts in one request. Try a smaller table or fewer columns.`);
      }
      throw hostFailure(action, error);
    }
  }

  /**
   * Fingerprints of owned sheets now, each in the form of its stored one (`fingerprintNow`): used-range
   * sizes, then whole-range reads of the formulas.
   */
  private async currentFingerprints(context: Excel.RequestContext, catalogue: Catalogue, names: string[]): Promise<Map<string, string>> {
    const prints = new Map<string, string>();
    if (names.length === 0) return prints;
    const sheets = names.map((n) => context.workbook.worksheets.getItem(n));
    const bounds = await loadUsedBounds(context, sheets);
    const reads: BlockRead[] = [];
    const readOf = bounds.map((b, i) => (b ? reads.push({ sheet: sheets[i], ...b, properties: ["formulas"] }) - 1 : null));
    const grids = await this.readBlocks(context, catalogue, reads);
    names.forEach((name, i) => {
      const read = readOf[i];
      const b = bounds[i];
      const stored = catalogue.owned[name] ?? "";
      prints.set(name, read === null || !b ? fingerprintNow(stored, []) : fingerprintNow(stored, grids[read].formulas, b.row, b.column));
    });
    return prints;
  }

  /**
   * Whole-range reads, packed by `planReadSlices` on estimated bytes (`estimatedCellBytes`): one round trip
   * for everything that fits one response, one more per extra response-sized group (the 5 MB response
   * limit, see the class comment). A group Excel refuses as too large (its cells hold longer text than
   * estimated) is read again in two halves, down to single rows.
   */
  private async readBlocks(context: Excel.RequestContext, catalogue: Catalogue, reads: BlockRead[]): Promise<Record<RangeProperty, unknown[][]>[]> {
    const results = reads.map(() => ({ values: [], formulas: [], numberFormat: [] }) as Record<RangeProperty, unknown[][]>);
    const groups = planReadSlices(
      reads.map((r) => ({
        rows: r.rows,
        columns: r.columns,
        cellBytes: r.properties.reduce((sum, p) => sum + estimatedCellBytes(p, catalogue.longestSheetName), 0),
      })),
      this.readBudgetBytes,
    );
    while (groups.length > 0) {
      const group = groups.shift()!;
      const loaded = group.map((slice) => {
        const read = reads[slice.request];
        const range = read.sheet.getRange(rangeAddress(read.row + slice.firstRow, read.column, slice.rowCount, read.columns));
        // One literal load per property, so the Office lint rules can see what is loaded.
        if (read.properties.includes("values")) range.load("values");
        if (read.properties.includes("formulas")) range.load("formulas");
        if (read.properties.includes("numberFormat")) range.load("numberFormat");
        return { slice, range };
      });
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one round trip per response-sized group (5 MB limit); one group in all for usual sizes
        await context.sync();
      } catch (error) {
        const halves = isPayloadTooLarge(error) ? splitGroup(group) : null;
        if (!halves) throw error;
        groups.unshift(...halves);
        continue;
      }
      for (const { slice, range } of loaded) {
        for (const property of reads[slice.request].properties) {
          const target = results[slice.request][property];
          for (const row of range[property] as unknown[][]) target.push(row);
        }
      }
    }
    return results;
  }

  /**
   * Queues the planned pieces batch by batch, with one `context.sync()` per batch (each batch is one
   * request under the byte budget); `finish` queues the closing commands (formats, tables) into the last
   * batch. Commands the caller queued before are sent with the first batch. Text cells get the text
   * format before their piece is written; pieces without formulas go through `values`. With `literal`
   * (a values-only copy) every string is text, "=..." too, and everything goes through `values`.
   */
  private async writeBatches(
    context: Excel.RequestContext,
    writes: SheetWrite[],
    batches: ReturnType<typeof planWriteBatches>,
    literal: boolean,
    finish: () => void,
  ): Promise<void> {
    const owners: { sheet: Excel.Worksheet; block: Block; text: boolean }[] = writes.flatMap((w) =>
      w.blocks.map((block) => ({ sheet: w.sheet, block, text: hasText(block, literal) })),
    );
    if (batches.length === 0) {
      finish();
      await context.sync();
      return;
    }
    for (let b = 0; b < batches.length; b++) {
      for (const piece of batches[b].pieces) {
        const { sheet, block, text } = owners[piece.block];
        const width = blockWidth(block);
        if (width === 0) continue;
        const rows = block.values.slice(piece.firstRow, piece.firstRow + piece.rowCount);
        const range = sheet.getRange(rangeAddress(block.row + piece.firstRow, block.column, piece.rowCount, width));
        // Text first gets the text format, so Excel keeps it as typed (no formula, number or date).
        if (text) range.numberFormat = rows.map((r) => textFormatRow(r, width, literal));
        const cells = rows.map((r) => writtenRow(r, width));
        if (!literal && cells.some((r) => r.some((v) => typeof v === "string" && v.startsWith("=")))) range.formulas = cells;
        else range.values = cells;
      }
      if (b === batches.length - 1) finish();
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per planned batch, so none exceeds Excel on the web's 5 MB limit
      await context.sync();
    }
  }
}

/** Round trip 1 of every method: sheet names, tables with their sheets and, if asked, the owned-sheets tag. */
async function loadCatalogue(context: Excel.RequestContext, withOwned: boolean): Promise<Catalogue> {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets.load("items/name");
  const tables = workbook.tables.load("items/name,items/worksheet/name");
  const ownedSetting = withOwned ? workbook.settings.getItemOrNullObject(OWNED_SHEETS_SETTING).load("value") : null;
  await context.sync();
  const sheets = new Set(worksheets.items.map((s) => s.name));
  // Only a file saved by the playground has this sheet; only then does the catalogue cost a second round trip.
  const settingsSheet = sheets.has(SETTINGS_SHEET) ? await loadSettingsSheet(context) : null;
  let owned: Record<string, string> = {};
  if (ownedSetting && !ownedSetting.isNullObject) owned = parseOwnedSheets(ownedSetting.value);
  else if (ownedSetting && settingsSheet?.has(OWNED_SHEETS_SETTING)) owned = parseOwnedSheets(settingsSheet.get(OWNED_SHEETS_SETTING)!.json);
  return {
    sheets,
    longestSheetName: worksheets.items.reduce((longest, s) => Math.max(longest, jsonByteLength(s.name)), 0),
    tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    owned,
    settingsSheet,
  };
}

/** The setting rows of the `WSF_Settings` sheet (which must exist), in one round trip. */
async function loadSettingsSheet(context: Excel.RequestContext): Promise<Map<string, { row: number; json: string }>> {
  const used = context.workbook.worksheets.getItem(SETTINGS_SHEET).getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,values");
  await context.sync();
  if (used.isNullObject || used.columnIndex !== 0) return new Map();
  // Rows above the used range are empty: pad them so row numbers stay the sheet's.
  const values: unknown[][] = [...Array.from({ length: used.rowIndex }, () => []), ...used.values];
  return parseSettingsRows(values);
}

/**
 * Queues a setting, and the same value on the `WSF_Settings` sheet when the file has one, so the playground
 * and file libraries, which read only the sheet, never see an older value than Excel's settings hold.
 * The cells are formatted as text first: a piece of JSON may start with "=", "-" or a digit.
 */
function queueSetting(workbook: Excel.Workbook, catalogue: Catalogue, key: string, json: string): void {
  workbook.settings.add(key, json);
  queueSettingsSheetRow(workbook, catalogue, key, json);
}

/** Queues a setting's row on the `WSF_Settings` sheet, when the file has one. */
function queueSettingsSheetRow(workbook: Excel.Workbook, catalogue: Catalogue, key: string, json: string): void {
  const rows = catalogue.settingsSheet;
  if (!rows) return;
  const existing = rows.get(key);
  const row = existing?.row ?? Math.max(0, ...[...rows.values()].map((r) => r.row)) + 1;
  const pieces = settingPieces(json);
  const oldPieces = existing ? settingPieces(existing.json).length : 0;
  const cells: string[] = [key, ...pieces, ...Array.from({ length: Math.max(0, oldPieces - pieces.length) }, () => "")];
  const range = workbook.worksheets.getItem(SETTINGS_SHEET).getRange(rangeAddress(row, 0, 1, cells.length));
  range.numberFormat = [cells.map(() => "@")];
  range.values = [cells];
  rows.set(key, { row, json });
}

/** Bytes `queueSetting` adds to a request. */
function settingWriteBytes(catalogue: Catalogue, json: string): number {
  return catalogue.settingsSheet ? 2 * jsonByteLength(json) + 3 * PIECE_OVERHEAD_BYTES : jsonByteLength(json);
}

/** One round trip for the used-range sizes (cells with values only) of existing sheets. */
async function loadUsedBounds(context: Excel.RequestContext, sheets: Excel.Worksheet[]): Promise<(UsedBounds | null)[]> {
  if (sheets.length === 0) return [];
  const used = sheets.map((s) => s.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"));
  await context.sync();
  return used.map((u) => (u.isNullObject ? null : boundsOf(u)));
}

/** Excel on the web's answer to a request or response over 5 MB. */
function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/** A group of read slices in two halves, in order (slices, or the rows of a lone slice); null for a single row. */
function splitGroup(group: ReadSlice[]): ReadSlice[][] | null {
  if (group.length > 1) {
    const middle = Math.ceil(group.length / 2);
    return [group.slice(0, middle), group.slice(middle)];
  }
  const [slice] = group;
  if (slice.rowCount <= 1) return null;
  const upper = Math.ceil(slice.rowCount / 2);
  return [[{ ...slice, rowCount: upper }], [{ request: slice.request, firstRow: slice.firstRow + upper, rowCount: slice.rowCount - upper }]];
}

/** Bytes of the commands `queueFormatting` queues for a sheet, for the last write batch. */
function formattingBytes(spec: SheetSpec): number {
  let bytes = PIECE_OVERHEAD_BYTES * (2 + (spec.columnWidths?.length ?? 0));
  for (const block of spec.blocks) {
    bytes += PIECE_OVERHEAD_BYTES;
    for (const format of block.numberFormats ?? []) if (format) bytes += PIECE_OVERHEAD_BYTES + jsonByteLength(format);
  }
  return bytes;
}

function boundsOf(range: Excel.Range): UsedBounds {
  return { row: range.rowIndex, column: range.columnIndex, rows: range.rowCount, columns: range.columnCount };
}

/** Number formats, bold header rows and column widths: a handful of commands whatever the row count. */
function queueFormatting(sheet: Excel.Worksheet, spec: SheetSpec): void {
  for (const block of spec.blocks) {
    const width = Math.max(0, ...block.values.map((r) => r.length));
    if (block.headerRow && width > 0) sheet.getRange(rangeAddress(block.row, block.column, 1, width)).format.font.bold = true;
    const firstData = block.headerRow ? 1 : 0;
    const dataRows = block.values.length - firstData;
    if (dataRows <= 0) continue;
    (block.numberFormats ?? []).forEach((format, c) => {
      if (!format) return;
      // A single value is applied to every cell of the range (Excel JavaScript API, Range.numberFormat),
      // so a column of 100,000 cells costs one short command instead of 100,000 strings.
      const range = sheet.getRange(rangeAddress(block.row + firstData, block.column + c, dataRows, 1));
      range.numberFormat = format as unknown as string[][];
    });
  }
  (spec.columnWidths ?? []).forEach((chars, c) => {
    // Widths are given in characters; Excel takes points. A character of the default 11-point Calibri is
    // 7 pixels plus 5 pixels of cell padding, and a pixel is 0.75 point at 96 dpi.
    sheet.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = (chars * 7 + 5) * 0.75;
  });
}

/**
 * Queues the print setup (ExcelApi 1.9): the print area, manual page breaks (earlier ones removed first, so
 * a rewrite with fewer pages leaves no stray break), the header and footer of every page, the orientation
 * and a fit to one page wide. Commands only: they go out with the write's last batch.
 */
function queuePrintSetup(sheet: Excel.Worksheet, print: PrintSetup): void {
  const layout = sheet.pageLayout;
  layout.setPrintArea(rangeAddress(print.area.row, print.area.column, print.area.rows, print.area.columns));
  sheet.horizontalPageBreaks.removePageBreaks();
  for (const row of print.pageBreaks) sheet.horizontalPageBreaks.add(rangeAddress(row, print.area.column, 1, 1));
  const hf = layout.headersFooters.defaultForAllPages;
  hf.leftHeader = print.header.left;
  hf.centerHeader = print.header.center;
  hf.rightHeader = print.header.right;
  hf.leftFooter = print.footer.left;
  hf.centerFooter = print.footer.center;
  hf.rightFooter = print.footer.right;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  if (print.fitToOnePageWide) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
}
