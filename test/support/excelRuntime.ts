import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";

/**
 * Loads the BUILT dist/functions.js the way Excel's JavaScript-only custom-functions runtime does: in a
 * fresh global scope whose only host object is `CustomFunctions` (associate, Error, ErrorCode), with no
 * window, document or Office. Returns what the bundle associated, keyed by function id.
 */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  gettingData: "#GETTING_DATA",
} as const;

export class ExcelError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? code);
    this.code = code;
  }
}

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
