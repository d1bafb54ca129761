import { rangeAddress } from "../../../src/workbook/shared/rangeAddress";

describe("rangeAddress", () => {
  it("writes a single cell without a colon and a block as two corners", () => {
    expect(rangeAddress(0, 0)).toBe("A1");
    // rows 3..12 (0-based 2..11), columns B..D: 10 rows x 3 columns.
    expect(rangeAddress(2, 1, 10, 3)).toBe("B3:D12");
    // The design's example: a table of 850 schools plus its header in columns A..H.
    expect(rangeAddress(0, 0, 851, 8)).toBe("A1:H851");
  });

  it("rejects negative rows and empty blocks", () => {
    expect(() => rangeAddress(-1, 0)).toThrow(RangeError);
    expect(() => rangeAddress(0, 0, 0, 1)).toThrow(RangeError);
  });
});
