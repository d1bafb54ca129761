import { columnIndex } from "../../../src/workbook/shared/columnIndex";
import { EIGHT_HELPERS, eightSchoolDistrict, generateSampleDistrict, SCHOOL_HELPERS, sampleSheetRows } from "../../../src/engine/sample";

/** The column letters a helper formula of row 2 reads, mapped to the headers of the table they sit in. */
function headersRead(formula: string, headers: string[]): string[] {
  return [...formula.matchAll(/([A-Z]+)2\b/g)].map((m) => headers[columnIndex(m[1])]);
}

describe("sample helper columns", () => {
  it("read the columns they are named after in the generated district (R, S, T after A..Q)", () => {
    const { headers } = generateSampleDistrict({ schools: 3 });
    expect(headers).toHaveLength(17);
    expect(headersRead(SCHOOL_HELPERS[0].formula(2), headers)).toEqual(["Unrestricted spending", "Enrollment"]);
    expect(headersRead(SCHOOL_HELPERS[1].formula(2), headers)).toEqual(["Unrestricted spending", "Restricted spending", "Enrollment"]);
    expect(headersRead(SCHOOL_HELPERS[2].formula(2), headers)).toEqual(["Low income (FRL)", "Enrollment"]);
  });

  it("read the columns they are named after in the eight-school table", () => {
    const { headers } = eightSchoolDistrict();
    expect(headersRead(EIGHT_HELPERS[0].formula(2), headers)).toEqual(["Unrestricted spending", "Enrollment"]);
    expect(headersRead(EIGHT_HELPERS[2].formula(2), headers)).toEqual(["Unrestricted spending", "Restricted spending", "Weighted pupils"]);
  });

  it("are written as formulas of each school's own row, below one header row", () => {
    const rows = sampleSheetRows(eightSchoolDistrict(), EIGHT_HELPERS);
    expect(rows).toHaveLength(9);
    expect(rows[0].slice(-3)).toEqual(["Unrestricted per pupil", "Total per pupil", "Total per weighted pupil"]);
    expect(rows[1].slice(-3)).toEqual(["=D2/B2", "=(D2+E2)/B2", "=(D2+E2)/F2"]);
    expect(rows[8].slice(-1)).toEqual(["=(D9+E9)/F9"]);
  });
});
