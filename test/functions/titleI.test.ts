/**
 * The Title I functions as Excel runs them: the built dist/functions.js loaded with nothing but the
 * CustomFunctions global, called with Excel-shaped 2-D arrays and `null` for skipped optional arguments.
 * Figures come from the published examples of shared/domain.md section 6 (U.S. Department of Education,
 * Title I policy guidance, April 1996, examples 2 and 4; the 125% rule's $2,366,381 / 2,618 x 1.25) or from
 * hand calculations written beside them.
 */
import { ErrorCode, ExcelError, loadBuiltFunctions } from "../support/excelRuntime";
import { ED1996, EXAMPLE2_POOL, EXAMPLE4_PUBLISHED } from "../engine/titleI/ed1996";

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

const col = (...xs: unknown[]) => xs.map((x) => [x]);
const lowIncome = col(...ED1996.map((a) => a.lowIncome));
const enrollment = col(...ED1996.map((a) => a.enrollment));
const served = col(...ED1996.map((a) => (a.served ? 1 : 0)));

function expectValueError(cell: unknown, message: string) {
  expect(cell).toBeInstanceOf(ExcelError);
  expect((cell as InstanceType<typeof ExcelError>).code).toBe(ErrorCode.invalidValue);
  expect((cell as InstanceType<typeof ExcelError>).message).toBe(message);
}

describe("WSF.TITLEIRANK", () => {
  it("ED 1996 example 2 (35% rule): printed rates, rank order, the 11 served areas eligible and the 5 others not", () => {
    const out = call("TITLEIRANK", lowIncome, enrollment, "35", null, null);
    expect(out).toHaveLength(16);
    ED1996.forEach((a, i) => {
      expect(out[i][0] * 100).toBeCloseTo(a.printedRate, 2);
      expect(out[i][1]).toBe(i + 1);
      expect(out[i][2]).toBe(a.printedRate > 75 ? "Must serve" : a.served ? "Eligible" : "Not eligible");
    });
  });

  it("grade-span grouping (hand calculation): above 75% first whatever the span, then Elementary, then High", () => {
    // Elementary: 300/400 = 75% (not above), 80/100 = 80%, 200/500 = 40%; span rate 580/1000 = 58%.
    // High: 50/60 = 83.3%, 300/600 = 50%, 100/400 = 25%; span rate 450/1060 = 42.45%.
    const out = call("TITLEIRANK", col(300, 80, 200, 50, 300, 100), col(400, 100, 500, 60, 600, 400), "span", col("Elementary", "Elementary", "Elementary", "High", "High", "High"), null);
    expect(out.map((r: unknown[]) => r[1])).toEqual([3, 2, 4, 1, 5, 6]);
    expect(out.map((r: unknown[]) => r[2])).toEqual(["Eligible", "Must serve", "Not eligible", "Must serve", "Eligible", "Not eligible"]);
  });

  it("keeps a bad row to itself: low-income above enrollment, negative counts; the others keep their rate", () => {
    const out = call("TITLEIRANK", col(50, 120, -3, null), col(100, 100, 100, null), null, null, null);
    expectValueError(out[1][0], "WSF.TITLEIRANK: lowIncome row 2 is 120, more than the 100 enrolled");
    expectValueError(out[1][2], "WSF.TITLEIRANK: lowIncome row 2 is 120, more than the 100 enrolled");
    expectValueError(out[2][1], "WSF.TITLEIRANK: lowIncome row 3 is -3, expected a count >= 0");
    expect(out[0][0]).toBe(0.5);
    expectValueError(out[0][1], "WSF.TITLEIRANK: row 1's rank and status depends on row 2, which has an error (see that row)");
    expect(out[3]).toEqual(["", "", ""]);
  });

  it("refuses an unknown method and ranges of different lengths as a whole", () => {
    expectValueError(call("TITLEIRANK", col(1), col(2), "poorest", null, null), 'WSF.TITLEIRANK: method is "poorest", expected one of "district", "35", "span"');
    expectValueError(call("TITLEIRANK", col(1, 2), col(2), null, null, null), "WSF.TITLEIRANK: enrollment has 1 rows but lowIncome has 2; they must be the same size");
  });
});

