import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { DetailedCellError, HyperFormula } from "hyperformula";
import { catalogue } from "../../../src/functions/catalogue";
import { registerWsfFunctions, type FunctionsMetadata } from "../../../src/playground/wsfFunctions";
import { comparabilitySheet } from "../../../src/taskpane/sheets/comparabilitySheet";
import { titleIAllocationCell, titleISheet, type TitleIChoices } from "../../../src/taskpane/sheets/titleISheet";
import { hyperFormulaConfig } from "../../../src/workbook/local/HyperFormulaWorkbook";
import type { CellValue, TableInfo } from "../../../src/workbook/WorkbookPort";
import { ED1996, EXAMPLE2_POOL } from "../../engine/titleI/ed1996";
import { functionFilePaths } from "../../support/functionFiles";
import { sheetGrid as grid } from "../../support/sheetGrid";

/* The Title I and comparability sheets as the pane writes them, evaluated in the playground's HyperFormula
 * (the same functions layer Excel runs) over ED 1996 example 2's 16 areas (domain.md section 6). */

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(functionFilePaths());
  registerWsfFunctions(catalogue, JSON.parse(generated.metadataJson) as FunctionsMetadata);
}, 30_000);

// Schools: A name, B span, C enrollment, D low income, E staff FTE (hand-made: 22 pupils per FTE, the
// middle schools 20, Takoma HS 30), F salaries ($90,000 per FTE).
const headers = ["School", "Grade span", "Enrollment", "Low income", "Instructional staff FTE", "State/local salaries"];
const spanOf = (name: string) => (name.endsWith("MS") ? "Middle" : name.endsWith("HS") ? "High" : "Elementary");
const staffOf = (a: (typeof ED1996)[number]) => (a.name === "Takoma HS" ? a.enrollment / 30 : spanOf(a.name) === "Middle" ? a.enrollment / 20 : a.enrollment / 22);
const rows: CellValue[][] = ED1996.map((a) => [a.name, spanOf(a.name), a.enrollment, a.lowIncome, staffOf(a), staffOf(a) * 90_000]);
const table: TableInfo = { id: "Schools", label: "Schools", kind: "table", sheet: "Schools", address: "Schools!A1:F17", headers, rowCount: 16 };

const choices: TitleIChoices = {
  method: "35",
  lowIncome: 3,
  enrollment: 2,
  gradeSpan: 1,
  privateSchool: null,
  id: null,
  name: 0,
  // Example 2's pool after reservations is $3,913,700: an allocation of $4,100,000 less $186,300 reserved.
  districtAllocation: 4_100_000,
  reservations: { equitable: 100_000, parent: 41_000, homeless: 20_000, neglected: 5_300, administration: 20_000 },
  skipped: {},
};

function build(c: TitleIChoices, data = rows) {
  const { sheet, cells } = titleISheet(table, c);
  const comparability = comparabilitySheet(table, { enrollment: 2, gradeSpan: 1, staff: 4, salaries: 5, id: null, name: 0, tolerance: 0.1, smallSchool: null }, cells).sheet;
  const hf = HyperFormula.buildFromSheets({ Schools: [headers, ...data], [sheet.name]: grid(sheet), [comparability.name]: grid(comparability) }, { ...hyperFormulaConfig });
  const value = (name: string, a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, hf.getSheetId(name)!)!);
  return { hf, value, t: (a1: string) => value("WSF Title I", a1), cmp: (a1: string) => value("WSF Comparability", a1) };
}

