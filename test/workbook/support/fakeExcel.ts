import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp host names from office-addin-manifest, whose dependency
// chain includes an ES-module-only package jest's CommonJS runtime cannot load; the names are given here.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));
import type { CellValue } from "../../../src/workbook/WorkbookPort";
import { jsonByteLength } from "../../../src/workbook/shared/jsonByteLength";
import { parseAddress } from "../../../src/workbook/shared/parseAddress";
import { quoteSheetName } from "../../../src/workbook/shared/quoteSheetName";
import { rangeAddress } from "../../../src/workbook/shared/rangeAddress";

/*
 * A fake Excel for OfficeWorkbook tests, built on office-addin-mock's OfficeMockObject so the Office.js
 * batching rules are enforced: a property must be loaded and synced before it is read (the mock returns
 * "Error, property was not loaded" / "... context.sync() was not called" otherwise), and writes and
 * commands take effect only at `context.sync()`, in the order they were queued; loaded ranges are read
 * at that sync, after the commands queued before them.
 *
 * It behaves as ../../../../shared/excel-behaviour.md says real Excel does:
 * - item 9: `Range.formulas` returns the value of every cell without a formula, including the cells a
 *   spill fills (set `calculate` to make formulas spill; the fake recalculates after every sync and edit);
 * - item 10: text written through `values` or `formulas` is read as a person's typing would be: "=..."
 *   and text starting with "+" or "-" become formulas, "00123" a number, "1/2" a date, "true" a boolean,
 *   unless the cell's number format is text ("@"); a null inside a 2-D array leaves that cell as it is;
 * - item 11: formulas come back with a sheet name quoted only where it must be (`Schools!$C$2`);
 * - item 12: a request, or a response, over 5 MB of JSON fails with `RequestPayloadSizeLimitExceeded`
 *   or `ResponsePayloadSizeLimitExceeded`, and nothing of that request is applied.
 *
 * It records every `context.sync()` (a request) with the commands it carried and their JSON size, and
 * the JSON size of what it answered, so tests can count round trips and check the limits.
 */

interface FakeCell {
  value: CellValue;
  formula: string | null;
  numberFormat?: string;
  /** Filled by the spill of a formula above or to the left (Excel reports it as a value). */
  spilled?: boolean;
}

/** What recalculation gives a formula: one value, a 2-D array that spills from its cell, or undefined to keep the value it has. */
export type Calculator = (formula: string, at: { sheet: string; row: number; column: number }) => CellValue | CellValue[][] | undefined;

interface FakeSheet {
  name: string;
  cells: (FakeCell | undefined)[][];
  handlers: Set<(args: unknown) => Promise<void> | void>;
}

