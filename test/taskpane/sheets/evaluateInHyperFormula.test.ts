import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { HyperFormula } from "hyperformula";
import { runFormula } from "../../../src/engine/scenario/runFormula";
import { readSchools } from "../../../src/engine/table/readSchools";
import { catalogue } from "../../../src/functions/catalogue";
import { registerWsfFunctions, type FunctionsMetadata } from "../../../src/playground/wsfFunctions";
import { allocationSheet } from "../../../src/taskpane/sheets/allocationSheet";
import { chartsSheet } from "../../../src/taskpane/sheets/chartsSheet";
import { equitySheet } from "../../../src/taskpane/sheets/equitySheet";
import { explainBlock } from "../../../src/taskpane/sheets/explainBlock";
import { explainSheet } from "../../../src/taskpane/sheets/explainSheet";
import { parametersSheet } from "../../../src/taskpane/sheets/parametersSheet";
import { hyperFormulaConfig } from "../../../src/workbook/local/HyperFormulaWorkbook";
import type { CellValue } from "../../../src/workbook/WorkbookPort";
import { headers, mapping, nycLike, rows, table } from "./threeSchoolTable";
import { functionFilePaths } from "../../support/functionFiles";
import { sheetGrid as grid } from "../../support/sheetGrid";

/* The written formulas must evaluate in the playground's HyperFormula (the same functions layer Excel runs)
 * to the numbers the task pane computed with runFormula: an independent route to the same allocation. */

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(functionFilePaths());
  registerWsfFunctions(catalogue, JSON.parse(generated.metadataJson) as FunctionsMetadata);
}, 30_000);

