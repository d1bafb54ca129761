import fc from "fast-check";
import { WsfError } from "../../../src/engine/core/WsfError";
import { generateSampleDistrict } from "../../../src/engine/sample/generateSampleDistrict";
import { SampleTable } from "../../../src/engine/sample/SampleTable";
import { expenditureLevels, percentile, weightedFit } from "./naiveStats";

const HEADERS = [
  "School ID", "School", "Level", "Region", "Enrollment", "Grades K-3", "Grades 4-6", "Grades 7-8", "Grades 9-12",
  "Low income (FRL)", "English learners", "Special education", "Foster youth", "Unduplicated pupils",
  "Prior-year allocation", "Unrestricted spending", "Restricted spending",
];

/** Reads a column by header, so the tests state what they check in the table's own words. */
function column(table: SampleTable, header: string): (string | number)[] {
  const k = table.headers.indexOf(header);
  if (k < 0) throw new Error(`no column ${header}`);
  return table.rows.map((r) => r[k]);
}
const numbers = (table: SampleTable, header: string) => column(table, header) as number[];

/** Every row-level consistency rule of the generator's contract; returns the first broken rule. */
function firstInconsistency(table: SampleTable): string | null {
  const at = (h: string) => HEADERS.indexOf(h);
  for (const row of table.rows) {
    const id = row[0];
    const n = (h: string) => row[at(h)] as number;
    const enrollment = n("Enrollment");
    const counts = HEADERS.slice(4, 17).map((h) => row[at(h)]);
    if (!counts.every((c) => Number.isInteger(c) && (c as number) >= 0)) return `${id}: a count or amount is not a whole number >= 0`;
    const bands = [n("Grades K-3"), n("Grades 4-6"), n("Grades 7-8"), n("Grades 9-12")];
    if (bands.reduce((a, b) => a + b, 0) !== enrollment) return `${id}: grade bands do not add up to enrollment`;
    const level = row[at("Level")];
    const present = bands.map((b) => b > 0);
    const expected: Record<string, (p: boolean[]) => boolean> = {
      Elementary: (p) => p[0] && p[1] && !p[2] && !p[3],
      Middle: (p) => !p[0] && p[1] && p[2] && !p[3],
      High: (p) => !p[0] && !p[1] && !p[2] && p[3],
      Span: (p) => p.filter(Boolean).length >= 3,
    };
    if (!expected[level as string]?.(present)) return `${id}: grade bands ${bands} do not fit level ${level}`;
    const frl = n("Low income (FRL)");
    const el = n("English learners");
    const foster = n("Foster youth");
    for (const h of ["Low income (FRL)", "English learners", "Special education", "Foster youth", "Unduplicated pupils"]) {
      if (n(h) > enrollment) return `${id}: ${h} above enrollment`;
    }
    const undup = n("Unduplicated pupils");
    if (undup < Math.max(frl, el, foster) || undup > frl + el + foster) return `${id}: unduplicated pupils out of bounds`;
  }
  return null;
}

