import { headerRowTableInfo } from "../../../src/workbook/shared/headerRowTableInfo";
import { parseAddress } from "../../../src/workbook/shared/parseAddress";

describe("headerRowTableInfo", () => {
  it("describes the block from the header row to the last used row, with a sheet-qualified id", () => {
    // Header on row 3 (0-based 2), columns A..H, data down to row 900: 897 data rows.
    const info = headerRowTableInfo("District data", { headerRow: 2, firstColumn: 0, lastColumn: 7, headers: ["h"] }, 899);
    expect(info).toEqual({
      id: "'District data'!A3:H900",
      label: "District data (A3:H900)",
      kind: "headerRow",
      sheet: "District data",
      address: "'District data'!A3:H900",
      headers: ["h"],
      rowCount: 897,
    });
    expect(parseAddress(info.id)).toEqual({ sheet: "District data", row: 2, column: 0, rows: 898, columns: 8 });
  });
});