describe("WSF.TITLEIMINIMUM", () => {
  it("the published 125% arithmetic: $2,366,381 / 2,618 x 1.25 = $1,129.86", () => {
    expect(call("TITLEIMINIMUM", 2_366_381, 2_618, null)).toBeCloseTo(1129.86, 2);
    expect(call("TITLEIMINIMUM", 2_366_381, 2_618, 1)).toBeCloseTo(903.89, 2);
  });
});

describe("WSF.TITLEIALLOCATE", () => {
  it("ED 1996 example 2: $700 per child, each school and the total $3,913,700", () => {
    const out = call("TITLEIALLOCATE", lowIncome, served, 700, "perchild", null, null);
    ED1996.forEach((a, i) => expect(out[i][0]).toBe(a.served ? a.lowIncome * 700 : 0));
    expect(out[0][0]).toBe(609_000); // Violet Hill, printed
    expect(out[10][0]).toBe(324_100); // Camp Springs, printed
    expect(out.reduce((s: number, r: number[]) => s + r[0], 0)).toBe(EXAMPLE2_POOL);
  });

  it("ED 1996 example 4: poverty bands $950 / $900 / $850 give every printed line; Violet Hill's printed $826,507 is a misprint of 870 x $950 = $826,500", () => {
    const rates = call("TITLEIRANK", lowIncome, enrollment, "35", null, null).map((r: unknown[]) => [r[0]]);
    const bands = [[0.65, 950], [0.5, 900], [0, 850]];
    const out = call("TITLEIALLOCATE", lowIncome, served, bands, null, null, rates);
    ED1996.forEach((a, i) => expect([a.name, out[i][0]]).toEqual([a.name, a.served ? EXAMPLE4_PUBLISHED[a.name] : 0]));
    expect(out[0][0]).toBe(870 * 950);
    expect(out[0][0]).not.toBe(826_507);
  });

  it("a pool spread per child adds up to the pool to the cent", () => {
    const out = call("TITLEIALLOCATE", lowIncome, served, 3_000_000.01, null, null, null);
    const total = out.reduce((s: number, r: number[]) => s + r[0], 0);
    expect(Math.abs(total - 3_000_000.01)).toBeLessThan(0.005);
  });

  it("a pool below the 125% minimum's cost: every served school says how much is missing", () => {
    // Hand calculation: minimum 1,129.8610... x 5,591 served children = 6,317,053.18; pool 3,913,700; missing 2,403,353.18.
    const minimum = call("TITLEIMINIMUM", 2_366_381, 2_618, null);
    const out = call("TITLEIALLOCATE", lowIncome, served, EXAMPLE2_POOL, "pool", minimum, null);
    expectValueError(
      out[0][0],
      "WSF.TITLEIALLOCATE: amount $3,913,700 over the 5,591 low-income children of the served schools (rows 1, 2, 3, 4, 5, 6, 7, 8 and 3 more) is $700 per child, below minimumPerChild $1,129.86; serving them costs $6,317,053.18, $2,403,353.18 missing: serve fewer schools or add to the pool",
    );
    expect(out[11][0]).toBe(0);
  });

  it("served flags that are not 1/0/TRUE/FALSE and negative counts stay in their row", () => {
    const out = call("TITLEIALLOCATE", col(10, 10, -1, 10), col("yes", 2, 1, true), 100, "perchild", null, null);
    expectValueError(out[0][0], 'WSF.TITLEIALLOCATE: served row 1 is "yes", expected 1, 0, TRUE or FALSE');
    expectValueError(out[1][0], "WSF.TITLEIALLOCATE: served row 2 is 2, expected 1, 0, TRUE or FALSE");
    expectValueError(out[2][0], "WSF.TITLEIALLOCATE: lowIncome row 3 is -1, expected a count >= 0");
    expect(out[3][0]).toBe(1000);
    // A blank count beside a served flag is 0 children, the same as on builds that pass a blank as 0.
    expect(call("TITLEIALLOCATE", col(null, 10), col(1, 1), 1000, null, null, null)).toEqual(call("TITLEIALLOCATE", col(0, 10), col(1, 1), 1000, null, null, null));
  });

  it("bands that overlap or leave a gap fail the whole result, naming the band rows", () => {
    expectValueError(call("TITLEIALLOCATE", col(10), col(1), [[0.5, 900], [0.5, 950]], null, null, col(0.6)), "WSF.TITLEIALLOCATE: amount rows 1 and 2 overlap: both start at 50.00%");
    expectValueError(call("TITLEIALLOCATE", col(10), col(1), [[0.35, 0.5, 850], [0.55, 1, 950]], null, null, col(0.6)), "WSF.TITLEIALLOCATE: amount rows 1 and 2 leave a gap: no band covers 50.00% to 55.00%");
  });

  it("rank order: a higher-poverty school paid less per child than a lower-poverty one is an error naming both", () => {
    const out = call("TITLEIALLOCATE", col(80, 60), col(1, 1), col(900, 950), "perchild", null, col(0.8, 0.6));
    expectValueError(out[0][0], "WSF.TITLEIALLOCATE: amount row 1 pays $900 per child at poverty 80.00%, less than row 2 at poverty 60.00% gets ($950); a higher-poverty school may not get less per child");
    expect(out[1][0]).toBe(57_000);
  });
});

