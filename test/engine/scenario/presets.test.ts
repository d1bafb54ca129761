import { presets } from "../../../src/engine/scenario/presets";
import { runFormula } from "../../../src/engine/scenario/runFormula";
import { validateFormulaSpec } from "../../../src/engine/scenario/validateFormulaSpec";
import { readSchools } from "../../../src/engine/table/readSchools";
import { suggestMapping } from "../../../src/engine/table/suggestMapping";

const headers = ["School ID", "School", "Enrollment", "Grades K-3", "Grades 4-5", "Grades 6-8", "Grades 9-12", "FRL", "EL", "SPED", "Foster", "Unduplicated", "Prior-year allocation"];
const rows = [
  ["A", "Alder", 600, 200, 100, 150, 150, 300, 80, 60, 5, 330, 6_000_000],
  ["B", "Birch", 400, 160, 80, 160, 0, 100, 20, 40, 2, 110, 3_500_000],
  ["C", "Cedar", 900, 0, 0, 300, 600, 700, 200, 100, 15, 720, 10_000_000],
];

describe("presets", () => {
  const mapping = suggestMapping(headers);

  it("offers flat, LAUSD-style, NYC-style and LCFF-style, each a valid spec over the table's columns", () => {
    const list = presets(headers, mapping);
    expect(list.map((p) => p.id)).toEqual(["flat", "lausd", "nyc", "lcff"]);
    for (const p of list) {
      expect(validateFormulaSpec(p.spec, headers)).toEqual([]);
      expect(p.description.length).toBeGreaterThan(40);
    }
  });

  it("lays NYC's grade weights onto the table's bands and keeps the published need weights and foundation", () => {
    const nyc = presets(headers, mapping).find((p) => p.id === "nyc")!.spec;
    // K-3 and 4-5 lie in K-5 (1.00), 6-8 is 1.08, 9-12 is 1.03 (domain.md section 2).
    expect(nyc.gradeWeights).toEqual([
      { header: "Grades K-3", weight: 1 },
      { header: "Grades 4-5", weight: 1 },
      { header: "Grades 6-8", weight: 1.08 },
      { header: "Grades 9-12", weight: 1.03 },
    ]);
    expect(nyc.categoryWeights.map((c) => [c.header, c.weight])).toEqual([
      ["FRL", 0.12],
      ["EL", 0.4],
      ["SPED", 1],
    ]);
    expect(nyc.fixed).toEqual({ mode: "amount", amount: 225_000 });
    // A1: NYC FY22 per capita $4,223 as the starting base.
    expect(nyc.base).toEqual({ mode: "fixed", amount: 4223 });
  });

  it("derives LCFF grade weights from the 2024-25 base grants relative to K-3 with its adjustment", () => {
    const lcff = presets(headers, mapping).find((p) => p.id === "lcff")!.spec;
    // K-3 10,025 x 1.104 = 11,067.60; 4-6 10,177; 7-8 10,478; 9-12 12,144 x 1.026 = 12,459.744.
    // "Grades 4-5" -> 10,177 / 11,067.6 = 0.91953; "Grades 6-8" -> (10,177 + 2 x 10,478) / 3 / 11,067.6 = 0.93766;
    // "Grades 9-12" -> 12,459.744 / 11,067.6 = 1.12579.
    expect(lcff.gradeWeights.map((g) => g.weight)).toEqual([1, 0.9195, 0.9377, 1.1258]);
    expect(lcff.categoryWeights).toEqual([{ header: "Unduplicated", label: "Supplemental (unduplicated)", weight: 0.2 }]);
    expect(lcff.concentration).toEqual([{ header: "Unduplicated", label: "Concentration above 55%", threshold: 0.55, weight: 0.65, mode: "above" }]);
    expect(lcff.base).toEqual({ mode: "fixed", amount: 11_067.6 });
  });

  it("uses only the columns the mapping found and says what it left out", () => {
    const few = ["School", "Enrollment", "FRL"];
    const list = presets(few, suggestMapping(few));
    const lausd = list.find((p) => p.id === "lausd")!;
    expect(lausd.spec.categoryWeights).toEqual([{ header: "FRL", label: "Low income (FRL)", weight: 0.2 }]);
    expect(lausd.description).toContain("The table has no EL, foster, SPED column");
    const lcff = list.find((p) => p.id === "lcff")!;
    expect(lcff.spec.gradeWeights).toEqual([]);
    expect(lcff.description).toContain("standing in for the unduplicated count");
    expect(list.find((p) => p.id === "nyc")!.description).toContain("no grade-band columns");
    for (const p of list) expect(validateFormulaSpec(p.spec, few)).toEqual([]);
  });

  it("solves every preset's base from a pool when given one, and each run spends it to the cent", () => {
    const { schools, problems } = readSchools(headers, rows, mapping);
    expect(problems).toEqual([]);
    const pool = 19_500_000; // last year's total, 6,000,000 + 3,500,000 + 10,000,000
    for (const p of presets(headers, mapping, { pool })) {
      expect(p.spec.base).toEqual({ mode: "solve", pool });
      expect(Math.abs(runFormula(p.spec, schools).total - pool)).toBeLessThan(0.01);
    }
  });
});
