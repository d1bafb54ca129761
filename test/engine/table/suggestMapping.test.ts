import { suggestMapping } from "../../../src/engine/table/suggestMapping";

describe("suggestMapping", () => {
  it("maps an ESSA school-level file by its plain-English headers", () => {
    const headers = ["NCES School ID", "School name", "Enrollment", "Economically disadvantaged", "English learners", "Students with disabilities", "Foster youth", "Unduplicated pupils", "Prior-year allocation"];
    expect(suggestMapping(headers)).toEqual({ id: 0, name: 1, enrollment: 2, frl: 3, el: 4, sped: 5, foster: 6, unduplicated: 7, prior: 8, grades: [], counts: [] });
  });

  it("maps an NYC-style file: DBN, register, grade bands, ELL, SWD, poverty; a share column is left out", () => {
    const headers = ["DBN", "School", "Register", "K-5", "6-8", "9-12", "ELL", "SWD", "Poverty", "% Poverty", "Level"];
    expect(suggestMapping(headers)).toEqual({ id: 0, name: 1, enrollment: 2, grades: [3, 4, 5], el: 6, sped: 7, frl: 8, level: 10, counts: [] });
  });

  it("maps an LAUSD-style file with local districts, grade-band spellings and low income", () => {
    const headers = ["CDS code", "School", "Local District", "Total enrollment", "Grades K-3", "Gr 4-5", "Grades 6–8", "Low income", "LEP", "SPED", "Last year"];
    expect(suggestMapping(headers)).toEqual({ id: 0, name: 1, region: 2, enrollment: 3, grades: [4, 5, 6], frl: 7, el: 8, sped: 9, prior: 10, counts: [] });
  });

  it("ignores case, spacing and punctuation", () => {
    const headers = ["school_id", "SCHOOL  NAME", "Free & Reduced Lunch", "english-learners", "S.P.E.D.", "Prior Year Allocation ($)", "ADA"];
    expect(suggestMapping(headers)).toEqual({ id: 0, name: 1, frl: 2, el: 3, sped: 4, prior: 5, enrollment: 6, grades: [], counts: [] });
  });

  it("reads counting words around a need: 'Number of English learners', 'FRL count', 'Total SWD'", () => {
    expect(suggestMapping(["Number of English learners", "FRL count", "Total SWD", "Total"])).toEqual({ el: 0, frl: 1, sped: 2, enrollment: 3, grades: [], counts: [] });
  });

  it("never maps a share, rate or per-pupil column, even when its words name a need", () => {
    expect(suggestMapping(["FRL share", "Poverty rate", "EL %", "Per pupil", "Enrollment"])).toEqual({ enrollment: 4, grades: [], counts: [] });
  });

  it("sends a second count column matching a taken role to counts, and drops a second name column", () => {
    expect(suggestMapping(["Enrollment", "ADA", "School", "Name"])).toEqual({ enrollment: 0, name: 2, grades: [], counts: [1] });
  });

  it("with sample rows, puts other all-number columns in counts and leaves text columns out", () => {
    const headers = ["School", "Enrollment", "Gifted", "Principal", "Homeless"];
    const rows = [
      ["A", 400, 12, "Ms. Diaz", 3],
      ["B", 300, null, "Mr. Lee", 0],
    ];
    expect(suggestMapping(headers, rows)).toEqual({ name: 0, enrollment: 1, grades: [], counts: [2, 4] });
    // Without rows nothing is known about unrecognized columns.
    expect(suggestMapping(headers)).toEqual({ name: 0, enrollment: 1, grades: [], counts: [] });
  });

  it("does not take a school year such as 2023-24 for a grade band", () => {
    expect(suggestMapping(["School", "2023-24", "Enrollment"])).toEqual({ name: 0, enrollment: 2, grades: [], counts: [] });
  });
});

describe("suggestMapping with a short name in brackets", () => {
  it("maps 'Low income (FRL)' to frl and 'Students with disabilities (SWD)' to sped by either name", () => {
    const mapping = suggestMapping(["School", "Enrollment", "Low income (FRL)", "Students with disabilities (SWD)", "ELL / English learners"]);
    expect(mapping.frl).toBe(2);
    expect(mapping.sped).toBe(3);
    expect(mapping.el).toBe(4);
  });
});

describe("suggestMapping and money columns", () => {
  it("offers other numeric columns as counts but never a dollar column such as spending or a budget", () => {
    const headers = ["School", "Enrollment", "Gifted", "Unrestricted spending", "Restricted spending", "Budget $"];
    const rows = [["A", 100, 5, 700000, 90000, 800000], ["B", 200, 9, 1400000, 150000, 1600000]];
    expect(suggestMapping(headers, rows).counts).toEqual([2]);
  });
});

describe("suggestMapping and staff columns", () => {
  it("never offers a staff count (FTE, teachers) as pupils to weight, as the sample district's Title I columns show", () => {
    const headers = ["School", "Enrollment", "Gifted", "Instructional staff FTE", "Teachers", "Homeless students"];
    const rows = [["A", 100, 5, 6.5, 7, 3], ["B", 200, 9, 11.2, 12, 8]];
    // Gifted and Homeless students are pupils; the staff columns are not.
    expect(suggestMapping(headers, rows).counts).toEqual([2, 5]);
  });
});
