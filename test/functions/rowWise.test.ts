/**
 * Row-wise functions keep a bad row to itself (design.md, "Row-wise functions"): the bad row's cell(s) get
 * #VALUE! with a message naming the function, the argument and the row; every other row is what the function
 * gives without that row. Shape problems still fail the whole result, and aggregates (SOLVEBASE and the
 * statistics) return one #VALUE! naming the first bad row. Through the built dist/functions.js; expected
 * numbers are hand calculations written beside them.
 */
import { ExcelError, loadBuiltFunctions } from "../support/excelRuntime";

const fns = loadBuiltFunctions();

function call(id: string, ...args: unknown[]): any {
  try {
    return fns.get(id)!(...args);
  } catch (error) {
    return error;
  }
}

const col = (...xs: unknown[]) => xs.map((x) => [x]);
const row = (...xs: unknown[]) => [xs];

/** A linked data type cell as Excel hands it over with allowCustomDataForDataTypeAny (a Stocks entity). */
const stock = { type: "Entity", text: "Microsoft Corp", properties: { Price: { type: "Double", basicValue: 420.5 } } };

/** The three kinds of bad cell the issue names, with the words the message must use for each. */
const badCells: [string, unknown, string][] = [
  ["text", "n/a", 'is "n/a", expected a number'],
  ["a negative count", -3, "is -3, expected a"],
  ["a linked data type", stock, 'is a linked data type ("Microsoft Corp"), expected a number'],
];

function expectRowError(cell: unknown, message: string): void {
  expect(cell).toBeInstanceOf(ExcelError);
  const error = cell as InstanceType<typeof ExcelError>;
  expect(error.code).toBe("#VALUE!");
  expect(error.message).toContain(message);
  // Never JSON of a data type in a message (excel-behaviour.md item 7).
  expect(error.message).not.toMatch(/[{}]|properties|basicValue/);
}

