import "../../src/playground/customFunctionsShim";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import ExcelJS from "exceljs";
import { buildWorkbook, captureState } from "../../src/playground/files/workbookState";
import { fromStoredFormula, toStoredFormula, workbookToXlsx, xlsxToWorkbook } from "../../src/playground/files/xlsxFile";
import { csvToWorkbook } from "../../src/playground/files/csvFile";
import { registerPlaygroundFunctions } from "../../src/playground/startPlayground";
import { HyperFormulaWorkbook } from "../../src/workbook/local/HyperFormulaWorkbook";
import { parseErrorInWords } from "../../src/workbook/local/parseErrorInWords";
import { functionFilePaths } from "../support/functionFiles";

/* The playground's files in node: a workbook saved as .xlsx and read back gives the same cells (formulas as
 * written, text that looks like a number still text, spills filling again), the same ownership fingerprints
 * and the same scenario store; formulas travel in Excel's stored form for add-in functions. */

// The page bundles csv-parse's browser build (an ES module); under jest the same parser's CommonJS build runs.
jest.mock("csv-parse/browser/esm/sync", () => jest.requireActual("csv-parse/sync"));

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(functionFilePaths());
  expect(generated.errors).toEqual([]);
  registerPlaygroundFunctions(JSON.parse(generated.metadataJson));
});

/** E5 of domain.md: enrollment and total dollars of the eight schools (two of its columns are enough here). */
const E5: [string, number, number][] = [
  ["A", 380, 3_097_000],
  ["B", 420, 3_402_000],
  ["C", 450, 3_712_500],
  ["D", 500, 4_150_000],
  ["E", 520, 4_444_000],
  ["F", 560, 4_898_000],
  ["G", 610, 5_423_000],
  ["H", 700, 6_396_000],
];

async function sampleWorkbook(): Promise<HyperFormulaWorkbook> {
  const workbook = new HyperFormulaWorkbook();
  await workbook.writeSheet({
    name: "Schools",
    blocks: [{ row: 0, column: 0, values: [["School", "Enrollment", "Dollars", "Code"], ...E5.map(([s, n, d], k) => [s, n, d, k === 0 ? "00123" : `C${k}`])], headerRow: true, numberFormats: [null, "#,##0", "$#,##0", null] }],
    table: { name: "Schools", row: 0, column: 0, rows: 9, columns: 4 },
    columnWidths: [12, 10, 14, 8],
  });
  await workbook.writeSheet({
    name: "WSF Results",
    blocks: [
      {
        row: 0,
        column: 0,
        values: [
          ["Per pupil", "Mean", "Flag"],
          ["=WSF.PERPUPIL(Schools!C2:C9,Schools!B2:B9)", "=WSF.MEAN(A2:A9,Schools!B2:B9)", true],
        ],
      },
    ],
  });
  workbook.addUserSheet();
  workbook.setCellByUser("Sheet1", 0, 0, "=SUM(Schools!B2:B9)");
  workbook.setCellByUser("Sheet1", 1, 0, "typed text");
  await workbook.writeScenarioStore('{"version":1,"scenarios":[{"name":"Weighted"}]}');
  // A hand edit on an owned sheet: the file must keep the fact.
  workbook.setCellByUser("WSF Results", 1, 2, "FALSE");
  return workbook;
}

test("save then open gives the same cells, ownership fingerprints, hand-edit status and scenario store", async () => {
  const original = await sampleWorkbook();
  const bytes = await workbookToXlsx(original);
  const opened = await xlsxToWorkbook(bytes);
  expect(opened.problems).toEqual([]);
  const reopened = buildWorkbook(opened.sheets, opened.meta);

  const before = captureState(original, "x", false);
  const after = captureState(reopened, "x", false);
  // Text a person typed is kept with a leading "'" (parseTypedInput); a file has no such mark, so text that
  // needs none comes back without it: the same cell either way.
  const same = (cell: unknown) => (typeof cell === "string" && /^'(?!\s*[-+$]?[\d.,]+%?\s*$)(?!=)(?!')/.test(cell) ? cell.slice(1) : cell);
  const byName = (s: typeof before) => Object.fromEntries(s.sheets.map((sheet) => [sheet.name, sheet.cells.map((line) => line.map(same))]));
  expect(byName(after)).toEqual(byName(before));
  expect(after.meta.owned).toEqual(before.meta.owned);
  expect(after.meta.tables).toEqual(before.meta.tables);
  expect(await reopened.inspectSheets(["Schools", "WSF Results", "Sheet1"])).toEqual(await original.inspectSheets(["Schools", "WSF Results", "Sheet1"]));
  expect((await reopened.inspectSheets(["WSF Results"]))[0].editedByHand).toBe(true);
  expect(await reopened.readScenarioStore()).toBe(await original.readScenarioStore());
  // Values: the spill fills again; per-pupil of school A by hand = 3,097,000 / 380.
  expect(reopened.cell("WSF Results", 1, 0).value).toBeCloseTo(3_097_000 / 380, 9);
  expect((await reopened.readSheet("WSF Results")).values).toEqual((await original.readSheet("WSF Results")).values);
  expect(reopened.cell("Schools", 1, 3).value).toBe("00123");
});

