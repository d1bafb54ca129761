import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { HyperFormula } from "hyperformula";
import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { runFormula } from "../../../src/engine/scenario/runFormula";
import { equityTable } from "../../../src/engine/stats/equityTable";
import { readSchools } from "../../../src/engine/table/readSchools";
import { catalogue } from "../../../src/functions/catalogue";
import { registerWsfFunctions, type FunctionsMetadata } from "../../../src/playground/wsfFunctions";
import { GLOSSARY } from "../../../src/taskpane/common/statisticGlossary";
import { allocationSheet } from "../../../src/taskpane/sheets/allocationSheet";
import { chartsSheet } from "../../../src/taskpane/sheets/chartsSheet";
import { equitySheet } from "../../../src/taskpane/sheets/equitySheet";
import { parametersSheet } from "../../../src/taskpane/sheets/parametersSheet";
import { hyperFormulaConfig } from "../../../src/workbook/local/HyperFormulaWorkbook";
import type { CellValue } from "../../../src/workbook/WorkbookPort";
import { headers, mapping, nycLike, rows, table } from "./threeSchoolTable";
import { functionFilePaths } from "../../support/functionFiles";
import { sheetGrid as grid } from "../../support/sheetGrid";

/* Issue 8, bugs 11, 12 and 14 on the sheets: the WSF Equity sheet explains every statistic in a column beside
 * it, shows per weighted pupil (vertical equity) beside per pupil, gives benchmarks as context with a source;
 * the charts sheet states the decile gradient in a cell. Evaluated in HyperFormula against hand figures. */

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(functionFilePaths());
  registerWsfFunctions(catalogue, JSON.parse(generated.metadataJson) as FunctionsMetadata);
}, 30_000);

/** Naive pupil-weighted CV: population sigma over the mean. */
function naiveCv(x: number[], w: number[]): number {
  const W = w.reduce((a, b) => a + b, 0);
  const mean = x.reduce((a, xi, i) => a + w[i] * xi, 0) / W;
  return Math.sqrt(x.reduce((a, xi, i) => a + w[i] * (xi - mean) ** 2, 0) / W) / mean;
}

describe("WSF Equity and WSF Charts sheets (issue 8)", () => {
  const { schools } = readSchools(headers, rows, mapping);
  const { sheet: params, cells: paramCells } = parametersSheet(nycLike, { tableLabel: table.label, headers, mapping });
  const { sheet: allocation, cells } = allocationSheet(nycLike, table, mapping, paramCells);
  const equity = equitySheet(cells);
  const charts = chartsSheet(cells);
  let hf: HyperFormula;
  const value = (sheet: string, a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, hf.getSheetId(sheet)!)!);

  beforeAll(() => {
    const book: Record<string, CellValue[][]> = { Schools: [headers, ...rows] };
    for (const s of [params, allocation, equity, charts.sheet]) book[s.name] = grid(s);
    hf = HyperFormula.buildFromSheets(book, { ...hyperFormulaConfig });
  });
  afterAll(() => hf.destroy());

  it("writes the explanations in the engine's order of statistics", () => {
    const engineOrder = equityTable(sampleOf([1, 2, 3], [1, 1, 1]), Float64Array.from([0.1, 0.5, 0.9])).map((r) => r.metric);
    expect(GLOSSARY.map((g) => g.metric)).toEqual(engineOrder);
  });

  it("shows each statistic's name from the spill beside its meaning, per pupil and per weighted pupil", () => {
    expect(["A4", "B4", "C4", "D4", "E4", "F4"].map((a) => value("WSF Equity", a))).toEqual([
      "Statistic",
      "Per pupil",
      "Per weighted pupil",
      "What it means",
      "Benchmark (context, not a verdict)",
      "Source",
    ]);
    GLOSSARY.forEach((entry, k) => {
      expect(value("WSF Equity", `A${5 + k}`)).toBe(entry.metric);
      expect(value("WSF Equity", `D${5 + k}`)).toBe(entry.meaning);
    });
    // Hand identities: the pupil-weighted mean of per pupil is total / enrollment; the weighted-pupil-weighted
    // mean of per weighted pupil is total / weighted pupils.
    const run = runFormula(nycLike, schools);
    const total = run.protectedAmount.reduce((a, b) => a + b, 0);
    const wp = run.weightedPupils;
    expect(value("WSF Equity", "B5") as number).toBeCloseTo(total / 1000, 6);
    expect(value("WSF Equity", "C5") as number).toBeCloseTo(total / wp.reduce((a, b) => a + b, 0), 6);
    // CV per weighted pupil against a naive CV of protected / weighted pupils, weights = weighted pupils.
    const cvRow = 5 + GLOSSARY.findIndex((g) => g.metric === "Coefficient of variation");
    const perWp = run.protectedAmount.map((a, i) => a / wp[i]);
    expect(value("WSF Equity", `C${cvRow}`) as number).toBeCloseTo(naiveCv(perWp, wp), 9);
    const perPupil = run.protectedAmount.map((a, i) => a / schools[i].enrollment);
    expect(value("WSF Equity", `B${cvRow}`) as number).toBeCloseTo(naiveCv(perPupil, schools.map((s) => s.enrollment)), 9);
  });

  it("gives each value its own number format and labels the federal range ratio as the Impact Aid test", () => {
    const rowOf = (metric: string) => equity.blocks.find((b) => b.values[0][0] === `=I${5 + GLOSSARY.findIndex((g) => g.metric === metric)}`)!;
    expect(rowOf("Mean").numberFormats).toEqual([null, "$#,##0", "$#,##0", null, null, null]);
    expect(rowOf("Federal range ratio").numberFormats?.[1]).toBe("0.0%");
    expect(rowOf("Coefficient of variation").numberFormats?.[1]).toBe("0.0000");
    const federal = rowOf("Federal range ratio").values[0];
    expect(federal[4]).toMatch(/Impact Aid disparity test.*districts in a state, not one district's schools/);
    expect(federal[5]).toMatch(/34 CFR 222/);
    // No pass or fail anywhere on the sheet.
    expect(JSON.stringify(equity.blocks)).not.toMatch(/\b(Pass|Fail)\b/);
  });

  it("states the gradient between the highest- and lowest-poverty decile in a cell where the sheet opens", () => {
    const lowest = value("WSF Charts", "N3") as number;
    const highest = value("WSF Charts", "N12") as number;
    expect(typeof lowest).toBe("number");
    expect(value("WSF Charts", "B2") as number).toBeCloseTo(highest / lowest - 1, 12);
    expect(value("WSF Charts", "A2")).toBe("Highest-poverty decile over lowest, per pupil:");
  });
});
