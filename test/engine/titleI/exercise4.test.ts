import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateSampleDistrict } from "../../../src/engine/sample";
import { EXERCISE4_RESERVATIONS, exercise4Figures } from "./exercise4Figures";

/**
 * docs/training.md's exercise 4 quotes figures of the sample district computed by the engine
 * (exercise4Figures.ts). Here each is recomputed naively from the definitions of domain.md section 6
 * (plain loops, no engine code), and the page must quote it as formatted below.
 */
const f = exercise4Figures();
const page = readFileSync(join(__dirname, "../../../docs/training.md"), "utf8");
const section = page.slice(page.indexOf("## Exercise 4: rank and serve"), page.indexOf("## For trainers"));
const dollars = (x: number) => `$${Math.round(x).toLocaleString("en-US")}`;
const cents = (x: number) => `$${x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const count = (x: number) => x.toLocaleString("en-US");

describe("training exercise 4, rank and serve", () => {
  const d = generateSampleDistrict();
  const level = d.rows.map((r) => String(r[d.headers.indexOf("Level")]));
  const staff = d.after!.rows.map((r) => Number(r[0]));
  const salaries = d.after!.rows.map((r) => Number(r[1]));
  const rate = f.lowIncome.map((c, i) => c / f.enrollment[i]);
  let li = 0;
  let en = 0;
  for (let i = 0; i < rate.length; i++) {
    li += f.lowIncome[i];
    en += f.enrollment[i];
  }
  const districtRate = li / en;

  /** Naive comparability: pooled non-Title I average of the level (all schools when none is non-Title I). */
  function notComparable(served: boolean[], top: number[], bottom: number[], kind: "ratio" | "spending"): number {
    let failures = 0;
    for (const lv of new Set(level)) {
      const members = level.map((l, i) => i).filter((i) => level[i] === lv);
      const yard = members.some((i) => !served[i]) ? members.filter((i) => !served[i]) : members;
      let t = 0;
      let b = 0;
      for (const i of yard) {
        t += top[i];
        b += bottom[i];
      }
      const average = t / b;
      for (const i of members) {
        if (!served[i]) continue;
        const own = top[i] / bottom[i];
        if (kind === "ratio" ? own > 1.1 * average : own < 0.9 * average) failures++;
      }
    }
    return failures;
  }

  it("recomputes the engine's figures from the definitions", () => {
    const reserved = Object.values(EXERCISE4_RESERVATIONS).reduce((a, b) => a + b, 0);
    expect(f.pool).toBe(f.allocation - reserved);
    expect(f.districtRate).toBeCloseTo(districtRate, 12);
    const must = rate.map((r) => r > 0.75);
    const served35 = rate.map((r, i) => must[i] || r >= 0.35 || r >= districtRate);
    const servedDistrict = rate.map((r, i) => must[i] || r >= districtRate);
    const children = (served: boolean[]) => f.lowIncome.reduce((s, c, i) => s + (served[i] ? c : 0), 0);
    expect(f.thirtyFive.mustServe).toBe(must.filter(Boolean).length);
    expect(f.thirtyFive.served).toBe(served35.filter(Boolean).length);
    expect(f.thirtyFive.mayServe).toBe(served35.filter(Boolean).length - must.filter(Boolean).length);
    expect(f.district.served).toBe(servedDistrict.filter(Boolean).length);
    expect(f.thirtyFive.children).toBe(children(served35));
    expect(f.district.children).toBe(children(servedDistrict));
    expect(f.thirtyFive.perChild).toBeCloseTo(f.pool / children(served35), 9);
    expect(f.district.perChild).toBeCloseTo(f.pool / children(servedDistrict), 9);
    // Each allocation is children x the amount per child, and they add up to the pool to the cent.
    const total = f.district.allocations.reduce((a, b) => a + b, 0);
    expect(Math.abs(total - f.pool)).toBeLessThan(0.005);
    f.district.allocations.forEach((a, i) => expect(a).toBeCloseTo(servedDistrict[i] ? f.lowIncome[i] * f.district.perChild : 0, 4));
    expect(f.district.ratioNotComparable).toBe(notComparable(servedDistrict, f.enrollment, staff, "ratio"));
    expect(f.district.spendingNotComparable).toBe(notComparable(servedDistrict, salaries, f.enrollment, "spending"));
    // Every served school is at or above 35%: the 125% rule does not apply.
    expect(rate.filter((r, i) => served35[i] && r < 0.35)).toEqual([]);
  });

  it("is what the page quotes", () => {
    const quoted = [
      dollars(f.allocation),
      dollars(f.pool),
      ...Object.values(EXERCISE4_RESERVATIONS).map(dollars),
      `${(100 * f.districtRate).toFixed(1)}%`,
      `${f.thirtyFive.mustServe} schools are above 75%`,
      `${f.thirtyFive.mayServe} more schools **may** be served: ${f.thirtyFive.served} schools, ${count(f.thirtyFive.children)} low-income children`,
      cents(f.thirtyFive.perChild),
      `serves the ${f.district.served} schools above it: ${count(f.district.children)} children, ${cents(f.district.perChild)} per child`,
      `${f.district.ratioNotComparable} of the ${f.district.served} Title I schools`,
      `and ${f.district.spendingNotComparable} spend less than 90%`,
    ];
    for (const text of quoted) expect({ text, quoted: section.includes(text) }).toEqual({ text, quoted: true });
  });
});
