import fc from "fast-check";
import { fingerprintGrid } from "../../../src/workbook/shared/fingerprintGrid";
import { fingerprintNow, fingerprintWritten } from "../../../src/workbook/shared/ownershipFingerprint";

type Cell = string | number | boolean | null;
const cell: fc.Arbitrary<Cell> = fc.oneof(fc.constant(null), fc.integer({ min: -1000, max: 1000 }), fc.constantFrom("a", "School 1", "=A1", "=SUM(B2:B9)"), fc.boolean());
const grid = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });

/** The grid as Excel may report it later: every blank written cell filled with a value (a spill), from A1. */
function withSpills(g: Cell[][], originRow: number, originColumn: number, fill: number): Cell[][] {
  const width = Math.max(...g.map((r) => r.length)) + originColumn + 2;
  const out: Cell[][] = [];
  for (let r = 0; r < originRow + g.length + 2; r++) {
    const row: Cell[] = [];
    for (let c = 0; c < width; c++) {
      const written = g[r - originRow]?.[c - originColumn];
      row.push(written === undefined || written === null ? fill + r + c : written);
    }
    out.push(row);
  }
  return out;
}

describe("fingerprintWritten / fingerprintNow", () => {
  it("a sheet that still holds what was written reads as unchanged, whatever values fill the cells left blank", () => {
    fc.assert(
      fc.property(grid, fc.nat(3), fc.nat(3), fc.integer(), (g, dr, dc, fill) => {
        const stored = fingerprintWritten(g, dr, dc);
        expect(fingerprintNow(stored, withSpills(g, dr, dc, fill), 0, 0)).toBe(stored);
      }),
    );
  });

  it("any change to a cell written non-blank is seen, spills or not", () => {
    fc.assert(
      fc.property(grid, fc.nat(), fc.nat(), fc.integer(), (g, r, c, fill) => {
        const row = r % g.length;
        const col = c % g[row].length;
        fc.pre(g[row][col] !== null);
        const stored = fingerprintWritten(g, 0, 0);
        const now = withSpills(g, 0, 0, fill);
        now[row][col] = "hand edit";
        expect(fingerprintNow(stored, now, 0, 0)).not.toBe(stored);
        now[row][col] = null; // cleared
        expect(fingerprintNow(stored, now, 0, 0)).not.toBe(stored);
      }),
    );
  });

  it("a formula where the add-in wrote nothing is a hand edit (a spill never shows a formula)", () => {
    const stored = fingerprintWritten([["=WSF.ALLOCATE(B2:B4,10)"], [null], [null]], 1, 2);
    expect(fingerprintNow(stored, [["=WSF.ALLOCATE(B2:B4,10)"], [20], [30]], 1, 2)).toBe(stored);
    expect(fingerprintNow(stored, [["=WSF.ALLOCATE(B2:B4,10)"], ["=1+1"], [30]], 1, 2)).not.toBe(stored);
    expect(fingerprintNow(stored, [["=WSF.ALLOCATE(B2:B4,10)", "=C2"], [20, null], [30, null]], 1, 2)).not.toBe(stored);
  });

  it("stores the positions written as column runs (hand-written example)", () => {
    // Column 0: rows 0-1 and 3; column 1: row 1.
    const stored = fingerprintWritten([["a", null], ["b", 2], [null, null], ["c", null]]);
    expect(stored.split("|")[1]).toBe("0=0-1,3;1=1");
  });

  it("compares a tag without positions (or with unreadable ones) over every non-blank cell, the careful reading", () => {
    const legacy = fingerprintGrid([["a"]]);
    expect(fingerprintNow(legacy, [["a"]])).toBe(legacy);
    expect(fingerprintNow(legacy, [["a", 5]])).not.toBe(legacy);
    expect(fingerprintNow(`${legacy}|0=zz`, [["a"]])).not.toBe(`${legacy}|0=zz`);
  });
});
