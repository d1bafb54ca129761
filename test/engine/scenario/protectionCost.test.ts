import fc from "fast-check";
import { protectionCost } from "../../../src/engine/scenario/protectionCost";
import { needSpec, school, threeSchools } from "./threeSchools";

describe("protectionCost", () => {
  it("prices a 5% stop-loss on a fixed pool: school A's floor, paid by a lower base", () => {
    // From runFormula.test.ts: with the stop-loss A gets 285,000 at base 1,895.604396; without it base 2,000
    // and A gets 228,000. The floor moves 285,000 - 228,000 = 57,000 to A, taken from B and C.
    const spec = { ...needSpec(1_320_000), protection: { maxLoss: 0.05, maxGain: null } };
    const c = protectionCost(spec, threeSchools([300_000, 400_000, 650_000]));
    expect(c.maxLoss.limit).toBe(0.05);
    expect(c.maxLoss.baseWith).toBeCloseTo(1_035_000 / 546, 9);
    expect(c.maxLoss.baseWithout).toBeCloseTo(2000, 9);
    expect(c.maxLoss.cost).toBeCloseTo(57_000, 4);
    expect(c.maxLoss.difference[0]).toBeCloseTo(57_000, 4);
    // B: 386,703.2967 - 408,000 = -21,296.7033; C: 648,296.7033 - 684,000 = -35,703.2967.
    expect(c.maxLoss.difference[1]).toBeCloseTo(-21_296.7033, 3);
    expect(c.maxLoss.difference[2]).toBeCloseTo(-35_703.2967, 3);
    expect([c.maxLoss.helped, c.maxLoss.hurt]).toEqual([1, 2]);
    expect(c.maxGain).toMatchObject({ limit: null, cost: 0, helped: 0, hurt: 0 });
  });

  it("prices a gain cap on a fixed base as the money the capped school gives up", () => {
    // Base 2,000, A capped at 220,000 instead of 228,000 (runFormula.test.ts): the cap costs A 8,000.
    const spec = { ...needSpec(0), base: { mode: "fixed" as const, amount: 2000 }, protection: { maxLoss: null, maxGain: 0.1 } };
    const c = protectionCost(spec, threeSchools([200_000, 400_000, null]));
    expect(c.maxGain.cost).toBeCloseTo(8000, 6);
    expect(c.maxGain.difference.map((d) => Math.round(d))).toEqual([-8000, 0, 0]);
    expect(c.result.total).toBeCloseTo(1_312_000, 6);
  });

  it("costs nothing without protection rules", () => {
    const c = protectionCost(needSpec(1_320_000), threeSchools([300_000, 400_000, 650_000]));
    expect([c.maxLoss.cost, c.maxGain.cost]).toEqual([0, 0]);
    expect(c.maxLoss.amountsWithout).toEqual(c.maxLoss.amountsWith);
  });

  it("identities on random districts: costs >= 0; a solved pool is the same with and without a rule; a stop-loss never lowers anyone on a fixed base", () => {
    const schoolArb = fc.record({ enrollment: fc.integer({ min: 1, max: 2000 }), frl: fc.double({ min: 0, max: 1, noNaN: true }), prior: fc.integer({ min: 1000, max: 20_000_000 }) });
    fc.assert(
      fc.property(fc.array(schoolArb, { minLength: 1, maxLength: 30 }), fc.double({ min: 0.9, max: 1.2, noNaN: true }), fc.double({ min: 0.1, max: 0.5, noNaN: true }), fc.double({ min: 0.2, max: 1, noNaN: true }), (raw, factor, maxLoss, maxGain) => {
        const schools = raw.map((s, i) => school(i + 1, s.enrollment, { FRL: Math.floor(s.frl * s.enrollment), EL: 0 }, s.prior));
        const priorTotal = raw.reduce((acc, s) => acc + s.prior, 0);
        const solved = protectionCost({ ...needSpec(priorTotal * factor), protection: { maxLoss, maxGain } }, schools);
        for (const rule of [solved.maxLoss, solved.maxGain]) {
          expect(rule.cost).toBeGreaterThanOrEqual(0);
          expect(Math.abs(rule.difference.reduce((a, d) => a + d, 0))).toBeLessThan(0.02);
        }
        expect(solved.maxLoss.baseWith).toBeLessThanOrEqual(solved.maxLoss.baseWithout + 1e-9);
        expect(solved.maxGain.baseWith).toBeGreaterThanOrEqual(solved.maxGain.baseWithout - 1e-9);

        const base = (priorTotal * factor) / raw.reduce((acc, s) => acc + s.enrollment, 0);
        const fixed = protectionCost({ ...needSpec(0), base: { mode: "fixed", amount: base }, protection: { maxLoss, maxGain } }, schools);
        expect(fixed.maxLoss.difference.every((d) => d >= 0)).toBe(true);
        expect(fixed.maxGain.difference.every((d) => d <= 0)).toBe(true);
        // On a fixed base the stop-loss adds exactly its cost to the total.
        const withoutLoss = fixed.maxLoss.amountsWithout.reduce((a, x) => a + x, 0);
        expect(fixed.result.total - withoutLoss).toBeCloseTo(fixed.maxLoss.cost, 2);
      }),
      { numRuns: 150 },
    );
  });
});