export interface FakeTable {
  name: string;
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface FakeChart {
  sheet: string;
  name: string;
  type: string;
  title: string;
  series: { values: string; xValues: string | null; trendlines: string[]; name?: string; dataLabels?: string }[];
  categoryAxisTitle: string;
  valueAxisTitle: string;
  /** Set only when the add-in set them (ExcelApi 1.8 number formats and legend). */
  categoryAxisNumberFormat?: string;
  valueAxisNumberFormat?: string;
  legend?: { visible: boolean; position?: string };
  position: [string, string] | null;
}

/** A sheet's page layout as the queued commands left it. */
export interface FakePrintSetup {
  printArea: string | null;
  pageBreaks: string[];
  headersFooters: Record<string, string>;
  orientation: string | null;
  zoom: unknown;
}

/** A write of cells or formats, as Excel received it. */
export interface RangeWrite {
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
  property: "values" | "formulas" | "numberFormat";
  value: unknown;
}

/** One `context.sync()`: the JSON bytes of what it sent and of what it answered, and the cell writes among them. */
export interface FakeRequest {
  bytes: number;
  responseBytes: number;
  writes: RangeWrite[];
  /** Why Excel refused it, if it did. */
  refused?: "RequestPayloadSizeLimitExceeded" | "ResponsePayloadSizeLimitExceeded";
}

interface Command {
  bytes: number;
  write?: RangeWrite;
  apply: () => void;
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** Excel on the web's limit on one request and one response (excel-behaviour.md item 12). */
export const FAKE_PAYLOAD_LIMIT_BYTES = 5 * 1000 * 1000;
/** Envelope bytes of one queued command (ids, method name), besides its arguments. */
const COMMAND_BYTES = 100;

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly charts: FakeChart[] = [];
  /** Print setup per sheet as Excel received it (ExcelApi 1.9 page layout and page breaks). */
  readonly printSetups = new Map<string, FakePrintSetup>();
  readonly settings = new Map<string, unknown>();
  readonly requests: FakeRequest[] = [];
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  runs = 0;
  /** Recalculation of formulas (the fake has no formula engine); undefined: formulas keep their values. */
  calculate: Calculator | undefined = undefined;
  private readonly addresses = new WeakMap<object, string>();
  /** Ranges loaded since the last sync, answered at the next one. */
  private pendingLoads = new Map<OfficeMockObject & Record<string, any>, { props: Set<string>; read: (property: string) => unknown[][] }>();
  private queue: Command[] = [];
  private mocks: OfficeMockObject[] = [];
  private internal = false;
  private chartCounter = 0;

  static withSheets(sheets: Record<string, CellValue[][]>, tables: FakeTable[] = []): FakeExcel {
    const fake = new FakeExcel();
    for (const [name, rows] of Object.entries(sheets)) {
      const sheet = fake.addSheetModel(name);
      rows.forEach((row, r) => row.forEach((value, c) => setCell(sheet, r, c, value)));
    }
    fake.tables.push(...tables);
    return fake;
  }

  /** Round trips so far (all `Excel.run`s). */
  get syncCount(): number {
    return this.requests.length;
  }

  /** `Excel.run(batch)` and `Excel.run(object, batch)` (used to remove event handlers). */
  run = async (first: unknown, second?: unknown): Promise<unknown> => {
    const batch = (typeof first === "function" ? first : second) as (context: unknown) => Promise<unknown>;
    this.runs++;
    this.queue = [];
    this.mocks = [];
    this.pendingLoads.clear();
    const context = new OfficeMockObject({}) as unknown as Record<string, unknown>;
    context.workbook = this.workbookFacade();
    // Every round trip goes through here: counted, applied in queue order, then loads are answered.
    context.sync = async (): Promise<void> => this.sync();
    const result = await batch(context);
    if (this.queue.length > 0) throw new Error(`${this.queue.length} queued command(s) were never synced`);
    return result;
  };

  /** A person typing into a cell (read as typing is, see `enter`): the change, recalculation, then the sheet's onChanged handlers. */
  async editCell(sheet: string, row: number, column: number, value: CellValue): Promise<void> {
    const model = this.requireSheet(sheet);
    enter(model, row, column, value);
    this.recalculate();
    for (const handler of [...model.handlers]) {
      await handler({ type: "WorksheetChanged", source: "Local", changeType: "RangeEdited", address: rangeAddress(row, column), worksheetId: sheet });
    }
  }

  /** The cell's value as `Range.values` reads it ("" when blank). */
  valueAt(sheet: string, row: number, column: number): CellValue {
    const cell = this.requireSheet(sheet).cells[row]?.[column];
    return cell ? (cell.value ?? (cell.formula !== null ? 0 : "")) : "";
  }

  /** The cell as stored: a formula's text, else its value; "" when blank. */
  formulaAt(sheet: string, row: number, column: number): CellValue {
    const cell = this.requireSheet(sheet).cells[row]?.[column];
    return cell ? (cell.formula ?? cell.value) : "";
  }

