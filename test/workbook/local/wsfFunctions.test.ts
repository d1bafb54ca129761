import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import fc from "fast-check";
import { DetailedCellError, HyperFormula } from "hyperformula";
import { catalogue } from "../../../src/functions/catalogue";
import { registerWsfFunctions, type FunctionsMetadata } from "../../../src/playground/wsfFunctions";
import { hyperFormulaConfig } from "../../../src/workbook/local/HyperFormulaWorkbook";
import { functionFilePaths } from "../../support/functionFiles";

/* The playground registers the SAME functions layer Excel runs; these tests drive it through HyperFormula
 * cells and compare with published figures (domain.md section 4) or a naive implementation written here. */

let metadata: FunctionsMetadata;
let names: string[];

beforeAll(async () => {
  // functions.json as the build generates it, straight from the JSDoc of the function files (webpack.config.js).
  const generated = await generateCustomFunctionsMetadata(functionFilePaths());
  expect(generated.errors).toEqual([]);
  metadata = JSON.parse(generated.metadataJson);
  names = registerWsfFunctions(catalogue, metadata);
});

function build(sheet: (string | number | boolean | null)[][]): HyperFormula {
  return HyperFormula.buildFromSheets({ S: sheet }, { ...hyperFormulaConfig });
}

const at = (hf: HyperFormula, a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, 0)!);

/** E5 (domain.md 4): enrollment and total (unrestricted + restricted) dollars of the eight schools. */
const e5 = [
  [420, 2_730_000 + 210_000, 0.18],
  [610, 3_904_000 + 520_000, 0.35],
  [380, 2_470_000 + 610_000, 0.52],
  [950, 6_080_000 + 1_450_000, 0.61],
  [300, 2_010_000 + 720_000, 0.74],
  [720, 4_680_000 + 1_980_000, 0.83],
  [510, 3_264_000 + 1_620_000, 0.91],
  [265, 1_775_500 + 940_000, 0.97],
];

/** Columns A enrollment, B total dollars, C FRL share, D total per pupil (a native formula). */
function e5Sheet(): (string | number | null)[][] {
  return e5.map(([n, dollars, frl], i) => [n, dollars, frl, `=B${i + 1}/A${i + 1}`]);
}

