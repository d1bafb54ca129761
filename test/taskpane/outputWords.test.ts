import fc from "fast-check";
import { formatCents, formatDollars, formatNumber, formatPercent, formatStatistic, parseTypedNumber } from "../../src/taskpane/common/formatNumbers";
import { correlationStrength, describeStatistic, formatStatisticValue } from "../../src/taskpane/steps/equity/describeStatistic";
import { measureKind } from "../../src/taskpane/steps/equity/measureKind";
import { formatCell } from "../../src/playground/grid/formatCell";

/* Issue 8, bugs 7 and 11: the words and numbers of the dashboard, right in sign and size, never "-0". */

describe("formatNumbers", () => {
  test("never prints a negative zero, whatever the sign of a value that rounds to 0", () => {
    expect(formatDollars(-0.4)).toBe("$0");
    expect(formatCents(-0.001)).toBe("$0.00");
    expect(formatNumber(-0.00001)).toBe("0");
    expect(formatPercent(-0.0001)).toBe("0.0%");
    expect(formatStatistic(-2.2e-16)).toBe("0");
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        for (const text of [formatDollars(x), formatCents(x), formatNumber(x), formatPercent(x), formatStatistic(x)]) {
          expect(text).not.toMatch(/^-[^1-9]*$/);
        }
      }),
    );
  });

  test("statistics to 3-4 significant digits, as docs/training.md quotes them", () => {
    // Hand: 0.067478 -> 0.0675; 0.026174 -> 0.0262; 0.85063 -> 0.8506; 1.24118 -> 1.241; 0.0031234 -> 0.00312.
    expect(formatStatistic(0.067478)).toBe("0.0675");
    expect(formatStatistic(0.026174)).toBe("0.0262");
    expect(formatStatistic(0.85063)).toBe("0.8506");
    expect(formatStatistic(1.24118)).toBe("1.241");
    expect(formatStatistic(0.0031234)).toBe("0.00312");
    expect(formatStatistic(12345.6)).toBe("12,350");
    expect(formatStatistic(-0.5)).toBe("-0.5");
  });

  test("typed numbers may carry thousands separators and a dollar sign", () => {
    expect(parseTypedNumber("3,548,998,064")).toBe(3_548_998_064);
    expect(parseTypedNumber("$ 1,200.50")).toBe(1200.5);
    expect(parseTypedNumber("5")).toBe(5);
    expect(parseTypedNumber("abc")).toBeNull();
    expect(parseTypedNumber("")).toBeNull();
    expect(parseTypedNumber("1.2.3")).toBeNull();
  });
});

describe("describeStatistic", () => {
  test("a correlation under 0.1 either way is no relation; sizes by Cohen's 0.1 / 0.3 / 0.5", () => {
    expect(describeStatistic("Correlation with poverty", 0.0331, true).line).toBe("0.0331: no relation with poverty (under 0.1 either way).");
    expect(describeStatistic("Correlation with poverty", -0.08, true).line).toMatch(/no relation/);
    expect(describeStatistic("Correlation with poverty", 0.2, true).line).toBe("0.2: a weak relation; higher-poverty schools tend to get more (1 or -1 is a perfect line).");
    expect(describeStatistic("Correlation with poverty", -0.4, true).line).toMatch(/a moderate relation; higher-poverty schools tend to get less/);
    expect(describeStatistic("Correlation with poverty", 0.8506, true).line).toMatch(/^0\.8506: a strong relation; higher-poverty schools tend to get more/);
    expect([0, 0.0999, 0.1, 0.2999, 0.3, 0.4999, 0.5, 1].map(correlationStrength)).toEqual(["none", "none", "weak", "weak", "moderate", "moderate", "strong", "strong"]);
  });

  test("a slope that rounds to $0 per 10 points does not change; otherwise its sign is in the words, not the number", () => {
    expect(describeStatistic("Slope on poverty", -0.0004, true).line).toBe("The amount does not change with poverty (under $1 per 10 points on the fitted line).");
    // -1,234 per unit share = -123.40 per 10 points.
    expect(describeStatistic("Slope on poverty", -1234, true).line).toBe("Each 10 points more poverty goes with $123 less (fitted line).");
    expect(describeStatistic("Slope on poverty", 2500, true).line).toBe("Each 10 points more poverty goes with $250 more (fitted line).");
  });

  test("the mean log deviation of a flat allocation reads 0, never -0", () => {
    expect(describeStatistic("Mean log deviation", -2.2e-16, true).line).toBe("0; 0 is equal. It weighs gaps at the bottom more than Theil does.");
    expect(formatStatisticValue("Mean log deviation", -2.2e-16, true)).toBe("0");
  });

  test("benchmarks are context with a source; the federal range ratio is named as the Impact Aid test", () => {
    const federal = describeStatistic("Federal range ratio", 0.219512, true);
    expect(federal.line).toBe("The 95th-percentile pupil's school gets 22.0% more than the 5th percentile's.");
    expect(federal.benchmark?.text).toMatch(/Impact Aid disparity test.*not the schools of one district/);
    expect(federal.benchmark?.source).toMatch(/34 CFR 222/);
    expect(formatStatisticValue("Federal range ratio", 0.219512, true)).toBe("22.0%");
    expect(describeStatistic("McLoone index", 0.928066, true).benchmark?.text).toMatch(/weighted formula/);
  });
});

describe("measureKind", () => {
  test("divides only dollar totals; per pupil columns and shares are measured as they are", () => {
    expect(["Unrestricted spending", "Prior-year allocation", "Restricted spending", "Budget ($)"].map(measureKind)).toEqual(["total", "total", "total", "total"]);
    expect(["Unrestricted per pupil", "Total per pupil", "Total per weighted pupil", "Spending per student", "Dollars/pupil"].map(measureKind)).toEqual(["perPupil", "perPupil", "perPupil", "perPupil", "perPupil"]);
    expect(["FRL share", "Poverty rate", "% EL", "Attendance ratio"].map(measureKind)).toEqual(["share", "share", "share", "share"]);
    expect(["Enrollment", "Low income (FRL)", "Teachers"].map(measureKind)).toEqual(["count", "count", "count"]);
  });
});

describe("formatCell number format sections (the WSF Charts gradient cell, as Excel shows it)", () => {
  test("positive;negative;zero: the sign is written by the section", () => {
    expect(formatCell(0.196, "+0.0%;-0.0%;0.0%")).toBe("+19.6%");
    expect(formatCell(-0.05, "+0.0%;-0.0%;0.0%")).toBe("-5.0%");
    expect(formatCell(0, "+0.0%;-0.0%;0.0%")).toBe("0.0%");
    expect(formatCell(1234.5, "$#,##0")).toBe("$1,235");
  });
});