describe("the written workbook evaluates to runFormula's numbers", () => {
  const { schools, problems } = readSchools(headers, rows, mapping);
  const { sheet: params, cells: paramCells } = parametersSheet(nycLike, { tableLabel: table.label, headers, mapping });
  const { sheet: allocation, cells } = allocationSheet(nycLike, table, mapping, paramCells);
  const explainLayout = { table, mapping, params: paramCells, allocation: cells };
  const sheets = [
    params,
    allocation,
    equitySheet(cells),
    chartsSheet(cells).sheet,
    explainSheet(nycLike, 2, explainLayout),
    ...[1, 2, 3].map((school) => ({ name: `Explain ${school}`, blocks: [explainBlock(nycLike, school, { ...explainLayout, sheet: `Explain ${school}` })] })),
  ];
  let hf: HyperFormula;
  const value = (sheet: string, a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, hf.getSheetId(sheet)!)!);

  beforeAll(() => {
    const book: Record<string, CellValue[][]> = { Schools: [headers, ...rows] };
    for (const s of sheets) book[s.name] = grid(s);
    hf = HyperFormula.buildFromSheets(book, { ...hyperFormulaConfig });
  });
  afterAll(() => hf.destroy());

  it("matches base, weighted pupils, formula and protected amounts school by school", () => {
    expect(problems).toEqual([]);
    const expected = runFormula(nycLike, schools);
    expect(value("WSF Allocation", "E2") as number).toBeCloseTo(expected.base, 6);
    for (let i = 0; i < 3; i++) {
      const r = i + 2;
      expect(value("WSF Allocation", `D${r}`) as number).toBeCloseTo(expected.weightedPupils[i], 9);
      expect(value("WSF Allocation", `F${r}`) as number).toBeCloseTo(expected.formulaAmount[i], 4);
      expect(value("WSF Allocation", `H${r}`) as number).toBeCloseTo(expected.protectedAmount[i], 4);
      expect(value("WSF Allocation", `K${r}`) as number).toBeCloseTo(expected.perPupil[i] as number, 6);
    }
    // The pool is spent to the cent; school C has no prior, so its change is blank.
    expect(Math.abs((value("WSF Allocation", "H6") as number) - 4_500_000)).toBeLessThan(0.01);
    expect(value("WSF Allocation", "I4")).toBe("");
    expect(value("WSF Allocation", "J2") as number).toBeCloseTo(180 / 300, 12);
  });

  /** The explain block's rows by their label in column A, for the block written at the top-left of `sheet`. */
  function explainRows(sheet: string): Map<string, unknown[]> {
    const id = hf.getSheetId(sheet)!;
    const values = hf.getSheetValues(id) as unknown[][];
    return new Map(values.filter((r) => typeof r[0] === "string").map((r) => [String(r[0]), r.map((v) => (v && typeof v === "object" && "value" in (v as object) ? (v as { value: unknown }).value : v))]));
  }

  it("shows the math for school B: each line is pupils x weight x base, and the lines add up on the sheet to its allocation", () => {
    const expected = runFormula(nycLike, schools);
    const rows = explainRows("WSF Explain");
    const base = expected.base;
    // Hand calculation for Birch (row 2): K-5 200 x 1, 6-8 300 x 1.08, FRL 100 x 0.12, EL 10 x 0.40, and no
    // concentration (100 / 500 = 20% is under the 60% threshold): 200 + 324 + 12 + 4 + 0 = 540 weighted pupils.
    const lines: [string, number, number][] = [
      ["Grades K-5", 200, 1],
      ["Grades 6-8", 300, 1.08],
      ["Poverty", 100, 0.12],
      ["English learners", 10, 0.4],
      ["High poverty", 0, 0.1],
    ];
    let sum = 0;
    for (const [label, pupils, weight] of lines) {
      const [, , c, d, e, f] = rows.get(label)!;
      expect([c, d]).toEqual([pupils, weight]);
      expect(e as number).toBeCloseTo(weight * base, 6);
      expect(f as number).toBeCloseTo(pupils * weight * base, 6);
      sum += f as number;
    }
    // The total gives enrollment (each pupil once: 500, not 200 + 300 + 100 + 10 counted across lines) and weighted pupils.
    expect(rows.get("Enrollment (each pupil counted once)")![2]).toBe(500);
    expect(rows.get("Weighted pupils (pupils x weight, added up)")![2] as number).toBeCloseTo(540, 9);
    expect(rows.get("Weighted pupils (pupils x weight, added up)")![1]).toBe("same as WSF Allocation D3");
    expect(value("WSF Allocation", "D3") as number).toBeCloseTo(540, 9);
    expect(rows.get("Base per weighted pupil")![4] as number).toBeCloseTo(base, 9);
    const weightedTimesBase = rows.get("Weighted pupils x base (the lines above, added up)")![5] as number;
    expect(weightedTimesBase).toBeCloseTo(sum, 6);
    expect(weightedTimesBase).toBeCloseTo(540 * base, 4);
    const fixed = rows.get("Fixed amount")![5] as number;
    expect(fixed).toBe(225_000);
    const formula = rows.get("Formula amount (weighted pupils x base + fixed)")!;
    expect(formula[5] as number).toBeCloseTo(weightedTimesBase + fixed, 6);
    expect(formula[5] as number).toBeCloseTo(expected.formulaAmount[1], 4);
    expect(formula[1]).toBe("same as WSF Allocation F3");
    // Last year, the protection line and the rule that caused it, the protected amount and the change.
    expect(rows.get("Last year's amount")![5]).toBe(2_500_000);
    const protection = rows.get("Protection (top-up or cap)")!;
    const received = rows.get("Protected amount (what the school receives)")!;
    expect(received[5] as number).toBeCloseTo((formula[5] as number) + (protection[5] as number), 6);
    expect(received[5] as number).toBeCloseTo(expected.protectedAmount[1], 4);
    expect(received[1]).toBe("same as WSF Allocation H3");
    expect(protection[1]).toBe(expected.floored[1] ? "stop-loss top-up: at least last year x (1 - 5%)" : "none: within the limits");
    expect(rows.get("Change vs last year")![5] as number).toBeCloseTo(expected.protectedAmount[1] - 2_500_000, 4);
    expect(rows.get("Per pupil")![5] as number).toBeCloseTo(expected.protectedAmount[1] / 500, 6);
  });

  it("shows a stop-loss top-up with its rule, and a school without a prior amount as unprotected", () => {
    const expected = runFormula(nycLike, schools);
    // Which school the 5% stop-loss holds up is the engine's answer; the sheet must say the same for every school.
    for (let school = 1; school <= 3; school++) {
      const rows = explainRows(`Explain ${school}`);
      const protection = rows.get("Protection (top-up or cap)")!;
      const formula = rows.get("Formula amount (weighted pupils x base + fixed)")![5] as number;
      const received = rows.get("Protected amount (what the school receives)")![5] as number;
      expect(formula).toBeCloseTo(expected.formulaAmount[school - 1], 4);
      expect(received).toBeCloseTo(expected.protectedAmount[school - 1], 4);
      expect(protection[5] as number).toBeCloseTo(expected.protectedAmount[school - 1] - expected.formulaAmount[school - 1], 4);
      if (school === 3) expect(protection[1]).toBe("none: no amount last year, so no protection band");
      else if (expected.floored[school - 1]) expect(protection[1]).toBe("stop-loss top-up: at least last year x (1 - 5%)");
      else expect(protection[1]).toBe("none: within the limits");
    }
    expect(expected.floored.some(Boolean)).toBe(true);
  });

  it("evaluates the equity table, the decile groups and the Lorenz curve without errors", () => {
    expect(typeof value("WSF Equity", "A5")).toBe("string");
    expect(typeof value("WSF Equity", "B5")).toBe("number");
    // Lorenz ends at (1, 1).
    expect(value("WSF Charts", "S6") as number).toBeCloseTo(1, 12);
    expect(value("WSF Charts", "T6") as number).toBeCloseTo(1, 12);
    expect(typeof value("WSF Charts", "N3")).toBe("number");
  });
});
