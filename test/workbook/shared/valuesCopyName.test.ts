import { MAX_SHEET_NAME_LENGTH, valuesCopyName } from "../../../src/workbook/shared/valuesCopyName";

describe("valuesCopyName", () => {
  it("adds ' (values)' to the name", () => {
    expect(valuesCopyName("WSF Allocation")).toBe("WSF Allocation (values)");
  });

  it("shortens a long name so the copy's name fits Excel's 31 characters", () => {
    const name = valuesCopyName("WSF Allocation by school and year");
    // " (values)" is 9 characters, so 31 - 9 = 22 of the name remain: "WSF Allocation by scho" (3+1+10+1+2+1+4).
    expect(name).toBe("WSF Allocation by scho (values)");
    expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
  });
});
