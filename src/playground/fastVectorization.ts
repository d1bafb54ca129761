import { CellError, FunctionArgumentType, HyperFormula, SimpleRangeValue } from "hyperformula";

/**
 * Built-in functions the add-in's sheets apply to whole columns (`IF(ISBLANK(Schools!$C$2:$C$10001),"",...)`):
 * HyperFormula runs such a call once per cell of the result ("vectorization"), and its generic loop spends more
 * time building argument lists than the functions themselves take. At 10,000 schools the allocation sheet's
 * IF/LEN/ISBLANK/ISERROR columns were most of a weight edit's recalculation (scripts/bench-playground.mjs).
 */
export const FAST_VECTORIZED_FUNCTIONS = ["IF", "LEN", "ISBLANK", "ISERROR", "ISNUMBER", "ISTEXT", "ISNA", "NOT", "ABS", "ROUND", "TEXT"] as const;

/* HyperFormula's FunctionPlugin internals used here (public in its JavaScript, protected in its typings). */
interface PluginInternals {
  runFunction: (args: unknown[], state: unknown, metadata: Metadata, impl: (...a: unknown[]) => unknown) => unknown;
  evaluateAst(ast: unknown, state: unknown): unknown;
  coerceToType(arg: unknown, metadata: unknown, state: unknown): unknown;
  returnNumberWrapper(value: unknown, returnNumberType: unknown): unknown;
  buildMetadataForEachArgumentValue(count: number, metadata: Metadata): unknown[];
  isNumberOfArgumentValuesValid(argumentsMetadata: unknown[], count: number): boolean;
  isRangePassedAsAScalarArgument(value: unknown, argumentMetadata: unknown): boolean;
  vectorizeAndBroadcastArgumentsIfNecessary(on: boolean, values: unknown[], argumentsMetadata: unknown[], row: number, col: number): unknown[];
  calculateSingleCellOfResultArray(
    state: unknown,
    args: unknown[],
    argumentsMetadata: unknown[],
    ignorable: boolean[],
    empty: boolean[],
    impl: (...a: unknown[]) => unknown,
    returnNumberType: unknown,
  ): unknown;
}
interface Metadata {
  vectorizationForbidden?: boolean;
  returnNumberType?: unknown;
  expandRanges?: boolean;
}
interface PluginClass {
  new (...args: never[]): PluginInternals;
  prototype: Record<string, unknown>;
  implementedFunctions: Record<string, { method: string } & Record<string, unknown>>;
}

/**
 * HyperFormula's `runFunction`, the same steps in the same order (evaluate the arguments; check their number;
 * the result's size from the ranges passed where a scalar is expected; per cell the broadcast arguments through
 * HyperFormula's own coercion, function body and number type), without the per-cell array copies and
 * `[...Array(n).keys()].map` of the original. Anything unusual (a wrong argument count, `expandRanges`) goes to
 * the original, which evaluates the arguments itself.
 */
function runVectorized(plugin: PluginInternals, original: PluginInternals["runFunction"], args: { type: string }[], state: { arraysFlag?: boolean }, metadata: Metadata, impl: (...a: unknown[]) => unknown): unknown {
  if (metadata.expandRanges) return original(args, state, metadata, impl);
  const n = args.length;
  const argumentsMetadata = plugin.buildMetadataForEachArgumentValue(n, metadata);
  if (!plugin.isNumberOfArgumentValuesValid(argumentsMetadata, n)) return original(args, state, metadata, impl);
  const values = new Array<unknown>(n);
  const empty = new Array<boolean>(n);
  const ignorable = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++) {
    values[i] = plugin.evaluateAst(args[i], state);
    empty[i] = args[i].type === "EMPTY";
  }
  const on = Boolean(state.arraysFlag) && !metadata.vectorizationForbidden;
  const data: (unknown[][] | null)[] = new Array(n).fill(null);
  const heights = new Array<number>(n).fill(0);
  const widths = new Array<number>(n).fill(0);
  let height = 1;
  let width = 1;
  for (let i = 0; i < n; i++) {
    if (!on || !plugin.isRangePassedAsAScalarArgument(values[i], argumentsMetadata[i])) continue;
    const range = values[i] as SimpleRangeValue;
    data[i] = range.data as unknown[][];
    heights[i] = range.height();
    widths[i] = range.width();
    height = Math.max(height, heights[i]);
    width = Math.max(width, widths[i]);
  }
  if (height === 1 && width === 1) {
    const single = plugin.vectorizeAndBroadcastArgumentsIfNecessary(on, values, argumentsMetadata, 0, 0);
    return plugin.calculateSingleCellOfResultArray(state, single, argumentsMetadata, ignorable, empty, impl, metadata.returnNumberType);
  }
  const result: unknown[][] = new Array(height);
  const cellArgs = new Array<unknown>(n);
  const count = argumentsMetadata.length;
  const coerced = new Array<unknown>(count);
  for (let r = 0; r < height; r++) {
    const line = new Array<unknown>(width);
    for (let c = 0; c < width; c++) {
      for (let i = 0; i < n; i++) {
        const block = data[i];
        // As HyperFormula broadcasts: a one-row or one-column range repeats; past a range's end is undefined.
        cellArgs[i] = block === null ? values[i] : block[heights[i] === 1 ? 0 : r]?.[widths[i] === 1 ? 0 : c];
      }
      const value = calculateCell(plugin, state, cellArgs, argumentsMetadata as ArgumentMetadata[], ignorable, empty, impl, metadata.returnNumberType, coerced);
      if (value instanceof SimpleRangeValue) throw new Error("Function returning array cannot be vectorized.");
      line[c] = value;
    }
    result[r] = line;
  }
  return SimpleRangeValue.onlyValues(result as never);
}

