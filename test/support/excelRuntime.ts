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
