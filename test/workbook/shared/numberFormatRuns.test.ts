import fc from "fast-check";
import { numberFormatRuns } from "../../../src/workbook/shared/numberFormatRuns";

describe("numberFormatRuns", () => {
  it("finds one run per formatted column below a General header (hand-worked example)", () => {
    const grid = [
      ["General", "General", "General"],
      ["$#,##0", "0.0%", "General"],
      ["$#,##0", "0.0%", "General"],
    ];
    expect(numberFormatRuns(grid, 5, 2)).toEqual([
      { row: 6, column: 2, rows: 2, format: "$#,##0" },
      { row: 6, column: 3, rows: 2, format: "0.0%" },
    ]);
  });

  it("rebuilds the grid exactly: painting the runs over General gives the formats back", () => {
    const formats = fc.constantFrom("General", "$#,##0", "0.0%", "0.00");
    fc.assert(
      fc.property(fc.array(fc.array(formats, { minLength: 3, maxLength: 3 }), { maxLength: 12 }), (grid) => {
        const painted = grid.map((row) => row.map(() => "General"));
        for (const run of numberFormatRuns(grid)) for (let r = run.row; r < run.row + run.rows; r++) painted[r][run.column] = run.format;
        expect(painted).toEqual(grid);
      }),
    );
  });

  it("never splits a run of equal formats: adjacent runs in a column differ or are apart", () => {
    const grid = [["0.0%"], ["0.0%"], ["General"], ["0.0%"], ["$#,##0"]];
    expect(numberFormatRuns(grid).map((r) => [r.row, r.rows, r.format])).toEqual([
      [0, 2, "0.0%"],
      [3, 1, "0.0%"],
      [4, 1, "$#,##0"],
    ]);
  });
});
