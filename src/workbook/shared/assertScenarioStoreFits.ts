import { PortError } from "../WorkbookPort";
import { jsonByteLength } from "./jsonByteLength";
import { WRITE_BUDGET_BYTES } from "./limits";

/**
 * Checks that the scenario store can be saved in one request: a workbook setting is written whole, so
 * it cannot be split like cell blocks, and a store above the budget would fail in Excel on the web.
 *
 * Cost O(store length).
 *
 * @throws PortError TOO_LARGE with what to do (delete scenarios) when the store is over `WRITE_BUDGET_BYTES`.
 * @example assertScenarioStoreFits('{"scenarios":[]}') // passes
 */
export function assertScenarioStoreFits(json: string, budgetBytes: number = WRITE_BUDGET_BYTES): void {
  const bytes = jsonByteLength(json);
  if (bytes > budgetBytes) {
    throw new PortError(
      "TOO_LARGE",
      `The saved scenarios take ${(bytes / 1e6).toFixed(1)} MB, more than a workbook setting can hold (${(budgetBytes / 1e6).toFixed(1)} MB). Delete scenarios you no longer need, then save again.`,
    );
  }
}
