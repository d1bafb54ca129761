import fc from "fast-check";
import { parseScenarioStore } from "../../../src/engine/scenario/parseScenarioStore";
import { serializeScenarioStore } from "../../../src/engine/scenario/serializeScenarioStore";
import type { StoredScenario } from "../../../src/engine/scenario/StoredScenario";
import { needSpec } from "./threeSchools";

const mapping = { id: 0, name: 1, enrollment: 2, frl: 3, el: 4, grades: [], counts: [] };

function stored(name: string, pool = 1_320_000): StoredScenario {
  return {
    name,
    savedAt: "2025-03-01T09:30:00.000Z",
    spec: { ...needSpec(pool), name, protection: { maxLoss: 0.05, maxGain: null } },
    mapping,
    tableId: "Schools",
    summary: { base: 2000, total: pool, schools: 3, floorCost: 0, capSavings: 0, floored: 0, capped: 0 },
  };
}

describe("parseScenarioStore / serializeScenarioStore", () => {
  it("reads nothing saved yet as an empty list without problems", () => {
    expect(parseScenarioStore(null)).toEqual({ scenarios: [], problems: [], unreadableData: false, setAside: [], applied: null, appliedTitleI: null });
    expect(parseScenarioStore("  ")).toEqual({ scenarios: [], problems: [], unreadableData: false, setAside: [], applied: null, appliedTitleI: null });
  });

  it("round-trips scenarios through the version-3 store", () => {
    const scenarios = [stored("Flat"), stored("Need + stop-loss", 2_000_000)];
    const json = serializeScenarioStore(scenarios);
    expect(JSON.parse(json)).toMatchObject({ format: "wsf-scenarios", version: 3 });
    expect(parseScenarioStore(json)).toEqual({ scenarios, problems: [], unreadableData: false, setAside: [], applied: null, appliedTitleI: null });
  });

  it("round-trips any named scenario with any pool and protection", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((s) => s.trim() !== ""), fc.double({ min: 0, max: 1e10, noNaN: true }), fc.option(fc.double({ min: 0, max: 1, noNaN: true })), (name, pool, maxLoss) => {
        const s = stored(name, pool);
        s.spec.protection.maxLoss = maxLoss;
        expect(parseScenarioStore(serializeScenarioStore([s])).scenarios).toEqual([s]);
      }),
    );
  });

  it("migrates a version-1 store: bare base amount, weights as an object", () => {
    const v1 = JSON.stringify({
      format: "wsf-scenarios",
      version: 1,
      scenarios: [{ name: "Old need formula", savedAt: "2024-05-01T12:00:00.000Z", tableId: "Schools", mapping, base: 5000, weights: { FRL: 0.2, EL: 0.4 } }],
    });
    expect(parseScenarioStore(v1)).toEqual({
      scenarios: [
        {
          name: "Old need formula",
          savedAt: "2024-05-01T12:00:00.000Z",
          tableId: "Schools",
          mapping,
          summary: null,
          spec: {
            version: 1,
            name: "Old need formula",
            base: { mode: "fixed", amount: 5000 },
            gradeWeights: [],
            categoryWeights: [
              { header: "FRL", label: "FRL", weight: 0.2 },
              { header: "EL", label: "EL", weight: 0.4 },
            ],
            concentration: [],
            fixed: { mode: "none" },
            protection: { maxLoss: null, maxGain: null },
          },
        },
      ],
      problems: [],
      unreadableData: false,
      setAside: [],
      applied: null,
      appliedTitleI: null,
    });
  });

  it("reports damaged JSON without throwing, and sets the stored text aside for the next save", () => {
    const damaged = '{"format":"wsf-scenarios","version":2,"scenarios":[';
    const parsed = parseScenarioStore(damaged);
    expect(parsed.setAside).toEqual([damaged]);
    expect(parsed.scenarios).toEqual([]);
    expect(parsed.unreadableData).toBe(true);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatch(/^The saved scenarios could not be read: the stored text is damaged \(.+\)\. Saving keeps that text aside in the store, untouched\.$/);
  });

  it("refuses a store from a newer version of the add-in and says to update", () => {
    const future = JSON.stringify({ format: "wsf-scenarios", version: 4, scenarios: [stored("Future")] });
    const parsed = parseScenarioStore(future);
    expect(parsed).toEqual({
      scenarios: [],
      problems: ["The saved scenarios were written by a newer version of the add-in (store version 4; this one reads up to 3). Update the add-in to use them; saving keeps them aside in the store, untouched."],
      unreadableData: true,
      setAside: [future],
      applied: null,
      appliedTitleI: null,
    });
  });

  it("keeps the formula last applied beside the scenarios, and reports a damaged record without losing the scenarios", () => {
    const applied = { scenario: stored("LAUSD-style, edited"), origin: { name: "LAUSD-style", spec: stored("LAUSD-style").spec } };
    const json = serializeScenarioStore([stored("Flat")], [], applied);
    const parsed = parseScenarioStore(json);
    expect(parsed.applied).toEqual(applied);
    expect(parsed.scenarios).toEqual([stored("Flat")]);
    expect(parsed.problems).toEqual([]);
    // Saving the scenarios again with the record keeps it.
    expect(parseScenarioStore(serializeScenarioStore(parsed.scenarios, parsed.setAside, parsed.applied)).applied).toEqual(applied);

    const damaged = JSON.stringify({ ...JSON.parse(json), applied: { scenario: { name: "X" }, origin: null } });
    const read = parseScenarioStore(damaged);
    expect(read.applied).toBeNull();
    expect(read.scenarios).toEqual([stored("Flat")]);
    expect(read.problems[0]).toMatch(/^The record of the formula last applied could not be read \(.+\); the pane opens without it\. Apply again to record it\.$/);
  });

  it("never drops what it cannot read: a damaged store and a left-out scenario survive two saves untouched", () => {
    const damaged = "{ not json";
    const first = parseScenarioStore(damaged);
    const afterFirstSave = serializeScenarioStore([stored("Flat")], first.setAside);
    const broken = { ...stored("Broken"), spec: { ...stored("Broken").spec, base: { mode: "fixed", amount: -5 } } };
    const withBroken = JSON.stringify({ ...JSON.parse(afterFirstSave), scenarios: [...JSON.parse(afterFirstSave).scenarios, broken] });
    const second = parseScenarioStore(withBroken);
    expect(second.scenarios.map((x) => x.name)).toEqual(["Flat"]);
    expect(second.setAside).toEqual([damaged, broken]);
    expect(second.problems[0]).toBe("One earlier unreadable entry is kept aside in the store, untouched.");
    const third = parseScenarioStore(serializeScenarioStore([...second.scenarios, stored("Need")], second.setAside));
    expect(third.scenarios.map((x) => x.name)).toEqual(["Flat", "Need"]);
    expect(third.setAside).toEqual([damaged, broken]);
  });

  it("reports other stores and a store without a list", () => {
    expect(parseScenarioStore('{"format":"something-else","version":1}').problems[0]).toContain("is not a wsf-scenarios store");
    expect(parseScenarioStore("42").unreadableData).toBe(true);
    expect(parseScenarioStore('{"format":"wsf-scenarios","version":2}').problems[0]).toContain("has no list of scenarios");
    expect(parseScenarioStore('{"format":"wsf-scenarios","version":"two","scenarios":[]}').problems[0]).toContain('store version "two"');
  });

  it("keeps the valid scenarios and reports each invalid one by name with its reasons", () => {
    const broken = { ...stored("Broken"), spec: { ...needSpec(-1), protection: { maxLoss: 2, maxGain: null } } };
    const undated = { ...stored("Undated"), savedAt: "last Tuesday" };
    const json = JSON.stringify({ format: "wsf-scenarios", version: 2, scenarios: [stored("Good"), broken, { spec: needSpec(1) }, undated, "junk"] });
    const parsed = parseScenarioStore(json);
    expect(parsed.scenarios.map((s) => s.name)).toEqual(["Good"]);
    expect(parsed.problems).toEqual([
      'Scenario "Broken" was left out: pool is -1, expected a number >= 0; maxLoss is 2, expected a share between 0 and 1 or none.',
      "Saved scenario 3 (no name) was left out: it has no name.",
      'Scenario "Undated" was left out: its save time "last Tuesday" is not a date.',
      "Saved scenario 5 (no name) was left out: it is not a scenario.",
    ]);
    expect(parsed.unreadableData).toBe(true);
  });

  it("rejects a damaged mapping or summary", () => {
    const json = JSON.stringify({
      format: "wsf-scenarios",
      version: 2,
      scenarios: [
        { ...stored("Bad mapping"), mapping: { enrollment: "C", grades: [], counts: [1.5] } },
        { ...stored("Bad summary"), summary: { base: "x" } },
      ],
    });
    expect(parseScenarioStore(json).problems).toEqual([
      'Scenario "Bad mapping" was left out: its column mapping for enrollment is "C", expected a column index; its column mapping for counts is not a list of column indexes.',
      'Scenario "Bad summary" was left out: its results summary is damaged.',
    ]);
  });
});
