/**
 * WSF.PHASEIN as Excel runs it: the built dist/functions.js loaded with nothing but the CustomFunctions
 * global, called with Excel-shaped 2-D arrays and null for skipped optional arguments. Expected values are
 * hand calculations written beside them, and the engine's multi-year plan (an independent loop over years).
 */
import { ExcelError, loadBuiltFunctions, readFunctionsJson } from "../support/excelRuntime";
import { planTransition } from "../../src/engine/transition/planTransition";

const fns = loadBuiltFunctions();
const col = (...xs: unknown[]) => xs.map((x) => [x]);

function phaseIn(...args: unknown[]): any {
  try {
    return fns.get("PHASEIN")!(...args);
  } catch (error) {
    return error;
  }
}

describe("WSF.PHASEIN", () => {
  it("is listed in functions.json as a spilling function with described parameters", () => {
    const meta = readFunctionsJson().functions.find((f) => f.id === "PHASEIN")!;
    expect(meta.result.dimensionality).toBe("matrix");
    expect(meta.parameters.map((p) => [p.name, p.optional ?? false])).toEqual([
      ["prior", false],
      ["target", false],
      ["rate", false],
      ["maxLoss", true],
      ["maxGain", true],
    ]);
  });

  it("chains three years of gap closing and a band (hand calculation: rate 1/3, loss 5%, gain 10%)", () => {
    // A 100,000 -> target 160,000; B 200,000 -> 140,000; C new (prior blank) -> 80,000.
    // Year 1: A 120,000 capped at 110,000; B 180,000 floored at 190,000; C 80,000.
    // Year 2: A 126,666.67 capped at 121,000; B 173,333.33 floored at 180,500; C stays 80,000.
    // Year 3: A 134,000 capped at 133,100; B 167,000 floored at 171,475.
    const target = col(160000, 140000, 80000);
    let prior: unknown[][] = col(100000, 200000, null);
    const years: number[][] = [];
    for (let y = 0; y < 3; y++) {
      prior = phaseIn(prior, target, 1 / 3, 0.05, 0.1);
      years.push(prior.map((r) => Math.round((r[0] as number) * 100) / 100));
    }
    expect(years).toEqual([
      [110000, 190000, 80000],
      [121000, 180500, 80000],
      [133100, 171475, 80000],
    ]);
  });

  it("agrees with the engine's multi-year plan, year for year (skipped limits as null)", () => {
    const priorYear = [512000, 0, 87000, 1300000];
    const target = [498000, 45000, 120500, 1100000];
    const rules = [
      { rate: 0.120017, maxLoss: 0.02, maxGain: null, poolGrowth: null },
      { rate: 0.301602, maxLoss: null, maxGain: 0.15, poolGrowth: null },
      { rate: 0.525576, maxLoss: null, maxGain: null, poolGrowth: null },
    ];
    const plan = planTransition({ prior: priorYear, target, years: rules });
    let prior: unknown[][] = col(...priorYear);
    rules.forEach((rule, k) => {
      prior = phaseIn(prior, col(...target), rule.rate, rule.maxLoss, rule.maxGain);
      expect(prior.map((r) => r[0])).toEqual(plan.years[k].amount);
    });
  });

  it("treats a blank or 0 prior as a new school: the target, no band", () => {
    expect(phaseIn(col(null, 0), col(5000, 7000), 0.25, 0, 0)).toEqual([[5000], [7000]]);
  });

  it("keeps a bad row to itself: #VALUE! with its message in that cell, the other rows computed", () => {
    const out = phaseIn(col(100, "n/a", 100, -4, 100, null), col(200, 200, null, 200, 50, null), 0.5, null, null);
    expect(out[0]).toEqual([150]);
    expect(out[1][0]).toBeInstanceOf(ExcelError);
    expect([out[1][0].code, out[1][0].message]).toEqual(["#VALUE!", 'WSF.PHASEIN: prior row 2 is "n/a", expected a number']);
    expect(out[2][0].message).toBe("WSF.PHASEIN: target row 3 is blank but prior has a number");
    expect(out[3][0].message).toBe("WSF.PHASEIN: prior row 4 is -4, expected a number >= 0");
    expect(out[4]).toEqual([75]);
    expect(out[5]).toEqual([""]); // both blank: a blank cell, as trailing rows of a whole-column reference
  });

  it("fails as a whole on a rate outside 0..1, a bad limit or columns of different lengths", () => {
    const bad = (args: unknown[], code: string, message: string) => {
      const result = phaseIn(...args);
      expect(result).toBeInstanceOf(ExcelError);
      expect([result.code, result.message]).toEqual([code, message]);
    };
    bad([col(1), col(2), 1.5, null, null], "#VALUE!", "WSF.PHASEIN: rate is 1.5, expected a share between 0 and 1 (e.g. 0.3333 to close a third of the gap)");
    bad([col(1), col(2), -0.2, null, null], "#VALUE!", "WSF.PHASEIN: rate is -0.2, expected a share between 0 and 1 (e.g. 0.3333 to close a third of the gap)");
    bad([col(1), col(2), "third", null, null], "#VALUE!", 'WSF.PHASEIN: rate is "third", expected a number');
    bad([col(1), col(2), null, null, null], "#VALUE!", "WSF.PHASEIN: rate is missing; enter a number");
    bad([col(1), col(2), 0.5, 1.2, null], "#VALUE!", "WSF.PHASEIN: maxLoss is 1.2, expected a share between 0 and 1 (e.g. 0.05 for 5%)");
    bad([col(1), col(2), 0.5, null, -1], "#VALUE!", "WSF.PHASEIN: maxGain is -1, expected a share >= 0 (e.g. 0.10 for 10%)");
    bad([col(1, 2), col(2), 0.5, null, null], "#VALUE!", "WSF.PHASEIN: target has 1 rows but prior has 2; they must be the same size");
  });
});