describe.each(badCells)("one row holding %s", (_kind, bad, words) => {
  it("WEIGHTEDPUPILS: row 2 shows its error; rows 1 and 3 are 100 + 0.4 x 20 = 108 and 50 + 0.4 x 40 = 66", () => {
    const out = call("WEIGHTEDPUPILS", [[100, 20], [bad, 10], [50, 40]], row(1, 0.4));
    expect(out).toHaveLength(3);
    expect(out[0][0]).toBeCloseTo(108, 12);
    expectRowError(out[1][0], `WSF.WEIGHTEDPUPILS: counts row 2 column 1 ${words}`);
    expect(out[2][0]).toBeCloseTo(66, 12);
  });

  it("CONCENTRATION: row 2 shows its error; rows 1 and 3 are 0.65 x (80 - 55) = 16.25 and 0.65 x (70 - 55) = 9.75", () => {
    const out = call("CONCENTRATION", col(80, bad, 70), col(100, 100, 100), 0.55, 0.65, null, null);
    expect(out[0][0]).toBeCloseTo(16.25, 12);
    expectRowError(out[1][0], `WSF.CONCENTRATION: eligible row 2 ${words}`);
    expect(out[2][0]).toBeCloseTo(9.75, 12);
  });

  it("ALLOCATE: row 2 shows its error; rows 1 and 3 are 4,000 x 108 + 10,000 = 442,000 and 4,000 x 66 + 10,000 = 274,000", () => {
    const out = call("ALLOCATE", col(108, bad, 66), 4000, [[10_000]]);
    expect(out[0][0]).toBe(442_000);
    expectRowError(out[1][0], `WSF.ALLOCATE: weightedPupils row 2 ${words}`);
    expect(out[2][0]).toBe(274_000);
  });

  it("PROTECT: a bad prior in row 2 shows its error; rows 1 and 3 are held at 100,000 x 0.97 = 97,000", () => {
    const out = call("PROTECT", col(95_000, 130_000, 50_000), col(100_000, bad, 100_000), 0.03, 0.2);
    expect(out[0][0]).toBeCloseTo(97_000, 9);
    expectRowError(out[1][0], `WSF.PROTECT: prior row 2 ${words}`);
    expect(out[2][0]).toBeCloseTo(97_000, 9);
  });

  it("PERPUPIL: row 2 shows its error; rows 1 and 3 are 442,000 / 100 = 4,420 and 274,000 / 50 = 5,480", () => {
    const out = call("PERPUPIL", col(442_000, 1000, 274_000), col(100, bad, 50));
    expect(out[0][0]).toBe(4420);
    expectRowError(out[1][0], `WSF.PERPUPIL: pupils row 2 ${words}`);
    expect(out[2][0]).toBe(5480);
  });

  it("EXPENDITURELEVEL: row 2 shows its error; the other rows are flagged against the line fitted without it", () => {
    // Without row 2: poverty 0.2, 0.4, 0.6, 0.8 and values 5,000, 6,000, 5,500, 7,000 (unweighted). Means 0.5 and
    // 5,875; covariance (262.5 - 12.5 - 37.5 + 337.5) / 4 = 137.5; variance 0.2 / 4 = 0.05; slope 2,750, intercept
    // 4,500. Fitted 5,050, 5,600, 6,150, 6,700; with a 10% band only 5,500 < 0.9 x 6,150 = 5,535 is "Low".
    const values = col(5000, bad, 6000, 5500, 7000);
    const out = call("EXPENDITURELEVEL", values, col(0.2, 0.3, 0.4, 0.6, 0.8), null, null);
    expect(out.map((r: unknown[]) => (r[0] instanceof ExcelError ? "error" : r[0]))).toEqual(["Typical", "error", "Typical", "Low", "Typical"]);
    expectRowError(out[1][0], `WSF.EXPENDITURELEVEL: values row 2 ${words}`);
  });

  it("LCFF: row 2's four cells show its error; rows 1 and 3 are the hand calculation of 100 ADA per span at UPP 0.70", () => {
    // GSA rounded: K-3 10,025 x 0.104 = 1,042.6 -> 1,043; 9-12 12,144 x 0.026 = 315.744 -> 316. Adjusted base
    // 100 x (11,068 + 10,177 + 10,478 + 12,460) = 4,418,300; supplemental 0.2 x 0.7 x that = 618,562;
    // concentration 0.65 x 0.15 x that = 430,784.25.
    const ada = [[100, 100, 100, 100], [100, bad, 100, 100], [100, 100, 100, 100]];
    const out = call("LCFF", ada, col(0.7, 0.7, 0.7), row(10025, 10177, 10478, 12144), null, null);
    for (const i of [0, 2]) {
      expect(out[i][0]).toBeCloseTo(4_418_300, 6);
      expect(out[i][1]).toBeCloseTo(618_562, 6);
      expect(out[i][2]).toBeCloseTo(430_784.25, 6);
      expect(out[i][3]).toBeCloseTo(5_467_646.25, 6);
    }
    for (const cell of out[1]) expectRowError(cell, `WSF.LCFF: ada row 2 column 2 ${words}`);
  });

  it("SOLVEBASE (an aggregate) returns one #VALUE! naming the bad row", () => {
    const result = call("SOLVEBASE", col(100, bad, 300), 1_000_000, null, null, null, null);
    expectRowError(result, `WSF.SOLVEBASE: weightedPupils row 2 ${words}`);
  });

  it("GINI (a statistic) returns one #VALUE! naming the bad row", () => {
    expectRowError(call("GINI", col(10, 20, 30), col(1, bad, 1)), `WSF.GINI: pupils row 2 ${words}`);
  });
});

