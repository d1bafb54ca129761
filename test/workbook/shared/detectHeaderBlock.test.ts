import { detectHeaderBlock, HEADER_SCAN_ROWS } from "../../../src/workbook/shared/detectHeaderBlock";

describe("detectHeaderBlock", () => {
  it("finds the header under a title row and a blank line", () => {
    const grid = [
      ["Sample district, FY2025 budget", null, null, null],
      [null, null, null, null],
      ["School", "Enrollment", "FRL", "EL"],
      ["Lincoln Elementary", 420, 310, 85],
      ["Roosevelt Middle", 610, 280, 40],
    ];
    expect(detectHeaderBlock(grid)).toEqual({ headerRow: 2, firstColumn: 0, lastColumn: 3, headers: ["School", "Enrollment", "FRL", "EL"] });
  });

  it("reports sheet coordinates when the used range starts away from A1", () => {
    // The used range starts at C5 (row 4, column 2); the header is its second row.
    const grid = [
      ["Prepared by the budget office", null, null],
      ["School", "Pupils", "Poverty"],
      ["Lincoln", 420, 0.74],
    ];
    expect(detectHeaderBlock(grid, 4, 2)).toEqual({ headerRow: 5, firstColumn: 2, lastColumn: 4, headers: ["School", "Pupils", "Poverty"] });
  });

  it("takes the lower row of a two-row header, the one with numbers beneath", () => {
    const grid = [
      ["Counts", "Counts", "Weights"],
      ["Pupils", "FRL", "Weight"],
      [420, 310, 1.2],
    ];
    expect(detectHeaderBlock(grid)?.headerRow).toBe(1);
  });

  it("passes over a two-cell note above a wider table", () => {
    const grid = [
      ["Note:", "draft", null, null, null, null],
      ["School", "Pupils", "FRL", "EL", "SPED", "Prior"],
      ["Lincoln", 420, 310, 85, 40, 2_100_000],
    ];
    expect(detectHeaderBlock(grid)?.headerRow).toBe(1);
  });

  it("names blank header cells after their column", () => {
    const grid = [
      ["School", null, "FRL"],
      ["Lincoln", 420, 310],
    ];
    expect(detectHeaderBlock(grid)?.headers).toEqual(["School", "Column B", "FRL"]);
  });

  it("finds nothing on a sheet of numbers only, or text only", () => {
    expect(detectHeaderBlock([[1, 2], [3, 4]])).toBeNull();
    expect(detectHeaderBlock([["a", "b"], ["c", "d"]])).toBeNull();
    expect(detectHeaderBlock([["School", "Pupils"]])).toBeNull();
  });

  it("looks only at the first HEADER_SCAN_ROWS rows", () => {
    const titles = Array.from({ length: HEADER_SCAN_ROWS }, (_, i) => [`line ${i}`, null]);
    expect(detectHeaderBlock([...titles, ["School", "Pupils"], ["Lincoln", 420]])).toBeNull();
    expect(detectHeaderBlock([...titles.slice(1), ["School", "Pupils"], ["Lincoln", 420]])?.headerRow).toBe(HEADER_SCAN_ROWS - 1);
  });
});
