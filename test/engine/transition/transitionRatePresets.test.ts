import { transitionRatePresets } from "../../../src/engine/transition/transitionRatePresets";
import { californiaGapRates } from "../../../src/engine/transition/californiaGapRates";
import { planTransition } from "../../../src/engine/transition/planTransition";

describe("transition rate presets", () => {
  it("holds California's published gap rates 2013-14 to 2018-19 (CDE, LCFF Gap Funding; domain.md section 7)", () => {
    expect(californiaGapRates.map((r) => `${r.year} ${(r.rate * 100).toFixed(4)}%`)).toEqual([
      "2013-14 12.0017%",
      "2014-15 30.1602%",
      "2015-16 52.5576%",
      "2016-17 56.0768%",
      "2017-18 42.9664%",
      "2018-19 100.0000%",
    ]);
    expect(transitionRatePresets("california", 3)).toEqual([0.120017, 0.301602, 0.525576]);
  });

  it("one third a year closes a third of the remaining gap: 1 - (2/3)^3 = 70.37% after three years", () => {
    const rates = transitionRatePresets("oneThird", 3);
    expect(rates).toEqual([1 / 3, 1 / 3, 1 / 3]);
    const plan = planTransition({ prior: [100], target: [190], years: rates.map((rate) => ({ rate, maxLoss: null, maxGain: null, poolGrowth: null })) });
    expect(plan.years[2].amount[0]).toBeCloseTo(100 + 90 * (1 - (2 / 3) ** 3), 9);
  });

  it("equal steps close the gap in equal dollar parts and reach the target in the last year", () => {
    for (const years of [2, 3, 4, 5]) {
      const plan = planTransition({ prior: [100], target: [100 + 60 * years], years: transitionRatePresets("equalSteps", years).map((rate) => ({ rate, maxLoss: null, maxGain: null, poolGrowth: null })) });
      // each year 60 more: 160, 220, ...
      expect(plan.years.map((y) => Math.round(y.amount[0] * 1e6) / 1e6)).toEqual(Array.from({ length: years }, (_, k) => 100 + 60 * (k + 1)));
    }
  });

  it("rejects a year count outside 2 to 5", () => {
    expect(() => transitionRatePresets("oneThird", 6)).toThrow("Transition plan: years is 6, expected 2 to 5 years");
    expect(() => transitionRatePresets("california", 1)).toThrow("Transition plan: years is 1, expected 2 to 5 years");
  });
});
