import { canonicalCell } from "../../../src/workbook/shared/canonicalCell";

describe("canonicalCell", () => {
  it("treats every Excel blank as the empty text", () => {
    expect([canonicalCell(null), canonicalCell(undefined), canonicalCell("")]).toEqual(["", "", ""]);
  });

  it("gives a number and the text Excel would parse into it the same canonical form", () => {
    expect(canonicalCell(12)).toBe("12");
    expect(canonicalCell("12")).toBe("12");
    expect(canonicalCell(" 3.50 ")).toBe("3.5");
    expect(canonicalCell("1e3")).toBe("1000");
    expect(canonicalCell(-0)).toBe("0");
  });

  it("reads booleans and TRUE/FALSE text alike", () => {
    expect(canonicalCell(true)).toBe("TRUE");
    expect(canonicalCell("false")).toBe("FALSE");
  });

  it("upper-cases formulas as Excel stores them, except inside string literals", () => {
    expect(canonicalCell('=wsf.gini(b2:b9, "Lincoln ""Elem""")')).toBe('=WSF.GINI(B2:B9, "Lincoln ""Elem""")');
  });

  it("keeps other text exactly, including its case and spaces", () => {
    expect(canonicalCell(" Lincoln Elementary")).toBe(" Lincoln Elementary");
    expect(canonicalCell("n/a")).toBe("n/a");
  });
});