test("the file holds _xldudf_ formulas with cached values, an Excel table, and the settings on a very hidden sheet", async () => {
  const original = await sampleWorkbook();
  const file = new ExcelJS.Workbook();
  await file.xlsx.load(await workbookToXlsx(original));
  const results = file.getWorksheet("WSF Results")!;
  const a2 = results.getCell("A2").value as { formula: string; result: number; shareType?: string; ref?: string };
  expect(a2.formula).toBe("_xldudf_WSF_PERPUPIL(Schools!C2:C9,Schools!B2:B9)");
  expect(a2.shareType).toBe("array");
  expect(a2.ref).toBe("A2:A9");
  expect(a2.result).toBeCloseTo(3_097_000 / 380, 9);
  // The spilled cells carry their values: school H, 6,396,000 / 700.
  expect(results.getCell("A9").value).toBeCloseTo(6_396_000 / 700, 9);
  const b2 = results.getCell("B2").value as { formula: string; result: number };
  expect(b2.formula).toBe("_xldudf_WSF_MEAN(A2:A9,Schools!B2:B9)");
  // Pupil-weighted mean of per-pupil dollars = all dollars over all pupils.
  expect(b2.result).toBeCloseTo(E5.reduce((s, r) => s + r[2], 0) / E5.reduce((s, r) => s + r[1], 0), 9);
  expect(file.getWorksheet("Schools")!.getCell("D2").value).toBe("00123");
  expect(file.getWorksheet("Schools")!.getCell("C2").numFmt).toBe("$#,##0");
  expect(Object.keys((file.getWorksheet("Schools") as unknown as { tables: object }).tables)).toEqual(["Schools"]);
  const settings = file.getWorksheet("WSF_Settings")!;
  expect(settings.state).toBe("veryHidden");
  expect(settings.getCell("A2").value).toBe("wsf.scenarios");
  expect(settings.getCell("B2").value).toBe('{"version":1,"scenarios":[{"name":"Weighted"}]}');
});

test("a long scenario store is split over cells under Excel's 32,767 characters and joined back", async () => {
  const workbook = await sampleWorkbook();
  const long = JSON.stringify({ version: 1, scenarios: Array.from({ length: 800 }, (_, k) => ({ name: `Scenario ${k}`, note: "x".repeat(100) })) });
  await workbook.writeScenarioStore(long);
  const bytes = await workbookToXlsx(workbook);
  const file = new ExcelJS.Workbook();
  await file.xlsx.load(bytes);
  // Row 2 of the settings sheet: the key in A, the JSON in B, C, ... (exceljs gives row values from index 1).
  const pieces = (file.getWorksheet("WSF_Settings")!.getRow(2).values as unknown[]).slice(2);
  for (const piece of pieces) expect(String(piece).length).toBeLessThanOrEqual(32_767);
  expect(pieces.length).toBeGreaterThan(1);
  expect(pieces.join("")).toBe(long);
  const reopened = buildWorkbook((await xlsxToWorkbook(bytes)).sheets, (await xlsxToWorkbook(bytes)).meta);
  expect(await reopened.readScenarioStore()).toBe(long);
});

test("stored formula names: WSF.X( <-> _xldudf_WSF_X(, Excel's _xlfn. prefixes dropped on the way in", () => {
  expect(toStoredFormula("=WSF.GINI(A1:A9,B1:B9)+wsf.cv(A1:A9,B1:B9)")).toBe("_xldudf_WSF_GINI(A1:A9,B1:B9)+_xldudf_WSF_CV(A1:A9,B1:B9)");
  expect(fromStoredFormula("_xldudf_WSF_GINI(A1:A9,B1:B9)+_xlfn.XLOOKUP(1,A1:A9,B1:B9)")).toBe("=WSF.GINI(A1:A9,B1:B9)+XLOOKUP(1,A1:A9,B1:B9)");
  for (const formula of ["=WSF.PERPUPIL(Schools!C2:C9,Schools!B2:B9)", "=SUM(A1:A3)*WSF.MEAN(A1:A3,B1:B3)", '=IF(A1="WSF.GINI(",1,2)']) {
    expect(fromStoredFormula(toStoredFormula(formula))).toBe(formula);
  }
});

test("a csv row with more cells than the header is named and kept whole; a formula in a csv stays text", () => {
  const opened = csvToWorkbook("ID,Enrollment\nA,100\nB,200,extra\nC,=1+1\n", "North.csv");
  expect(opened.problems).toEqual([{ sheet: "North", row: 3, message: expect.stringMatching(/^Row 3 has 3 cells where the header row has 2/) }]);
  // Cells as typed input: text keeps HyperFormula's leading "'" (so "=1+1" is text, not a formula), numbers are numbers.
  expect(opened.sheets[0].cells).toEqual([
    ["'ID", "'Enrollment"],
    ["'A", 100],
    ["'B", 200, "'extra"],
    ["'C", "'=1+1"],
  ]);
});

test.each([
  ["=SUM(1,2", "a closing parenthesis is missing"],
  ["=SUM((1,2", "2 closing parentheses are missing"],
  ["=(1+2))", "there is a closing parenthesis without an opening one"],
  ['="abc', 'a closing quotation mark (") is missing'],
  ["=1+", 'it ends with "+": something is missing after it'],
  ["=1 2", '"2" follows a complete formula: an operator (+, -, *, /) or a comma may be missing before it'],
  ["=SUM(1;2)", "arguments are separated by commas (,), not semicolons (;)"],
])("a parse error in %s reads: %s", (formula, words) => {
  const workbook = new HyperFormulaWorkbook();
  workbook.addUserSheet();
  workbook.setCellByUser("Sheet1", 0, 0, formula);
  const cell = workbook.cell("Sheet1", 0, 0);
  expect(cell.value).toBe("#ERROR!");
  expect(cell.errorMessage).toBe(`This formula cannot be read: ${words}.`);
  expect(parseErrorInWords("Function name FOO not recognized.", "=FOO(1)")).toBe("Function name FOO not recognized.");
});
