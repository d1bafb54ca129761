import { allocationSheet } from "../../../src/taskpane/sheets/allocationSheet";
import { chartsSheet } from "../../../src/taskpane/sheets/chartsSheet";
import { equitySheet } from "../../../src/taskpane/sheets/equitySheet";
import { explainBlock } from "../../../src/taskpane/sheets/explainBlock";
import { explainSheet } from "../../../src/taskpane/sheets/explainSheet";
import { parametersSheet } from "../../../src/taskpane/sheets/parametersSheet";
import { headers, mapping, nycLike, table } from "./threeSchoolTable";

const { cells: params } = parametersSheet(nycLike, { tableLabel: table.label, headers, mapping });
const { cells: allocation } = allocationSheet(nycLike, table, mapping, params);

describe("explainBlock", () => {
  it("shows the math for school 2 (sheet row 3) with references into its row (hand-written A1)", () => {
    const block = explainBlock(nycLike, 2, { table, mapping, params, allocation, sheet: "WSF Explain" });
    const v = block.values;
    expect(v[0][0]).toBe("=\"Show the math: \"&'Schools'!$B3");
    expect(v[1]).toEqual(["Line", "Column", "Pupils", "Weight", "Rate ($ per pupil)", "Amount"]);
    // Each line: pupils from the school's cell, the weight from the parameters sheet, rate = weight x base, amount = pupils x rate.
    expect(v[2]).toEqual(["='WSF Parameters'!$A$13", "Grades K-5", "='Schools'!$D3", "='WSF Parameters'!$B$13", "='WSF Explain'!$D$3*'WSF Allocation'!$E$2", "='WSF Explain'!$C$3*'WSF Explain'!$E$3"]);
    expect(v[5].slice(0, 4)).toEqual(["='WSF Parameters'!$A$16", "EL", "='Schools'!$G3", "='WSF Parameters'!$B$16"]);
    // The concentration line: the school's extra eligible pupils at weight 1, beside the rule's weight.
    expect(v[6].slice(0, 4)).toEqual([
      "='WSF Parameters'!$A$19",
      "FRL (extra pupils)",
      "=WSF.CONCENTRATION('Schools'!$F3,'Schools'!$C3,'WSF Parameters'!$B$19,1,'WSF Parameters'!$D$19)",
      "='WSF Parameters'!$C$19",
    ]);
    expect(v[7]).toEqual([null, null, null, null, null, null]);
    // Enrollment once, then weighted pupils = pupils x weight over the lines (rows 3-7).
    expect([v[8][0], v[8][2]]).toEqual(["Enrollment (each pupil counted once)", "='Schools'!$C3"]);
    expect([v[9][0], v[9][2]]).toEqual(["Weighted pupils (pupils x weight, added up)", "=SUMPRODUCT('WSF Explain'!$C$3:$C$7,'WSF Explain'!$D$3:$D$7)"]);
    expect(v.slice(10).map((r) => r[0])).toEqual([
      "Base per weighted pupil",
      "Weighted pupils x base (the lines above, added up)",
      "Fixed amount",
      "Formula amount (weighted pupils x base + fixed)",
      "Last year's amount",
      "Protection (top-up or cap)",
      "Protected amount (what the school receives)",
      "Change vs last year",
      "Per pupil",
    ]);
    expect(v[13][5]).toBe("='WSF Explain'!$F$12+'WSF Explain'!$F$13");
    // The stop-loss top-up: last year x (1 - largest loss) above the formula amount, for a school with a prior amount.
    expect(v[15][5]).toBe("=IF(N('WSF Explain'!$F$15)>0,MAX('WSF Explain'!$F$15*(1-'WSF Parameters'!$B$9)-'WSF Explain'!$F$14,0),0)");
    // Weights with two decimals, rates in cents.
    expect(block.numberFormats).toEqual([null, null, "#,##0.00", "0.00", "$#,##0.00", "$#,##0"]);
  });

  it("offsets its own references when placed lower on a sheet, and refuses a row outside the table", () => {
    const v = explainBlock(nycLike, 1, { table, mapping, params, allocation, sheet: "Notes", row: 10, column: 2 }).values;
    expect(v[9][2]).toBe("=SUMPRODUCT('Notes'!$E$13:$E$17,'Notes'!$F$13:$F$17)");
    expect(() => explainBlock(nycLike, 4, { table, mapping, params, allocation, sheet: "X" })).toThrow("School row 4 is outside the schools table (rows 1 to 3).");
    expect(explainSheet(nycLike, 1, { table, mapping, params, allocation }).name).toBe("WSF Explain");
  });
});

