/**
 * The harness (test/support/excelRuntime.ts, excelHost) calls the built dist/functions.js with the rules of
 * excel-behaviour.md that the bundle alone cannot see: error cells in inputs never reach a function (item 4),
 * blanks arrive as null or as 0 depending on the Excel build (item 5), data types arrive as objects (item 7),
 * and #DIV/0! / #NUM! show no message (item 2). Expected numbers are hand calculations written beside them.
 */
import { ExcelError, ErrorCode, excelHost, loadBuiltFunctions } from "../support/excelRuntime";

const col = (...xs: unknown[]) => xs.map((x) => [x]);
const web = excelHost({ blankCells: "null" });
const windows = excelHost({ blankCells: "zero" });
const bare = loadBuiltFunctions();

describe("an error cell in an input range (allowErrorForDataTypeAny is false)", () => {
  it("is the result itself, without a message: the function is not called, so a row-wise function does not spill", () => {
    const divZero = new ExcelError(ErrorCode.divisionByZero);
    const result = web.call("WEIGHTEDPUPILS", [[10], [divZero], [30]], [[2]]);
    expect(result).toBeInstanceOf(ExcelError);
    expect(result.code).toBe("#DIV/0!");
    expect(result.message).toBe("#DIV/0!");
    // Called directly, the bundle would have read the error object as a data type in row 2 and spilled the rest.
    const direct = bare.get("WEIGHTEDPUPILS")!([[10], [divZero], [30]], [[2]]) as unknown[][];
    expect(direct).toHaveLength(3);
  });

  it("drops the message the input error carried (#VALUE! from another WSF function)", () => {
    const upstream = new ExcelError(ErrorCode.invalidValue, 'WSF.WEIGHTEDPUPILS: counts row 2 is "n/a", expected a number');
    const result = web.call("SOLVEBASE", col(108, upstream, 66), 1_000_000, null, null, null, null);
    expect(result.code).toBe("#VALUE!");
    expect(result.message).toBe("#VALUE!");
  });

  it("short-circuits from an optional range too (a #N/A prior)", () => {
    const result = web.call("PROTECT", col(100, 200), col(new ExcelError(ErrorCode.notAvailable), 150), 0.05, null);
    expect(result.code).toBe("#N/A");
  });
});

describe("a linked data type cell (an object)", () => {
  it("is #VALUE! naming the row, with its display text and no JSON", () => {
    const geography = { type: "Entity", text: "Seattle", properties: { Population: { type: "Double", basicValue: 755_078 } } };
    const result = web.call("MEAN", col(10, geography, 30), null);
    expect(result.code).toBe("#VALUE!");
    expect(result.message).toBe('WSF.MEAN: values row 2 is a linked data type ("Seattle"), expected a number');
  });

  it("without display text is still named as a data type", () => {
    const out = web.call("ALLOCATE", col(10, { type: "Entity", properties: {} }), 100, null);
    expect(out[0][0]).toBe(1000);
    expect(out[1][0].message).toBe("WSF.ALLOCATE: weightedPupils row 2 is a linked data type, expected a number");
  });
});

describe("#DIV/0! and #NUM! show no message, as in Excel", () => {
  it("MLD of a 0 value is a bare #NUM!, zero pupils a bare #DIV/0!", () => {
    expect(web.call("MLD", col(0, 2), null)).toMatchObject({ code: "#NUM!", message: "#NUM!" });
    expect(web.call("MEAN", col(1, 2), col(0, 0))).toMatchObject({ code: "#DIV/0!", message: "#DIV/0!" });
  });
});

describe("blank cells as null (Excel on the web) or as 0 (some Windows and Mac builds)", () => {
  it("PROTECT: a blank prior is no band either way; a 10% cap does not hold the new school at 0", () => {
    // Row 1: prior 100,000, band [95,000, 110,000]: 130,000 -> 110,000. Row 2: no prior, 80,000 stays.
    const args = [col(130_000, 80_000), col(100_000, null), 0.05, 0.1];
    const out = web.call("PROTECT", ...args);
    expect(out[0][0]).toBeCloseTo(110_000, 6);
    expect(out[1][0]).toBe(80_000);
    expect(windows.call("PROTECT", ...args)).toEqual(web.call("PROTECT", ...args));
  });

  it("SOLVEBASE: the same base either way with a blank prior and a gain cap", () => {
    // School 1 (prior 400,000, 10% stop-loss) is held at 360,000; school 2 has no prior: 640,000 / 400 = 1,600.
    const args = [col(100, 400), 1_000_000, null, col(400_000, null), 0.1, 0.1];
    expect(web.call("SOLVEBASE", ...args)).toBeCloseTo(1600, 9);
    expect(windows.call("SOLVEBASE", ...args)).toBe(web.call("SOLVEBASE", ...args));
  });

  it("a blank count is 0 either way; a blank fixed cell is no fixed amount either way", () => {
    expect(windows.call("WEIGHTEDPUPILS", [[10, null], [20, 5]], [[1, 2]])).toEqual(web.call("WEIGHTEDPUPILS", [[10, null], [20, 5]], [[1, 2]]));
    expect(windows.call("ALLOCATE", col(10, 20), 100, col(null, 50))).toEqual([[1000], [2050]]);
    expect(web.call("ALLOCATE", col(10, 20), 100, col(null, 50))).toEqual([[1000], [2050]]);
  });

  it("an omitted optional argument is null in both modes (only cells become 0)", () => {
    // ATKINSON's epsilon omitted takes its default 0.5 in both modes; epsilon 0 would give 0 (no aversion).
    const values = col(400, 900, 1600);
    expect(windows.call("ATKINSON", values, null, null)).toBe(web.call("ATKINSON", values, null, null));
    expect(windows.call("ATKINSON", values, null, null)).toBeGreaterThan(0);
  });
});
