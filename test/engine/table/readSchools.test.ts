import fc from "fast-check";
import { ColumnMapping } from "../../../src/engine/table/ColumnMapping";
import { readSchools } from "../../../src/engine/table/readSchools";

const headers = ["School ID", "School", "Enrollment", "Grades K-5", "Grades 6-8", "FRL", "EL", "SPED", "Prior-year allocation", "Region"];
const mapping: ColumnMapping = { id: 0, name: 1, enrollment: 2, grades: [3, 4], frl: 5, el: 6, sped: 7, prior: 8, region: 9, counts: [] };

function row(id: unknown, enrollment: unknown, k5: unknown, g68: unknown, frl: unknown, el: unknown = 0, sped: unknown = 0, prior: unknown = null): unknown[] {
  return [id, `School ${id}`, enrollment, k5, g68, frl, el, sped, prior, "North"];
}

describe("readSchools", () => {
  it("reads clean rows into school records keyed by header, prior blank as null", () => {
    const { schools, problems } = readSchools(headers, [row("A1", 500, 300, 200, 250, 40, 60, 4_000_000), row(1002, 300, 300, 0, 90)], mapping);
    expect(problems).toEqual([]);
    expect(schools).toEqual([
      { row: 1, id: "A1", name: "School A1", enrollment: 500, counts: { Enrollment: 500, "Grades K-5": 300, "Grades 6-8": 200, FRL: 250, EL: 40, SPED: 60 }, prior: 4_000_000, region: "North", level: null },
      { row: 2, id: "1002", name: "School 1002", enrollment: 300, counts: { Enrollment: 300, "Grades K-5": 300, "Grades 6-8": 0, FRL: 90, EL: 0, SPED: 0 }, prior: null, region: "North", level: null },
    ]);
  });

  it("reports text in a count cell as an error on its row and cell, and leaves the school out", () => {
    const { schools, problems } = readSchools(headers, [row("A", 100, 60, 40, 10), row("B", 100, 60, 40, "n/a"), row("C", 100, 60, 40, 10)], mapping, 4, 2);
    expect(schools.map((s) => s.id)).toEqual(["A", "C"]);
    // Data row 2 sits on sheet row 4 + 1 = 5 (0-based), shown to people as sheet row 6; FRL is column 5, sheet column 2 + 5.
    expect(problems).toEqual([
      { row: 2, column: 5, header: "FRL", sheetRow: 5, sheetColumn: 7, severity: "error", message: 'Schools table: FRL row 2 (sheet row 6) is "n/a", expected a number of pupils' },
    ]);
  });

  it("says when a number is stored as text", () => {
    const { problems } = readSchools(headers, [row("A", "1,200", 600, 600, 10)], mapping);
    expect(problems.map((p) => p.message)).toEqual(['Schools table: Enrollment row 1 (sheet row 2) is "1,200", expected a number of pupils (it is stored as text; convert it to a number)']);
  });

  it("rejects negative counts", () => {
    const { schools, problems } = readSchools(headers, [row("A", 100, 60, 40, 10, -3)], mapping);
    expect(schools).toEqual([]);
    expect(problems).toMatchObject([{ row: 1, column: 6, severity: "error", message: "Schools table: EL row 1 (sheet row 2) is -3, a negative number of pupils" }]);
  });

  it("reports a duplicate id on the second occurrence, naming the first", () => {
    const { schools, problems } = readSchools(headers, [row("X", 100, 60, 40, 10), row("Y", 100, 60, 40, 10), row("X", 90, 50, 40, 10)], mapping);
    expect(schools.map((s) => s.row)).toEqual([1, 2]);
    expect(problems).toMatchObject([{ row: 3, column: 0, severity: "error", message: 'Schools table: School ID row 3 (sheet row 4) repeats the id "X" of row 1 (sheet row 2); school ids must be unique' }]);
  });

  it("rejects FRL, EL or SPED above enrollment, one problem per cell", () => {
    const { schools, problems } = readSchools(headers, [row("A", 100, 60, 40, 101, 100, 120)], mapping);
    expect(schools).toEqual([]);
    expect(problems.map((p) => [p.row, p.header, p.severity])).toEqual([
      [1, "FRL", "error"],
      [1, "SPED", "error"],
    ]);
    expect(problems[0].message).toBe("Schools table: FRL row 1 (sheet row 2) is 101, more than the 100 enrolled");
  });

  it("skips blank rows in the middle with one warning per run, and ignores trailing blank rows", () => {
    const blank = headers.map(() => null);
    const rows = [row("A", 100, 60, 40, 10), blank, headers.map(() => ""), row("B", 100, 60, 40, 10), blank, row("C", 100, 60, 40, 10), blank, blank];
    const { schools, problems } = readSchools(headers, rows, mapping);
    expect(schools.map((s) => [s.id, s.row])).toEqual([
      ["A", 1],
      ["B", 4],
      ["C", 6],
    ]);
    expect(problems.map((p) => [p.row, p.severity, p.message])).toEqual([
      [2, "warning", "Schools table: rows 2 to 3 (sheet rows 3 to 4) are blank and skipped; delete blank rows inside the table so the allocation sheet lines up with the schools"],
      [5, "warning", "Schools table: row 5 (sheet row 6) is blank and skipped; delete blank rows inside the table so the allocation sheet lines up with the schools"],
    ]);
  });

  it("reports a missing enrollment as an error", () => {
    const { schools, problems } = readSchools(headers, [row("A", null, 60, 40, 10)], mapping);
    expect(schools).toEqual([]);
    expect(problems).toMatchObject([{ row: 1, column: 2, severity: "error", message: "Schools table: Enrollment row 1 (sheet row 2) is blank; enter the school's enrollment" }]);
  });

  it("warns when grade bands do not add up to enrollment but keeps the school", () => {
    // 60 + 30 = 90 pupils in grade bands against 100 enrolled.
    const { schools, problems } = readSchools(headers, [row("A", 100, 60, 30, 10)], mapping);
    expect(schools).toHaveLength(1);
    expect(problems).toMatchObject([{ row: 1, column: 3, severity: "warning", message: "Schools table: Grades K-5 row 1 (sheet row 2) grade bands add up to 90, but enrollment is 100" }]);
  });

  it("warns about enrollment 0 and a blank id, and rejects text in the prior-year column", () => {
    const { schools, problems } = readSchools(headers, [row(null, 0, 0, 0, 0), row("B", 10, 5, 5, 1, 0, 0, "TBD")], mapping);
    expect(schools.map((s) => s.id)).toEqual(["row 1"]);
    expect(problems.map((p) => [p.row, p.header, p.severity])).toEqual([
      [1, "Enrollment", "warning"],
      [1, "School ID", "warning"],
      [2, "Prior-year allocation", "error"],
    ]);
  });

  it("derives enrollment from grade bands when no enrollment column is mapped", () => {
    const { schools, problems } = readSchools(headers, [row("A", null, 60, 30, 10)], { ...mapping, enrollment: undefined });
    expect(problems).toEqual([]);
    expect(schools[0].enrollment).toBe(90);
  });

  it("reports a table without enrollment or grade bands, and a mapping that points past the headers", () => {
    expect(readSchools(headers, [row("A", 1, 1, 0, 0)], { grades: [], counts: [] }).problems).toMatchObject([{ row: 0, column: -1, severity: "error", sheetRow: 0 }]);
    expect(readSchools(headers, [], { enrollment: 12, grades: [], counts: [] }).problems[0].message).toBe("Schools table: columns mapping for enrollment points at column 12, but the table has 10 columns");
  });

  it("accounts for every non-blank row: each is a school or has an error", () => {
    const cell = fc.oneof(fc.integer({ min: -5, max: 120 }), fc.constant(null), fc.constant("x"));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("A", "B", "C", "D"), cell, cell, cell, cell), { maxLength: 12 }), (raw) => {
        const rows = raw.map(([id, enr, k5, g68, frl]) => row(id, enr, k5, g68, frl));
        const { schools, problems } = readSchools(headers, rows, mapping);
        const erroneous = new Set(problems.filter((p) => p.severity === "error").map((p) => p.row));
        for (let r = 1; r <= rows.length; r++) {
          const isSchool = schools.some((s) => s.row === r);
          expect(isSchool !== erroneous.has(r)).toBe(true);
        }
      }),
    );
  });
});
