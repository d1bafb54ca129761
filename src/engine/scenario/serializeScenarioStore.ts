import { SCENARIO_STORE_FORMAT, SCENARIO_STORE_VERSION, StoredScenario } from "./StoredScenario";

/**
 * The scenario store as saved in the workbook: `{ "format": "wsf-scenarios", "version": 2, "scenarios": [...] }`,
 * compact JSON. `parseScenarioStore` reads it back unchanged.
 *
 * Cost O(size of the scenarios).
 *
 * @throws nothing for scenarios built by the engine (plain data).
 * @example serializeScenarioStore([]) // '{"format":"wsf-scenarios","version":2,"scenarios":[]}'
 */
export function serializeScenarioStore(scenarios: readonly StoredScenario[]): string {
  return JSON.stringify({ format: SCENARIO_STORE_FORMAT, version: SCENARIO_STORE_VERSION, scenarios });
}