describe("registerWsfFunctions", () => {
  test("registers every catalogue function under its Excel name WSF.<id>", () => {
    expect(catalogue.length).toBe(36);
    expect(names.sort()).toEqual(catalogue.map((e) => `WSF.${e.id}`).sort());
    const hf = build([[1]]);
    for (const name of names) expect(hf.getRegisteredFunctionNames()).toContain(name);
  });

  test("WSF.MEAN and WSF.GINI in cells give E5's published pupil-weighted figures", () => {
    const hf = build(e5Sheet());
    hf.setCellContents({ sheet: 0, row: 0, col: 5 }, [["=WSF.MEAN(D1:D8, A1:A8)"], ["=WSF.GINI(D1:D8, A1:A8)"], ["=WSF.COEFVAR(D1:D8, A1:A8)"], ["=WSF.CORRELATION(D1:D8, C1:C8, A1:A8)"]]);
    // E5: mean 8,414.8014, Gini 0.066720, CV 0.118753, corr with FRL 0.962306 (published to those digits).
    expect(at(hf, "F1")).toBeCloseTo(8414.8014, 3);
    expect(at(hf, "F2")).toBeCloseTo(0.06672, 6);
    expect(at(hf, "F3")).toBeCloseTo(0.118753, 6);
    expect(at(hf, "F4")).toBeCloseTo(0.962306, 6);
  });

  test("WSF.EXPLAIN spills Boston A4's lines, and ROUND of each amount is the published figure", () => {
    // A4: base 4,028.47; (weight, pupils) per category; published amounts = round(weight x base x pupils).
    const weights = [1.8, 1.6, 1.4, 1.3, 1.4, 1.3, 4.3, 2.5, 3.5, 3.0];
    const pupils = [80, 19, 17, 24, 12, 4, 44, 40, 32, 12];
    const published = [580_100, 122_465, 95_878, 125_688, 67_678, 20_948, 762_187, 402_847, 451_189, 145_025];
    const hf = build([pupils, weights, [4028.47]]);
    hf.setCellContents({ sheet: 0, row: 4, col: 0 }, [["=WSF.EXPLAIN(A1:J1, A2:J2, A3)"]]);
    for (let k = 0; k < 10; k++) {
      const amount = hf.getCellValue({ sheet: 0, row: 4 + k, col: 4 }) as number;
      expect(Math.round(amount)).toBe(published[k]);
      expect(hf.getCellValue({ sheet: 0, row: 4 + k, col: 1 })).toBe(pupils[k]);
    }
    // The total line sums the unrounded amounts: 2,774,015.5... by hand = sum(weight x pupils) x base = 688.6 x 4028.47.
    const totalWeighted = weights.reduce((s, w, k) => s + w * pupils[k], 0);
    expect(hf.getCellValue({ sheet: 0, row: 14, col: 4 })).toBeCloseTo(totalWeighted * 4028.47, 6);
  });

  test("a spill fills the cells below, row for row, and recalculates when an input cell changes", () => {
    // Hand calculation: counts (100, 20) and (50, 10) with weights 1 and 0.4 -> 100 + 8 = 108 and 50 + 4 = 54.
    const hf = build([
      [100, 20, 1, 0.4],
      [50, 10, null, null],
    ]);
    hf.setCellContents({ sheet: 0, row: 0, col: 5 }, [["=WSF.WEIGHTEDPUPILS(A1:B2, C1:D1)"]]);
    expect(at(hf, "F1")).toBeCloseTo(108, 10);
    expect(at(hf, "F2")).toBeCloseTo(54, 10);
    expect(hf.isCellPartOfArray(hf.simpleCellAddressFromString("F2", 0)!)).toBe(true);
    hf.setCellContents({ sheet: 0, row: 1, col: 1 }, [[30]]);
    expect(at(hf, "F2")).toBeCloseTo(62, 10); // 50 + 0.4 x 30
  });

  test("a spill feeds another WSF function (ALLOCATE of WEIGHTEDPUPILS), and SOLVEBASE spends the pool", () => {
    // Hand calculation: weighted pupils 108 and 54 (162 in all); pool 16,200 -> base 100; allocations 10,800 and 5,400.
    const hf = build([
      [100, 20, 1, 0.4, 16200],
      [50, 10, null, null, null],
    ]);
    hf.setCellContents({ sheet: 0, row: 0, col: 5 }, [["=WSF.WEIGHTEDPUPILS(A1:B2, C1:D1)", "=WSF.SOLVEBASE(F1:F2, E1)", "=WSF.ALLOCATE(F1:F2, G1)"]]);
    expect(at(hf, "G1")).toBeCloseTo(100, 9);
    expect(at(hf, "H1")).toBeCloseTo(10_800, 6);
    expect(at(hf, "H2")).toBeCloseTo(5_400, 6);
  });

  test("a function reading another formula's spill whole (handed its stored rows, uncopied) leaves that spill as it was", () => {
    // Hand calculation: weighted pupils 108 and 54; base 100 -> 10,800 and 5,400; per pupil 10,800 / 100 = 108
    // and 5,400 / 50 = 108. F1:F2 and G1:G2 are exactly the spills of F1 and G1, which HyperFormula hands over
    // as its stored values; a blank count (D2) and a blank pupil cell reach the functions as null.
    const hf = build([
      [100, 20, 1, 0.4],
      [50, null, null, null],
    ]);
    hf.setCellContents({ sheet: 0, row: 0, col: 5 }, [["=WSF.WEIGHTEDPUPILS(A1:B2, C1:D1)", "=WSF.ALLOCATE(F1:F2, 100)", "=WSF.PERPUPIL(G1:G2, A1:A2)", "=WSF.PERPUPIL(F1:F2, B1:B2)"]]);
    expect([at(hf, "F1"), at(hf, "F2")]).toEqual([108, 50]);
    expect([at(hf, "G1"), at(hf, "G2")]).toEqual([10_800, 5_000]);
    expect([at(hf, "H1"), at(hf, "H2")]).toEqual([108, 100]);
    // Row 2 has a weighted-pupil figure but a blank pupil cell: PERPUPIL says so in that row only.
    expect(at(hf, "I1")).toBeCloseTo(108 / 20, 12);
    expect(at(hf, "I2")).toBeInstanceOf(DetailedCellError);
    expect((at(hf, "I2") as DetailedCellError).message).toContain("WSF.PERPUPIL: pupils row 2 is blank");
    hf.setCellContents({ sheet: 0, row: 1, col: 0 }, [[25]]);
    expect([at(hf, "F1"), at(hf, "F2"), at(hf, "G2"), at(hf, "H2")]).toEqual([108, 25, 2_500, 100]);
    expect(hf.getCellValue({ sheet: 0, row: 1, col: 1 })).toBeNull();
  });

  test("LORENZ spills (n + 1) x 2 from (0, 0); the reserved tail past a shorter result is empty text, never a 0", () => {
    // Hand calculation: values 1 and 3, one pupil each: points (0,0), (0.5, 0.25), (1, 1); the third row is blank.
    const hf = build([[1], [3], [null]]);
    hf.setCellContents({ sheet: 0, row: 0, col: 2 }, [["=WSF.LORENZ(A1:A3)"]]);
    const got = hf.getRangeValues({ start: { sheet: 0, row: 0, col: 2 }, end: { sheet: 0, row: 3, col: 3 } });
    expect(got[0]).toEqual([0, 0]);
    expect(got[1][0]).toBeCloseTo(0.5, 12);
    expect(got[1][1]).toBeCloseTo(0.25, 12);
    expect(got[2]).toEqual([1, 1]);
    // Excel has no cells there; HyperFormula reserved them. #N/A (a gap in charts, as Excel's NA()) so that no
    // later formula reads them as 0; empty text would not do, HyperFormula's arithmetic reads "" as 0.
    for (const cell of got[3]) expect((cell as DetailedCellError).value).toBe("#N/A");
    hf.setCellContents({ sheet: 0, row: 0, col: 5 }, [["=C4*2", "=SUM(C1:C3)"]]);
    expect((at(hf, "F1") as DetailedCellError).value).toBe("#N/A");
    expect(at(hf, "G1")).toBeCloseTo(1.5, 12);
  });

  test("a blank row of a spill is empty text, as a custom function's \"\" is in Excel (not a blank cell)", () => {
    const hf = build([[10, 2], [null, null], [4, null]]);
    hf.setCellContents({ sheet: 0, row: 0, col: 3 }, [["=WSF.WEIGHTEDPUPILS(A1:A3, B1)", "=WSF.ALLOCATE(D1:D3, 10)"], [null], [null], ["=ISBLANK(D2)", null]]);
    expect([at(hf, "D1"), at(hf, "D2"), at(hf, "D3")]).toEqual([20, "", 8]);
    expect(at(hf, "D4")).toBe(false);
    // A WSF function reads the "" as a blank row and keeps it blank.
    expect([at(hf, "E1"), at(hf, "E2"), at(hf, "E3")]).toEqual([200, "", 80]);
  });

  test("a spill that fails as a whole inside array arithmetic gives the error in every row, not numbers from empty cells", () => {
    // WEIGHTEDPUPILS with two weights for one count column fails as a whole (a shape problem). Excel's
    // error + {1;2;3} is the error in every row; an empty reserved block would have given 1, 2, 3.
    const hf = build([[10, 1, 2, 1], [20, null, null, 2], [30, null, null, 3]]);
    hf.setCellContents({ sheet: 0, row: 0, col: 5 }, [["=WSF.WEIGHTEDPUPILS(A1:A3, B1:C1)+D1:D3"]]);
    for (const a1 of ["F1", "F2", "F3"]) expect((at(hf, a1) as DetailedCellError).value).toBe("#VALUE!");
  });

  test("the allocation chain with a text count: its row is an error, the other rows add up, and everything that needs the pool is an error", () => {
    // D: weighted pupils (1 x count) + concentration 0.5 x max(0, eligible - 0.5 x count); A2 is text.
    // Rows 1 and 3 by hand: 100 + 0.5 x (60 - 50) = 105 and 300 + 0.5 x max(0, 100 - 150) = 300.
    const hf = build([
      [100, 60, 1, 100_000],
      ["n/a", 10, null, null],
      [300, 100, null, null],
    ]);
    hf.setCellContents({ sheet: 0, row: 0, col: 5 }, [
      ["=WSF.WEIGHTEDPUPILS(A1:A3,C1)+WSF.CONCENTRATION(B1:B3,A1:A3,0.5,0.5)", "=WSF.SOLVEBASE(F1:F3,D1)", "=WSF.ALLOCATE(F1:F3,G1)"],
    ]);
    expect(at(hf, "F1")).toBeCloseTo(105, 12);
    expect((at(hf, "F2") as DetailedCellError).value).toBe("#VALUE!");
    expect(at(hf, "F3")).toBeCloseTo(300, 12);
    // SOLVEBASE's input holds an error cell: Excel does not call it and shows that error without a message.
    const base = at(hf, "G1") as DetailedCellError;
    expect(base.value).toBe("#VALUE!");
    expect(base.message).toBe("");
    for (const a1 of ["H1", "H2", "H3"]) expect((at(hf, a1) as DetailedCellError).value).toBe("#VALUE!");
  });

  test("text in a pupils cell gives #VALUE! with the catalogue's message naming function, argument and row", () => {
    const hf = build([
      [100, 10],
      [200, "n/a"],
    ]);
    hf.setCellContents({ sheet: 0, row: 0, col: 3 }, [["=WSF.GINI(A1:A2, B1:B2)"]]);
    const value = at(hf, "D1") as DetailedCellError;
    expect(value).toBeInstanceOf(DetailedCellError);
    expect(value.value).toBe("#VALUE!");
    expect(value.message).toBe('WSF.GINI: pupils row 2 is "n/a", expected a number');
  });

  test("a row-wise spill keeps a bad row to itself: the error with its message in that row, the other rows computed", () => {
    const hf = build([[100, 1], ["lots", null]]);
    hf.setCellContents({ sheet: 0, row: 0, col: 3 }, [["=WSF.WEIGHTEDPUPILS(A1:A2, B1)"]]);
    expect(at(hf, "D1")).toBe(100);
    const bad = at(hf, "D2") as DetailedCellError;
    expect(bad.value).toBe("#VALUE!");
    expect(bad.message).toBe('WSF.WEIGHTEDPUPILS: counts row 2 is "lots", expected a number');
  });

  test("an error cell in a spill's input fills the whole reserved block (no cell reads as 0), and a formula over that spill gets it too", async () => {
    const hf = build([[1], ["=1/0"]]);
    hf.setCellContents({ sheet: 0, row: 0, col: 2 }, [["=WSF.ALLOCATE(A1:A2, 10)", null, "=WSF.ALLOCATE(C1:C2, 2)", null, "=C2*5"]]);
    expect((at(hf, "C1") as DetailedCellError).value).toBe("#DIV/0!");
    expect((at(hf, "C2") as DetailedCellError).value).toBe("#DIV/0!");
    expect((at(hf, "E1") as DetailedCellError).value).toBe("#DIV/0!");
    expect((at(hf, "G1") as DetailedCellError).value).toBe("#DIV/0!");
    hf.setCellContents({ sheet: 0, row: 1, col: 0 }, [[3]]);
    expect([at(hf, "E1"), at(hf, "E2")]).toEqual([20, 60]); // 2 x (10 x 1), 2 x (10 x 3)
  });

  test("an input error reaches the cell without the message the input carried, as Excel answers with the input's error itself", () => {
    const hf = build([[10, 1], ["x", 1]]);
    hf.setCellContents({ sheet: 0, row: 0, col: 3 }, [["=WSF.MEAN(A1:A2, B1:B2)", "=WSF.GINI(D1:D1)"]]);
    const source = at(hf, "D1") as DetailedCellError;
    expect(source.message).toContain("WSF.MEAN: values row 2");
    const downstream = at(hf, "E1") as DetailedCellError;
    expect(downstream.value).toBe("#VALUE!");
    expect(downstream.message).toBe("");
  });

  test("#DIV/0! and #NUM! keep their Excel types: zero pupils, and a log statistic on 0", () => {
    const hf = build([[100, 0], [200, 0], [0, 1]]);
    hf.setCellContents({ sheet: 0, row: 0, col: 3 }, [["=WSF.MEAN(A1:A2, B1:B2)"], ["=WSF.THEIL(A1:A3)"], ["=WSF.MLD(A1:A3)"]]);
    expect((at(hf, "D1") as DetailedCellError).value).toBe("#DIV/0!");
    expect((at(hf, "D3") as DetailedCellError).value).toBe("#NUM!");
    // Excel shows no message on #DIV/0! and #NUM! (excel-behaviour.md item 2).
    expect((at(hf, "D1") as DetailedCellError).message).toBe("");
    expect((at(hf, "D3") as DetailedCellError).message).toBe("");
  });

  test("a skipped optional argument takes its default: ATKINSON(values,,1) is 1 - geometric mean / mean", () => {
    const values = [400, 900, 1600];
    const hf = build(values.map((v) => [v]));
    hf.setCellContents({ sheet: 0, row: 0, col: 2 }, [["=WSF.ATKINSON(A1:A3,,1)"], ["=WSF.ATKINSON(A1:A3)"]]);
    // Naive: geometric mean (400 x 900 x 1600)^(1/3) = 830.4; mean 966.67.
    const geometric = Math.exp(values.reduce((s, v) => s + Math.log(v), 0) / values.length);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(at(hf, "C1")).toBeCloseTo(1 - geometric / mean, 12);
    // Default epsilon 0.5: 1 - (mean of sqrt(x/mu))^2.
    const half = values.reduce((s, v) => s + Math.sqrt(v / mean), 0) / values.length;
    expect(at(hf, "C2")).toBeCloseTo(1 - half * half, 12);
  });

  test("a wrong number of arguments is #N/A saying how many the function takes", () => {
    const hf = build([[1]]);
    hf.setCellContents({ sheet: 0, row: 0, col: 1 }, [["=WSF.GINI()"]]);
    const value = at(hf, "B1") as DetailedCellError;
    expect(value.value).toBe("#N/A");
    expect(value.message).toBe("WSF.GINI: expects 1 to 2 arguments, got 0");
  });

  test("EQUITYTABLE reserves exactly the rows it fills, with and without poverty", () => {
    const hf = build(e5Sheet());
    hf.setCellContents({ sheet: 0, row: 0, col: 6 }, [["=WSF.EQUITYTABLE(D1:D8, A1:A8, C1:C8)"]]);
    const entry = catalogue.find((e) => e.id === "EQUITYTABLE")!;
    const direct = entry.fn(
      e5.map((r) => [r[1] / r[0]]),
      e5.map((r) => [r[0]]),
      e5.map((r) => [r[2]]),
    ) as unknown[][];
    const { height } = hf.getSheetDimensions(0);
    expect(height).toBe(Math.max(8, direct.length));
    for (let i = 0; i < direct.length; i++) expect(hf.getCellValue({ sheet: 0, row: i, col: 6 })).toBe(direct[i][0]);
  });

  test("property: WSF.MEAN in a cell equals a naive weighted mean for any positive data", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 5000 })), { minLength: 1, maxLength: 40 }),
        (rows) => {
          const hf = build(rows.map(([v, w]) => [v, w]));
          hf.setCellContents({ sheet: 0, row: 0, col: 2 }, [[`=WSF.MEAN(A1:A${rows.length}, B1:B${rows.length})`]]);
          const naive = rows.reduce((s, [v, w]) => s + v * w, 0) / rows.reduce((s, [, w]) => s + w, 0);
          const got = at(hf, "C1") as number;
          hf.destroy();
          return Math.abs(got - naive) <= 1e-9 * naive;
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("startPlayground", () => {
  test("opens with the sample district as table Schools plus the sample workbook's helper columns, and E5 beside it", async () => {
    const { startPlayground } = await import("../../../src/playground/startPlayground");
    const { generateSampleDistrict } = await import("../../../src/engine/sample/generateSampleDistrict");
    const workbook = await startPlayground(metadata);
    const table = await workbook.readTable("Schools");
    const sample = generateSampleDistrict();
    expect(table.info.headers).toEqual([...sample.headers, "Unrestricted per pupil", "Total per pupil", "FRL share", "Instructional staff FTE", "State/local salaries"]);
    expect(table.rows.length).toBe(850);
    // Row 2 of the sheet is the first school: helpers are P/E, (P+Q)/E and J/E of its own numbers.
    const [first] = sample.rows as number[][];
    expect(table.rows[0][17]).toBeCloseTo(first[15] / first[4], 9);
    expect(table.rows[0][18]).toBeCloseTo((first[15] + first[16]) / first[4], 9);
    expect(table.rows[0][19]).toBeCloseTo(first[9] / first[4], 12);
    // docs/training.md: 850 schools, 673,716 pupils.
    workbook.setCellByUser("Schools", 0, 25, "=SUM(E2:E851)");
    expect(workbook.cell("Schools", 0, 25).value).toBe(673_716);
    expect(workbook.activeSheet).toBe("Schools");
    expect((await workbook.readTable("EightSchools")).rows.map((r) => r[0])).toEqual(["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8"]);
  });
});