describe("equitySheet and chartsSheet", () => {
  it("spills EQUITYTABLE over per pupil, enrollment and poverty share, and per weighted pupil beside it", () => {
    const blocks = equitySheet(allocation).blocks;
    expect(blocks[2].values[1][0]).toBe("=WSF.EQUITYTABLE('WSF Allocation'!$K$2:$K$4,'Schools'!$C$2:$C$4,'WSF Allocation'!$J$2:$J$4)");
    expect(blocks[3].values[1][0]).toBe("=WSF.EQUITYTABLE('WSF Equity'!$O$5:$O$7,'WSF Allocation'!$D$2:$D$4,'WSF Allocation'!$J$2:$J$4)");
    expect(blocks[4].values[1][0]).toBe("=WSF.PERPUPIL('WSF Allocation'!$H$2:$H$4,'WSF Allocation'!$D$2:$D$4)");
  });

  it("builds decile, Lorenz and scatter data with charts pointing at them, the charts in A:H where the sheet opens", () => {
    const { sheet, charts } = chartsSheet(allocation);
    const decile = sheet.blocks[2];
    expect(decile.column).toBe(9);
    expect(decile.values[1][0]).toBe("=WSF.BYGROUP('WSF Allocation'!$K$2:$K$4,'WSF Allocation'!$J$2:$J$4,'Schools'!$C$2:$C$4,10)");
    expect(decile.values[1].slice(6)).toEqual(["=J3", "=N3"]);
    expect(decile.values[10].slice(6)).toEqual(["=J12", "=N12"]);
    // Row 2: decile 10 over decile 1, minus 1, as a signed per cent.
    expect(sheet.blocks[3]).toMatchObject({ row: 1, column: 0, numberFormats: [null, "+0.0%;-0.0%;0.0%"] });
    expect(sheet.blocks[3].values[0][1]).toBe("=N12/N3-1");
    const lorenz = sheet.blocks[5];
    expect(lorenz.column).toBe(18);
    expect(lorenz.values[0]).toEqual(["Share of pupils", "Lorenz curve", "Line of equality"]);
    expect(lorenz.values[1][0]).toBe("=WSF.LORENZ('WSF Allocation'!$K$2:$K$4,'Schools'!$C$2:$C$4)");
    expect(lorenz.values).toHaveLength(5); // header + 3 schools + the (0, 0) point
    // The line of equality: one formula spilling down column U beside the LORENZ spill (S3:S6 for 3 schools).
    expect(lorenz.values[1][2]).toBe('=IF(LEN(S3:S6)=0,"",S3:S6)');
    expect(lorenz.values.slice(2).flat()).toEqual(new Array(9).fill(null));
    expect(charts.map((c) => [c.name, c.type, c.dataSheet, c.data, c.position])).toEqual([
      ["WSF per pupil by poverty decile", "xyScatter", "WSF Charts", { row: 1, column: 15, rows: 11, columns: 2 }, { row: 3, column: 0, rows: 16, columns: 8 }],
      ["WSF Lorenz curve", "xyScatterLines", "WSF Charts", { row: 1, column: 18, rows: 5, columns: 3 }, { row: 20, column: 0, rows: 16, columns: 8 }],
      ["WSF per pupil vs poverty", "xyScatter", "WSF Allocation", { row: 0, column: 9, rows: 4, columns: 2 }, { row: 37, column: 0, rows: 16, columns: 8 }],
    ]);
    expect(charts[0]).toMatchObject({ dataLabelsNumberFormat: "$#,##0", yAxisNumberFormat: "$#,##0" });
    expect(charts[1]).toMatchObject({ legend: true, xAxisNumberFormat: "0%", yAxisNumberFormat: "0%" });
    expect(charts[2]).toMatchObject({ trendlineSeries: [0], xAxisNumberFormat: "0%" });
  });
});
