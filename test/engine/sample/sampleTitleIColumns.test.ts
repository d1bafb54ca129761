import { generateSampleDistrict, sampleSheetRows, SCHOOL_HELPERS } from "../../../src/engine/sample";
import { sampleTitleIColumns } from "../../../src/engine/sample/sampleTitleIColumns";

const district = generateSampleDistrict();
const col = (name: string) => district.rows.map((r) => Number(r[district.headers.indexOf(name)]));

describe("sample district: comparability columns and the Title I allocation", () => {
  it("come after the 17 data columns and the 3 helper columns, so no existing column letter moves", () => {
    expect(district.headers).toHaveLength(17);
    expect(district.rows.every((r) => r.length === 17)).toBe(true);
    const sheet = sampleSheetRows(district, SCHOOL_HELPERS);
    expect(sheet[0].slice(17, 20)).toEqual(["Unrestricted per pupil", "Total per pupil", "FRL share"]);
    expect(sheet[0].slice(20)).toEqual(["Instructional staff FTE", "State/local salaries"]);
    expect(sheet[1][17]).toBe("=P2/E2");
  });

  it("are drawn from their own stream: the same for the same seed, and the district's columns do not depend on them", () => {
    expect(generateSampleDistrict().after).toEqual(district.after);
    // Recomputing from the district's own columns alone gives the same figures (nothing of the main stream is used).
    const again = sampleTitleIColumns({ headers: district.headers, rows: district.rows }, 2012);
    expect(again.rows).toEqual(district.after!.rows);
    expect(again.districtAllocation).toBe(district.titleIAllocation);
  });

  it("are plausible for each level: pupils per staff member 17-28 at the median, salaries $75,000-$100,000 per FTE", () => {
    const fte = district.after!.rows.map((r) => Number(r[0]));
    const salaries = district.after!.rows.map((r) => Number(r[1]));
    const enrollment = col("Enrollment");
    const levels = district.rows.map((r) => String(r[district.headers.indexOf("Level")]));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    for (const level of ["Elementary", "Middle", "High", "Span"]) {
      const ratios = enrollment.map((e, i) => e / fte[i]).filter((_, i) => levels[i] === level);
      expect(median(ratios)).toBeGreaterThan(17);
      expect(median(ratios)).toBeLessThan(28);
    }
    fte.forEach((f, i) => {
      expect(f).toBeGreaterThanOrEqual(1);
      expect(Math.round(f * 10)).toBeCloseTo(f * 10, 9);
      expect(Number.isInteger(salaries[i])).toBe(true);
      expect(salaries[i] / f).toBeGreaterThan(75_000);
      expect(salaries[i] / f).toBeLessThan(100_000);
    });
  });

  it("gives the district a Title I allocation of $760-$860 per low-income child, in whole dollars", () => {
    const children = col("Low income (FRL)").reduce((a, b) => a + b, 0);
    expect(Number.isInteger(district.titleIAllocation)).toBe(true);
    expect(district.titleIAllocation! / children).toBeGreaterThanOrEqual(760);
    expect(district.titleIAllocation! / children).toBeLessThanOrEqual(860);
  });
});
