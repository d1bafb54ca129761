import fc from "fast-check";
import { changeCounts, compareScenarios, filterDifferences, sortDifferences } from "../../../src/engine/scenario/compareScenarios";
import { protectionCost } from "../../../src/engine/scenario/protectionCost";
import { runFormula } from "../../../src/engine/scenario/runFormula";
import { protectionAtBase } from "../../../src/engine/scenario/summarizeResult";
import { needSpec, threeSchools } from "./threeSchools";

/* Issue 8, bugs 9 and 10: the engine helpers behind the comparison table and the two named costs of protection. */

describe("changeCounts, sortDifferences, filterDifferences", () => {
  const schools = threeSchools();
  // Flat 220,000 / 440,000 / 660,000; need 228,000 / 408,000 / 684,000 (compareScenarios.test.ts):
  // A +8,000 (+3.64%), B -32,000 (-7.27%), C +24,000 (+3.64%).
  const flat = runFormula({ ...needSpec(1_320_000), categoryWeights: [] }, schools);
  const need = runFormula(needSpec(1_320_000), schools);
  const c = compareScenarios(flat, need, schools);

  it("counts schools that gain, lose and lose more than a share", () => {
    expect(changeCounts(c, 0.05)).toEqual({ gain: 2, lose: 1, loseMoreThan: 1, lossShare: 0.05, unchanged: 0 });
    // B loses 7.27%: not more than 10%.
    expect(changeCounts(c, 0.1).loseMoreThan).toBe(0);
    expect(() => changeCounts(c, 5)).toThrow(/loss share.*from 0 to 1/);
    expect(() => changeCounts(c, Number.NaN)).toThrow(/loss share/);
  });

  it("sorts by any column either way, ties in table order", () => {
    expect(sortDifferences(c.rows, "difference", "ascending").map((r) => r.name)).toEqual(["School 2", "School 1", "School 3"]);
    expect(sortDifferences(c.rows, "difference", "descending").map((r) => r.name)).toEqual(["School 3", "School 1", "School 2"]);
    // A and C both +3.64% (8,000 / 220,000 = 24,000 / 660,000): a tie keeps table order.
    expect(sortDifferences(c.rows, "percent", "descending").map((r) => r.name)).toEqual(["School 1", "School 3", "School 2"]);
    expect(sortDifferences(c.rows, "name", "descending").map((r) => r.name)).toEqual(["School 3", "School 2", "School 1"]);
    expect(sortDifferences(c.rows, "a", "ascending").map((r) => r.a)).toEqual([220_000, 440_000, 660_000].map((x) => expect.closeTo(x, 6)));
  });

  it("sorts a missing percentage last either way", () => {
    const rows = c.rows.map((r, i) => (i === 0 ? { ...r, percent: null } : r));
    expect(sortDifferences(rows, "percent", "ascending")[2].name).toBe("School 1");
    expect(sortDifferences(rows, "percent", "descending")[2].name).toBe("School 1");
  });

  it("filters by gain, loss, loss over a share and by name or id", () => {
    expect(filterDifferences(c.rows, "gain", 0.05, "").map((r) => r.name)).toEqual(["School 1", "School 3"]);
    expect(filterDifferences(c.rows, "lose", 0.05, "").map((r) => r.name)).toEqual(["School 2"]);
    expect(filterDifferences(c.rows, "loseMoreThan", 0.05, "").map((r) => r.name)).toEqual(["School 2"]);
    expect(filterDifferences(c.rows, "loseMoreThan", 0.08, "")).toEqual([]);
    expect(filterDifferences(c.rows, "all", 0.05, " s3 ").map((r) => r.name)).toEqual(["School 3"]);
    expect(filterDifferences(c.rows, "all", 0.05, "school").length).toBe(3);
  });

  it("property: gain + lose + unchanged = all schools, and the loss filter lists exactly loseMoreThan schools", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 3, maxLength: 3 }), fc.double({ min: 0, max: 1, noNaN: true }), (amounts, share) => {
        const b = { ...need, protectedAmount: amounts, total: amounts.reduce((x, y) => x + y, 0) };
        const cmp = compareScenarios(flat, b, schools);
        const counts = changeCounts(cmp, share);
        expect(counts.gain + counts.lose + counts.unchanged).toBe(3);
        expect(filterDifferences(cmp.rows, "loseMoreThan", share, "").length).toBe(counts.loseMoreThan);
        expect(counts.loseMoreThan).toBeLessThanOrEqual(counts.lose);
      }),
    );
  });
});