describe("generateSampleDistrict", () => {
  const district = generateSampleDistrict();

  it("has exactly the documented columns, in order", () => {
    expect(district.headers).toEqual(HEADERS);
  });

  it("has 850 schools by default, each row as wide as the header", () => {
    expect(district.rows).toHaveLength(850);
    expect(district.rows.every((r) => r.length === HEADERS.length)).toBe(true);
  });

  it("is deterministic: the same seed gives identical rows", () => {
    expect(generateSampleDistrict({ seed: 99 })).toEqual(generateSampleDistrict({ seed: 99 }));
    expect(generateSampleDistrict()).toEqual(district);
  });

  it("gives a different district for a different seed", () => {
    const other = generateSampleDistrict({ seed: 2013 });
    const sameEnrollment = other.rows.filter((r, i) => r[4] === district.rows[i][4]).length;
    expect(sameEnrollment).toBeLessThan(100);
    expect(column(other, "School")).not.toEqual(column(district, "School"));
  });

  it("gives every school a unique id and a unique name", () => {
    expect(new Set(column(district, "School ID")).size).toBe(850);
    expect(new Set(column(district, "School")).size).toBe(850);
  });

  it("names schools in the 'Figueroa Street Elementary' style, the level word matching the level", () => {
    const suffix: Record<string, RegExp> = {
      Elementary: / Elementary$/,
      Middle: / Middle$/,
      High: / (Senior )?High$/,
      Span: / (K-8 Academy|6-12 Academy|K-12 Learning Center)$/,
    };
    const levels = column(district, "Level") as string[];
    const names = column(district, "School") as string[];
    const mismatched = names.filter((name, i) => !/^[A-Z][A-Za-z ]+ /.test(name) || !suffix[levels[i]].test(name));
    expect(mismatched).toEqual([]);
  });

  it("keeps ids and names unique far beyond the street list (10,000 schools)", () => {
    const big = generateSampleDistrict({ schools: 10_000, seed: 5 });
    expect(new Set(column(big, "School ID")).size).toBe(10_000);
    expect(new Set(column(big, "School")).size).toBe(10_000);
    expect(firstInconsistency(big)).toBeNull();
  });

  it("mixes levels 60/15/15/10 (largest remainder: 510, 128, 127, 85 of 850)", () => {
    // 850 x (0.60, 0.15, 0.15, 0.10) = 510, 127.5, 127.5, 85; the two halves go to the first two
    // tied remainders in level order, so middle gets 128 and high 127.
    const levels = column(district, "Level");
    const count = (l: string) => levels.filter((x) => x === l).length;
    expect([count("Elementary"), count("Middle"), count("High"), count("Span")]).toEqual([510, 128, 127, 85]);
  });

  it("keeps level proportions within a school of the target for any size", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer(), (schools, seed) => {
        const levels = column(generateSampleDistrict({ schools, seed }), "Level");
        const targets: [string, number][] = [["Elementary", 0.6], ["Middle", 0.15], ["High", 0.15], ["Span", 0.1]];
        return targets.every(([l, share]) => Math.abs(levels.filter((x) => x === l).length - share * schools) <= 1);
      }),
      { numRuns: 40 },
    );
  });

  it("is internally consistent: whole counts, bands add up to enrollment and fit the level, no count above enrollment, unduplicated within bounds", () => {
    expect(firstInconsistency(district)).toBeNull();
  });

  it("stays consistent for any seed and size", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 150 }), fc.integer(), (schools, seed) => firstInconsistency(generateSampleDistrict({ schools, seed })) === null),
      { numRuns: 60 },
    );
  });

  it("has plausible enrollments: median elementary < middle < high, each in a realistic range", () => {
    const levels = column(district, "Level");
    const enrollment = numbers(district, "Enrollment");
    const medianOf = (level: string) => {
      const xs = enrollment.filter((_, i) => levels[i] === level).sort((a, b) => a - b);
      return xs[Math.floor(xs.length / 2)];
    };
    // Ranges from large urban districts' school sizes: elementary 350-650, middle 800-1,400, high 1,100-2,000.
    expect(medianOf("Elementary")).toBeGreaterThan(350);
    expect(medianOf("Elementary")).toBeLessThan(650);
    expect(medianOf("Middle")).toBeGreaterThan(800);
    expect(medianOf("Middle")).toBeLessThan(1400);
    expect(medianOf("High")).toBeGreaterThan(1100);
    expect(medianOf("High")).toBeLessThan(2000);
    expect(Math.min(...enrollment)).toBeGreaterThanOrEqual(120);
  });

  it("spreads poverty like a large urban district: median FRL share 0.6-0.9, most schools 0.7+, an affluent tail", () => {
    const enrollment = numbers(district, "Enrollment");
    const shares = numbers(district, "Low income (FRL)").map((f, i) => f / enrollment[i]).sort((a, b) => a - b);
    const median = shares[Math.floor(shares.length / 2)];
    expect(median).toBeGreaterThan(0.6);
    expect(median).toBeLessThan(0.9);
    const atLeast70 = shares.filter((s) => s >= 0.7).length / shares.length;
    expect(atLeast70).toBeGreaterThan(0.5);
    expect(atLeast70).toBeLessThan(0.85);
    // At least 4% of schools (34 of 850) below 30% low income: the affluent west side.
    expect(shares.filter((s) => s < 0.3).length / shares.length).toBeGreaterThan(0.04);
    // Shares are capped at 99% before rounding to whole pupils: no school is entirely low income.
    expect(shares[shares.length - 1]).toBeLessThan(1);
  });

  it("uses the LAUSD local district names as regions", () => {
    const regions = new Set(column(district, "Region"));
    expect([...regions].sort()).toEqual(
      ["Central", "East", "Northeast", "Northwest", "South", "West"].map((r) => `Local District ${r}`),
    );
  });

  describe("money", () => {
    const enrollment = numbers(district, "Enrollment");
    const frlShare = numbers(district, "Low income (FRL)").map((f, i) => f / enrollment[i]);
    const unrestrictedPerPupil = numbers(district, "Unrestricted spending").map((x, i) => x / enrollment[i]);
    const restrictedPerPupil = numbers(district, "Restricted spending").map((x, i) => x / enrollment[i]);
    const priorPerPupil = numbers(district, "Prior-year allocation").map((x, i) => x / enrollment[i]);

    it("pays a flat general fund: the middle half of pupils within 3% of the median unrestricted per pupil", () => {
      const p25 = percentile(unrestrictedPerPupil, enrollment, 0.25);
      const p50 = percentile(unrestrictedPerPupil, enrollment, 0.5);
      const p75 = percentile(unrestrictedPerPupil, enrollment, 0.75);
      expect(p25 / p50).toBeGreaterThan(0.97);
      expect(p75 / p50).toBeLessThan(1.03);
      expect(p50).toBeGreaterThan(4000);
      expect(p50).toBeLessThan(7000);
    });

    it("has Low and High spenders for their poverty against the pupil-weighted fit on FRL share (band 10%)", () => {
      // The fit and the labels come from naiveStats (checked on E5); LAUSD's 2009-10 comparison
      // (shared/data/lausd-2009-10-comparison.csv) has both kinds among schools of similar poverty.
      const levels = expenditureLevels(unrestrictedPerPupil, frlShare, enrollment, 0.1);
      const low = levels.filter((l) => l === "Low").length;
      const high = levels.filter((l) => l === "High").length;
      expect(low).toBeGreaterThanOrEqual(30);
      expect(high).toBeGreaterThanOrEqual(30);
      expect(levels.filter((l) => l === "Typical").length / levels.length).toBeGreaterThan(0.8);
      // Flat means flat: unrestricted money does not follow poverty.
      expect(Math.abs(weightedFit(unrestrictedPerPupil, frlShare, enrollment).r)).toBeLessThan(0.15);
    });

    it("gives need-based restricted money that rises with poverty", () => {
      const fit = weightedFit(restrictedPerPupil, frlShare, enrollment);
      expect(fit.r).toBeGreaterThan(0.8);
      expect(fit.slope).toBeGreaterThan(1000);
    });

    it("keeps last year's allocation plausible and close to this year's general fund", () => {
      expect(Math.min(...priorPerPupil)).toBeGreaterThan(3000);
      expect(Math.max(...priorPerPupil)).toBeLessThan(8500);
      const ratio = priorPerPupil.map((p, i) => p / unrestrictedPerPupil[i]);
      expect(Math.min(...ratio)).toBeGreaterThanOrEqual(0.9 - 1e-9);
      expect(Math.max(...ratio)).toBeLessThanOrEqual(1.12 + 1e-9);
    });
  });

  it("rejects a school count that is not a whole number >= 1, naming the argument", () => {
    for (const schools of [0, -3, 2.5, Number.NaN]) {
      expect(() => generateSampleDistrict({ schools })).toThrow(WsfError);
    }
    expect(() => generateSampleDistrict({ schools: 0 })).toThrow("generateSampleDistrict: schools is 0, expected a whole number >= 1");
    expect(() => generateSampleDistrict({ seed: Number.POSITIVE_INFINITY })).toThrow("generateSampleDistrict: seed is Infinity, expected a number");
  });
});