describe("WSF Title I sheet", () => {
  it("ED 1996 example 2 (35% rule): the 11 eligible areas are served at $700 per child, $3,913,700 in all", () => {
    const { hf, t } = build(choices);
    expect(t("B11")).toBe(EXAMPLE2_POOL);
    expect(t("B12")).toBe(6867);
    expect(t("B13")).toBe(""); // every served area is at or above 35%: no 125% minimum
    ED1996.forEach((a, i) => {
      const r = 19 + i;
      expect([a.name, t(`H${r}`), t(`I${r}`)]).toEqual([a.name, a.printedRate > 75 ? "Must serve" : a.served ? "Eligible" : "Not eligible", a.served ? 1 : 0]);
      expect(t(`L${r}`) as number).toBeCloseTo(a.served ? a.lowIncome * 700 : 0, 6);
      if (a.served) expect(t(`K${r}`) as number).toBeCloseTo(700, 9);
    });
    expect(t("B14")).toBe("OK");
    expect(t("B15")).toBe("OK");
    hf.destroy();
  });

  it("titleIAllocationCell (what each statement shows) reads the school's own allocation: children x $700 in example 2", () => {
    const { hf } = build(choices);
    ED1996.forEach((a, i) => {
      const cell = hf.simpleCellAddressFromString(titleIAllocationCell(i + 1), hf.getSheetId("WSF Title I")!)!;
      expect(hf.getCellValue(cell) as number).toBeCloseTo(a.served ? a.lowIncome * 700 : 0, 6);
    });
    hf.destroy();
  });

  it("a school skipped by hand with a reason is not served; the pool goes to the others; a skipped must-serve school shows in the check", () => {
    const { hf, t } = build({ ...choices, skipped: { 2: "State compensatory program", 3: "Comparable state and local money" } });
    expect(t("I20")).toBe(0);
    expect(t("J20")).toBe("State compensatory program");
    // Served children 5,591 - 210 - 615 = 4,766; $3,913,700 / 4,766 = $821.17 per child.
    expect(t("K19") as number).toBeCloseTo(3_913_700 / 4766, 9);
    expect(t("B14")).toBe("OK");
    expect(t("B15")).toBe("1 skipped: see the reasons in column J");
    hf.destroy();
  });

  it("editing a count recalculates rank, served and allocation", () => {
    const { hf, t } = build(choices);
    // White Hill (row 12 of the table, 34.54%) gets 310 low-income children: 310 / 857 = 36.2%, eligible under the 35% rule.
    hf.setCellContents({ sheet: hf.getSheetId("Schools")!, row: 12, col: 3 }, 310);
    expect(t("H30")).toBe("Eligible");
    expect(t("I30")).toBe(1);
    // 5,591 + 310 = 5,901 served children share the same pool.
    expect(t("K19") as number).toBeCloseTo(3_913_700 / 5901, 9);
    hf.setCellContents({ sheet: hf.getSheetId("Schools")!, row: 12, col: 3 }, 2000);
    expect(t("F30")).toBeInstanceOf(DetailedCellError);
    expect((t("F30") as DetailedCellError).message).toBe("WSF.TITLEIRANK: lowIncome row 12 is 2000, more than the 857 enrolled");
    // Text in a count: the district's children are not summed silently without it.
    hf.setCellContents({ sheet: hf.getSheetId("Schools")!, row: 12, col: 3 }, "n/a");
    expect(t("B12")).toBe("a count is not a number: see the Poverty rate column");
    hf.destroy();
  });

  it("the 125% rule: serving an area below 35% sets the minimum; a pool below its cost is an error that says how much is missing", () => {
    // The rule applies only when a served area is below 35%, which needs a district rate below 35%: two
    // areas, 30/100 and 10/100 (district rate 20%), ranked by the district method.
    const small: TableInfo = { ...table, address: "Schools!A1:F3", rowCount: 2 };
    const { sheet } = titleISheet(small, { ...choices, method: "district", districtAllocation: 10_000, reservations: { equitable: 0, parent: 0, homeless: 0, neglected: 0, administration: 0 } });
    const hf = HyperFormula.buildFromSheets({ Schools: [headers, ["A", "E", 100, 30, 5, 1], ["B", "E", 100, 10, 5, 1]], [sheet.name]: grid(sheet) }, { ...hyperFormulaConfig });
    const t = (a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, hf.getSheetId("WSF Title I")!)!);
    // Served: A (30% >= 20%) only. Minimum = 10,000 / 40 x 1.25 = 312.50 per child; pool 10,000 / 30 = 333.33: met.
    expect(t("B13") as number).toBeCloseTo(312.5, 9);
    expect(t("L19") as number).toBeCloseTo(10_000, 6);
    hf.setCellContents({ sheet: hf.getSheetId("WSF Title I")!, row: 5, col: 1 }, 1000); // reserve $1,000: pool $9,000 = $300 per child
    expect(t("L19")).toBeInstanceOf(DetailedCellError);
    expect((t("L19") as DetailedCellError).message).toContain("below minimumPerChild $312.50; serving them costs $9,375, $375 missing");
    hf.destroy();
  });
});

describe("WSF Comparability sheet", () => {
  it("ratio and spending tests by span, with the Served column of the Title I sheet (hand calculation)", () => {
    const { hf, cmp } = build(choices);
    // Elementary non-Title I: White Hill and Bannaker (both 22 pupils per FTE) -> 22; every served elementary is 22 -> Comparable.
    // Middle: Eastern MS is the yardstick (20); Oakdale and Indian Rock (20) comparable.
    // High: Taft and Wilson (22) are the yardstick; Takoma HS at 30 > 24.2 is not comparable; salaries per pupil
    // $90,000 / 30 = $3,000 < 90% of $90,000 / 22 = $4,090.91 x 0.9 = $3,681.82: not comparable either.
    const row = (name: string) => 8 + ED1996.findIndex((a) => a.name === name);
    expect(cmp(`H${row("Violet Hill")}`) as number).toBeCloseTo(22, 9);
    expect(cmp(`I${row("Violet Hill")}`)).toBe("Comparable");
    expect(cmp(`I${row("White Hill")}`)).toBe(""); // not a Title I school: no verdict
    expect(cmp(`I${row("Oakdale MS")}`)).toBe("Comparable");
    expect(cmp(`I${row("Takoma HS")}`)).toBe("Not comparable");
    expect(cmp(`M${row("Takoma HS")}`) as number).toBeCloseTo(90_000 / 22, 6);
    expect(cmp(`N${row("Takoma HS")}`)).toBe("Not comparable");
    expect(cmp(`N${row("Berlieth HS")}`)).toBe("Comparable");
    expect(cmp("B5")).toBe(11);
    hf.destroy();
  });
});
