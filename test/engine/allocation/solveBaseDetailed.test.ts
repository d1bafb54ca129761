import fc from "fast-check";
import { solveBaseDetailed } from "../../../src/engine/allocation/solveBaseDetailed";

describe("solveBaseDetailed", () => {
  it("reports the school a stop-loss holds up and what it costs (hand calculation)", () => {
    // Schools of 100 and 400 weighted pupils share 1,000,000. School 1 had 400,000; a 10% stop-loss keeps it at
    // 360,000, so school 2 (new, no prior) gets 640,000 and the base is 640,000 / 400 = 1,600. School 1's formula
    // amount is 1,600 x 100 = 160,000: the floor costs 360,000 - 160,000 = 200,000.
    const r = solveBaseDetailed(Float64Array.of(100, 400), 1_000_000, 0, Float64Array.of(400_000, NaN), 0.1, null);
    expect(r.base).toBeCloseTo(1600, 9);
    expect(r.total).toBeCloseTo(1_000_000, 6);
    expect(r.floored).toEqual([0]);
    expect(r.capped).toEqual([]);
    expect(r.floorCost).toBeCloseTo(200_000, 6);
    expect(r.capSavings).toBe(0);
  });

  it("reports the school a gain cap holds back and what it saves (hand calculation)", () => {
    // Schools of 100 and 300 weighted pupils share 1,000,000; priors 100,000 and 900,000, gains capped at 20%.
    // School 1 stops at 120,000, so school 2 gets 880,000: base 880,000 / 300 = 2,933.33 (school 2 stays under
    // its 1,080,000 cap). School 1's formula: 2,933.33 x 100 = 293,333.33, so the cap saves 173,333.33.
    const r = solveBaseDetailed(Float64Array.of(100, 300), 1_000_000, 0, Float64Array.of(100_000, 900_000), null, 0.2);
    expect(r.base).toBeCloseTo(880_000 / 300, 9);
    expect(r.capped).toEqual([0]);
    expect(r.floored).toEqual([]);
    expect(r.capSavings).toBeCloseTo(880_000 / 3 - 120_000, 6);
    expect(r.floorCost).toBe(0);
  });

  it("finds floors and caps both binding in a large district, and accounts for every dollar", () => {
    const n = 20_000;
    const wp = new Float64Array(n);
    const prior = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      wp[i] = 0.5 + ((i * 7919) % 1000) / 500;
      prior[i] = i % 10 === 0 ? NaN : 600 + ((i * 104729) % 900);
    }
    const r = solveBaseDetailed(wp, 20_000_000, 0, prior, 0.05, 0.1);
    expect(r.floored.length).toBeGreaterThan(100);
    expect(r.capped.length).toBeGreaterThan(100);
    // total = formula total + what floors add - what caps hold back.
    let formulaTotal = 0;
    for (let i = 0; i < n; i++) formulaTotal += r.base * wp[i];
    expect(Math.abs(formulaTotal + r.floorCost - r.capSavings - 20_000_000)).toBeLessThan(0.01);
    expect(Math.abs(r.total - 20_000_000)).toBeLessThan(0.01);
  });

  it("lists exactly the rows whose floor or cap binds, and their cost, for any feasible district", () => {
    const school = fc.record({
      wp: fc.oneof(fc.constant(0), fc.double({ min: 0.5, max: 3000, noNaN: true })),
      fixed: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 500_000, noNaN: true })),
      prior: fc.oneof(fc.constant(NaN), fc.double({ min: 0, max: 20_000_000, noNaN: true })),
    });
    fc.assert(
      fc.property(
        fc.array(school, { minLength: 1, maxLength: 40 }),
        fc.option(fc.double({ min: 0, max: 0.3, noNaN: true })),
        fc.option(fc.double({ min: 0, max: 0.5, noNaN: true })),
        fc.double({ min: 0, max: 20_000, noNaN: true }),
        (schools, maxLoss, maxGain, targetBase) => {
          // No band without a prior: blank (NaN) or 0 alike (excel-behaviour.md item 5).
          const floorOf = (s: { prior: number }) => (!(s.prior > 0) || maxLoss === null ? -Infinity : s.prior * (1 - maxLoss));
          const capOf = (s: { prior: number }) => (!(s.prior > 0) || maxGain === null ? Infinity : s.prior * (1 + maxGain));
          const clamp = (s: (typeof schools)[number], base: number) => Math.min(Math.max(base * s.wp + s.fixed, floorOf(s)), capOf(s));
          const pool = schools.reduce((t, s) => t + clamp(s, targetBase), 0);
          const r = solveBaseDetailed(
            Float64Array.from(schools, (s) => s.wp),
            pool,
            Float64Array.from(schools, (s) => s.fixed),
            Float64Array.from(schools, (s) => s.prior),
            maxLoss,
            maxGain,
          );
          expect(Math.abs(r.total - pool)).toBeLessThanOrEqual(0.01);
          let naiveFloorCost = 0;
          let naiveCapSavings = 0;
          schools.forEach((s, i) => {
            const formula = r.base * s.wp + s.fixed;
            const lo = floorOf(s);
            const hi = capOf(s);
            naiveFloorCost += Math.max(0, lo - formula);
            naiveCapSavings += Math.max(0, formula - hi);
            // A row is listed only if its floor (cap) really binds; a row clearly past it must be listed.
            if (r.floored.includes(i)) expect(formula).toBeLessThan(lo);
            if (r.capped.includes(i)) expect(formula).toBeGreaterThan(hi);
            if (lo - formula > 1e-6 * Math.max(1, Math.abs(lo))) expect(r.floored).toContain(i);
            if (formula - hi > 1e-6 * Math.max(1, Math.abs(hi))) expect(r.capped).toContain(i);
          });
          expect(Math.abs(r.floorCost - naiveFloorCost)).toBeLessThanOrEqual(0.01);
          expect(Math.abs(r.capSavings - naiveCapSavings)).toBeLessThanOrEqual(0.01);
          expect(r.floored).toEqual([...r.floored].sort((a, b) => a - b));
        },
      ),
      { numRuns: 300 },
    );
  });
});
