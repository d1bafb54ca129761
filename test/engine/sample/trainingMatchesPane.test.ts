/**
 * docs/training.md tells participants to pick the sample district, keep the suggested mapping and apply the
 * LAUSD-style preset with the base solved from the prior-year pool. What the pane then shows must be the
 * figures the document quotes: the same mapping, preset and runFormula the pane uses are run here.
 */
import { generateSampleDistrict } from "../../../src/engine/sample";
import { readSchools, suggestMapping } from "../../../src/engine/table";
import { presets, priorYearPool, protectionCost, runFormula } from "../../../src/engine/scenario";
import { EXERCISE_WEIGHTS, STOP_LOSS, trainingFigures } from "./trainingFigures";

describe("docs/training.md and the task pane agree", () => {
  const table = generateSampleDistrict();
  const mapping = suggestMapping(table.headers, table.rows);
  const { schools, problems } = readSchools(table.headers, table.rows, mapping);
  const lausd = presets(table.headers, mapping, { pool: priorYearPool(schools) }).find((p) => p.id === "lausd")!;
  const figures = trainingFigures();

  it("reads the sample district without a data problem and finds every need column", () => {
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(schools).toHaveLength(850);
    for (const role of ["enrollment", "frl", "el", "sped", "foster", "prior"] as const) expect(mapping[role]).toBeDefined();
  });

  it("uses the LAUSD-style preset's weights in the exercises", () => {
    const weightOf = (column: number | undefined) => lausd.spec.categoryWeights.find((w) => w.header === table.headers[column!])?.weight;
    expect(weightOf(mapping.frl)).toBe(EXERCISE_WEIGHTS.frl);
    expect(weightOf(mapping.el)).toBe(EXERCISE_WEIGHTS.el);
    expect(weightOf(mapping.foster)).toBe(EXERCISE_WEIGHTS.foster);
    expect(weightOf(mapping.sped)).toBe(EXERCISE_WEIGHTS.sped);
  });

  it("solves the base the document quotes, open and with the 5% stop-loss", () => {
    const open = runFormula(lausd.spec, schools);
    expect(open.base).toBeCloseTo(figures.baseOpen.value, 6);
    const protectedSpec = { ...lausd.spec, protection: { maxLoss: STOP_LOSS, maxGain: null } };
    expect(runFormula(protectedSpec, schools).base).toBeCloseTo(figures.baseProtected.value, 6);
  });

  it("shows in the comparison the schools the stop-loss helps and the money it moves, as the document says", () => {
    const protectedSpec = { ...lausd.spec, protection: { maxLoss: STOP_LOSS, maxGain: null } };
    const cost = protectionCost(protectedSpec, schools).maxLoss;
    expect(cost.helped).toBe(figures.losersOverStopLoss.value);
    expect(cost.cost).toBeCloseTo(figures.ruleMoved.value, 2);
  });
});
