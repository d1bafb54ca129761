import "./customFunctionsShim";
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue, type ImplementedFunctions } from "hyperformula";
import type { CatalogueEntry } from "../functions/catalogue";
import { installFastChangeList, installFastRangeReads, installFastVectorization } from "./fastVectorization";

/** The part of Excel's functions.json the playground needs: ids, parameters and which results spill. */
export interface FunctionsMetadata {
  functions: {
    id: string;
    name: string;
    parameters: { name: string; optional?: boolean; dimensionality?: "scalar" | "matrix" }[];
    result: { dimensionality?: "scalar" | "matrix" };
  }[];
}

/** An argument as the spill-size rules see it before any value is computed: its shape, and a literal if it is one. */
interface ArgShape {
  rows: number;
  columns: number;
  present: boolean;
  literal?: number;
}

type SpillRule = (args: ArgShape[]) => { rows: number; columns: number };

const vectorLength = (a: ArgShape | undefined): number => (!a || !a.present ? 1 : a.rows === 1 ? a.columns : a.rows);
const column = (rows: number) => ({ rows, columns: 1 });

/**
 * HyperFormula reserves a spill's cells when the formula is entered, before any value is known, so each
 * spilling WSF function needs an upper bound on its size from the shapes of its arguments (the catalogue in
 * design.md gives the shapes). A smaller result is padded with #N/A (a gap in a chart, as Excel's NA()), never
 * with empty cells that a later formula would read as 0 (HyperFormula's arithmetic reads "" as 0 too); a larger one (BYGROUP with `groups` in a cell asking for more groups than
 * rows) shows #VALUE! saying so.
 */
function spillRules(catalogue: CatalogueEntry[]): Record<string, SpillRule> {
  const equityRows = equityTableRows(catalogue);
  return {
    WEIGHTEDPUPILS: (a) => column(a[0].rows),
    CONCENTRATION: (a) => column(vectorLength(a[0])),
    ALLOCATE: (a) => column(vectorLength(a[0])),
    PROTECT: (a) => column(vectorLength(a[0])),
    PHASEIN: (a) => column(vectorLength(a[0])),
    PERPUPIL: (a) => column(vectorLength(a[0])),
    EXPENDITURELEVEL: (a) => column(vectorLength(a[0])),
    LORENZ: (a) => ({ rows: vectorLength(a[0]) + 1, columns: 2 }),
    BYGROUP: (a) => ({ rows: a[3]?.present ? (a[3].literal ?? Math.max(10, vectorLength(a[0]))) : 10, columns: 5 }),
    EQUITYTABLE: (a) => ({ rows: a[2]?.present ? equityRows.withPoverty : equityRows.withoutPoverty, columns: 2 }),
    EXPLAIN: (a) => ({ rows: vectorLength(a[1]) + 1, columns: 5 }),
    LCFF: (a) => ({ rows: a[0].rows, columns: 4 }),
    TITLEIRANK: (a) => ({ rows: vectorLength(a[0]), columns: 3 }),
    TITLEIALLOCATE: (a) => column(vectorLength(a[0])),
    COMPARABILITY: (a) => ({ rows: a[0].rows, columns: 2 }),
  };
}

/** EQUITYTABLE's row count depends only on whether poverty is given: ask the function itself on a tiny sample. */
function equityTableRows(catalogue: CatalogueEntry[]): { withPoverty: number; withoutPoverty: number } {
  const entry = catalogue.find((e) => e.id === "EQUITYTABLE");
  if (!entry) return { withPoverty: 1, withoutPoverty: 1 };
  const values = [[100], [200], [400]];
  const pupils = [[10], [20], [30]];
  const poverty = [[0.2], [0.5], [0.8]];
  return {
    withPoverty: (entry.fn(values, pupils, poverty) as unknown[]).length,
    withoutPoverty: (entry.fn(values, pupils, null) as unknown[]).length,
  };
}

const errorTypeOf: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
  "#REF!": ErrorType.REF,
  "#NAME?": ErrorType.NAME,
};

