/**
 * The custom functions as Excel runs them: the built dist/functions.js loaded with nothing but the
 * CustomFunctions global, called with Excel-shaped 2-D arrays and `null` for skipped optional arguments.
 * Values come from the published examples of shared/domain.md section 4 (cited by id) or from hand
 * calculations written out beside them.
 */
import { ExcelError, loadBuiltFunctions, readFunctionsJson } from "../support/excelRuntime";

const fns = loadBuiltFunctions();

function call(id: string, ...args: unknown[]): any {
  const fn = fns.get(id);
  if (!fn) throw new Error(`WSF.${id} is not associated by dist/functions.js`);
  try {
    return fn(...args);
  } catch (error) {
    return error;
  }
}

/** A column range as Excel passes it: [[a], [b], ...]. */
const col = (...xs: unknown[]) => xs.map((x) => [x]);
const row = (...xs: unknown[]) => [xs];

// E5: the 8-school district (enrollment, FRL share, unrestricted $, restricted $, weighted pupils).
const E5 = [
  [420, 0.18, 2_730_000, 210_000, 455],
  [610, 0.35, 3_904_000, 520_000, 700],
  [380, 0.52, 2_470_000, 610_000, 462],
  [950, 0.61, 6_080_000, 1_450_000, 1180],
  [300, 0.74, 2_010_000, 720_000, 390],
  [720, 0.83, 4_680_000, 1_980_000, 968],
  [510, 0.91, 3_264_000, 1_620_000, 700],
  [265, 0.97, 1_775_500, 940_000, 372],
];
const e5Pupils = col(...E5.map((s) => s[0]));
const e5Frl = col(...E5.map((s) => s[1]));
const e5TotalPerPupil = col(...E5.map((s) => (s[2] + s[3]) / s[0]));
const e5UnrestrictedPerPupil = col(...E5.map((s) => s[2] / s[0]));
const e5TotalPerWeighted = col(...E5.map((s) => (s[2] + s[3]) / s[4]));

describe("dist/functions.js in a runtime with only CustomFunctions", () => {
  it("associates exactly the 36 functions of the catalogue, each listed in functions.json", () => {
    const catalogue = [
      "MEAN", "PERCENTILE", "RANGE", "RESTRICTEDRANGE", "FEDERALRANGERATIO", "COEFVAR", "MCLOONE", "VERSTEGEN", "GINI",
      "THEIL", "MLD", "ATKINSON", "SDLOGS", "CORRELATION", "SLOPE", "ELASTICITY", "PROGRESSIVITY", "POORNONPOOR",
      "BYGROUP", "EXPENDITURELEVEL", "LORENZ", "EQUITYTABLE", "WEIGHTEDPUPILS", "CONCENTRATION", "ALLOCATE",
      "SOLVEBASE", "PROTECT", "PERPUPIL", "EXPLAIN", "UPP", "LCFF", "PHASEIN", "TITLEIRANK", "TITLEIMINIMUM", "TITLEIALLOCATE", "COMPARABILITY",
    ];
    expect([...fns.keys()].sort()).toEqual([...catalogue].sort());
    expect(readFunctionsJson().functions.map((f) => f.id).sort()).toEqual([...catalogue].sort());
  });

  it("describes every function and every parameter (Excel's formula help)", () => {
    for (const f of readFunctionsJson().functions) {
      expect(f.description.length).toBeGreaterThan(20);
      for (const p of f.parameters) expect(`${f.id}.${p.name}: ${p.description ?? ""}`.length).toBeGreaterThan(`${f.id}.${p.name}: `.length + 5);
    }
  });
});

