import { upsertScenario } from "../../../src/engine/scenario/upsertScenario";
import type { StoredScenario } from "../../../src/engine/scenario/StoredScenario";
import { needSpec } from "./threeSchools";

const scenario = (name: string, pool: number): StoredScenario => ({ name, savedAt: "2025-01-01T00:00:00.000Z", spec: needSpec(pool), mapping: { grades: [], counts: [] }, tableId: "T", summary: null });

describe("upsertScenario", () => {
  it("replaces a scenario of the same name (ignoring case and spaces) in place", () => {
    const list = [scenario("Flat", 1), scenario("Need", 2)];
    const saved = upsertScenario(list, scenario(" flat ", 3));
    expect(saved.map((s) => [s.name, (s.spec.base as { pool: number }).pool])).toEqual([
      [" flat ", 3],
      ["Need", 2],
    ]);
    expect(list[0].name).toBe("Flat");
  });

  it("adds a new name at the end", () => {
    expect(upsertScenario([scenario("Flat", 1)], scenario("Need", 2)).map((s) => s.name)).toEqual(["Flat", "Need"]);
  });
});