/** A thrown or returned `CustomFunctions.Error` (real or shim) as a HyperFormula error with its message. */
function toCellError(error: unknown, fn: string): CellError {
  if (error && typeof error === "object" && "code" in error && typeof (error as { code: unknown }).code === "string") {
    const { code, message } = error as { code: string; message?: string };
    return new CellError(errorTypeOf[code] ?? ErrorType.VALUE, message && message !== code ? message : undefined);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new CellError(ErrorType.VALUE, `${fn}: internal error (${detail})`);
}

/**
 * How an empty cell reaches a custom function. Excel on the web passes `null`; some Excel builds on Windows
 * and Mac pass `0` (excel-behaviour.md item 5). The playground behaves as the web; tests run both.
 */
export type BlankCells = "null" | "zero";

/** Options of `registerWsfFunctions`. */
export interface RegisterOptions {
  /** What an empty cell in an argument becomes; default "null" (Excel on the web). Omitted arguments are always null. */
  blankCells?: BlankCells;
}

/** A HyperFormula value in the shape Excel hands a custom function: blanks are null (or 0), rich numbers plain. */
function toExcelScalar(value: unknown, blank: null | 0 = null): unknown {
  if (value === EmptyValue || value === undefined) return blank;
  if (value !== null && typeof value === "object" && "val" in value && typeof (value as { val: unknown }).val === "number") return (value as { val: number }).val;
  return value;
}

/**
 * A range's cells (HyperFormula's rows) as Excel hands them to a custom function, or the first error cell
 * in it. HyperFormula builds the rows for this evaluation, or they are a spill's stored values (a range that
 * is exactly another formula's spill): either way they are handed on only when no cell needs converting (no
 * blank, no rich number), and the functions layer never writes into its arguments. Otherwise only the rows
 * that need it are copied. At 10,000 schools this saves a copy of every column a WSF function reads.
 */
function excelGrid(data: unknown[][], blank: null | 0): unknown[][] | CellError {
  let grid = data;
  for (let r = 0; r < data.length; r++) {
    const line = data[r];
    for (let c = 0; c < line.length; c++) {
      const cell = line[c];
      if (typeof cell === "number" || typeof cell === "string" || typeof cell === "boolean") continue;
      if (cell instanceof CellError) return cell;
      if (grid === data) grid = data.slice();
      if (grid[r] === line) grid[r] = line.slice();
      grid[r][c] = toExcelScalar(cell, blank);
    }
  }
  return grid;
}

/** Whether a spilling function's result has exactly the reserved rows and columns in every row. */
function fillsExactly(grid: unknown[][], reserved: { rows: number; columns: number }): boolean {
  if (grid.length !== Math.max(1, reserved.rows)) return false;
  const columns = Math.max(1, reserved.columns);
  for (const line of grid) if (!Array.isArray(line) || line.length !== columns) return false;
  return true;
}

/**
 * A function's result back into HyperFormula: errors become CellErrors; "" stays empty text, as in Excel,
 * where a custom function's "" is a text cell (`=D3+1` is #VALUE!, SUM skips it), not a blank read as 0.
 */
function toHyperFormulaScalar(value: unknown, fn: string): unknown {
  if (value === null || value === undefined) return EmptyValue;
  if (typeof value === "number") return Number.isFinite(value) ? value : new CellError(ErrorType.NUM, `${fn}: the result is not a finite number`);
  if (typeof value === "string" || typeof value === "boolean") return value;
  return toCellError(value, fn);
}

/**
 * A spilling function that fails as a whole: the error in every reserved cell. Excel shows one error cell and
 * no spill; HyperFormula has already reserved the block, and an empty cell in it would read as 0 in a later
 * formula (`WSF.WEIGHTEDPUPILS(...)+WSF.CONCENTRATION(...)` would add numbers to nothing). Excel's own array
 * arithmetic with a failed function gives the error in every row too. (HyperFormula cannot read a range over
 * a spill that failed as a bare error, so the block is a range value.)
 */
function errorInEveryReservedCell(error: CellError, reserved: { rows: number; columns: number }): SimpleRangeValue | CellError {
  if (reserved.rows <= 1 && reserved.columns <= 1) return error;
  const block = Array.from({ length: Math.max(1, reserved.rows) }, () => new Array(Math.max(1, reserved.columns)).fill(error));
  return SimpleRangeValue.onlyValues(block);
}

/**
 * Excel does not call a custom function whose input holds an error cell (excel-behaviour.md item 4): the
 * result is that error itself, without the message the input cell may carry.
 */
function propagatedInputError(error: CellError): CellError {
  return new CellError(error.type);
}

let registered: { plugin: typeof FunctionPlugin; names: string[] } | null = null;

/**
 * Registers every WSF function of `catalogue` in HyperFormula under its Excel name (`WSF.` + id), with the
 * parameters of `metadata` (Excel's functions.json), so the playground's cells evaluate the same functions
 * layer Excel runs: arguments arrive as Excel passes them (ranges as 2-D arrays with null for blanks,
 * scalars, null for an omitted or skipped optional argument), spills fill the cells below and right, and a
 * `CustomFunctions.Error` becomes a HyperFormula error with the same type and message.
 *
 * Registration is global to HyperFormula (every instance built afterwards has the functions); calling it
 * again replaces the earlier registration.
 *
 * @returns the registered Excel names, e.g. "WSF.GINI".
 * @throws Error when a catalogue entry has no metadata, or a spilling function has no spill-size rule.
 */
export function registerWsfFunctions(catalogue: CatalogueEntry[], metadata: FunctionsMetadata, options: RegisterOptions = {}): string[] {
  const blank = options.blankCells === "zero" ? 0 : null;
  // The column-wide IF/LEN/ISBLANK/... of the add-in's sheets, computed by HyperFormula's own function bodies
  // without its slow per-cell loop, its list of changed cells kept without a deletion per spilled cell, and
  // ranges read without an address object per cell (fastVectorization.ts).
  installFastVectorization();
  installFastChangeList();
  installFastRangeReads();
  if (registered) {
    HyperFormula.unregisterFunctionPlugin(registered.plugin as never);
    registered = null;
  }
  const rules = spillRules(catalogue);
  const implemented: ImplementedFunctions = {};
  const translations: Record<string, string> = {};

  class WsfPlugin extends FunctionPlugin {}
  const prototype = WsfPlugin.prototype as unknown as Record<string, unknown>;

  for (const entry of catalogue) {
    const meta = metadata.functions.find((f) => f.id === entry.id);
    if (!meta) throw new Error(`functions.json has no function "${entry.id}"; rebuild so the metadata matches the functions layer.`);
    const name = `WSF.${entry.id}`;
    const spills = meta.result.dimensionality === "matrix";
    const rule = rules[entry.id];
    if (spills && !rule) throw new Error(`${name} spills but the playground has no spill-size rule for it.`);
    const required = meta.parameters.filter((p) => !p.optional).length;
    const maximum = meta.parameters.length;
    const methodName = `wsf_${entry.id}`;
    const sizeMethodName = `wsf_${entry.id}_size`;

    const shapesOf = (plugin: WsfPlugin, ast: { args: any[] }, state: any): ArgShape[] =>
      ast.args.map((arg) => {
        if (arg.type === "EMPTY") return { rows: 1, columns: 1, present: false };
        const size = (plugin as any).arraySizeForAst(arg, state) as ArraySize;
        return { rows: size.height, columns: size.width, present: true, literal: arg.type === "NUMBER" ? arg.value : undefined };
      });

    prototype[methodName] = function (this: WsfPlugin, ast: { args: any[] }, state: any) {
      if (ast.args.length < required || ast.args.length > maximum) {
        const expected = required === maximum ? `${required}` : `${required} to ${maximum}`;
        return new CellError(ErrorType.NA, `${name}: expects ${expected} arguments, got ${ast.args.length}`);
      }
      // An error as the result: one cell for a scalar function, every cell of the reserved block for a spilling one.
      const failWith = (error: CellError) => (spills ? errorInEveryReservedCell(error, rule!(shapesOf(this, ast, state))) : error);
      const args: unknown[] = [];
      for (let i = 0; i < ast.args.length; i++) {
        const arg = ast.args[i];
        if (arg.type === "EMPTY") {
          args.push(null);
          continue;
        }
        const value = (this as any).evaluateAst(arg, state);
        if (value instanceof CellError) return failWith(propagatedInputError(value));
        if (value instanceof SimpleRangeValue) {
          const grid = excelGrid(value.data as unknown[][], blank);
          if (grid instanceof CellError) return failWith(propagatedInputError(grid));
          args.push(meta.parameters[i]?.dimensionality === "matrix" ? grid : grid.length === 1 && grid[0].length === 1 ? grid[0][0] : grid);
        } else {
          const scalar = toExcelScalar(value, blank);
          args.push(meta.parameters[i]?.dimensionality === "matrix" && scalar !== null ? [[scalar]] : scalar);
        }
      }
      while (args.length < maximum) args.push(null);

      let result: unknown;
      try {
        result = entry.fn(...args);
      } catch (error) {
        return failWith(toCellError(error, name));
      }
      if (!spills) return toHyperFormulaScalar(Array.isArray(result) ? result[0]?.[0] : result, name);
      const grid = Array.isArray(result) ? (result as unknown[][]) : [[result]];
      const reserved = rule!(shapesOf(this, ast, state));
      const width = grid.reduce((w, line) => Math.max(w, line.length), 0);
      if (grid.length > reserved.rows || width > reserved.columns) {
        const message = `${name}: the result is ${grid.length} x ${width} but the playground reserved ${reserved.rows} x ${reserved.columns} cells; give counts such as groups as numbers, not cell references`;
        return errorInEveryReservedCell(new CellError(ErrorType.VALUE, message), reserved);
      }
      // A result that fills the reserved block exactly (a column per school, the usual case) is converted in
      // its own rows, which the function built for this call; anything else is copied into the block.
      if (fillsExactly(grid, reserved) && !args.some((arg) => arg === grid || (Array.isArray(arg) && arg[0] === grid[0]))) {
        for (const line of grid) for (let c = 0; c < line.length; c++) line[c] = toHyperFormulaScalar(line[c], name);
        return SimpleRangeValue.onlyValues(grid as never);
      }
      // Pad a smaller result to the reserved block with #N/A: Excel has no cells there, and a later formula
      // must not read them as 0.
      const padding = new CellError(ErrorType.NA, `${name}: past the end of the result (the playground reserved ${reserved.rows} x ${reserved.columns} cells; Excel leaves them empty)`);
      const rows = Math.max(1, reserved.rows);
      const columns = Math.max(1, reserved.columns);
      const block: unknown[][] = new Array(rows);
      for (let r = 0; r < rows; r++) {
        const line = grid[r];
        const out = new Array<unknown>(columns);
        for (let c = 0; c < columns; c++) out[c] = line && c < line.length ? toHyperFormulaScalar(line[c], name) : padding;
        block[r] = out;
      }
      return SimpleRangeValue.onlyValues(block as never);
    };

    if (spills) {
      prototype[sizeMethodName] = function (this: WsfPlugin, ast: { args: any[] }, state: any) {
        if (ast.args.length < required || ast.args.length > maximum) return ArraySize.scalar();
        const size = rule!(shapesOf(this, ast, state));
        return new ArraySize(Math.max(1, size.columns), Math.max(1, size.rows));
      };
    }

    implemented[name] = {
      method: methodName,
      ...(spills ? { sizeOfResultArrayMethod: sizeMethodName } : {}),
      parameters: meta.parameters.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional === true })),
      vectorizationForbidden: true,
    };
    translations[name] = name;
  }

  (WsfPlugin as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(WsfPlugin as never, { enGB: translations } as never);
  registered = { plugin: WsfPlugin, names: Object.keys(implemented) };
  return registered.names;
}
