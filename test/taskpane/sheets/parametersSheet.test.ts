import { parametersSheet } from "../../../src/taskpane/sheets/parametersSheet";
import { headers, mapping, nycLike } from "./threeSchoolTable";

describe("parametersSheet", () => {
  const { sheet, cells } = parametersSheet(nycLike, { tableLabel: "Schools (A1:I4)", headers, mapping });

  it("places each parameter where its address says (hand-laid layout)", () => {
    // Rows (1-based): 1-4 title; 6 settings header; 7 pool; 8 foundation; 9 max loss; 10 max gain;
    // 12 weights header; 13-16 weights; 18 concentration header; 19 the rule.
    expect(cells.poolCell).toBe("'WSF Parameters'!$B$7");
    expect(cells.baseCell).toBeNull();
    expect(cells.fixedAmountCell).toBe("'WSF Parameters'!$B$8");
    expect(cells.maxLossCell).toBe("'WSF Parameters'!$B$9");
    expect(cells.maxGainCell).toBeNull();
    expect(cells.weights.map((w) => [w.label, w.headerIndex, w.weightCell])).toEqual([
      ["Grades K-5", 3, "'WSF Parameters'!$B$13"],
      ["Grades 6-8", 4, "'WSF Parameters'!$B$14"],
      ["Poverty", 5, "'WSF Parameters'!$B$15"],
      ["English learners", 6, "'WSF Parameters'!$B$16"],
    ]);
    expect(cells.weightsRange).toBe("'WSF Parameters'!$B$13:$B$16");
    expect(cells.labelsRange).toBe("'WSF Parameters'!$A$13:$A$16");
    expect(cells.concentration).toEqual([
      {
        label: "High poverty",
        header: "FRL",
        headerIndex: 5,
        labelCell: "'WSF Parameters'!$A$19",
        thresholdCell: "'WSF Parameters'!$B$19",
        weightCell: "'WSF Parameters'!$C$19",
        modeCell: "'WSF Parameters'!$D$19",
        upperCell: null,
      },
    ]);
  });

  it("writes the values at those addresses, with readable labels", () => {
    const grid = new Map<string, unknown>();
    for (const b of sheet.blocks) b.values.forEach((row, r) => row.forEach((v, c) => grid.set(`${b.row + r},${b.column + c}`, v)));
    const at = (a1: string) => {
      const m = /\$([A-Z])\$(\d+)$/.exec(a1)!;
      return grid.get(`${Number(m[2]) - 1},${m[1].charCodeAt(0) - 65}`);
    };
    expect(at(cells.poolCell!)).toBe(4_500_000);
    expect(at(cells.fixedAmountCell!)).toBe(225_000);
    expect(at(cells.maxLossCell!)).toBe(0.05);
    expect(cells.weights.map((w) => at(w.weightCell))).toEqual([1, 1.08, 0.12, 0.4]);
    expect(cells.weights.map((w) => at(w.labelCell))).toEqual(["Grades K-5", "Grades 6-8", "Poverty", "English learners"]);
    expect([at(cells.concentration[0].thresholdCell), at(cells.concentration[0].weightCell), at(cells.concentration[0].modeCell)]).toEqual([0.6, 0.1, "above"]);
    expect(grid.get("6,0")).toBe("Pool to allocate");
    expect(grid.get("9,3")).toBe("No cap on gains");
    expect(cells.names["Pool to allocate"]).toBe(cells.poolCell);
    expect(cells.names["Weight: English learners"]).toBe("'WSF Parameters'!$B$16");
    expect(sheet.name).toBe("WSF Parameters");
  });

  it("with no grade weights, weighs every enrolled pupil 1 on the enrollment column", () => {
    const { cells: flat } = parametersSheet({ ...nycLike, gradeWeights: [], categoryWeights: [], concentration: [] }, { tableLabel: "Schools", headers, mapping });
    expect(flat.weights.map((w) => [w.kind, w.label, w.header, w.weight])).toEqual([["enrolled", "Every enrolled pupil", "Enrollment", 1]]);
  });

  it("refuses a spec naming a column the table lacks", () => {
    expect(() => parametersSheet({ ...nycLike, categoryWeights: [{ header: "Gifted", label: "Gifted", weight: 0.12 }] }, { tableLabel: "Schools", headers, mapping })).toThrow('"Gifted"');
  });
});
