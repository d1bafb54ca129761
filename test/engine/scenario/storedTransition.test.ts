import { parseScenarioStore } from "../../../src/engine/scenario/parseScenarioStore";
import { serializeScenarioStore } from "../../../src/engine/scenario/serializeScenarioStore";
import type { StoredScenario } from "../../../src/engine/scenario/StoredScenario";
import { transitionSettingsProblems } from "../../../src/engine/transition/transitionSettingsProblems";
import { needSpec } from "./threeSchools";

const mapping = { id: 0, name: 1, enrollment: 2, frl: 3, el: 4, grades: [], counts: [] };
const plan = {
  years: [
    { rate: 0.120017, maxLoss: 0.02, maxGain: null, poolGrowth: 0.03 },
    { rate: 0.301602, maxLoss: null, maxGain: 0.1, poolGrowth: null },
    { rate: null, maxLoss: 0.05, maxGain: null, poolGrowth: null },
  ],
  projectedEnrollment: ["Projected 2026", null, "Projected 2028"],
};

function stored(name: string, transition?: StoredScenario["transition"]): StoredScenario {
  return {
    name,
    savedAt: "2025-03-01T09:30:00.000Z",
    spec: { ...needSpec(1_320_000), name },
    mapping,
    tableId: "Schools",
    summary: { base: 2000, total: 1_320_000, schools: 3, floorCost: 0, capSavings: 0, floored: 0, capped: 0 },
    ...(transition ? { transition } : {}),
  };
}

describe("scenarios keep their transition plan", () => {
  it("round-trips a scenario with a plan and one without through the version-3 store", () => {
    const scenarios = [stored("With plan", plan), stored("Without")];
    const json = serializeScenarioStore(scenarios);
    expect(JSON.parse(json).version).toBe(3);
    expect(parseScenarioStore(json)).toMatchObject({ scenarios, problems: [], unreadableData: false, setAside: [] });
    expect("transition" in parseScenarioStore(json).scenarios[1]).toBe(false);
  });

  it("still reads a store written before plans existed (no transition field)", () => {
    const old = JSON.stringify({ format: "wsf-scenarios", version: 2, scenarios: [stored("Old")] });
    expect(parseScenarioStore(old).scenarios).toEqual([stored("Old")]);
  });

  it("leaves out a scenario whose plan is damaged, says why, and keeps it aside untouched", () => {
    const bad = { ...stored("Bad plan"), transition: { ...plan, years: [plan.years[0], { ...plan.years[1], rate: 1.5 }] , projectedEnrollment: [null, null] } };
    const parsed = parseScenarioStore(JSON.stringify({ format: "wsf-scenarios", version: 2, scenarios: [bad, stored("Fine")] }));
    expect(parsed.scenarios.map((s) => s.name)).toEqual(["Fine"]);
    expect(parsed.problems).toEqual(['Scenario "Bad plan" was left out: its transition year 2 has the rate 1.5, expected a share from 0 to 1.']);
    expect(parsed.setAside).toEqual([bad]);
  });

  it("names every fault of a stored plan", () => {
    expect(transitionSettingsProblems(null)).toEqual(["its transition plan is damaged"]);
    expect(transitionSettingsProblems({ years: [plan.years[0]], projectedEnrollment: [null] })).toEqual(["its transition plan has 1 years, expected 2 to 5"]);
    expect(transitionSettingsProblems({ years: [plan.years[0], { rate: 0.5, maxLoss: -1, maxGain: -2, poolGrowth: -1 }], projectedEnrollment: [null] })).toEqual([
      "its transition year 2 has the stop-loss -1, expected a share from 0 to 1",
      "its transition year 2 has the gain cap -2, expected a share of at least 0",
      "its transition year 2 has the pool growth -1, expected a share above -1",
      "its transition plan's projected enrollment columns are damaged",
    ]);
    expect(transitionSettingsProblems(plan)).toEqual([]);
  });
});
