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

  it("reads a sheet name the same quoted or not, as Excel quotes only where it must (excel-behaviour.md item 11)", () => {
    expect(canonicalCell("='Schools'!$C$2")).toBe(canonicalCell("=Schools!$C$2"));
    expect(canonicalCell("=SUM('WSF Allocation'!$D$2:$D$9)")).toBe("=SUM(WSF ALLOCATION!$D$2:$D$9)");
    expect(canonicalCell("='O''Brien'!A1")).toBe("=O'BRIEN!A1");
    // Quotes inside a string literal are text, not sheet names.
    expect(canonicalCell(`=IF(A1="it's",'My Sheet'!B1,"")`)).toBe(`=IF(A1="it's",MY SHEET!B1,"")`);
    // Different sheets stay different.
    expect(canonicalCell("='Schools'!$C$2")).not.toBe(canonicalCell("='Schools 2'!$C$2"));
  });

  it("keeps other text exactly, including its case and spaces", () => {
    expect(canonicalCell(" Lincoln Elementary")).toBe(" Lincoln Elementary");
    expect(canonicalCell("n/a")).toBe("n/a");
  });
});