describe("published examples through the functions layer", () => {
  it("E1 Impact Aid: P5 pupil at $820 and P95 pupil at $1,000 give a federal range ratio of 180/820 = 0.219512", () => {
    // 100 pupils: cumulative 1, 10, 90, 99, 100. The 5th pupil sits in the $820 unit, the 95th in the $1,000 unit.
    const values = col(800, 820, 900, 1000, 1100);
    const pupils = col(1, 9, 80, 9, 1);
    expect(call("PERCENTILE", values, pupils, 0.05)).toBe(820);
    expect(call("PERCENTILE", values, pupils, 0.95)).toBe(1000);
    expect(call("FEDERALRANGERATIO", values, pupils, null, null)).toBeCloseTo(0.219512, 6);
    expect(call("RESTRICTEDRANGE", values, pupils)).toBe(180);
  });

  it("E2 McLoone: 'half' 603/(45 x 19) = 0.705263 (published), 'below' 288/(45 x 12) = 0.533333, median 45", () => {
    const values = col(1000, 200, 100, 60, 45, 24);
    const pupils = col(2, 4, 6, 6, 8, 12);
    expect(call("PERCENTILE", values, pupils, null)).toBe(45);
    expect(call("MCLOONE", values, pupils, "half")).toBeCloseTo(0.705263, 6);
    expect(call("MCLOONE", values, pupils, null)).toBeCloseTo(0.533333, 6);
    expect(call("MCLOONE", values, pupils, "BELOW")).toBeCloseTo(0.533333, 6);
  });

  it("E5 8-school district, pupil-weighted total per pupil: mean, CV, McLoone, Gini, correlation and slope with FRL", () => {
    expect(call("MEAN", e5TotalPerPupil, e5Pupils)).toBeCloseTo(8414.8014, 3);
    expect(call("COEFVAR", e5TotalPerPupil, e5Pupils)).toBeCloseTo(0.118753, 6);
    expect(call("MCLOONE", e5TotalPerPupil, e5Pupils, null)).toBeCloseTo(0.928066, 6);
    expect(call("GINI", e5TotalPerPupil, e5Pupils)).toBeCloseTo(0.06672, 6);
    expect(call("CORRELATION", e5TotalPerPupil, e5Frl, e5Pupils)).toBeCloseTo(0.962306, 6);
    expect(call("SLOPE", e5TotalPerPupil, e5Frl, e5Pupils)).toBeCloseTo(3993.8498, 3);
  });

  it("E5: unrestricted per pupil is nearly flat (CV 0.015368, Gini 0.007487); total per weighted pupil CV 0.045925", () => {
    expect(call("COEFVAR", e5UnrestrictedPerPupil, e5Pupils)).toBeCloseTo(0.015368, 6);
    expect(call("GINI", e5UnrestrictedPerPupil, e5Pupils)).toBeCloseTo(0.007487, 6);
    expect(call("COEFVAR", e5TotalPerWeighted, e5Pupils)).toBeCloseTo(0.045925, 6);
  });

  it("E5 EQUITYTABLE reports the same figures as the single functions", () => {
    const table: [string, unknown][] = call("EQUITYTABLE", e5TotalPerPupil, e5Pupils, e5Frl);
    const byName = new Map(table.map(([name, value]) => [name, value]));
    const values = [...byName.values()];
    expect(values).toContainEqual(call("GINI", e5TotalPerPupil, e5Pupils));
    expect(values).toContainEqual(call("COEFVAR", e5TotalPerPupil, e5Pupils));
    expect(values).toContainEqual(call("CORRELATION", e5TotalPerPupil, e5Frl, e5Pupils));
    expect(table.every((line) => line.length === 2 && typeof line[0] === "string")).toBe(true);
  });

  it("A1 NYC FY22, per capita $4,223: weights 1.03 + 0.40 give $6,038.89 and 1.00 + 0.25 + 0.40 give $6,967.95", () => {
    const wp = call("WEIGHTEDPUPILS", [[1, 1, 0, 0], [0, 1, 1, 1]], row(1.03, 0.4, 1.0, 0.25));
    // Row 1: 1 x 1.03 + 1 x 0.40 = 1.43; row 2: 0.40 + 1.00 + 0.25 = 1.65.
    expect(wp[0][0]).toBeCloseTo(1.43, 12);
    expect(wp[1][0]).toBeCloseTo(1.65, 12);
    const amounts = call("ALLOCATE", wp, 4223, null);
    expect(amounts[0][0]).toBeCloseTo(6038.89, 2);
    expect(amounts[1][0]).toBeCloseTo(6967.95, 2);
  });

  it("A4 Boston FY16: EXPLAIN amounts are round(weight x base x pupils), as published, not rounded rate x pupils", () => {
    const weights = [1.8, 1.6, 1.4, 1.3, 1.4, 1.3, 4.3, 2.5, 3.5, 3.0];
    const pupils = [80, 19, 17, 24, 12, 4, 44, 40, 32, 12];
    const published = [580100, 122465, 95878, 125688, 67678, 20948, 762187, 402847, 451189, 145025];
    const lines = call("EXPLAIN", row(...pupils), row(...weights), 4028.47, null);
    expect(lines).toHaveLength(11);
    lines.slice(0, 10).forEach((line: any[], i: number) => {
      expect(line[1]).toBe(pupils[i]);
      expect(line[2]).toBe(weights[i]);
      expect(line[3]).toBeCloseTo(weights[i] * 4028.47, 9);
      expect(Math.round(line[4])).toBe(published[i]);
    });
    // Rounding the K0-K1 rate first (7,251 x 80 = 580,080) would miss the published 580,100.
    expect(Math.round(lines[0][3]) * 80).toBe(580080);
    const total = lines[10];
    expect(total[0]).toBe("Total");
    expect(total[4]).toBeCloseTo(published.reduce((a, b) => a + b, 0), -1);
  });

  it("A5 Chicago: rates per pupil are base x weight (K-3 1.07, 9-12 1.24) rounding half up to 4,697/5,444, 2,670/3,094, 4,590/5,320", () => {
    for (const [base, k3, hs] of [[4390, 4697, 5444], [2495, 2670, 3094], [4290, 4590, 5320]]) {
      const lines = call("EXPLAIN", row(1, 1), row(1.07, 1.24), base, row("K-3", "9-12"));
      expect(lines[0][0]).toBe("K-3");
      expect(Math.round(lines[0][3])).toBe(k3);
      expect(Math.round(lines[1][3])).toBe(hs);
    }
  });

  it("Chicago FY14: a $1,961,280,000 pool over 473,739.13... weighted pupils solves to the $4,140 base", () => {
    // 1,961,280,000 / 4,140 = 473,739.1304...; spread over 600 schools of equal weighted pupils.
    const perSchool = 1_961_280_000 / 4140 / 600;
    const wp = col(...Array.from({ length: 600 }, () => perSchool));
    expect(call("SOLVEBASE", wp, 1_961_280_000, null, null, null, null)).toBeCloseTo(4140, 6);
  });
});