describe("row problems that are not about one cell's type", () => {
  it("CONCENTRATION: eligible above enrollment stays in its row", () => {
    const out = call("CONCENTRATION", col(80, 120), col(100, 100), 0.55, 0.65, null, null);
    expect(out[0][0]).toBeCloseTo(16.25, 12);
    expectRowError(out[1][0], "WSF.CONCENTRATION: eligible row 2 is 120, more than the 100 enrolled");
  });

  it("CONCENTRATION: a blank enrollment beside an eligible count stays in its row", () => {
    const out = call("CONCENTRATION", col(10, 80), col(null, 100), 0.55, 0.65, null, null);
    expectRowError(out[0][0], "WSF.CONCENTRATION: enrollment row 1 is blank but eligible has a number");
    expect(out[1][0]).toBeCloseTo(16.25, 12);
  });

  it("PERPUPIL: a blank pupil cell beside an amount stays in its row; 0 pupils is #DIV/0! in its row", () => {
    const out = call("PERPUPIL", col(100, 200, 300), col(10, null, 0));
    expect(out[0][0]).toBe(10);
    expectRowError(out[1][0], "WSF.PERPUPIL: pupils row 2 is blank but amounts has a number");
    expect(out[2][0].code).toBe("#DIV/0!");
  });

  it("LCFF: a UPP above 1 stays in its row", () => {
    const out = call("LCFF", [[1, 2, 3, 4], [1, 2, 3, 4]], col(1.5, 0.5), row(1, 2, 3, 4), null, null);
    expectRowError(out[0][3], "WSF.LCFF: upp row 1 is 1.5");
    expect(typeof out[1][3]).toBe("number");
  });

  it("ALLOCATE: a bad cell in a fixed column stays in its row", () => {
    const out = call("ALLOCATE", col(10, 20), 100, col("foundation", 5));
    expectRowError(out[0][0], 'WSF.ALLOCATE: fixed row 1 is "foundation"');
    expect(out[1][0]).toBe(2005);
  });

  it("SOLVEBASE names the first bad row over all its columns (prior row 1 before weightedPupils row 3)", () => {
    const result = call("SOLVEBASE", col(100, 200, "x"), 1_000_000, null, col("last year", 5, 5), 0.05, null);
    expectRowError(result, 'WSF.SOLVEBASE: prior row 1 is "last year"');
  });
});

describe("shape problems still fail the whole result", () => {
  it.each([
    ["WEIGHTEDPUPILS weights of the wrong width", "WEIGHTEDPUPILS", [[[10, 2], ["x", 1]], row(1, 0.5, 0.3)], "WSF.WEIGHTEDPUPILS: weights"],
    ["CONCENTRATION columns of different lengths", "CONCENTRATION", [col(1, "x"), col(1, 2, 3), 0.5, 0.5, null, null], "WSF.CONCENTRATION: enrollment has 3 rows"],
    ["ALLOCATE fixed column of the wrong size", "ALLOCATE", [col(10, "x"), 100, col(1, 2, 3)], "WSF.ALLOCATE: fixed has 3 rows"],
    ["PROTECT prior of the wrong size", "PROTECT", [col(1, "x"), col(1, 2, 3), null, null], "WSF.PROTECT: prior has 3 rows"],
    ["PERPUPIL columns of different lengths", "PERPUPIL", [col(1, "x"), col(1, 2, 3)], "WSF.PERPUPIL: pupils has 3 rows"],
    ["LCFF ada with 3 columns", "LCFF", [[[1, "x", 3]], col(0.5), row(1, 2, 3, 4), null, null], "WSF.LCFF: ada has 3 columns"],
    ["EXPENDITURELEVEL poverty of the wrong size", "EXPENDITURELEVEL", [col(1, "x"), col(0.1), null, null], "WSF.EXPENDITURELEVEL: poverty has 1 rows"],
  ])("%s", (_what, id, args, message) => {
    const result = call(id as string, ...(args as unknown[]));
    expect(result).toBeInstanceOf(ExcelError);
    expect(result.code).toBe("#VALUE!");
    expect(result.message).toContain(message);
  });
});
