import fc from "fast-check";
import { parseAddress } from "../../../src/workbook/shared/parseAddress";
import { quoteSheetName } from "../../../src/workbook/shared/quoteSheetName";
import { rangeAddress } from "../../../src/workbook/shared/rangeAddress";

describe("parseAddress", () => {
  it("reads addresses in the forms Excel's Range.address returns", () => {
    expect(parseAddress("Schools!A1:H851")).toEqual({ sheet: "Schools", row: 0, column: 0, rows: 851, columns: 8 });
    expect(parseAddress("'WSF Allocation'!$B$3")).toEqual({ sheet: "WSF Allocation", row: 2, column: 1, rows: 1, columns: 1 });
    expect(parseAddress("'O''Brien'!B3:D12")).toEqual({ sheet: "O'Brien", row: 2, column: 1, rows: 10, columns: 3 });
    expect(parseAddress("C5:D9")).toEqual({ sheet: null, row: 4, column: 2, rows: 5, columns: 2 });
  });

  it("accepts corners in either order", () => {
    expect(parseAddress("D9:C5")).toEqual(parseAddress("C5:D9"));
  });

  it("returns null for table names, whole columns and malformed addresses", () => {
    for (const text of ["SchoolsTable", "A:A", "Sheet1!", "A0", "'open!A1", "A1:B2,C3"]) expect(parseAddress(text)).toBeNull();
  });

  it("round-trips rangeAddress with any sheet name", () => {
    const sheetName = fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !/[\\/?*[\]:]/.test(s));
    fc.assert(
      fc.property(sheetName, fc.nat(1_048_575), fc.nat(16383), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 50 }), (sheet, row, column, rows, columns) => {
        const address = `${quoteSheetName(sheet)}!${rangeAddress(row, column, rows, columns)}`;
        expect(parseAddress(address)).toEqual({ sheet, row, column, rows, columns });
      }),
    );
  });
});
