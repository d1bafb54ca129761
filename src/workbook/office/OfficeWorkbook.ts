import {
  Block,
  CellRef,
  CellValue,
  ChartSpec,
  PortError,
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
import { fingerprintGrid } from "../shared/fingerprintGrid";
import { headerLabels } from "../shared/headerLabels";
import { headerRowTableInfo } from "../shared/headerRowTableInfo";
import { READ_CELL_BUDGET, WRITE_BUDGET_BYTES } from "../shared/limits";
import { numberFormatRuns } from "../shared/numberFormatRuns";
import { parseAddress } from "../shared/parseAddress";
import { parseOwnedSheets } from "../shared/parseOwnedSheets";
import { planReadSlices } from "../shared/planReadSlices";
import { planWriteBatches } from "../shared/planWriteBatches";
import { hostFailure, notOwnedSource, sheetNotFound, tableNameTaken, tableNotFound } from "../shared/portErrors";
import { quoteSheetName } from "../shared/quoteSheetName";
import { rangeAddress } from "../shared/rangeAddress";
import { OWNED_SHEETS_SETTING, SCENARIOS_SETTING } from "../shared/settingKeys";
import { sheetStatus } from "../shared/sheetStatus";
import { valuesCopyName } from "../shared/valuesCopyName";

export interface OfficeWorkbookOptions {
  /** Cell JSON one write request may carry (default 4 MB, under Excel on the web's 5 MB limit). */
  writeBudgetBytes?: number;
  /** Cells (x loaded properties) one read may return (default `READ_CELL_BUDGET`). */
  readCellBudget?: number;
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
  tables: { name: string; sheet: string }[];
  owned: Record<string, string>;
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
 * into pieces only when one request or response would exceed Excel on the web's 5 MB limit; each such
 * piece is then its own round trip, because Microsoft documents that queued commands are sent together
 * in one request at the next sync, so pieces queued into one batch would exceed the limit together
 * ("call context.sync() for each sub-operation to avoid those operations getting batched together
 * again"). Up to the budgets (about 4 MB of cell JSON, 100,000 cells read; a 20,000-school allocation
 * sheet) every method keeps its fixed number of round trips.
 *
 * Ownership: sheets the add-in creates are tagged in the workbook setting `wsf.ownedSheets` with a
 * fingerprint of the formulas and values written (`fingerprintGrid`); `inspectSheets` compares that with
 * the fingerprint of the sheet's current formulas, and `writeSheet` refuses untagged or hand-edited
 * sheets (`assertWritable`). Scenarios live in the setting `wsf.scenarios`; settings are saved inside the
 * file, so both travel with it.
 */
export class OfficeWorkbook implements WorkbookPort {
  private readonly writeBudgetBytes: number;
  private readonly readCellBudget: number;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.writeBudgetBytes = options.writeBudgetBytes ?? WRITE_BUDGET_BYTES;
    this.readCellBudget = options.readCellBudget ?? READ_CELL_BUDGET;
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
        .filter((name) => !tableSheets.has(name))
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
      const [grid] = await this.readBlocks(context, [{ sheet, ...block, properties: ["values"] }]);
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
        names.filter((n) => catalogue.sheets.has(n) && catalogue.owned[n] !== undefined),
      );
      return names.map((name) => sheetStatus(name, catalogue.sheets.has(name), catalogue.owned[name], current.get(name)));
    });
  }

  async writeSheet(spec: SheetSpec, options: WriteOptions = {}): Promise<void> {
    const batches = planWriteBatches(spec.blocks, this.writeBudgetBytes);
    const written = composeBlocks(spec.blocks);
    const fingerprint = fingerprintGrid(written.values, written.row, written.column);
    await this.run(`write the sheet '${spec.name}'`, async (context) => {
      const workbook = context.workbook;
      const catalogue = await loadCatalogue(context, true);
      const exists = catalogue.sheets.has(spec.name);
      const owned = catalogue.owned[spec.name] !== undefined;
      // Hand edits only matter when they would be refused; with overwriteHandEdits the sheet is not read.
      const checkEdits = exists && owned && !options.overwriteHandEdits;
      const current = checkEdits ? await this.currentFingerprints(context, [spec.name]) : new Map<string, string>();
      assertWritable(sheetStatus(spec.name, exists, catalogue.owned[spec.name], checkEdits ? current.get(spec.name) : catalogue.owned[spec.name]), options);
      if (spec.table) {
        const clash = catalogue.tables.find((t) => t.name.toLowerCase() === spec.table!.name.toLowerCase() && t.sheet !== spec.name);
        if (clash) throw tableNameTaken(clash.name, clash.sheet);
      }

      // First batch: make the sheet empty (or new) and tag it before any cell is written, so a write
      // interrupted between batches leaves a sheet the add-in still recognises as its own.
      let sheet: Excel.Worksheet;
      if (exists) {
        sheet = workbook.worksheets.getItem(spec.name);
        for (const t of catalogue.tables.filter((x) => x.sheet === spec.name)) workbook.tables.getItem(t.name).delete();
        sheet.getRange().clear();
      } else {
        sheet = workbook.worksheets.add(spec.name);
      }
      workbook.settings.add(OWNED_SHEETS_SETTING, JSON.stringify({ ...catalogue.owned, [spec.name]: fingerprint }));

      await this.writeBatches(context, [{ sheet, blocks: spec.blocks }], batches, () => {
        queueFormatting(sheet, spec);
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
      const [grid] = await this.readBlocks(context, [
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
      await context.sync();
      if (setting.isNullObject) return null;
      const value: unknown = setting.value;
      return typeof value === "string" ? value : JSON.stringify(value);
    });
  }

  async writeScenarioStore(json: string): Promise<void> {
    assertScenarioStoreFits(json, this.writeBudgetBytes);
    await this.run("save the scenarios", async (context) => {
      context.workbook.settings.add(SCENARIOS_SETTING, json);
      await context.sync();
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
      const targetPrints = await this.currentFingerprints(context, existingTargets.filter((t) => catalogue.owned[t] !== undefined));
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
      const grids = await this.readBlocks(context, reads);

      const owned = { ...catalogue.owned };
      const writes: SheetWrite[] = targets.map((target, i) => {
        const sheet = catalogue.sheets.has(target) ? workbook.worksheets.getItem(target) : workbook.worksheets.add(target);
        if (catalogue.sheets.has(target)) sheet.getRange().clear();
        const read = readOf[i];
        const values = read === null ? [] : (grids[read].values as CellValue[][]);
        owned[target] = fingerprintGrid(values, 0, 0);
        return { sheet, blocks: values.length > 0 ? [{ row: 0, column: 0, values }] : [] };
      });
      workbook.settings.add(OWNED_SHEETS_SETTING, JSON.stringify(owned));
      const blocks = writes.flatMap((w) => w.blocks);
      await this.writeBatches(context, writes, planWriteBatches(blocks, this.writeBudgetBytes), () => {
        writes.forEach((w, i) => {
          const read = readOf[i];
          if (read === null) return;
          for (const run of numberFormatRuns(grids[read].numberFormat)) {
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

  /** Fingerprints of the current formulas of existing sheets: used-range sizes, then whole-range reads. */
  private async currentFingerprints(context: Excel.RequestContext, names: string[]): Promise<Map<string, string>> {
    const prints = new Map<string, string>();
    if (names.length === 0) return prints;
    const sheets = names.map((n) => context.workbook.worksheets.getItem(n));
    const bounds = await loadUsedBounds(context, sheets);
    const reads: BlockRead[] = [];
    const readOf = bounds.map((b, i) => (b ? reads.push({ sheet: sheets[i], ...b, properties: ["formulas"] }) - 1 : null));
    const grids = await this.readBlocks(context, reads);
    names.forEach((name, i) => {
      const read = readOf[i];
      const b = bounds[i];
      prints.set(name, read === null || !b ? fingerprintGrid([]) : fingerprintGrid(grids[read].formulas, b.row, b.column));
    });
    return prints;
  }

  /**
   * Whole-range reads, packed by `planReadSlices`: one round trip for everything that fits one response,
   * one more per extra response-sized group (the 5 MB response limit, see the class comment).
   */
  private async readBlocks(context: Excel.RequestContext, reads: BlockRead[]): Promise<Record<RangeProperty, unknown[][]>[]> {
    const results = reads.map(() => ({ values: [], formulas: [], numberFormat: [] }) as Record<RangeProperty, unknown[][]>);
    const groups = planReadSlices(
      reads.map((r) => ({ rows: r.rows, columns: r.columns, properties: r.properties.length })),
      this.readCellBudget,
    );
    for (const group of groups) {
      const loaded = group.map((slice) => {
        const read = reads[slice.request];
        const range = read.sheet.getRange(rangeAddress(read.row + slice.firstRow, read.column, slice.rowCount, read.columns));
        // One literal load per property, so the Office lint rules can see what is loaded.
        if (read.properties.includes("values")) range.load("values");
        if (read.properties.includes("formulas")) range.load("formulas");
        if (read.properties.includes("numberFormat")) range.load("numberFormat");
        return { slice, range };
      });
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one round trip per response-sized group (5 MB limit); one group in all for usual sizes
      await context.sync();
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
   * batch. Commands the caller queued before are sent with the first batch.
   */
  private async writeBatches(context: Excel.RequestContext, writes: SheetWrite[], batches: ReturnType<typeof planWriteBatches>, finish: () => void): Promise<void> {
    const owners: { sheet: Excel.Worksheet; block: Block }[] = writes.flatMap((w) => w.blocks.map((block) => ({ sheet: w.sheet, block })));
    if (batches.length === 0) {
      finish();
      await context.sync();
      return;
    }
    for (let b = 0; b < batches.length; b++) {
      for (const piece of batches[b].pieces) {
        const { sheet, block } = owners[piece.block];
        const rows = block.values.slice(piece.firstRow, piece.firstRow + piece.rowCount);
        const width = Math.max(...rows.map((r) => r.length));
        const cells = rows.map((r) => {
          const out = new Array<CellValue>(width);
          for (let c = 0; c < width; c++) out[c] = r[c] ?? "";
          return out;
        });
        sheet.getRange(rangeAddress(block.row + piece.firstRow, block.column, piece.rowCount, width)).formulas = cells;
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
  return {
    sheets: new Set(worksheets.items.map((s) => s.name)),
    tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    owned: ownedSetting && !ownedSetting.isNullObject ? parseOwnedSheets(ownedSetting.value) : {},
  };
}

/** One round trip for the used-range sizes (cells with values only) of existing sheets. */
async function loadUsedBounds(context: Excel.RequestContext, sheets: Excel.Worksheet[]): Promise<(UsedBounds | null)[]> {
  if (sheets.length === 0) return [];
  const used = sheets.map((s) => s.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"));
  await context.sync();
  return used.map((u) => (u.isNullObject ? null : boundsOf(u)));
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