  /** What recalculation would store as a formula cell's value (the fake does not calculate). */
  setFormulaResult(sheet: string, row: number, column: number, value: CellValue): void {
    const cell = this.requireSheet(sheet).cells[row]?.[column];
    if (!cell || cell.formula === null) throw new Error(`test fake: ${sheet} ${rangeAddress(row, column)} holds no formula`);
    cell.value = value;
  }

  numberFormatAt(sheet: string, row: number, column: number): string {
    return this.requireSheet(sheet).cells[row]?.[column]?.numberFormat ?? "General";
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  handlerCount(sheet: string): number {
    return this.requireSheet(sheet).handlers.size;
  }

  private async sync(): Promise<void> {
    const commands = this.queue;
    const loads = [...this.pendingLoads];
    this.queue = [];
    this.pendingLoads.clear();
    const request: FakeRequest = { bytes: 0, responseBytes: 0, writes: [] };
    this.requests.push(request);
    for (const command of commands) request.bytes += command.bytes;
    if (request.bytes > FAKE_PAYLOAD_LIMIT_BYTES) {
      request.refused = "RequestPayloadSizeLimitExceeded";
      throw Object.assign(new Error("The request payload size has exceeded the limit."), { code: request.refused });
    }
    for (const command of commands) {
      if (command.write) request.writes.push(command.write);
      command.apply();
    }
    this.recalculate();
    // Loaded ranges are read now, after the commands queued before the sync.
    const answers: { mock: OfficeMockObject & Record<string, any>; property: string; grid: unknown[][] }[] = [];
    for (const [mock, load] of loads) {
      for (const property of load.props) {
        const grid = load.read(property);
        request.responseBytes += jsonByteLength(grid);
        answers.push({ mock, property, grid });
      }
    }
    if (request.responseBytes > FAKE_PAYLOAD_LIMIT_BYTES) {
      request.refused = "ResponsePayloadSizeLimitExceeded";
      throw Object.assign(new Error("The response payload size has exceeded the limit."), { code: request.refused });
    }
    this.internal = true;
    try {
      for (const { mock, property, grid } of answers) {
        (mock as unknown as { setValue: (name: string, value: unknown) => void }).setValue(property, grid);
        mock.rawLoad(property);
      }
      for (const mock of this.mocks) await mock.sync();
      // office-addin-mock finishes updating loaded properties in later microtasks; let them all run.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      this.internal = false;
    }
  }

  private enqueue(apply: () => void, bytes = COMMAND_BYTES, write?: RangeWrite): void {
    this.queue.push({ apply, bytes, write });
  }

  /** A mock whose loads are answered at the next sync, and whose `isNullObject` needs a sync first. */
  private mock(data: Record<string, unknown>, isNull = false): OfficeMockObject & Record<string, any> {
    const mock = new OfficeMockObject(data) as OfficeMockObject & Record<string, any>;
    this.mocks.push(mock);
    const createdAt = this.syncCount;
    Object.defineProperty(mock, "isNullObject", {
      get: () => {
        if (this.syncCount <= createdAt) throw new Error("isNullObject read before context.sync()");
        return isNull;
      },
    });
    return mock;
  }

  private workbookFacade(): Record<string, unknown> {
    return {
      worksheets: this.collection(() => this.sheets.map((s) => this.sheetMock(s.name)), {
        getItem: (name: string) => {
          this.enqueue(() => this.requireSheet(name));
          return this.sheetMock(name);
        },
        add: (name: string) => {
          this.enqueue(() => {
            if (this.findSheet(name)) throw Object.assign(new Error(`sheet ${name} exists`), { code: "ItemAlreadyExists" });
            this.addSheetModel(name);
          });
          return this.sheetMock(name);
        },
      }),
      tables: this.collection(() => this.tables.map((t) => this.tableMock(t)), {
        getItem: (name: string) => {
          const table = this.tables.find((t) => t.name === name);
          if (!table) throw new Error(`test setup: no table ${name}`);
          return this.tableMock(table);
        },
        add: (address: string, _hasHeaders: boolean) => {
          const place = parseAddress(address);
          if (!place || place.sheet === null) throw new Error(`bad table address ${address}`);
          const table = this.mock({ name: `Table${this.tables.length + 1}` });
          this.enqueue(() => {
            const name = typeof table.name === "string" && !table.name.startsWith("Error") ? table.name : `Table${this.tables.length + 1}`;
            this.tables.push({ name, sheet: place.sheet!, row: place.row, column: place.column, rows: place.rows, columns: place.columns });
          });
          return table;
        },
      }),
      settings: {
        getItemOrNullObject: (key: string) => {
          const has = this.settings.has(key);
          const stored = this.settings.get(key);
          return this.mock({ key, value: has ? stored : "" }, !has);
        },
        add: (key: string, value: unknown) => {
          this.enqueue(() => this.settings.set(key, value), COMMAND_BYTES + jsonByteLength(value));
        },
      },
    };
  }

  /** A collection whose `load("items/a,items/b/c")` loads those properties of each item. */
  private collection(makeItems: () => OfficeMockObject[], methods: Record<string, unknown>): Record<string, unknown> {
    let items: OfficeMockObject[] | null = null;
    let loadedAt = -1;
    const syncCount = (): number => this.syncCount;
    const facade = {
      load(props: string) {
        items = makeItems();
        const itemProps = props
          .split(",")
          .map((p) => p.trim().replace(/^items\//, ""))
          .join(",");
        items.forEach((item) => item.load(itemProps));
        loadedAt = syncCount();
        return facade;
      },
      get items(): OfficeMockObject[] {
        if (items === null || syncCount() <= loadedAt) throw new Error("collection items read before load + context.sync()");
        return items;
      },
    };
    // Methods are added without spreading the facade (a spread would read the `items` getter).
    return Object.defineProperties(facade, Object.getOwnPropertyDescriptors(methods)) as Record<string, unknown>;
  }

  private sheetMock(name: string): OfficeMockObject & Record<string, any> {
    const sheet = this.mock({ name });
    sheet.getRange = (address?: string) => this.rangeMock(name, address);
    sheet.getUsedRangeOrNullObject = (_valuesOnly?: boolean) => {
      const model = this.findSheet(name);
      const bounds = model ? usedBounds(model) : null;
      if (!bounds) return this.mock({ rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0, values: [], formulas: [] }, true);
      return this.rangeMock(name, rangeAddress(bounds.row, bounds.column, bounds.rows, bounds.columns));
    };
    sheet.activate = () => this.enqueue(() => (this.activeSheet = name));
    const print = (): FakePrintSetup => {
      let setup = this.printSetups.get(name);
      if (!setup) this.printSetups.set(name, (setup = { printArea: null, pageBreaks: [], headersFooters: {}, orientation: null, zoom: null }));
      return setup;
    };
    const headerFooter: Record<string, unknown> = {};
    for (const key of ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"]) {
      Object.defineProperty(headerFooter, key, { set: (text: string) => this.enqueue(() => (print().headersFooters[key] = text), COMMAND_BYTES + text.length) });
    }
    const pageLayout: Record<string, unknown> = {
      setPrintArea: (address: string) => this.enqueue(() => (print().printArea = address)),
      headersFooters: { defaultForAllPages: headerFooter },
    };
    Object.defineProperty(pageLayout, "orientation", { set: (value: string) => this.enqueue(() => (print().orientation = value)) });
    Object.defineProperty(pageLayout, "zoom", { set: (value: unknown) => this.enqueue(() => (print().zoom = value)) });
    sheet.pageLayout = pageLayout;
    sheet.horizontalPageBreaks = {
      add: (address: string) => this.enqueue(() => print().pageBreaks.push(address)),
      removePageBreaks: () => this.enqueue(() => (print().pageBreaks = [])),
    };
    sheet.onChanged = {
      add: (handler: (args: unknown) => Promise<void>) => {
        const registration = {
          context: { marker: "registration context" },
          remove: () => this.enqueue(() => this.requireSheet(name).handlers.delete(handler)),
        };
        this.enqueue(() => this.requireSheet(name).handlers.add(handler));
        return registration;
      },
    };
    sheet.charts = this.collection(() => this.charts.filter((c) => c.sheet === name).map((c) => this.chartMock(c)), {
      add: (type: string, source: OfficeMockObject & Record<string, any>, _seriesBy: string) => this.newChart(name, type, source),
    });
    return sheet;
  }

  private tableMock(table: FakeTable): OfficeMockObject & Record<string, any> {
    const mock = this.mock({ name: table.name, worksheet: { name: table.sheet } });
    mock.getRange = () => this.rangeMock(table.sheet, rangeAddress(table.row, table.column, table.rows, table.columns));
    mock.getHeaderRowRange = () => this.rangeMock(table.sheet, rangeAddress(table.row, table.column, 1, table.columns));
    mock.delete = () =>
      this.enqueue(() => {
        const i = this.tables.indexOf(table);
        if (i >= 0) this.tables.splice(i, 1);
      });
    return mock;
  }

  /** A range; `values`, `formulas` and `numberFormat` are queued as writes when assigned. */
  private rangeMock(sheetName: string, address?: string): OfficeMockObject & Record<string, any> {
    const place = address === undefined ? { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS } : parseBlock(address);
    const readable = place.rows * place.columns <= 2_000_000;
    const grid = (pick: (cell: FakeCell | undefined) => unknown): unknown[][] => {
      const model = this.findSheet(sheetName);
      return readable ? Array.from({ length: place.rows }, (_, r) => Array.from({ length: place.columns }, (_, c) => pick(model?.cells[place.row + r]?.[place.column + c]))) : [];
    };
    const read = (property: string): unknown[][] =>
      property === "values"
        ? // A formula reads as its calculated value (see `calculate`, `setFormulaResult`), else 0.
          grid((cell) => (cell ? (cell.formula !== null ? (cell.value ?? 0) : (cell.value ?? "")) : ""))
        : property === "formulas"
          ? grid((cell) => (cell ? (cell.formula ?? cell.value ?? "") : ""))
          : grid((cell) => cell?.numberFormat ?? "General");
    const local = address === undefined ? "A:XFD" : rangeAddress(place.row, place.column, place.rows, place.columns);
    const mock = this.mock({
      address: `${quoteSheetName(sheetName)}!${local}`,
      rowIndex: place.row,
      columnIndex: place.column,
      rowCount: place.rows,
      columnCount: place.columns,
      // Filled in at the sync that answers a load.
      values: [],
      formulas: [],
      numberFormat: [],
      format: { font: { bold: false }, columnWidth: 48 },
    });
    for (const property of ["values", "formulas", "numberFormat"] as const) {
      let stored: unknown = mock[property];
      Object.defineProperty(mock, property, {
        get: () => stored,
        set: (value: unknown) => {
          stored = value;
          if (this.internal) return;
          const write: RangeWrite = { sheet: sheetName, ...place, property, value };
          this.enqueue(() => applyWrite(this.requireSheet(sheetName), write), COMMAND_BYTES + jsonByteLength(value), write);
        },
      });
    }
    // Loads assign the mock's own properties too; those are not writes.
    const load = mock.load.bind(mock);
    mock.rawLoad = (props: string) => load(props);
    mock.load = (props: unknown) => {
      this.internal = true;
      try {
        load(props as string);
      } finally {
        this.internal = false;
      }
      const cells = String(props)
        .split(",")
        .map((p) => p.trim())
        .filter((p) => p === "values" || p === "formulas" || p === "numberFormat");
      if (cells.length > 0) {
        const pending = this.pendingLoads.get(mock) ?? { props: new Set<string>(), read };
        cells.forEach((p) => pending.props.add(p));
        this.pendingLoads.set(mock, pending);
      }
      return mock;
    };
    this.addresses.set(mock, `${quoteSheetName(sheetName)}!${local}`);
    mock.clear = () => this.enqueue(() => clearBlock(this.requireSheet(sheetName), place));
    mock.select = () => this.enqueue(() => (this.selection = { sheet: sheetName, address: local }));
    return mock;
  }

  private chartMock(chart: FakeChart): OfficeMockObject & Record<string, any> {
    const mock = this.mock({ name: chart.name });
    mock.delete = () =>
      this.enqueue(() => {
        const i = this.charts.indexOf(chart);
        if (i >= 0) this.charts.splice(i, 1);
      });
    return mock;
  }

  private newChart(sheet: string, type: string, source: Record<string, any>): Record<string, any> {
    const draft: FakeChart = { sheet, name: `Chart ${++this.chartCounter}`, type, title: "", series: [], categoryAxisTitle: "", valueAxisTitle: "", position: null };
    const seriesOf = (entry: FakeChart["series"][number]) => ({
      setValues: (range: object) => this.enqueue(() => (entry.values = this.addressOf(range))),
      setXAxisValues: (range: object) => this.enqueue(() => (entry.xValues = this.addressOf(range))),
      trendlines: { add: (kind: string) => this.enqueue(() => entry.trendlines.push(kind)) },
      set name(text: string) {
        enqueue(() => (entry.name = text));
      },
      // Data labels: recorded as their number format once the series shows values.
      set hasDataLabels(on: boolean) {
        enqueue(() => (on ? (entry.dataLabels = entry.dataLabels ?? "General") : delete entry.dataLabels));
      },
      dataLabels: {
        set showValue(_on: boolean) {},
        set numberFormat(format: string) {
          enqueue(() => (entry.dataLabels = format));
        },
      },
    });
    const enqueue = (action: () => void) => this.enqueue(action);
    const first = { values: this.addressOf(source), xValues: null as string | null, trendlines: [] as string[] };
    const chart: Record<string, any> = {
      name: draft.name,
      title: { text: "" },
      axes: { categoryAxis: { title: { text: "" } } as Record<string, any>, valueAxis: { title: { text: "" } } as Record<string, any> },
      legend: {} as Record<string, any>,
      series: {
        getItemAt: (i: number) => {
          if (i !== 0) throw new Error("test fake: only the first series exists when a chart is added");
          return seriesOf(first);
        },
        add: () => {
          const entry = { values: "", xValues: null as string | null, trendlines: [] as string[] };
          this.enqueue(() => draft.series.push(entry));
          return seriesOf(entry);
        },
      },
      setPosition: (a: string, b: string) => this.enqueue(() => (draft.position = [a, b])),
    };
    this.enqueue(() => {
      draft.series.unshift(first);
      this.charts.push(draft);
    });
    // Property assignments (name, titles) are read when the batch is applied, as Excel would send them.
    this.enqueue(() => {
      draft.name = chart.name;
      draft.title = chart.title.text;
      draft.categoryAxisTitle = chart.axes.categoryAxis.title.text;
      draft.valueAxisTitle = chart.axes.valueAxis.title.text;
      if (chart.axes.categoryAxis.numberFormat !== undefined) draft.categoryAxisNumberFormat = chart.axes.categoryAxis.numberFormat;
      if (chart.axes.valueAxis.numberFormat !== undefined) draft.valueAxisNumberFormat = chart.axes.valueAxis.numberFormat;
      if (chart.legend.visible !== undefined) draft.legend = { visible: chart.legend.visible, ...(chart.legend.position ? { position: chart.legend.position } : {}) };
    });
    return chart;
  }

  /**
   * Recalculation: every spill is cleared, then each formula gets `calculate`'s result; an array spills
   * into the cells right and below when they are all empty, else the formula shows `#SPILL!`.
   */
  private recalculate(): void {
    const calculate = this.calculate;
    if (!calculate) return;
    for (const sheet of this.sheets) {
      for (const row of sheet.cells) {
        row.forEach((cell) => {
          if (cell?.spilled) {
            cell.value = null;
            cell.spilled = false;
          }
        });
      }
      sheet.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (!cell || cell.formula === null) return;
          const result = calculate(cell.formula, { sheet: sheet.name, row: r, column: c });
          if (result === undefined) return;
          if (!Array.isArray(result)) {
            cell.value = result;
            return;
          }
          const blocked = result.some((line, i) => line.some((_, j) => (i > 0 || j > 0) && !isEmpty(sheet.cells[r + i]?.[c + j])));
          if (blocked) {
            cell.value = "#SPILL!";
            return;
          }
          cell.value = result[0]?.[0] ?? 0;
          result.forEach((line, i) =>
            line.forEach((value, j) => {
              if (i === 0 && j === 0) return;
              while (sheet.cells.length <= r + i) sheet.cells.push([]);
              const target = sheet.cells[r + i][c + j] ?? { value: null, formula: null };
              target.value = value === "" ? null : value;
              target.spilled = true;
              sheet.cells[r + i][c + j] = target;
            }),
          );
        }),
      );
    }
  }

