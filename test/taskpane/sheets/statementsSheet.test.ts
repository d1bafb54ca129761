import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { HyperFormula } from "hyperformula";
import { catalogue } from "../../../src/functions/catalogue";
import { registerWsfFunctions, type FunctionsMetadata } from "../../../src/playground/wsfFunctions";
import { allocationSheet } from "../../../src/taskpane/sheets/allocationSheet";
import { parametersSheet } from "../../../src/taskpane/sheets/parametersSheet";
import { statementsSheet } from "../../../src/taskpane/sheets/statementsSheet";
import { hyperFormulaConfig } from "../../../src/workbook/local/HyperFormulaWorkbook";
import { headers, mapping, nycLike, rows, table } from "./threeSchoolTable";
import { functionFilePaths } from "../../support/functionFiles";
import { sheetGrid as grid } from "../../support/sheetGrid";

/* A statement's figures are formulas over the allocation sheet: evaluated in the playground's HyperFormula
 * (the functions layer Excel runs) they must equal the allocation sheet's own cells for the same school. */

beforeAll(async () => {
  const files = functionFilePaths();
  const generated = await generateCustomFunctionsMetadata(files);
  registerWsfFunctions(catalogue, JSON.parse(generated.metadataJson) as FunctionsMetadata);
}, 30_000);

const settings = { districtName: "Sample Unified", fiscalYear: "2026-27", teacherCost: 98_500 };

function build(schoolRows: number[]) {
  const { sheet: params, cells: paramCells } = parametersSheet(nycLike, { tableLabel: table.label, headers, mapping });
  const { sheet: allocation, cells: allocationCells } = allocationSheet(nycLike, table, mapping, paramCells);
  const built = statementsSheet(nycLike, { table, mapping, params: paramCells, allocation: allocationCells, schoolRows, settings });
  const hf = HyperFormula.buildFromSheets({ Schools: [headers, ...rows], [params.name]: grid(params), [allocation.name]: grid(allocation), [built.sheet.name]: grid(built.sheet) }, { ...hyperFormulaConfig });
  const sheetId = (name: string) => hf.getSheetId(name)!;
  const at = (name: string, row: number, col: number) => hf.getCellValue({ sheet: sheetId(name), row, col });
  return { hf, built, allocationCells, at };
}