/* What HyperFormula knows of an argument (FunctionPlugin's FunctionArgument). */
interface ArgumentMetadata {
  argumentType: string;
  defaultValue?: unknown;
  emptyAsDefault?: boolean;
}

/**
 * One cell of the result, as HyperFormula's `calculateSingleCellOfResultArray` computes it (each argument
 * through the plugin's own `coerceToType`, then the function body, then the plugin's `returnNumberWrapper`),
 * for the usual cell: every argument present and coerced to a value. The coerced arguments go into one array
 * reused for every cell, where HyperFormula builds a new one per cell and spreads it into the call (at 10,000
 * schools a weight edit runs about 16 of these loops over a column). Any other cell (an argument missing or
 * taking its default, one that cannot be coerced, an error where the function does not take errors) is left
 * to HyperFormula's own method, which then answers exactly as it always does.
 */
function calculateCell(
  plugin: PluginInternals,
  state: unknown,
  cellArgs: unknown[],
  argumentsMetadata: ArgumentMetadata[],
  ignorable: boolean[],
  empty: boolean[],
  impl: (...a: unknown[]) => unknown,
  returnNumberType: unknown,
  coerced: unknown[],
): unknown {
  const count = argumentsMetadata.length;
  let usual = true;
  for (let i = 0; i < count; i++) {
    const meta = argumentsMetadata[i];
    const raw = cellArgs[i];
    if (raw === undefined || (empty[i] && meta?.emptyAsDefault)) {
      usual = false;
      break;
    }
    const value = plugin.coerceToType(raw, meta, state);
    if (value === undefined || (value instanceof CellError && meta.argumentType !== FunctionArgumentType.SCALAR)) {
      usual = false;
      break;
    }
    coerced[i] = value;
  }
  if (!usual) return plugin.calculateSingleCellOfResultArray(state, cellArgs, argumentsMetadata, ignorable, empty, impl, returnNumberType);
  let outcome: unknown;
  if (count === 1) outcome = impl(coerced[0]);
  else if (count === 2) outcome = impl(coerced[0], coerced[1]);
  else if (count === 3) outcome = impl(coerced[0], coerced[1], coerced[2]);
  else outcome = impl(...coerced);
  return plugin.returnNumberWrapper(outcome, returnNumberType);
}

const installed = new Map<string, PluginClass>();

/**
 * Replaces the built-ins in `FAST_VECTORIZED_FUNCTIONS` (for every HyperFormula instance built afterwards) by
 * subclasses of their own plugins whose method is HyperFormula's, run with the loop above: the same coercions,
 * function bodies and errors, cell by cell (test/playground/fastVectorization.test.ts compares both on random
 * cells). Calling it again does nothing; `restoreBuiltInVectorization` puts the originals back.
 */
export function installFastVectorization(): void {
  for (const id of FAST_VECTORIZED_FUNCTIONS) {
    if (installed.has(id)) continue;
    const Base = HyperFormula.getFunctionPlugin(id) as unknown as PluginClass | undefined;
    const entry = Base?.implementedFunctions?.[id];
    if (!Base || !entry) continue; // not in this HyperFormula version: it keeps its own loop
    const originalMethod = Base.prototype[entry.method] as (this: PluginInternals, ast: unknown, state: unknown) => unknown;
    const methodName = `wsfFast_${entry.method}`;
    class FastPlugin extends (Base as unknown as new (...args: never[]) => PluginInternals) {}
    (FastPlugin.prototype as unknown as Record<string, unknown>)[methodName] = function (this: PluginInternals, ast: unknown, state: unknown) {
      // The original method, seeing this loop as its `runFunction` (everything else is the plugin's own).
      const view = Object.create(this) as PluginInternals;
      view.runFunction = (args, st, metadata, impl) => runVectorized(this, this.runFunction, args as { type: string }[], st as { arraysFlag?: boolean }, metadata, impl);
      return originalMethod.call(view, ast, state);
    };
    (FastPlugin as unknown as PluginClass).implementedFunctions = { [id]: { ...entry, method: methodName } };
    HyperFormula.registerFunction(id, FastPlugin as never);
    installed.set(id, Base);
  }
}

