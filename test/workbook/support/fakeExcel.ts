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
 * commands take effect only at `context.sync()`, in the order they were queued.
 *
 * It records every `context.sync()` (a request) with the commands it carried and their JSON size, so
 * tests can count round trips and check the 5 MB request limit.
 */

interface FakeCell {
  value: CellValue;
  formula: string | null;
  numberFormat?: string;
}

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

/** One `context.sync()`: the JSON bytes of what it sent, and the cell writes among them. */
export interface FakeRequest {
  bytes: number;
  writes: RangeWrite[];
}

interface Command {
  bytes: number;
  write?: RangeWrite;
  apply: () => void;
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** Envelope bytes of one queued command (ids, method name), besides its arguments. */
const COMMAND_BYTES = 100;

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly charts: FakeChart[] = [];
  readonly settings = new Map<string, unknown>();
  readonly requests: FakeRequest[] = [];
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  runs = 0;
  private readonly addresses = new WeakMap<object, string>();
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
    const context = new OfficeMockObject({}) as unknown as Record<string, unknown>;
    context.workbook = this.workbookFacade();
    // Every round trip goes through here: counted, applied in queue order, then loads are answered.
    context.sync = async (): Promise<void> => this.sync();
    const result = await batch(context);
    if (this.queue.length > 0) throw new Error(`${this.queue.length} queued command(s) were never synced`);
    return result;
  };

  /** A person typing into a cell: the change, then the sheet's onChanged handlers. */
  async editCell(sheet: string, row: number, column: number, value: CellValue): Promise<void> {
    const model = this.requireSheet(sheet);
    setCell(model, row, column, value);
    for (const handler of [...model.handlers]) {
      await handler({ type: "WorksheetChanged", source: "Local", changeType: "RangeEdited", address: rangeAddress(row, column), worksheetId: sheet });
    }
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
    this.queue = [];
    const request: FakeRequest = { bytes: 0, writes: [] };
    this.requests.push(request);
    for (const command of commands) {
      request.bytes += command.bytes;
      if (command.write) request.writes.push(command.write);
      command.apply();
    }
    this.internal = true;
    try {
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
    const model = this.findSheet(sheetName);
    const readable = place.rows * place.columns <= 2_000_000;
    const grid = (pick: (cell: FakeCell | undefined) => unknown): unknown[][] =>
      readable ? Array.from({ length: place.rows }, (_, r) => Array.from({ length: place.columns }, (_, c) => pick(model?.cells[place.row + r]?.[place.column + c]))) : [];
    const local = address === undefined ? "A:XFD" : rangeAddress(place.row, place.column, place.rows, place.columns);
    const mock = this.mock({
      address: `${quoteSheetName(sheetName)}!${local}`,
      rowIndex: place.row,
      columnIndex: place.column,
      rowCount: place.rows,
      columnCount: place.columns,
      // The fake does not calculate: a formula reads as the result set by setFormulaResult, else 0.
      values: grid((cell) => (cell ? (cell.formula !== null ? (cell.value ?? 0) : (cell.value ?? "")) : "")),
      formulas: grid((cell) => (cell ? (cell.formula ?? cell.value ?? "") : "")),
      numberFormat: grid((cell) => cell?.numberFormat ?? "General"),
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
    mock.load = (props: unknown) => {
      this.internal = true;
      try {
        load(props as string);
      } finally {
        this.internal = false;
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

function applyWrite(sheet: FakeSheet, write: RangeWrite): void {
  for (let r = 0; r < write.rows; r++) {
    for (let c = 0; c < write.columns; c++) {
      // A single value (not a 2-D array) applies to every cell of the range, as in Excel.
      const value = Array.isArray(write.value) ? (write.value as unknown[][])[r][c] : write.value;
      if (write.property === "numberFormat") {
        while (sheet.cells.length <= write.row + r) sheet.cells.push([]);
        const cell = sheet.cells[write.row + r][write.column + c] ?? { value: null, formula: null };
        cell.numberFormat = String(value);
        sheet.cells[write.row + r][write.column + c] = cell;
      } else setCell(sheet, write.row + r, write.column + c, value);
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