  /** The address a range mock was made for (the fake's own record; reading `address` would need a load). */
  private addressOf(range: object): string {
    const address = this.addresses.get(range);
    if (address === undefined) throw new Error("test fake: not a range");
    return address;
  }

  private addSheetModel(name: string): FakeSheet {
    const sheet: FakeSheet = { name, cells: [], handlers: new Set() };
    this.sheets.push(sheet);
    return sheet;
  }

  private findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  private requireSheet(name: string): FakeSheet {
    const sheet = this.findSheet(name);
    if (!sheet) throw Object.assign(new Error(`The requested resource doesn't exist (${name})`), { code: "ItemNotFound" });
    return sheet;
  }
}

function parseBlock(address: string): { row: number; column: number; rows: number; columns: number } {
  const whole = /^([A-Z]+):([A-Z]+)$/.exec(address);
  if (whole) {
    const p = parseAddress(`${whole[1]}1:${whole[2]}1`)!;
    return { row: 0, column: p.column, rows: MAX_ROWS, columns: p.columns };
  }
  const p = parseAddress(address);
  if (!p) throw new Error(`test fake: cannot read address ${address}`);
  return p;
}

/** Test set-up: a cell holding exactly `value` (a formula when it starts with "="), as if it were already in the workbook. */
function setCell(sheet: FakeSheet, row: number, column: number, value: unknown): void {
  while (sheet.cells.length <= row) sheet.cells.push([]);
  const existing = sheet.cells[row][column];
  const blank = value === null || value === undefined || value === "";
  const cell: FakeCell =
    typeof value === "string" && value.startsWith("=")
      ? { value: null, formula: value }
      : { value: blank ? null : (value as CellValue), formula: null };
  cell.numberFormat = existing?.numberFormat;
  sheet.cells[row][column] = cell;
}

/**
 * A value entered into a cell through `values`, `formulas` or a person's typing, read as Excel reads
 * typing (excel-behaviour.md item 10): in a cell formatted as text ("@") a string stays exactly as it is;
 * otherwise "=..." is a formula (its sheet names quoted only where needed), a number, percentage, US date
 * (m/d or m/d/yyyy) or TRUE/FALSE in any case becomes that value, and other text starting with "+" or "-"
 * becomes a formula ("+44 20" is stored as "=+44 20"). The reference of `Range.values` says the same of
 * values written through it ("If the returned value starts with a plus ("+"), minus ("-"), or equal sign
 * ("="), Excel interprets this value as a formula", @types/office-js, ExcelApi 1.1).
 */
function enter(sheet: FakeSheet, row: number, column: number, value: unknown): void {
  while (sheet.cells.length <= row) sheet.cells.push([]);
  const format = sheet.cells[row][column]?.numberFormat;
  if (typeof value !== "string" || value === "") {
    setCell(sheet, row, column, value);
    return;
  }
  if (format === "@") {
    sheet.cells[row][column] = { value, formula: null, numberFormat: format };
    return;
  }
  const text = value.trim();
  let cell: FakeCell;
  if (value.startsWith("=")) cell = { value: null, formula: unquoteSheetNames(value) };
  else if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) cell = { value: Number(text), formula: null };
  else if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(text)) cell = { value: Number(text.slice(0, -1)) / 100, formula: null };
  else if (usDateSerial(text) !== null) cell = { value: usDateSerial(text), formula: null };
  else if (/^(true|false)$/i.test(text)) cell = { value: text.toUpperCase() === "TRUE", formula: null };
  else if (value.startsWith("+") || value.startsWith("-")) cell = { value: null, formula: `=${value}` };
  else cell = { value, formula: null };
  cell.numberFormat = format;
  sheet.cells[row][column] = cell;
}

