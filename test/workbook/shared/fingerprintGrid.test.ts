import fc from "fast-check";
import { fingerprintGrid } from "../../../src/workbook/shared/fingerprintGrid";

const cell = fc.oneof(fc.constant(null), fc.integer({ min: -1e6, max: 1e6 }), fc.string({ maxLength: 8 }), fc.boolean());
const grid = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });

describe("fingerprintGrid", () => {
  it("depends only on the non-blank cells and their absolute positions, not on the grid's origin or padding", () => {
    fc.assert(
      fc.property(grid, fc.nat(5), fc.nat(5), (g, dr, dc) => {
        // The same contents padded with dr blank rows above and dc blank columns to the left, read from A1.
        const padded = [...Array.from({ length: dr }, () => [null]), ...g.map((row) => [...new Array(dc).fill(null), ...row])];
        expect(fingerprintGrid(padded, 0, 0)).toBe(fingerprintGrid(g, dr, dc));
      }),
    );
  });

  it("changes when any one cell is changed", () => {
    fc.assert(
      fc.property(grid, fc.nat(), fc.nat(), fc.string({ minLength: 1, maxLength: 8 }), (g, r, c, text) => {
        const row = r % g.length;
        const col = c % g[row].length;
        fc.pre(String(g[row][col]) !== text && !(typeof g[row][col] === "number" && Number(text.trim()) === g[row][col]));
        fc.pre(!(typeof g[row][col] === "boolean" && text.trim().toUpperCase() === String(g[row][col]).toUpperCase()));
        const edited = g.map((rw) => rw.slice());
        edited[row][col] = `${text}`;
        expect(fingerprintGrid(edited)).not.toBe(fingerprintGrid(g));
      }),
    );
  });

  it("tells apart contents that differ only by where a cell boundary falls", () => {
    expect(fingerprintGrid([["ab", "c"]])).not.toBe(fingerprintGrid([["a", "bc"]]));
    expect(fingerprintGrid([["x", null]])).not.toBe(fingerprintGrid([[null, "x"]]));
  });

  it("matches what Excel reports for what the add-in wrote: numbers as text, formula case", () => {
    expect(fingerprintGrid([["12", "=sum(a1:a3)"]])).toBe(fingerprintGrid([[12, "=SUM(A1:A3)"]]));
  });

  it("counts the non-blank cells in its first part", () => {
    // Hand count: "a", 2 and TRUE are non-blank; null and "" are blank.
    expect(fingerprintGrid([["a", null, 2], ["", true]]).split(":")[0]).toBe("3");
    expect(fingerprintGrid([])).toMatch(/^0:[0-9a-f]{16}$/);
  });
});
