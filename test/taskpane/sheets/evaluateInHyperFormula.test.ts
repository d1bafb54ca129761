import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { HyperFormula } from "hyperformula";
import path from "node:path";
import { runFormula } from "../../../src/engine/scenario/runFormula";
import { readSchools } from "../../../src/engine/table/readSchools";
import { catalogue } from "../../../src/functions/catalogue";
import { registerWsfFunctions, type FunctionsMetadata } from "../../../src/playground/wsfFunctions";
import { allocationSheet } from "../../../src/taskpane/sheets/allocationSheet";
import { chartsSheet } from "../../../src/taskpane/sheets/chartsSheet";
import { equitySheet } from "../../../src/taskpane/sheets/equitySheet";
import { explainSheet } from "../../../src/taskpane/sheets/explainSheet";
import { parametersSheet } from "../../../src/taskpane/sheets/parametersSheet";
import { hyperFormulaConfig } from "../../../src/workbook/local/HyperFormulaWorkbook";
import type { CellValue, SheetSpec } from "../../../src/workbook/WorkbookPort";
import { headers, mapping, nycLike, rows, table } from "./threeSchoolTable";

/* The written formulas must evaluate in the playground's HyperFormula (the same functions layer Excel runs)
 * to the numbers the task pane computed with runFormula: an independent route to the same allocation. */

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(["functions.ts", "titleI.ts"].map((file) => path.join(__dirname, "../../../src/functions", file)));
  registerWsfFunctions(catalogue, JSON.parse(generated.metadataJson) as FunctionsMetadata);
}, 30_000);

function grid(spec: SheetSpec): CellValue[][] {
  const out: CellValue[][] = [];
  for (const b of spec.blocks) {
    b.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v === null) return;
        while (out.length <= b.row + r) out.push([]);
        out[b.row + r][b.column + c] = v;
      }),
    );
  }
  return out.map((line) => Array.from(line, (v) => v ?? null));
}

describe("the written workbook evaluates to runFormula's numbers", () => {
  const { schools, problems } = readSchools(headers, rows, mapping);
  const { sheet: params, cells: paramCells } = parametersSheet(nycLike, { tableLabel: table.label, headers, mapping });
  const { sheet: allocation, cells } = allocationSheet(nycLike, table, mapping, paramCells);
  const sheets = [params, allocation, equitySheet(cells), chartsSheet(cells).sheet, explainSheet(nycLike, 2, { table, mapping, params: paramCells, allocation: cells })];
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

  it("shows the math for school B: the EXPLAIN total plus the foundation is its formula amount", () => {
    const expected = runFormula(nycLike, schools);
    // Inputs on rows 3-7, EXPLAIN from row 10: 5 lines and the Total on row 15; fixed amount on row 16.
    expect(value("WSF Explain", "A15")).toBe("Total");
    const total = value("WSF Explain", "E15") as number;
    const fixed = value("WSF Explain", "E16") as number;
    expect(fixed).toBe(225_000);
    expect(total + fixed).toBeCloseTo(expected.formulaAmount[1], 4);
    expect(value("WSF Explain", "E17") as number).toBeCloseTo(expected.formulaAmount[1], 4);
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