/** The Excel date serial of "m/d" (this year) or "m/d/yyyy", or null when the text is not such a date. */
function usDateSerial(text: string): number | null {
  const m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/.exec(text);
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const year = m[3] === undefined ? new Date().getFullYear() : Number(m[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCDate() !== day) return null;
  return Math.round((date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** A formula as Excel gives it back: `'Schools'!A1` -> `Schools!A1`, `'WSF Allocation'!A1` unchanged. */
function unquoteSheetNames(formula: string): string {
  let out = "";
  let inLiteral = false;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') inLiteral = !inLiteral;
    if (inLiteral || ch !== "'") {
      out += ch;
      continue;
    }
    let j = i + 1;
    let name = "";
    while (j < formula.length) {
      if (formula[j] === "'" && formula[j + 1] === "'") {
        name += "'";
        j += 2;
      } else if (formula[j] === "'") break;
      else name += formula[j++];
    }
    out += quoteSheetName(name);
    i = j;
  }
  return out;
}

function isEmpty(cell: FakeCell | undefined): boolean {
  return !cell || (cell.formula === null && (cell.value === null || cell.spilled === true));
}

function applyWrite(sheet: FakeSheet, write: RangeWrite): void {
  if (write.value === null || write.value === undefined) throw Object.assign(new Error(`null is not a valid input for Range.${write.property}`), { code: "InvalidArgument" });
  for (let r = 0; r < write.rows; r++) {
    for (let c = 0; c < write.columns; c++) {
      // A single value (not a 2-D array) applies to every cell of the range, as in Excel; a null inside
      // a 2-D array leaves its cell unchanged.
      const value = Array.isArray(write.value) ? (write.value as unknown[][])[r][c] : write.value;
      if (value === null) continue;
      if (write.property === "numberFormat") {
        while (sheet.cells.length <= write.row + r) sheet.cells.push([]);
        const cell = sheet.cells[write.row + r][write.column + c] ?? { value: null, formula: null };
        cell.numberFormat = String(value);
        sheet.cells[write.row + r][write.column + c] = cell;
      } else enter(sheet, write.row + r, write.column + c, value);
    }
  }
}

function clearBlock(sheet: FakeSheet, place: { row: number; column: number; rows: number; columns: number }): void {
  for (let r = place.row; r < Math.min(sheet.cells.length, place.row + place.rows); r++) {
    const row = sheet.cells[r];
    for (let c = place.column; c < Math.min(row.length, place.column + place.columns); c++) row[c] = undefined;
  }
}

function usedBounds(sheet: FakeSheet): { row: number; column: number; rows: number; columns: number } | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  sheet.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell || (cell.formula === null && cell.value === null)) return;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }),
  );
  return bottom < 0 ? null : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
}