describe("the WSF Statements sheet", () => {
  it("shows each chosen school's figures exactly as the allocation sheet has them", () => {
    const { hf, built, allocationCells: a, at } = build([1, 2, 3]);
    const S = "WSF Statements";
    for (const page of built.cells.pages) {
      const r = a.firstDataRow + page.schoolRow - 1;
      const fig = (row: number) => at(S, row, built.cells.amountColumn);
      const own = (col: number) => at("WSF Allocation", r, col);
      expect(fig(page.rows.formulaAmount)).toBe(own(a.columns.formulaAmount));
      expect(fig(page.rows.final)).toBe(own(a.columns.protectedAmount));
      expect(fig(page.rows.prior)).toBe(own(a.columns.prior));
      expect(fig(page.rows.change)).toBe(own(a.columns.change));
      expect(fig(page.rows.perPupil)).toBe(own(a.columns.perPupil));
      // The lines add up: the EXPLAIN total plus the fixed amount is the formula amount; protection is final - formula.
      expect((fig(page.rows.total) as number) + (fig(page.rows.fixed) as number)).toBeCloseTo(own(a.columns.formulaAmount) as number, 4);
      expect(fig(page.rows.protection) as number).toBeCloseTo((own(a.columns.protectedAmount) as number) - (own(a.columns.formulaAmount) as number), 6);
      // Teacher positions: final / 98,500 to one decimal, in words.
      expect(at(S, page.rows.teachers, 0)).toBe(`This buys about ${((own(a.columns.protectedAmount) as number) / 98_500).toFixed(1)} teacher positions at the district's average cost of a position:`);
    }
    hf.destroy();
  });

  it("names the protection rule: Birch is held up by the 5% stop-loss (its formula amount is below 95% of 2,500,000)", () => {
    const { hf, built, at } = build([2]);
    const page = built.cells.pages[0];
    const protection = at("WSF Statements", page.rows.protection, 4) as number;
    expect(protection).toBeGreaterThan(0);
    expect(at("WSF Statements", page.rows.final, 4) as number).toBeCloseTo(0.95 * 2_500_000, 4);
    expect(at("WSF Statements", page.rows.protection, 0)).toBe("Stop-loss top-up: no school loses more than 5.0% of last year");
    expect(at("WSF Statements", 1, 0)).toBe("School: Birch (B)");
    expect(at("WSF Statements", 0, 0)).toBe("Sample Unified: school allocation, fiscal year 2026-27");
    hf.destroy();
  });

  it("compares per pupil with the median of the same poverty decile (hand calculation)", () => {
    // Poverty shares (FRL / enrollment): Alder 180/300 = 0.6, Birch 100/500 = 0.2, Cedar 150/200 = 0.75.
    // Deciles: 1 + floor(10 x lower / 3): Birch 1 (0 lower), Alder 1 + floor(10/3) = 4, Cedar 1 + floor(20/3) = 7.
    // Each decile holds one school, so its median is the school's own per pupil.
    const { hf, built, allocationCells: a, at } = build([1, 2, 3]);
    const deciles = built.cells.pages.map((p) => at("WSF Statements", p.rows.decileMedian, 0));
    expect(deciles).toEqual([4, 1, 7].map((d) => `Median per pupil of the schools in poverty decile ${d} of 10 (1 = lowest poverty)`));
    built.cells.pages.forEach((p) => expect(at("WSF Statements", p.rows.decileMedian, 4)).toBe(at("WSF Allocation", a.firstDataRow + p.schoolRow - 1, a.columns.perPupil)));
    hf.destroy();
  });

  it("makes one printed page per chosen school: print area over the pages, a break before each page after the first", () => {
    const { hf, built } = build([3, 1]);
    expect(built.cells.pages.map((p) => p.schoolRow)).toEqual([3, 1]);
    const print = built.sheet.print!;
    expect(print.pageBreaks).toEqual([built.cells.pageRows]);
    expect(print.area).toEqual({ row: 0, column: 0, rows: 2 * built.cells.pageRows, columns: 5 });
    expect(print.footer.center).toBe("Page &P of &N");
    expect(print.header).toEqual({ left: "Sample Unified", center: "School allocation statement", right: "Fiscal year 2026-27" });
    hf.destroy();
  });

  it("refuses an empty choice or a row outside the table", () => {
    const { cells: paramCells } = parametersSheet(nycLike, { tableLabel: table.label, headers, mapping });
    const { cells } = allocationSheet(nycLike, table, mapping, paramCells);
    const make = (schoolRows: number[]) => () => statementsSheet(nycLike, { table, mapping, params: paramCells, allocation: cells, schoolRows, settings });
    expect(make([])).toThrow("Choose at least one school for the statements.");
    expect(make([4])).toThrow("School row 4 is outside the schools table (rows 1 to 3).");
  });
});

describe("the Title I line of a statement", () => {
  it("shows the Title I sheet's allocation for a served school and says 'not served' for the others", () => {
    const { sheet: params, cells: paramCells } = parametersSheet(nycLike, { tableLabel: table.label, headers, mapping });
    const { sheet: allocation, cells: allocationCells } = allocationSheet(nycLike, table, mapping, paramCells);
    // A stand-in Title I sheet: allocations in column B from row 2 (Alder 41,250, Birch not served, Cedar 33,000).
    const titleI = { allocationCell: (dataRow: number) => `'WSF Title I'!$B$${dataRow + 1}` };
    const built = statementsSheet(nycLike, { table, mapping, params: paramCells, allocation: allocationCells, schoolRows: [1, 2], settings, titleI });
    const hf = HyperFormula.buildFromSheets(
      { Schools: [headers, ...rows], [params.name]: grid(params), [allocation.name]: grid(allocation), "WSF Title I": [["School", "Allocation"], ["A", 41_250], ["B", 0], ["C", 33_000]], [built.sheet.name]: grid(built.sheet) },
      { ...hyperFormulaConfig },
    );
    const id = hf.getSheetId("WSF Statements")!;
    const [alder, birch] = built.cells.pages;
    expect(hf.getCellValue({ sheet: id, row: alder.rows.titleI, col: 4 })).toBe(41_250);
    expect(hf.getCellValue({ sheet: id, row: alder.rows.titleI, col: 0 })).toBe("Title I, Part A allocation (federal, in addition to the above)");
    expect(hf.getCellValue({ sheet: id, row: birch.rows.titleI, col: 0 })).toBe("Title I, Part A: this school is not served");
    hf.destroy();
  });
});