describe("the two costs of protection", () => {
  // From protectionCost.test.ts: a 5% stop-loss on a fixed pool of 1,320,000, priors 300,000 / 400,000 / 650,000.
  // With the rule base b = 1,035,000 / 546 = 1,895.604396; A is held at its floor 285,000.
  const spec = { ...needSpec(1_320_000), protection: { maxLoss: 0.05, maxGain: null } };
  const schools = threeSchools([300_000, 400_000, 650_000]);

  it("floor top-up: what the floored school gets above the formula at this base (one run)", () => {
    const p = protectionAtBase(runFormula(spec, schools));
    // A's formula amount at b: 114 x 1,035,000 / 546 = 216,098.9011; top-up 285,000 - 216,098.9011 = 68,901.0989.
    expect(p.floored).toBe(1);
    expect(p.floorTopUp).toBeCloseTo(285_000 - (114 * 1_035_000) / 546, 4);
    expect(p.floorTopUp).toBeCloseTo(68_901.0989, 3);
    expect(p.floorTopUpShare).toBeCloseTo(68_901.0989 / 1_320_000, 9);
    expect([p.capped, p.capHeldBack]).toEqual([0, 0]);
  });

  it("what the stop-loss costs the other schools: against the formula without it, B and C give up what A gets (two runs)", () => {
    const rule = protectionCost(spec, schools).maxLoss;
    // Without the rule base 2,000: A 228,000, so A gets 57,000 more; B 21,296.7033 and C 35,703.2967 less.
    expect(rule.cost).toBeCloseTo(57_000, 4);
    expect(rule.others.count).toBe(2);
    expect(rule.others.total).toBeCloseTo(21_296.7033 + 35_703.2967, 3);
    // The two costs differ: the top-up is counted from the lower base (68,901 > 57,000).
    expect(protectionAtBase(runFormula(spec, schools)).floorTopUp).toBeGreaterThan(rule.cost);
  });

  it("with a fixed base nobody else pays the stop-loss: the total grows instead", () => {
    const fixed = { ...spec, base: { mode: "fixed" as const, amount: 2000 } };
    const rule = protectionCost(fixed, schools).maxLoss;
    // Base 2,000: A's formula 228,000 < floor 285,000: A gets 57,000 more; B 408,000 and C 684,000 unchanged.
    expect(rule.cost).toBeCloseTo(57_000, 6);
    expect(rule.others).toEqual({ count: 0, total: 0 });
  });

  it("a gain cap's other side is the schools that get more because of it", () => {
    // Fixed pool 1,320,000, priors 200,000 / 400,000 / 650,000 and a 10% gain cap: A (228,000 at base 2,000)
    // is capped at 220,000; B and C share the other 1,100,000 at base 1,100,000 / 546 = 2,014.65 (B 410,989 and
    // C 689,011, under their caps), so the 8,000 A gives up goes to B and C.
    const capped = { ...needSpec(1_320_000), protection: { maxLoss: null, maxGain: 0.1 } };
    const rule = protectionCost(capped, threeSchools([200_000, 400_000, 650_000])).maxGain;
    expect(rule.cost).toBeCloseTo(8000, 4);
    expect(rule.others.count).toBe(2);
    expect(rule.others.total).toBeCloseTo(8000, 4);
  });
});