describe("allocation chain", () => {
  // Three schools written out by hand: weighted pupils 100, 200, 300; prior 90,000, 150,000, 400,000.
  const wp = col(100, 200, 300);
  const prior = col(90_000, 150_000, 400_000);

  it("SOLVEBASE without protection is (pool - fixed) / weighted pupils: (660,000 - 3 x 10,000) / 600 = 1,050", () => {
    expect(call("SOLVEBASE", wp, 660_000, [[10_000]], null, null, null)).toBeCloseTo(1050, 9);
    const amounts = call("ALLOCATE", wp, 1050, [[10_000]]);
    expect(amounts.map((r: number[]) => r[0])).toEqual([115_000, 220_000, 325_000]);
  });

  it("SOLVEBASE with a 5% stop-loss pays the floor out of the base", () => {
    // Floors: 85,500, 142,500, 380,000. Pool 700,000 with only school 3 floored: 100b + 200b + 380,000 = 700,000,
    // so b = 1,066.67; then school 1 gets 106,667 >= 85,500 and school 2 213,333 >= 142,500 (not floored), and
    // school 3's formula 320,000 < 380,000 (floored): consistent. Without the stop-loss b would be 700,000 / 600 = 1,166.67.
    const base = call("SOLVEBASE", wp, 700_000, null, prior, 0.05, null);
    expect(base).toBeCloseTo(320_000 / 300, 6);
    expect(call("SOLVEBASE", wp, 700_000, null, null, null, null)).toBeCloseTo(700_000 / 600, 9);
    const formula = call("ALLOCATE", wp, base, null);
    const protectedAmounts = call("PROTECT", formula, prior, 0.05, null).map((r: number[]) => r[0]);
    expect(protectedAmounts[2]).toBeCloseTo(380_000, 6);
    expect(protectedAmounts.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(700_000, 2);
  });

  it("PROTECT holds each school within [prior x (1 - maxLoss), prior x (1 + maxGain)] and leaves a blank prior unprotected", () => {
    const out = call("PROTECT", col(50_000, 200_000, 100), col(100_000, 100_000, null), 0.1, 0.2);
    expect(out).toEqual([[90_000], [120_000], [100]]);
  });

  it("CONCENTRATION 'above' counts pupils above the threshold (LCFF): 0.65 x (80 - 0.55 x 100) = 16.25", () => {
    const above = call("CONCENTRATION", col(80, 40), col(100, 100), 0.55, 0.65, null, null);
    expect(above[0][0]).toBeCloseTo(16.25, 12);
    expect(above[1][0]).toBe(0);
    expect(call("CONCENTRATION", col(80, 40), col(100, 100), 0.55, 0.65, "all", null)).toEqual([[52], [0]]);
    // ramp from 20% to 60%: share 0.4 is half-way, so 0.5 x 0.3 x 40 = 6.
    expect(call("CONCENTRATION", col(40), col(100), 0.2, 0.3, "ramp", 0.6)[0][0]).toBeCloseTo(6, 12);
  });

  it("PERPUPIL gives #DIV/0! in the zero-pupil cell only", () => {
    const out = call("PERPUPIL", col(1000, 500, null), col(10, 0, null));
    expect(out[0][0]).toBe(100);
    expect(out[1][0]).toBeInstanceOf(ExcelError);
    expect(out[1][0].code).toBe("#DIV/0!");
    expect(out[2][0]).toBe("");
  });

  it("UPP is a ratio of sums over three years: (700 + 720 + 690) / (1,000 + 1,000 + 1,000) = 0.703333", () => {
    expect(call("UPP", [[700, 720, 690]], [[1000, 1000, 1000]])).toBeCloseTo(2110 / 3000, 12);
  });

  it("LCFF: a hand calculation with 2024-25 rates and UPP 0.70", () => {
    // ADA 100 in each span. GSA rounded: K-3 10,025 x 0.104 = 1,042.6 -> 1,043; 9-12 12,144 x 0.026 = 315.744 -> 316.
    // Adjusted base = 100 x (11,068 + 10,177 + 10,478 + 12,460) = 4,418,300.
    // Supplemental = 0.20 x 4,418,300 x 0.70 = 618,562. Concentration = 0.65 x 4,418,300 x 0.15 = 430,784.25.
    const out = call("LCFF", [[100, 100, 100, 100]], [[0.7]], row(10025, 10177, 10478, 12144), null, null);
    expect(out[0][0]).toBeCloseTo(4_418_300, 6);
    expect(out[0][1]).toBeCloseTo(618_562, 6);
    expect(out[0][2]).toBeCloseTo(430_784.25, 6);
    expect(out[0][3]).toBeCloseTo(4_418_300 + 618_562 + 430_784.25, 6);
  });
});

describe("shared input rules", () => {
  it("ignores blank value rows, whether null or empty text (AVERAGE's rule)", () => {
    expect(call("MEAN", col(10, null, "", 20), col(1, null, "", 3))).toBeCloseTo((10 + 60) / 4, 12);
    expect(call("GINI", col(10, null, 20, ""), null)).toBeCloseTo(call("GINI", col(10, 20), null), 15);
  });

  it("accepts a row as well as a column", () => {
    expect(call("MEAN", row(10, 20, 30), row(1, 1, 2))).toBeCloseTo(22.5, 12);
  });

  it("returns a 1 x 1 spill for a one-row input, so allocation functions work as table calculated columns", () => {
    expect(call("WEIGHTEDPUPILS", [[10, 5]], row(1, 0.5))).toEqual([[12.5]]);
    expect(call("ALLOCATE", [[12.5]], 100, null)).toEqual([[1250]]);
    expect(call("PERPUPIL", [[1250]], [[10]])).toEqual([[125]]);
    expect(call("EXPENDITURELEVEL", [[1]], [[0.5]], null, null)).toHaveLength(1);
  });

  it("keeps spills aligned with the input rows, blank rows blank", () => {
    expect(call("WEIGHTEDPUPILS", [[10], [null], [""], [4]], [[2]])).toEqual([[20], [""], [""], [8]]);
    const levels = call("EXPENDITURELEVEL", col(100, null, 100, 100, 300), col(0.1, null, 0.2, 0.3, 0.4), null, null);
    expect(levels).toHaveLength(5);
    expect(levels[1][0]).toBe("");
  });
});

type BadCase = [string, string, unknown[], string, string];
// [description, id, args, Excel error, text the message must contain (#VALUE! and #N/A; the others carry none)]
const badInputs: BadCase[] = [
  ["text in values", "GINI", [col(1, "n/a", 3), null], "#VALUE!", 'WSF.GINI: values row 2 is "n/a", expected a number'],
  ["text in pupils", "GINI", [col(1, 2, 3), col(1, "n/a", 3)], "#VALUE!", 'WSF.GINI: pupils row 2 is "n/a", expected a number'],
  ["boolean in values", "MEAN", [col(1, true), null], "#VALUE!", "WSF.MEAN: values row 2 is TRUE"],
  ["negative pupils", "COEFVAR", [col(1, 2), col(3, -1)], "#VALUE!", "WSF.COEFVAR: pupils row 2 is -1"],
  ["negative value", "THEIL", [col(-5, 2), null], "#VALUE!", "WSF.THEIL: values row 1 is -5"],
  ["blank pupil beside a value", "MEAN", [col(1, 2), col(3, null)], "#VALUE!", "WSF.MEAN: pupils row 2 is blank"],
  ["mismatched lengths", "GINI", [col(1, 2, 3), col(1, 2)], "#VALUE!", "WSF.GINI: pupils has 2 rows but values has 3"],
  ["a 2-D values block", "MEAN", [[[1, 2], [3, 4]], null], "#VALUE!", "WSF.MEAN: values must be a single column or a single row"],
  ["no usable rows", "MEAN", [col(null, ""), null], "#DIV/0!", "WSF.MEAN"],
  ["zero total pupils", "GINI", [col(1, 2), col(0, 0)], "#DIV/0!", "WSF.GINI"],
  ["log of zero in MLD", "MLD", [col(0, 2), null], "#NUM!", "WSF.MLD"],
  ["log of zero in SDLOGS", "SDLOGS", [col(0, 2), null], "#NUM!", "WSF.SDLOGS"],
  ["Atkinson epsilon 1 with a zero", "ATKINSON", [col(0, 2), null, 1], "#NUM!", "WSF.ATKINSON"],
  ["percentile p above 1", "PERCENTILE", [col(1, 2), null, 1.5], "#NUM!", "WSF.PERCENTILE: p is 1.5"],
  ["unknown McLoone method", "MCLOONE", [col(1, 2), null, "middle"], "#VALUE!", 'WSF.MCLOONE: method is "middle", expected one of "below", "half"'],
  ["federal range ratio with P5 of 0", "FEDERALRANGERATIO", [col(0, 0, 1), null, null, null], "#DIV/0!", "WSF.FEDERALRANGERATIO"],
  ["poverty above 1", "PROGRESSIVITY", [col(1, 2), col(0.5, 1.2), null, null], "#VALUE!", "WSF.PROGRESSIVITY: poverty row 2 is 1.2"],
  ["progressivity with 1 group", "PROGRESSIVITY", [col(1, 2), col(0.1, 0.2), null, 1], "#NUM!", "WSF.PROGRESSIVITY"],
  ["blank factor beside a value", "CORRELATION", [col(1, 2), col(0.1, null), null], "#VALUE!", "WSF.CORRELATION: factor row 2 is blank"],
  ["correlation with a constant factor", "CORRELATION", [col(1, 2), col(0.5, 0.5), null], "#DIV/0!", "WSF.CORRELATION"],
  ["elasticity with a zero factor", "ELASTICITY", [col(1, 2), col(0, 0.5), null], "#NUM!", "WSF.ELASTICITY"],
  ["POORNONPOOR without pupils", "POORNONPOOR", [col(1, 2), col(0.1, 0.2), null], "#VALUE!", "WSF.POORNONPOOR: pupils is required"],
  ["weights of the wrong size", "WEIGHTEDPUPILS", [[[10, 2]], row(1, 0.5, 0.3)], "#VALUE!", "WSF.WEIGHTEDPUPILS: weights"],
  ["text weight", "WEIGHTEDPUPILS", [[[10, 2]], row(1, "high")], "#VALUE!", 'WSF.WEIGHTEDPUPILS: weights row 2 is "high"'],
  ["unknown concentration mode", "CONCENTRATION", [col(10), col(100), 0.55, 0.65, "some", null], "#VALUE!", 'WSF.CONCENTRATION: mode is "some"'],
  ["threshold above 1", "CONCENTRATION", [col(10), col(100), 55, 0.65, null, null], "#VALUE!", "WSF.CONCENTRATION: threshold is 55, expected a share between 0 and 1"],
  ["text base", "ALLOCATE", [col(10), "lots", null], "#VALUE!", 'WSF.ALLOCATE: base is "lots"'],
  ["fixed column of the wrong size", "ALLOCATE", [col(10, 20), 100, col(1, 2, 3)], "#VALUE!", "WSF.ALLOCATE: fixed has 3 rows"],
  ["floors cost more than the pool", "SOLVEBASE", [col(100, 100), 100_000, null, col(80_000, 80_000), 0.05, null], "#VALUE!", "WSF.SOLVEBASE: pool"],
  ["caps cannot reach the pool", "SOLVEBASE", [col(100, 100), 1_000_000, null, col(80_000, 80_000), null, 0.1], "#VALUE!", "WSF.SOLVEBASE"],
  ["negative pool", "SOLVEBASE", [col(100), -5, null, null, null, null], "#VALUE!", "WSF.SOLVEBASE"],
  ["maxLoss without prior", "SOLVEBASE", [col(100), 5000, null, null, 0.05, null], "#VALUE!", "WSF.SOLVEBASE: prior is needed"],
  ["maxLoss above 1", "PROTECT", [col(100), col(100), 1.5, null], "#VALUE!", "WSF.PROTECT: maxLoss is 1.5"],
  ["labels of the wrong count", "EXPLAIN", [row(1, 2), row(1, 1.2), 100, row("a")], "#VALUE!", "WSF.EXPLAIN: labels has 1 labels but there are 2 categories"],
  ["UPP shapes differ", "UPP", [[[1, 2]], [[3]]], "#VALUE!", "WSF.UPP: enrollment is 1 x 1 but unduplicated is 1 x 2"],
  ["LCFF ada with 3 columns", "LCFF", [[[1, 2, 3]], [[0.5]], row(1, 2, 3, 4), null, null], "#VALUE!", "WSF.LCFF: ada has 3 columns, expected 4"],
];

describe("bad input gives a clear Excel error naming the function, the argument and the row", () => {
  it.each(badInputs)("%s", (_what, id, args, code, text) => {
    const result = call(id, ...args);
    expect(result).toBeInstanceOf(ExcelError);
    expect(result.code).toBe(code);
    // Excel keeps a message only on #VALUE! and #N/A (excel-behaviour.md item 2): #DIV/0! and #NUM! show none.
    if (code === "#VALUE!" || code === "#N/A") expect(result.message).toContain(text);
    else expect(result.message).toBe(code);
  });

  // Row problems of the row-wise functions (a text count, eligible above enrollment, ...) stay in their row:
  // test/functions/rowWise.test.ts.
  it(`covers at least 30 cases (${badInputs.length})`, () => {
    expect(badInputs.length).toBeGreaterThanOrEqual(30);
  });
});
