import { AppliedFormula, AppliedTitleI, SCENARIO_STORE_FORMAT, SCENARIO_STORE_VERSION, StoredScenario } from "./StoredScenario";

/**
 * The scenario store as saved in the workbook: `{ "format": "wsf-scenarios", "version": 2, "scenarios": [...] }`,
 * compact JSON, plus `"setAside": [...]` when `parseScenarioStore` found data it could not read: that data
 * is written back untouched, so saving never drops a damaged, newer or left-out scenario; plus `"applied"`,
 * the formula last applied to the sheets (`AppliedFormula`), when there is one; plus `"appliedTitleI"`, the
 * Title I choices last applied (`AppliedTitleI`), when there are some.
 * `parseScenarioStore` reads it back unchanged.
 *
 * Cost O(size of the scenarios).
 *
 * @throws nothing for scenarios built by the engine (plain data).
 * @example serializeScenarioStore([]) // '{"format":"wsf-scenarios","version":3,"scenarios":[]}'
 */
export function serializeScenarioStore(scenarios: readonly StoredScenario[], setAside: readonly unknown[] = [], applied: AppliedFormula | null = null, appliedTitleI: AppliedTitleI | null = null): string {
  const store = { format: SCENARIO_STORE_FORMAT, version: SCENARIO_STORE_VERSION, scenarios };
  return JSON.stringify({ ...store, ...(setAside.length > 0 ? { setAside } : {}), ...(applied ? { applied } : {}), ...(appliedTitleI ? { appliedTitleI } : {}) });
}