describe("WSF.COMPARABILITY", () => {
  // Hand calculation: Elementary non-Title I average (500 + 300) / (25 + 15) = 20 pupils per staff member;
  // 110% = 22: 440/20 = 22.0 comparable, 460/19 = 24.2 not, 90/3 = 30 exempt at 100 pupils or fewer.
  // High, every school Title I: (1,000 + 1,200) / (50 + 48) = 22.449; 110% = 24.69: 20 comparable, 25 not.
  const measure = [[440, 20], [500, 25], [300, 15], [460, 19], [90, 3], [1000, 50], [1200, 48]];
  const flags = col(1, 0, 0, 1, 1, true, true);
  const spans = col("Elementary", "Elementary", "Elementary", "Elementary", "Elementary", "High", "High");

  it("ratio test by span, a span where every school is Title I, and a school of 100 pupils or fewer", () => {
    const out = call("COMPARABILITY", measure, flags, spans, null, null, 100);
    expect(out.map((r: unknown[]) => r[1])).toEqual(["Comparable", "", "", "Not comparable", "Exempt", "Comparable", "Not comparable"]);
    expect(out[0][0]).toBe(20);
    expect(out[6][0]).toBeCloseTo(2200 / 98, 12);
    const noExemption = call("COMPARABILITY", measure, flags, spans, null, null, null);
    expect(noExemption[4][1]).toBe("Not comparable");
    // A smallSchool cell that is blank may arrive as 0 on some Excel builds: 0 means none exempt, as blank does.
    expect(call("COMPARABILITY", measure, flags, spans, null, null, 0)).toEqual(noExemption);
  });

  it("spending test: dollars per pupil at least 90% of the non-Title I average (hand calculation)", () => {
    // Non-Title I: ($3,000,000 + $1,500,000) / 800 = $5,625; 90% = $5,062.50. $2,200,000 / 440 = $5,000 fails; $2,484,000 / 460 = $5,400 passes.
    const out = call("COMPARABILITY", [[2_200_000, 440], [3_000_000, 500], [1_500_000, 300], [2_484_000, 460]], col(1, 0, 0, 1), null, 0.1, "spending", null);
    expect(out).toEqual([[5625, "Not comparable"], [5625, ""], [5625, ""], [5625, "Comparable"]]);
  });

  it("a Title I flag that is not 1/0/TRUE/FALSE is an error in that row; its span's average names it (the school may be a yardstick)", () => {
    const out = call("COMPARABILITY", [[440, 20], [500, 25], [900, 30]], col("Y", 0, 0), col("E", "E", "H"), null, null, null);
    expectValueError(out[0][0], 'WSF.COMPARABILITY: titleI row 1 is "Y", expected 1, 0, TRUE or FALSE');
    expectValueError(out[1][0], 'WSF.COMPARABILITY: the average of span "E" depends on row 1, which has an error (see that row)');
    expect(out[2]).toEqual([30, ""]);
  });
});
