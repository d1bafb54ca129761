/**
 * Every `@example` in the function reference that states a result ("=WSF.X(...) -> result") is run
 * against the built dist/functions.js, so the README's examples cannot drift from what Excel computes.
 * The expected results were worked out by hand when the examples were written (see the comments in
 * test/functions/functions.test.ts for the longer ones); a shown decimal is checked to its last digit.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ExcelError, loadBuiltFunctions, readFunctionsJson } from "../support/excelRuntime";

type Value = number | string | boolean | null | Value[][];

/** Parses an Excel literal: number, "text", TRUE/FALSE, an empty argument, or an array constant {a,b;c,d}. */
function parseLiteral(text: string): Value {
  const t = text.trim();
  if (t === "") return null;
  if (t.startsWith("{")) {
    return splitTop(t.slice(1, -1), ";").map((line) => splitTop(line, ",").map((cell) => parseLiteral(cell) as Value));
  }
  if (t.startsWith('"')) return t.slice(1, -1);
  if (t === "TRUE" || t === "FALSE") return t === "TRUE";
  const n = Number(t);
  if (Number.isNaN(n)) throw new Error(`cannot parse literal ${t}`);
  return n;
}

/** Splits on a separator outside braces and quotes. */
function splitTop(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "{") depth++;
    else if (!quoted && c === "}") depth--;
    else if (!quoted && depth === 0 && c === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function decimalsOf(n: number): number {
  const s = String(n);
  return s.includes(".") ? s.length - s.indexOf(".") - 1 : 0;
}

function expectMatches(actual: unknown, expected: Value, where: string): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual)).toBe(true);
    const grid = actual as unknown[][];
    expect(grid.length).toBe(expected.length);
    expected.forEach((line, i) => line.forEach((cell, j) => expectMatches(grid[i][j], cell, `${where}[${i}][${j}]`)));
    return;
  }
  if (typeof expected === "number") {
    if (typeof actual !== "number") throw new Error(`${where}: expected ${expected}, got ${String(actual)}`);
    // The example shows the result to some decimals: it must round to what is shown.
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(0.5 * 10 ** -decimalsOf(expected) + 1e-9);
    return;
  }
  expect(actual).toBe(expected);
}

// Every function file: functions.ts and the files its bundle imports (transition.ts, ...).
const functionsDir = path.resolve(__dirname, "../../src/functions");
const source = readdirSync(functionsDir)
  .filter((name) => name.endsWith(".ts"))
  .map((name) => readFileSync(path.join(functionsDir, name), "utf8"))
  .join("\n");
const examples = [...source.matchAll(/@example (=WSF\.(\w+)\((.*)\)) -> (.*)$/gm)].map((m) => ({ formula: m[1], id: m[2], args: m[3], result: m[4] }));
const fns = loadBuiltFunctions();
const metadata = new Map(readFunctionsJson().functions.map((f) => [f.id, f]));

describe("documented examples give the documented results", () => {
  it("has a checked example for at least 35 of the 36 functions", () => {
    expect(new Set(examples.map((e) => e.id)).size).toBeGreaterThanOrEqual(35);
  });

  it.each(examples.map((e) => [e.formula, e] as const))("%s", (_formula, example) => {
    const params = metadata.get(example.id)!.parameters;
    const args = splitTop(example.args, ",").map((text, i) => {
      const value = parseLiteral(text);
      // Excel hands a matrix parameter a 2-D array even for a single literal.
      return params[i]?.dimensionality === "matrix" && value !== null && !Array.isArray(value) ? [[value]] : value;
    });
    const result = fns.get(example.id)!(...args);
    if (result instanceof ExcelError) throw new Error(`${example.formula} gave ${result.code} ${result.message}`);
    expectMatches(result, parseLiteral(example.result), example.formula);
  });
});
