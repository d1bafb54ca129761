import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  expenditureLevels,
  groupMeans,
  lorenzAt,
  mcLooneBelow,
  protectedTotal,
  solveProtectedBase,
  total,
  weightedCv,
  weightedFit,
  weightedGini,
  weightedMean,
} from "./naiveStats";
import { districtColumns, EXERCISE_WEIGHTS, Figure, STOP_LOSS, trainingFigures } from "./trainingFigures";

/**
 * docs/training.md quotes figures of the sample district. They come from the engine (trainingFigures.ts);
 * here every one is recomputed with the independent implementations of naiveStats.ts (which reproduce
 * the published E5 figures, see eightSchoolDistrict.test.ts), and the page must quote each one.
 */
describe("training figures", () => {
  const figures = trainingFigures();
  const d = districtColumns();
  const w = d.enrollment;
  const n = w.length;

  // Naive recomputation, key by key, straight from the definitions.
  const naive: Record<string, number> = {};
  naive.schools = n;
  naive.pupils = total(w);
  naive.unrestrictedMean = weightedMean(d.unrestrictedPerPupil, w);
  naive.unrestrictedCv = weightedCv(d.unrestrictedPerPupil, w);
  naive.unrestrictedGini = weightedGini(d.unrestrictedPerPupil, w);
  naive.unrestrictedCorrelation = weightedFit(d.unrestrictedPerPupil, d.frlShare, w).r;
  naive.totalMean = weightedMean(d.totalPerPupil, w);
  naive.totalCv = weightedCv(d.totalPerPupil, w);
  naive.totalGini = weightedGini(d.totalPerPupil, w);
  naive.totalMcLoone = mcLooneBelow(d.totalPerPupil, w);
  naive.totalCorrelation = weightedFit(d.totalPerPupil, d.frlShare, w).r;
  const quartiles = groupMeans(d.totalPerPupil, d.frlShare, w, 4);
  naive.totalProgressivity = quartiles[3] / quartiles[0];

  const pool = total(d.prior);
  naive.pool = pool;
  naive.flatPerPupil = pool / total(w);
  naive.flatMean = pool / total(w);
  const wp = w.map((e, i) => e + EXERCISE_WEIGHTS.frl * d.frl[i] + EXERCISE_WEIGHTS.el * d.el[i] + EXERCISE_WEIGHTS.foster * d.foster[i] + EXERCISE_WEIGHTS.sped * d.sped[i]);
  naive.weightedPupils = total(wp);
  const baseOpen = pool / total(wp);
  naive.baseOpen = baseOpen;
  const perPupil = wp.map((v, i) => (baseOpen * v) / w[i]);
  naive.weightedMean = weightedMean(perPupil, w);
  naive.weightedCv = weightedCv(perPupil, w);
  naive.weightedGini = weightedGini(perPupil, w);
  naive.weightedCorrelation = weightedFit(perPupil, d.frlShare, w).r;
  const allocationQuartiles = groupMeans(perPupil, d.frlShare, w, 4);
  naive.weightedProgressivity = allocationQuartiles[3] / allocationQuartiles[0];

  naive.losersOverStopLoss = wp.filter((v, i) => baseOpen * v < d.prior[i] * (1 - STOP_LOSS)).length;
  naive.gainers = wp.filter((v, i) => baseOpen * v > d.prior[i]).length;
  const baseProtected = solveProtectedBase(pool, wp, d.prior, STOP_LOSS);
  naive.baseProtected = baseProtected;
  naive.baseDropShare = 1 - baseProtected / baseOpen;
  const floored = wp.map((v, i) => i).filter((i) => baseProtected * wp[i] < d.prior[i] * (1 - STOP_LOSS));
  naive.floored = floored.length;
  naive.floorCost = total(floored.map((i) => d.prior[i] * (1 - STOP_LOSS) - baseProtected * wp[i]));
  naive.floorCostShare = naive.floorCost / pool;
  // What the comparison of the two scenarios shows: each school's gain from the rule against the open formula.
  naive.ruleMoved = total(wp.map((v, i) => Math.max(0, Math.max(baseProtected * v, d.prior[i] * (1 - STOP_LOSS)) - baseOpen * v)));
  naive.flooredMeanFrl = weightedMean(floored.map((i) => d.frlShare[i]), floored.map((i) => w[i]));
  naive.districtMeanFrl = weightedMean(d.frlShare, w);
  const levels = expenditureLevels(d.unrestrictedPerPupil, d.frlShare, w, 0.1);
  naive.flooredHighSpenders = floored.filter((i) => levels[i] === "High").length;
  // "What the stop-loss costs the other schools": every school that gets less with the rule than without it.
  const withRule = wp.map((v, i) => Math.max(baseProtected * v, d.prior[i] * (1 - STOP_LOSS)));
  naive.payers = withRule.filter((a, i) => a < baseOpen * wp[i] - 0.005).length;
  naive.payersHelped = withRule.filter((a, i) => a > baseOpen * wp[i] + 0.005).length;
  naive.payersLose = total(withRule.map((a, i) => Math.max(0, baseOpen * wp[i] - a)));
  const example = figures.exampleName.value;
  naive.exampleCost = (baseOpen - baseProtected) * wp[example];

  const deciles = groupMeans(d.totalPerPupil, d.frlShare, w, 10);
  const unrestrictedDeciles = groupMeans(d.unrestrictedPerPupil, d.frlShare, w, 10);
  deciles.forEach((m, g) => {
    naive[`decile${g + 1}Total`] = m;
    naive[`decile${g + 1}Unrestricted`] = unrestrictedDeciles[g];
  });
  naive.decileRatio = deciles[9] / deciles[0];
  naive.lowSpenders = levels.filter((l) => l === "Low").length;
  naive.highSpenders = levels.filter((l) => l === "High").length;
  naive.lorenzBottom20 = lorenzAt(d.totalPerPupil, w, 0.2);
  naive.lorenzBottom50 = lorenzAt(d.totalPerPupil, w, 0.5);

  it("recomputes every engine figure with the independent implementations (relative 1e-9)", () => {
    const checked = Object.keys(naive);
    expect(checked.length).toBeGreaterThan(50);
    for (const key of checked) {
      const engine = figures[key]?.value;
      expect({ key, engine }).toEqual({ key, engine: expect.any(Number) });
      expect({ key, close: Math.abs(engine - naive[key]) <= 1e-9 * Math.max(1, Math.abs(naive[key])) }).toEqual({ key, close: true });
    }
  });

  it("spends the pool to the cent under the stop-loss (sum of max(base x wp, 95% of prior) = pool)", () => {
    expect(Math.abs(protectedTotal(figures.baseProtected.value, wp, d.prior, STOP_LOSS) - pool)).toBeLessThan(0.01);
  });

  it("names a Low and a High elementary spender of nearly equal poverty, as LAUSD's 2009-10 pairs", () => {
    const low = figures.pairLowName.value;
    const high = figures.pairHighName.value;
    expect([levels[low], levels[high]]).toEqual(["Low", "High"]);
    expect(Math.abs(d.frlShare[low] - d.frlShare[high])).toBeLessThan(0.01);
    expect(d.unrestrictedPerPupil[high] - d.unrestrictedPerPupil[low]).toBeGreaterThan(1000);
  });

  it("supports the page's comparisons in words", () => {
    const v = (key: string) => figures[key].value;
    // "Total spending is less equal (Gini ..., double the general fund's) but follows need closely".
    expect(v("totalGini") / v("unrestrictedGini")).toBeGreaterThan(1.8);
    expect(v("totalGini") / v("unrestrictedGini")).toBeLessThan(2.4);
    // "follows need even more closely than today's money".
    expect(v("weightedCorrelation")).toBeGreaterThan(v("totalCorrelation"));
    // "The floor binds at ... schools (more than ..., because the lower base ...)".
    expect(v("floored")).toBeGreaterThan(v("losersOverStopLoss"));
    // "They include all ... of the district's High spenders"; "The protected schools are richer".
    expect(v("flooredHighSpenders")).toBe(v("highSpenders"));
    expect(v("flooredMeanFrl")).toBeLessThan(v("districtMeanFrl"));
    // "Unrestricted per pupil stays flat": every decile within 3% of the district mean.
    for (let g = 1; g <= 10; g++) expect(Math.abs(v(`decile${g}Unrestricted`) / v("unrestrictedMean") - 1)).toBeLessThan(0.03);
  });

  it("is quoted, figure by figure, in docs/training.md", () => {
    const page = readFileSync(join(__dirname, "../../../docs/training.md"), "utf8");
    const missing = Object.entries(figures)
      .filter(([, f]: [string, Figure]) => !page.includes(f.text))
      .map(([key, f]) => `${key}: ${f.text}`);
    expect(missing).toEqual([]);
  });

  it("quotes the decile table row by row as the engine's poverty groups give it", () => {
    const page = readFileSync(join(__dirname, "../../../docs/training.md"), "utf8");
    for (let g = 1; g <= 10; g++) {
      const row = `| ${figures[`decile${g}Min`].text} to ${figures[`decile${g}Max`].text} | ${figures[`decile${g}Total`].text} | ${figures[`decile${g}Unrestricted`].text} |`;
      expect(page).toContain(row);
    }
  });
});
