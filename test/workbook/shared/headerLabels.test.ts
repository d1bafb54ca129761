import { headerLabels } from "../../../src/workbook/shared/headerLabels";

describe("headerLabels", () => {
  it("trims text, shows numbers as text and names blank headers after their column", () => {
    expect(headerLabels([" School ", null, 2024, ""], 0)).toEqual(["School", "Column B", "2024", "Column D"]);
  });

  it("names blank headers by their sheet column when the table starts away from column A", () => {
    expect(headerLabels(["School", null], 25)).toEqual(["School", "Column AA"]);
  });
});
