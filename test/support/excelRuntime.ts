import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
// Excel's error codes and error class, as the playground's shim provides them (the strings Excel shows). The
// shim module also installs itself in this realm on import; the bundle below runs in its own context.
import { shimErrorCodes as ErrorCode, ShimCustomFunctionError as ExcelError } from "../../src/playground/customFunctionsShim";

/**
 * Loads the BUILT dist/functions.js the way Excel's JavaScript-only custom-functions runtime does: in a
 * fresh global scope whose only host object is `CustomFunctions` (associate, Error, ErrorCode), with no
 * window, document or Office. Returns what the bundle associated, keyed by function id.
 */
export { ErrorCode, ExcelError };

export const distDir = path.resolve(__dirname, "../../dist");

export function loadBuiltFunctions(): Map<string, (...args: unknown[]) => unknown> {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  const CustomFunctions = {
    associate(id: string, fn: (...args: unknown[]) => unknown) {
      if (associated.has(id)) throw new Error(`${id} associated twice`);
      associated.set(id, fn);
    },
    Error: ExcelError,
    ErrorCode,
  };
  const code = readFileSync(path.join(distDir, "functions.js"), "utf8");
  vm.runInNewContext(code, { CustomFunctions }, { filename: "functions.js" });
  return associated;
}

export function readFunctionsJson(): { functions: { id: string; name: string; description: string; parameters: { name: string; description: string; optional?: boolean; dimensionality?: string; type: string }[]; result: { dimensionality?: string; type?: string } }[] } {
  return JSON.parse(readFileSync(path.join(distDir, "functions.json"), "utf8"));
}

/**
 * How an empty cell reaches a custom function: `null` on Excel on the web, `0` on some Excel builds on Windows
 * and Mac (excel-behaviour.md item 5; Microsoft has said no requirement set tells them apart).
 */
export type BlankCells = "null" | "zero";

/** Excel's codes that keep a custom message; every other error shows none (excel-behaviour.md item 2). */
const CODES_WITH_MESSAGE = new Set<string>([ErrorCode.invalidValue, ErrorCode.notAvailable]);

/** An error as Excel would show it: the message only on #VALUE! and #N/A. */
function asExcelShowsIt(error: InstanceType<typeof ExcelError>): InstanceType<typeof ExcelError> {
  return CODES_WITH_MESSAGE.has(error.code) || error.message === error.code ? error : new ExcelError(error.code);
}

/** A result as Excel shows it: every error (thrown, returned or inside a spill) without a message it would drop. */
function showResult(result: unknown): unknown {
  if (result instanceof ExcelError) return asExcelShowsIt(result);
  if (Array.isArray(result)) return result.map((line) => (Array.isArray(line) ? line.map(showResult) : showResult(line)));
  return result;
}

/** The first error cell in a range argument, if any. */
function firstErrorCell(arg: unknown): InstanceType<typeof ExcelError> | null {
  if (arg instanceof ExcelError) return arg;
  if (!Array.isArray(arg)) return null;
  for (const item of arg) {
    const found = firstErrorCell(item);
    if (found) return found;
  }
  return null;
}

/**
 * The built functions called the way Excel calls them, with the rules of excel-behaviour.md the bare bundle
 * cannot know:
 * - arguments: a top-level `null` is an omitted argument (always `null`); an array is a range of cells, whose
 *   empty cells (`null`) arrive as `null` or as `0` by `blankCells`; a 1 x 1 range given to a scalar parameter
 *   arrives as its single value;
 * - an error cell in any range (an `ExcelError`): the function is not called and the result is that error,
 *   without a message (item 4, allowErrorForDataTypeAny false);
 * - results: a thrown error is the cell's value; messages are dropped except on #VALUE! and #N/A (item 2).
 */
export function excelHost(options: { blankCells?: BlankCells } = {}): { call: (id: string, ...args: unknown[]) => any } {
  const fns = loadBuiltFunctions();
  const params = new Map(readFunctionsJson().functions.map((f) => [f.id, f.parameters]));
  const blank = options.blankCells === "zero" ? 0 : null;
  const cells = (range: unknown): unknown =>
    Array.isArray(range) ? range.map(cells) : range === null || range === undefined ? blank : range;
  return {
    call(id: string, ...args: unknown[]) {
      const fn = fns.get(id);
      const parameters = params.get(id);
      if (!fn || !parameters) throw new Error(`WSF.${id} is not in dist/functions.js and functions.json`);
      for (const arg of args) {
        const error = firstErrorCell(arg);
        if (error) return new ExcelError(error.code);
      }
      const passed = parameters.map((p, i) => {
        const arg = args[i];
        if (arg === null || arg === undefined) return null;
        if (!Array.isArray(arg)) return arg;
        const range = cells(arg) as unknown[][];
        if (p.dimensionality === "matrix") return range;
        return range.length === 1 && Array.isArray(range[0]) && range[0].length === 1 ? range[0][0] : range;
      });
      try {
        return showResult(fn(...passed));
      } catch (error) {
        return showResult(error);
      }
    },
  };
}

/** The built bundle's functions as catalogue entries (id, implementation), e.g. for the playground's HyperFormula. */
export function loadBuiltCatalogue(): { id: string; fn: (...args: any[]) => unknown }[] {
  return [...loadBuiltFunctions()].map(([id, fn]) => ({ id, fn }));
}
