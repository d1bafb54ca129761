import fc from "fast-check";
import { parseGradeBand } from "../../../src/engine/table/parseGradeBand";

describe("parseGradeBand", () => {
  it.each([
    ["Grades K-3", 0, 3],
    ["K-5", 0, 5],
    ["Gr 6-8", 6, 8],
    ["Gr. 6 - 8", 6, 8],
    ["9-12", 9, 12],
    ["Grades 9–12 ADA", 9, 12],
    ["ADA K-3", 0, 3],
    ["Grade 9", 9, 9],
    ["Kindergarten", 0, 0],
    ["TK-K", -1, 0],
    ["Grades 4 through 6", 4, 6],
  ])("reads %s as grades %d to %d", (header, low, high) => {
    expect(parseGradeBand(header)).toEqual({ low, high });
  });

  it.each(["2023-24", "9", "12-9", "Enrollment", "Grade level", "13-14", "EL"])("does not read %s as a grade band", (header) => {
    expect(parseGradeBand(header)).toBeNull();
  });

  it("reads back every band it can write as 'Grades a-b'", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const name = (g: number) => (g === 0 ? "K" : String(g));
        expect(parseGradeBand(`Grades ${name(low)}-${name(high)}`)).toEqual({ low, high });
      }),
    );
  });
});
