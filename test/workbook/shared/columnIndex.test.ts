import fc from "fast-check";
import { columnIndex } from "../../../src/workbook/shared/columnIndex";
import { columnLetters } from "../../../src/workbook/shared/columnLetters";

describe("columnIndex", () => {
  it("reads A 0, Z 25, AA 26, ZZ 701, AAA 702, XFD 16383, in either case", () => {
    expect([columnIndex("A"), columnIndex("Z"), columnIndex("AA"), columnIndex("ZZ"), columnIndex("AAA")]).toEqual([0, 25, 26, 701, 702]);
    expect(columnIndex("xfd")).toBe(16383);
  });

  it("is the inverse of columnLetters", () => {
    fc.assert(fc.property(fc.nat(10_000_000), (n) => columnIndex(columnLetters(n)) === n));
  });

  it("rejects text that is not column letters", () => {
    expect(() => columnIndex("")).toThrow(RangeError);
    expect(() => columnIndex("A1")).toThrow(RangeError);
  });
});
