import type { FormulaSpec } from "../../../src/engine/scenario/FormulaSpec";
import { allocationSheet } from "../../../src/taskpane/sheets/allocationSheet";
import { parametersSheet } from "../../../src/taskpane/sheets/parametersSheet";
import { headers, mapping, nycLike, table } from "./threeSchoolTable";

function build(spec: FormulaSpec, t = table) {
  const { cells: params } = parametersSheet(spec, { tableLabel: t.label, headers, mapping });
  return allocationSheet(spec, t, mapping, params);
}

describe("allocationSheet", () => {
  it("writes the first school row's spilling formulas over ranges sized to the 3-school table (hand-written A1)", () => {
    const { sheet } = build(nycLike);
    const first = sheet.blocks[1];
    expect(first.row).toBe(1);
    const [a, b, c, d, e, f, g, h, i, j, k, l, m] = first.values[0];
    // Every column is one array formula over the table's ranges, so row k stays the k-th school of every column
    // when rows are deleted or inserted; a blank cell reads as "" (a spilled reference would show 0).
    expect([a, b, c]).toEqual([
      "=IF(ISBLANK('Schools'!$A$2:$A$4),\"\",'Schools'!$A$2:$A$4)",
      "=IF(ISBLANK('Schools'!$B$2:$B$4),\"\",'Schools'!$B$2:$B$4)",
      "=IF(ISBLANK('Schools'!$C$2:$C$4),\"\",'Schools'!$C$2:$C$4)",
    ]);
    // Weighted columns D:G of the schools table are adjacent and their weights B13:B16 too: one WEIGHTEDPUPILS.
    // What needs no parameter, in column M: a wholly blank row inside the table is "" (it weighs nothing, so no
    // amount goes to it); a blank enrollment in a row that is not wholly blank, or FRL, EL or SPED above the
    // enrollment, is 0; any other row 1. An error value in a column read passes through LEN.
    expect(m).toBe(
      "=IF((LEN('Schools'!$C$2:$C$4)+LEN('Schools'!$D$2:$D$4)+LEN('Schools'!$E$2:$E$4)+LEN('Schools'!$F$2:$F$4)+LEN('Schools'!$G$2:$G$4)+LEN('Schools'!$I$2:$I$4))=0,\"\"," +
        "IF(((ISBLANK('Schools'!$C$2:$C$4)*((LEN('Schools'!$D$2:$D$4)+LEN('Schools'!$E$2:$E$4)+LEN('Schools'!$F$2:$F$4)+LEN('Schools'!$G$2:$G$4)+LEN('Schools'!$I$2:$I$4))>0)" +
        "+('Schools'!$F$2:$F$4>'Schools'!$C$2:$C$4)+('Schools'!$G$2:$G$4>'Schools'!$C$2:$C$4)+('Schools'!$H$2:$H$4>'Schools'!$C$2:$C$4))>0),0,1))",
    );
    // The weighted pupils read column M for the blank rows and the #N/A of a short enrollment (never the need
    // weights alone), not the table's columns again.
    expect(d).toBe(
      "=IF(LEN('WSF Allocation'!$M$2:$M$4)=0,\"\"," +
        "WSF.WEIGHTEDPUPILS('Schools'!$D$2:$G$4,'WSF Parameters'!$B$13:$B$16)+WSF.CONCENTRATION('Schools'!$F$2:$F$4,'Schools'!$C$2:$C$4,'WSF Parameters'!$B$19,'WSF Parameters'!$C$19,'WSF Parameters'!$D$19)" +
        "+IF('WSF Allocation'!$M$2:$M$4=0,NA(),0))",
    );
    expect(l).toBe(
      "=IF(ISERROR('WSF Allocation'!$M$2:$M$4),\"This school's row in the schools table holds an error value: fix it\"," +
        "IF('WSF Allocation'!$M$2:$M$4=0,\"This school's enrollment is blank, or below a need count: fix its row in the schools table\"," +
        "IF(ISERROR('WSF Allocation'!$D$2:$D$4)*($L$6<>\"An error value in the table\"),\"Fix this school's row in the schools table: column D says why\",\"\")))",
    );
    expect(e).toBe("=WSF.SOLVEBASE('WSF Allocation'!$D$2:$D$4,'WSF Parameters'!$B$7,'WSF Parameters'!$B$8,'Schools'!$I$2:$I$4,'WSF Parameters'!$B$9)");
    expect(f).toBe("=WSF.ALLOCATE('WSF Allocation'!$D$2:$D$4,'WSF Allocation'!$E$2,'WSF Parameters'!$B$8)");
    expect(g).toBe("=IF(ISBLANK('Schools'!$I$2:$I$4),\"\",'Schools'!$I$2:$I$4)");
    expect(h).toBe("=WSF.PROTECT('WSF Allocation'!$F$2:$F$4,'Schools'!$I$2:$I$4,'WSF Parameters'!$B$9)");
    // The change takes H2 only when it is a number; an error in H2 (or the spill's anchor) stays an error.
    expect(i).toBe(
      "=IF(ISBLANK('Schools'!$I$2:$I$4),\"\",IF(ISNUMBER('WSF Allocation'!$H$2:$H$4),'WSF Allocation'!$H$2:$H$4-'Schools'!$I$2:$I$4," +
        "IF(ISERROR('WSF Allocation'!$H$2:$H$4),'WSF Allocation'!$H$2:$H$4,IF(ISERROR($H$2),$H$2,\"\"))))",
    );
    expect(j).toBe(
      "=IF(ISNUMBER('Schools'!$C$2:$C$4),IF('Schools'!$C$2:$C$4>0,IF(('Schools'!$F$2:$F$4<0)+('Schools'!$F$2:$F$4>'Schools'!$C$2:$C$4)>0,NA(),'Schools'!$F$2:$F$4/'Schools'!$C$2:$C$4),\"\"),\"\")",
    );
    expect(k).toBe("=WSF.PERPUPIL('WSF Allocation'!$H$2:$H$4,'Schools'!$C$2:$C$4)");
  });

  it("puts every formula in the first school row, spilling down the table's rows", () => {
    const { sheet } = build(nycLike);
    const rows = sheet.blocks[1].values;
    expect(rows).toHaveLength(3);
    for (let column = 0; column < 13; column++) expect(rows.slice(1).map((r) => r[column])).toEqual([null, null]);
    // Totals two rows below the last school (sheet row 6).
    expect(sheet.blocks[2].row).toBe(5);
    expect(sheet.blocks[2].values[0][7]).toBe("=IF(ROWS('Schools'!$C$2:$C$4)<>3,NA(),SUM(H2:H4))");
    expect(sheet.blocks[0].values[0][6]).toBe("Prior year (Prior-year allocation)");
  });

  it("splits WEIGHTEDPUPILS at gaps between weighted columns, uses a fixed base, and skips an absent stop-loss", () => {
    const spec: FormulaSpec = {
      ...nycLike,
      base: { mode: "fixed", amount: 4000 },
      gradeWeights: [{ header: "Grades K-5", weight: 1 }],
      categoryWeights: [{ header: "SPED", label: "Special education", weight: 1 }],
      concentration: [],
      fixed: { mode: "none" },
      protection: { maxLoss: null, maxGain: 0.1 },
    };
    // Parameters: pool/base B7; fixed "none" row 8; max loss row 9 (none); max gain B10; weights B13 (K-5), B14 (SPED).
    const [, , , d, e, f, , h] = build(spec).sheet.blocks[1].values[0];
    expect(d).toMatch(/^=IF\(LEN\('WSF Allocation'!\$M\$2:\$M\$4\)=0,"",WSF\.WEIGHTEDPUPILS\('Schools'!\$D\$2:\$D\$4,'WSF Parameters'!\$B\$13\)\+WSF\.WEIGHTEDPUPILS\('Schools'!\$H\$2:\$H\$4,'WSF Parameters'!\$B\$14\)\+IF\('WSF Allocation'!\$M\$2:\$M\$4=0,NA\(\),0\)\)$/);
    expect(e).toBe("='WSF Parameters'!$B$7");
    expect(f).toBe("=WSF.ALLOCATE('WSF Allocation'!$D$2:$D$4,'WSF Allocation'!$E$2)");
    expect(h).toBe("=WSF.PROTECT('WSF Allocation'!$F$2:$F$4,'Schools'!$I$2:$I$4,,'WSF Parameters'!$B$10)");
  });

  it("follows a table that starts elsewhere on a sheet with a quoted name", () => {
    const moved = { ...table, sheet: "Bob's schools", address: "'Bob''s schools'!B3:J6" };
    const { sheet, cells } = build(nycLike, moved);
    const [a, , , d] = sheet.blocks[1].values[0];
    expect(a).toBe("=IF(ISBLANK('Bob''s schools'!$B$4:$B$6),\"\",'Bob''s schools'!$B$4:$B$6)");
    expect(d).toContain("WSF.WEIGHTEDPUPILS('Bob''s schools'!$E$4:$H$6,");
    expect(cells.pupilsRange).toBe("'Bob''s schools'!$D$4:$D$6");
    expect(cells.priorRange).toBe("'Bob''s schools'!$J$4:$J$6");
  });

  it("reports where it put things for the sheets that read it", () => {
    const { cells } = build(nycLike);
    expect(cells.baseCell).toBe("'WSF Allocation'!$E$2");
    expect(cells.ranges).toEqual({
      weightedPupils: "'WSF Allocation'!$D$2:$D$4",
      formulaAmount: "'WSF Allocation'!$F$2:$F$4",
      protectedAmount: "'WSF Allocation'!$H$2:$H$4",
      perPupil: "'WSF Allocation'!$K$2:$K$4",
      poverty: "'WSF Allocation'!$J$2:$J$4",
    });
    expect(cells.povertyHeader).toBe("FRL");
  });

  it("without prior or poverty columns, protects against its own empty prior column and leaves poverty blank", () => {
    const bare = { id: 0, name: 1, enrollment: 2, grades: [], counts: [] };
    const spec: FormulaSpec = { ...nycLike, gradeWeights: [], categoryWeights: [], concentration: [], protection: { maxLoss: null, maxGain: null } };
    const { cells: params } = parametersSheet(spec, { tableLabel: "Schools", headers, mapping: bare });
    const { sheet, cells } = allocationSheet(spec, table, bare, params);
    const first = sheet.blocks[1].values[0];
    // Only the enrollment is read, so there is no short enrollment to look for: M is "" or 1.
    expect(first[12]).toBe("=IF((LEN('Schools'!$C$2:$C$4))=0,\"\",1)");
    expect(first[3]).toBe("=IF(LEN('WSF Allocation'!$M$2:$M$4)=0,\"\",WSF.WEIGHTEDPUPILS('Schools'!$C$2:$C$4,'WSF Parameters'!$B$13))");
    expect(first[4]).toBe("=WSF.SOLVEBASE('WSF Allocation'!$D$2:$D$4,'WSF Parameters'!$B$7,'WSF Parameters'!$B$8)");
    expect(first[7]).toBe("=WSF.PROTECT('WSF Allocation'!$F$2:$F$4,'WSF Allocation'!$G$2:$G$4)");
    expect([first[6], first[8], first[9]]).toEqual([null, null, null]);
    expect(cells.povertyHeader).toBeNull();
  });
});
