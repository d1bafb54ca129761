import { quoteSheetName } from "../../../src/workbook/shared/quoteSheetName";

describe("quoteSheetName", () => {
  it("leaves a plain name alone", () => {
    expect(quoteSheetName("Schools")).toBe("Schools");
    expect(quoteSheetName("Sheet_1")).toBe("Sheet_1");
  });

  it("quotes names with spaces or punctuation and doubles inner quotes", () => {
    expect(quoteSheetName("WSF Allocation")).toBe("'WSF Allocation'");
    expect(quoteSheetName("O'Brien")).toBe("'O''Brien'");
    expect(quoteSheetName("2024 budget")).toBe("'2024 budget'");
  });

  it("quotes names Excel would read as a cell reference", () => {
    expect(quoteSheetName("A1")).toBe("'A1'");
    expect(quoteSheetName("R1C1")).toBe("'R1C1'");
  });
});
