import { compareScenarios } from "../../../src/engine/scenario/compareScenarios";
import { runFormula } from "../../../src/engine/scenario/runFormula";
import { summarizeResult } from "../../../src/engine/scenario/summarizeResult";
import { needSpec, threeSchools } from "./threeSchools";

describe("compareScenarios", () => {
  const schools = threeSchools();
  // Flat: pool 1,320,000 over 600 pupils = 2,200 each -> 220,000 / 440,000 / 660,000.
  const flat = runFormula({ ...needSpec(1_320_000), categoryWeights: [] }, schools);
  // Need (FRL 0.2, EL 0.4): base 2,000 -> 228,000 / 408,000 / 684,000 (see runFormula.test.ts).
  const need = runFormula(needSpec(1_320_000), schools);

  it("lists who gains and who loses, by how much, moving from flat to need weights", () => {
    const c = compareScenarios(flat, need, schools);
    // A +8,000 (+3.64%, +80 per pupil); B -32,000 (-7.27%, -160 per pupil); C +24,000 (+3.64%, +80 per pupil).
    [8000, -32_000, 24_000].forEach((x, i) => expect(c.rows[i].difference).toBeCloseTo(x, 6));
    [8000 / 220_000, -32_000 / 440_000, 24_000 / 660_000].forEach((x, i) => expect(c.rows[i].percent).toBeCloseTo(x, 12));
    [80, -160, 80].forEach((x, i) => expect(c.rows[i].perPupil).toBeCloseTo(x, 9));
    expect(c.winners.count).toBe(2);
    expect(c.winners.total).toBeCloseTo(32_000, 6);
    expect(c.losers).toEqual({ count: 1, total: expect.closeTo(32_000, 6) });
    expect(c.unchanged).toBe(0);
    expect(c.baseA).toBeCloseTo(2200, 9);
    expect(c.baseB).toBeCloseTo(2000, 9);
    expect(c.rows.map((r) => r.id)).toEqual(["S1", "S2", "S3"]);
  });

  it("finds nothing changed when a scenario is compared with itself", () => {
    const c = compareScenarios(need, need, schools);
    expect(c.unchanged).toBe(3);
    expect(c.winners).toEqual({ count: 0, total: 0 });
    expect(c.losers).toEqual({ count: 0, total: 0 });
  });

  it("refuses runs over a different number of schools", () => {
    expect(() => compareScenarios(flat, need, schools.slice(0, 2))).toThrow("Compare scenarios: results cover 3 and 3 schools but the table has 2");
  });

  it("summarizes a run for the store", () => {
    expect(summarizeResult(need)).toEqual({ base: need.base, total: need.total, schools: 3, floorCost: 0, capSavings: 0, floored: 0, capped: 0 });
  });
});
