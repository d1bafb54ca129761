import * as functions from "./functions";
import * as transition from "./transition";
import * as titleIFunctions from "./titleI";

/** A WSF custom function: its Excel id (the name after "WSF.") and its implementation. */
export interface CatalogueEntry {
  id: string;
  fn: (...args: any[]) => unknown;
}

/**
 * Every WSF function by id, for hosts other than Excel (the playground's HyperFormula). Each exported
 * function's id is its name in capitals (`solveBase` -> `SOLVEBASE`), the same id its `@customfunction`
 * tag declares; a test checks the two against functions.json. The functions of every file that
 * webpack.config.js gives the metadata plugin are listed (functions.ts, transition.ts, titleI.ts).
 */
export const catalogue: CatalogueEntry[] = [functions, transition, titleIFunctions]
  .flatMap((module) => Object.entries(module as Record<string, unknown>))
  .filter((entry): entry is [string, (...args: any[]) => unknown] => typeof entry[1] === "function")
  .map(([name, fn]) => ({ id: name.toUpperCase(), fn }));
