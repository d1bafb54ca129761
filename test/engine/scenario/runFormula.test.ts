import fc from "fast-check";
import { runFormula } from "../../../src/engine/scenario/runFormula";
import { needSpec, school, threeSchools } from "./threeSchools";

describe("runFormula", () => {
  it("solves the base that spends the pool: three schools by hand", () => {
    // Weighted pupils 114, 204, 342 (total 660); pool 1,320,000 -> base 1,320,000 / 660 = 2,000;
    // amounts 2,000 x 114 = 228,000, 408,000, 684,000.
    const r = runFormula(needSpec(1_320_000), threeSchools());
    expect(r.base).toBeCloseTo(2000, 9);
    expect(r.weightedPupils).toEqual([114, 204, 342]);
    [228_000, 408_000, 684_000].forEach((x, i) => {
      expect(r.formulaAmount[i]).toBeCloseTo(x, 6);
      expect(r.protectedAmount[i]).toBeCloseTo(x, 6);
    });
    // Per pupil: 228,000 / 100 = 2,280; 408,000 / 200 = 2,040; 684,000 / 300 = 2,280.
    [2280, 2040, 2280].forEach((x, i) => expect(r.perPupil[i]).toBeCloseTo(x, 9));
    expect(Math.abs(r.total - 1_320_000)).toBeLessThan(0.01);
    expect(r.change).toEqual([null, null, null]);
    expect(r.floored).toEqual([false, false, false]);
    expect(r.floorCost).toBe(0);
  });

  it("takes a foundation off the pool before solving", () => {
    // (1,350,000 - 3 x 10,000) / 660 = 2,000; each school 2,000 x wp + 10,000.
    const r = runFormula({ ...needSpec(1_350_000), fixed: { mode: "amount", amount: 10_000 } }, threeSchools());
    expect(r.base).toBeCloseTo(2000, 9);
    [238_000, 418_000, 694_000].forEach((x, i) => expect(r.protectedAmount[i]).toBeCloseTo(x, 6));
  });

  it("pays for a stop-loss with a lower base, and the pool is still met to the cent", () => {
    // Priors 300,000 / 400,000 / 650,000, maxLoss 5%: floors 285,000 / 380,000 / 617,500.
    // At base 2,000 school A would get 228,000 < 285,000, so A sits on its floor and B and C share the rest:
    // base = (1,320,000 - 285,000) / (204 + 342) = 1,035,000 / 546 = 1,895.604396;
    // B = 204 x 1,895.604396 = 386,703.2967 (>= 380,000), C = 342 x 1,895.604396 = 648,296.7033 (>= 617,500).
    // Floor cost = 285,000 - 114 x 1,895.604396 = 68,901.0989.
    const spec = { ...needSpec(1_320_000), protection: { maxLoss: 0.05, maxGain: null } };
    const r = runFormula(spec, threeSchools([300_000, 400_000, 650_000]));
    expect(r.base).toBeCloseTo(1_035_000 / 546, 9);
    expect(r.protectedAmount[0]).toBeCloseTo(285_000, 6);
    expect(r.protectedAmount[1]).toBeCloseTo(386_703.2967, 3);
    expect(r.protectedAmount[2]).toBeCloseTo(648_296.7033, 3);
    expect(r.floored).toEqual([true, false, false]);
    expect(r.floorCost).toBeCloseTo(68_901.0989, 3);
    expect(Math.abs(r.total - 1_320_000)).toBeLessThan(0.01);
    [285_000 - 300_000, 386_703.2967 - 400_000, 648_296.7033 - 650_000].forEach((x, i) => expect(r.change[i]).toBeCloseTo(x, 3));
  });

  it("caps gains on a fixed base and leaves a school without a prior alone", () => {
    // Base 2,000: A 228,000 against a cap of 200,000 x 1.10 = 220,000 -> capped, savings 8,000;
    // B 408,000 under its cap 440,000; C has no prior: 684,000. Total 220,000 + 408,000 + 684,000 = 1,312,000.
    const spec = { ...needSpec(0), base: { mode: "fixed" as const, amount: 2000 }, protection: { maxLoss: null, maxGain: 0.1 } };
    const r = runFormula(spec, threeSchools([200_000, 400_000, null]));
    [220_000, 408_000, 684_000].forEach((x, i) => expect(r.protectedAmount[i]).toBeCloseTo(x, 6));
    expect(r.capped).toEqual([true, false, false]);
    expect(r.capSavings).toBeCloseTo(8000, 6);
    expect(r.total).toBeCloseTo(1_312_000, 6);
    expect(r.change[0]).toBeCloseTo(20_000, 6);
    expect(r.change[1]).toBeCloseTo(8000, 6);
    expect(r.change[2]).toBeNull();
  });

  it("adds concentration pupils above a threshold, and grade weights replace enrollment", () => {
    // FRL above 40% of enrollment at weight 0.5: A 0.5 x (50 - 40) = 5; B share 0.1 -> 0; C 0.5 x (150 - 120) = 15.
    const schools = [school(1, 100, { FRL: 50, "K-5": 100, "6-8": 0 }), school(2, 200, { FRL: 20, "K-5": 0, "6-8": 200 }), school(3, 300, { FRL: 150, "K-5": 150, "6-8": 150 })];
    const spec = {
      ...needSpec(0),
      base: { mode: "fixed" as const, amount: 1000 },
      gradeWeights: [
        { header: "K-5", weight: 1 },
        { header: "6-8", weight: 1.08 },
      ],
      categoryWeights: [],
      concentration: [{ header: "FRL", label: "Poverty concentration", threshold: 0.4, weight: 0.5, mode: "above" as const }],
    };
    // Weighted pupils: A 100 + 5 = 105; B 1.08 x 200 = 216; C 150 + 1.08 x 150 + 15 = 327.
    const r = runFormula(spec, schools);
    [105, 216, 327].forEach((x, i) => expect(r.weightedPupils[i]).toBeCloseTo(x, 9));
    [105_000, 216_000, 327_000].forEach((x, i) => expect(r.protectedAmount[i]).toBeCloseTo(x, 6));
  });

  it("reads fixed amounts from a column, and gives a school with no pupils no per-pupil amount", () => {
    const schools = [school(1, 100, { Foundation: 50_000 }), school(2, 0, { Foundation: 20_000 })];
    const r = runFormula({ ...needSpec(0), base: { mode: "fixed", amount: 1000 }, categoryWeights: [], fixed: { mode: "column", header: "Foundation" } }, schools);
    expect(r.protectedAmount).toEqual([150_000, 20_000]);
    expect(r.perPupil).toEqual([1500, null]);
  });

  it("names the column when the spec weights one the table does not have", () => {
    expect(() => runFormula({ ...needSpec(1000), categoryWeights: [{ header: "Gifted", label: "Gifted", weight: 0.12 }] }, threeSchools())).toThrow(
      'Formula: weight "Gifted" column "Gifted" is not a mapped count column',
    );
  });

  it("says why when the floors alone cost more than the pool", () => {
    const spec = { ...needSpec(500_000), protection: { maxLoss: 0, maxGain: null } };
    expect(() => runFormula(spec, threeSchools([300_000, 400_000, 650_000]))).toThrow(/Formula: pool 500,000 is less than the 1,350,000/);
  });

  it("spends any feasible pool to the cent under random protection rules", () => {
    const schoolArb = fc.record({ enrollment: fc.integer({ min: 1, max: 3000 }), frl: fc.double({ min: 0, max: 1, noNaN: true }), prior: fc.integer({ min: 1000, max: 30_000_000 }) });
    fc.assert(
      fc.property(fc.array(schoolArb, { minLength: 1, maxLength: 40 }), fc.double({ min: 0.9, max: 1.2, noNaN: true }), fc.double({ min: 0.1, max: 0.5, noNaN: true }), fc.double({ min: 0.2, max: 1, noNaN: true }), (raw, factor, maxLoss, maxGain) => {
        const schools = raw.map((s, i) => school(i + 1, s.enrollment, { FRL: Math.floor(s.frl * s.enrollment), EL: 0 }, s.prior));
        const pool = Math.round(raw.reduce((acc, s) => acc + s.prior, 0) * factor * 100) / 100;
        const r = runFormula({ ...needSpec(pool), protection: { maxLoss, maxGain } }, schools);
        expect(Math.abs(r.total - pool)).toBeLessThan(0.01);
      }),
      { numRuns: 200 },
    );
  });
});