/** Puts HyperFormula's own implementations back (tests compare the two). */
export function restoreBuiltInVectorization(): void {
  for (const [id, Base] of installed) HyperFormula.registerFunction(id, Base as never);
  installed.clear();
}

/* HyperFormula's ContentChanges (not exported): the list of changed cells a recalculation reports. */
interface ChangeList {
  changes: Map<string, { address: { sheet: number; row: number; col: number } }>;
  add(address: { sheet: number; row: number; col: number }, change: { value: unknown; address: { sheet: number; row: number; col: number } }): void;
  exportChanges(exporter: unknown): unknown[];
}
let originalAdd: ChangeList["add"] | null = null;
let originalExport: ChangeList["exportChanges"] | null = null;
let changeListPrototype: ChangeList | null = null;

/**
 * HyperFormula records each recalculated spill in its change list by first deleting, one address at a time,
 * every cell of the spill from the list (10,000 string keys for a 10,000-school column, for every spilling
 * column, on every edit), though the list rarely holds any of them. This does the same deletions by going
 * over the list instead when it is the shorter of the two: the same entries leave the list, in the same
 * order, so the changes reported are the same (test/playground/fastVectorization.test.ts compares them).
 * The list of changes HyperFormula hands back is built on first read (lazyList below). Found through an
 * instance, as the class is not exported; left alone when its shape is not the one known.
 */
export function installFastChangeList(): void {
  if (originalAdd) return;
  const probe = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" }) as unknown as { _crudOperations?: { operations?: { changes?: unknown } } };
  const list = probe._crudOperations?.operations?.changes as ChangeList | undefined;
  (probe as unknown as HyperFormula).destroy();
  const prototype = list ? (Object.getPrototypeOf(list) as ChangeList) : null;
  if (!list || !prototype || !(list.changes instanceof Map) || typeof prototype.add !== "function" || prototype.add.length !== 2) return;
  if (typeof prototype.exportChanges !== "function" || prototype.exportChanges.length !== 1) return;
  const add = prototype.add;
  const exportChanges = prototype.exportChanges;
  // The keys must be HyperFormula's own: checked on an empty list of the same class.
  const check = new (list.constructor as new () => ChangeList)();
  const at = { sheet: 3, row: 17, col: 5 };
  add.call(check, at, { value: 1, address: at });
  if (!check.changes.has(keyOf(at)) || check.changes.size !== 1) return;
  originalAdd = add;
  originalExport = exportChanges;
  changeListPrototype = prototype;
  prototype.exportChanges = function (this: ChangeList, exporter: unknown): unknown[] {
    return lazyList(() => exportChanges.call(this, exporter));
  };
  prototype.add = function (this: ChangeList, address, change) {
    const value = change.value;
    if (!(value instanceof SimpleRangeValue) || this.changes.size === 0) {
      if (value instanceof SimpleRangeValue) this.changes.set(keyOf(address), change);
      else add.call(this, address, change);
      return;
    }
    const data = value.data as unknown[][];
    let cells = 0;
    for (const line of data) cells += line.length;
    if (cells <= this.changes.size) {
      add.call(this, address, change);
      return;
    }
    for (const [key, entry] of this.changes) {
      const a = entry.address;
      const r = a.row - address.row;
      if (a.sheet === address.sheet && r >= 0 && r < data.length) {
        const c = a.col - address.col;
        if (c >= 0 && c < data[r].length) this.changes.delete(key);
      }
    }
    this.changes.set(keyOf(address), change);
  };
}

/**
 * An array filled with `build()`'s items the first time anything about it is read (its length, an item, a
 * method): HyperFormula lists every changed cell after each recalculation (~120,000 at 10,000 schools, one
 * object each, ~25 ms of a weight edit), returned by `setCellContents`/`batch` and passed to `valuesUpdated`
 * listeners, though the playground reads neither (its listeners only learn that something changed). A reader
 * right after the call gets the same list as before; the values are the ones the recalculation stored. Error
 * values' origin cells are named at the first read: after a sheet is renamed, with its new name; after it is
 * removed, the read throws. Nothing in the playground reads the list at all (its listeners take no argument).
 */
