import type { StoredScenario } from "./StoredScenario";

/**
 * Saves a scenario into a list by name: a scenario with the same name (ignoring case and surrounding
 * spaces, as a person would) is replaced in place; otherwise it is added at the end. Returns a new list.
 *
 * Cost O(n).
 *
 * @throws nothing.
 * @example upsertScenario([a, b], { ...a, spec: changed }) // [a with the changed spec, b]
 */
export function upsertScenario(scenarios: readonly StoredScenario[], scenario: StoredScenario): StoredScenario[] {
  const key = scenario.name.trim().toLowerCase();
  const at = scenarios.findIndex((s) => s.name.trim().toLowerCase() === key);
  if (at < 0) return [...scenarios, scenario];
  return scenarios.map((s, i) => (i === at ? scenario : s));
}
