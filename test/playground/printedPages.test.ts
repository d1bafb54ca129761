import { headerFooterText, printedPages } from "../../src/playground/print/printedPages";

const setup = (row: number, rows: number, pageBreaks: number[]) => ({
  area: { row, column: 0, rows, columns: 5 },
  pageBreaks,
  header: { left: "", center: "", right: "" },
  footer: { left: "", center: "", right: "" },
  orientation: "portrait" as const,
  fitToOnePageWide: true,
});

describe("printedPages", () => {
  it("cuts the print area at each page break (rows 0-29, breaks above rows 10 and 20: three pages of ten rows)", () => {
    expect(printedPages(setup(0, 30, [20, 10]))).toEqual([
      { firstRow: 0, lastRow: 9 },
      { firstRow: 10, lastRow: 19 },
      { firstRow: 20, lastRow: 29 },
    ]);
  });

  it("ignores breaks outside the area and prints one page without breaks", () => {
    expect(printedPages(setup(5, 10, [2, 40]))).toEqual([{ firstRow: 5, lastRow: 14 }]);
  });

  it("fills in Excel's page codes", () => {
    expect(headerFooterText("Page &P of &N", 2, 7)).toBe("Page 2 of 7");
  });
});