function lazyList(build: () => unknown[]): unknown[] {
  const target: unknown[] = [];
  let built = false;
  const fill = () => {
    if (built) return;
    built = true;
    const items = build();
    for (let i = 0; i < items.length; i++) target.push(items[i]);
  };
  return new Proxy(target, {
    get: (t, key) => (fill(), Reflect.get(t, key)),
    set: (t, key, value) => (fill(), Reflect.set(t, key, value)),
    has: (t, key) => (fill(), Reflect.has(t, key)),
    ownKeys: (t) => (fill(), Reflect.ownKeys(t)),
    getOwnPropertyDescriptor: (t, key) => (fill(), Reflect.getOwnPropertyDescriptor(t, key)),
    defineProperty: (t, key, descriptor) => (fill(), Reflect.defineProperty(t, key, descriptor)),
    deleteProperty: (t, key) => (fill(), Reflect.deleteProperty(t, key)),
  });
}

/** HyperFormula's `addressKey`: the list's key of a cell. */
function keyOf(address: { sheet: number; row: number; col: number }): string {
  return `${address.sheet},${address.row},${address.col}`;
}

/** Puts HyperFormula's own change list back (tests compare the two). */
export function restoreChangeList(): void {
  if (changeListPrototype && originalAdd) changeListPrototype.add = originalAdd;
  if (changeListPrototype && originalExport) changeListPrototype.exportChanges = originalExport;
  originalAdd = null;
  originalExport = null;
  changeListPrototype = null;
}

/* HyperFormula's SimpleRangeValue internals used here (JavaScript fields, not in its typings). */
interface RangeValueInternals {
  _data: unknown[][] | undefined;
  _hasOnlyNumbers: boolean;
  range: {
    start: { sheet: number; row: number; col: number };
    effectiveEndRow(graph: unknown): number;
    effectiveEndColumn(graph: unknown): number;
  } | undefined;
  dependencyGraph: { getCellValue(address: { sheet: number; col: number; row: number }): unknown } | undefined;
}
let originalEnsure: ((this: RangeValueInternals) => void) | null = null;

/**
 * HyperFormula reads a range's cells (every `Schools!$E$2:$E$10001` a formula names, each time it is
 * evaluated) by building an address object per cell and asking for the range's end again per row and per
 * cell. This reads the same cells through the same `getCellValue`, in the same order, with one address
 * object moved from cell to cell (HyperFormula's lookups read it and keep nothing) and the ends asked once.
 * A cell holding anything but a number, text, a boolean, a blank or an error (a rich number such as a date
 * or a per cent, a nested range) hands the whole range back to HyperFormula's own method, which then reads it
 * as always. Left alone when the shape of SimpleRangeValue is not the one known.
 */
export function installFastRangeReads(): void {
  if (originalEnsure) return;
  const prototype = SimpleRangeValue.prototype as unknown as { ensureThatComputed?: (this: RangeValueInternals) => void };
  const original = prototype.ensureThatComputed;
  if (typeof original !== "function" || original.length !== 0) return;
  const probe = SimpleRangeValue.onlyValues([[1]]) as unknown as RangeValueInternals;
  if (!("_data" in probe) || !("_hasOnlyNumbers" in probe) || !("range" in probe) || !("dependencyGraph" in probe)) return;
  originalEnsure = original;
  prototype.ensureThatComputed = function (this: RangeValueInternals): void {
    if (this._data !== undefined) return;
    const range = this.range;
    const graph = this.dependencyGraph;
    if (!range || !graph) {
      original.call(this);
      return;
    }
    const { sheet, row: firstRow, col: firstColumn } = range.start;
    const lastRow = range.effectiveEndRow(graph);
    const lastColumn = range.effectiveEndColumn(graph);
    const address = { sheet, col: firstColumn, row: firstRow };
    const data: unknown[][] = [];
    let onlyNumbers = true;
    for (let row = firstRow; row <= lastRow; row++) {
      const line: unknown[] = [];
      for (let col = firstColumn; col <= lastColumn; col++) {
        address.row = row;
        address.col = col;
        const value = graph.getCellValue(address);
        if (typeof value !== "number") {
          if (value !== null && typeof value === "object" && !(value instanceof CellError)) {
            original.call(this);
            return;
          }
          onlyNumbers = false;
        }
        line.push(value);
      }
      data.push(line);
    }
    this._hasOnlyNumbers = onlyNumbers;
    this._data = data;
  };
}

/** Puts HyperFormula's own range reading back (tests compare the two). */
export function restoreRangeReads(): void {
  if (originalEnsure) (SimpleRangeValue.prototype as unknown as { ensureThatComputed: unknown }).ensureThatComputed = originalEnsure;
  originalEnsure = null;
}
