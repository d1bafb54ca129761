import fc from "fast-check";
import { explain } from "../../../src/engine/allocation/explain";
import { roundHalfUp } from "../../../src/engine/allocation/roundHalfUp";

// A4: Boston FY16, base 4,028.47, (label, weight, pupils, published amount).
const BOSTON_FY16: [string, number, number, number][] = [
  ["K0-K1", 1.8, 80, 580_100],
  ["K2", 1.6, 19, 122_465],
  ["1-2", 1.4, 17, 95_878],
  ["3-5", 1.3, 24, 125_688],
  ["6-8", 1.4, 12, 67_678],
  ["9-12", 1.3, 4, 20_948],
  ["Autism", 4.3, 44, 762_187],
  ["Early childhood 3-4", 2.5, 40, 402_847],
  ["Emotional impairment elementary", 3.5, 32, 451_189],
  ["Emotional impairment middle/high", 3.0, 12, 145_025],
];
const BOSTON_BASE = 4028.47;

describe("explain", () => {
  const lines = explain(
    BOSTON_FY16.map(([, , pupils]) => pupils),
    BOSTON_FY16.map(([, weight]) => weight),
    BOSTON_BASE,
    BOSTON_FY16.map(([label]) => label),
  );

  it("reproduces every Boston FY16 published line as round(weight x base x pupils) (A4)", () => {
    expect(lines).toHaveLength(BOSTON_FY16.length + 1);
    BOSTON_FY16.forEach(([label, weight, pupils, published], i) => {
      expect(lines[i].label).toBe(label);
      expect(lines[i].count).toBe(pupils);
      expect(lines[i].weight).toBe(weight);
      expect(lines[i].rate).toBeCloseTo(weight * BOSTON_BASE, 9);
      expect(roundHalfUp(lines[i].amount)).toBe(published);
    });
  });

  it("does not round the rate first: 7,251 x 80 = 580,080 is not Boston's 580,100 (A4)", () => {
    // 1.80 x 4,028.47 = 7,251.246, rounded 7,251; 7,251 x 80 = 580,080. Unrounded: 580,099.68 -> 580,100.
    expect(roundHalfUp(lines[0].rate) * lines[0].count).toBe(580_080);
    expect(roundHalfUp(lines[0].amount)).toBe(580_100);
    expect(lines[0].amount).toBeCloseTo(580_099.68, 6);
  });

  it("adds a Total line: 284 pupils, 688.6 weighted pupils, 2,774,004.442 dollars (hand calculation)", () => {
    // Weighted pupils: 144 + 30.4 + 23.8 + 31.2 + 16.8 + 5.2 + 189.2 + 100 + 112 + 36 = 688.6.
    // Amount: 688.6 x 4,028.47 = 2,774,004.442. (The published lines, each rounded, add up to 2,774,005.)
    const total = lines[lines.length - 1];
    expect(total.label).toBe("Total");
    expect(total.count).toBe(284);
    expect(total.weight).toBeCloseTo(688.6 / 284, 12);
    expect(total.amount).toBeCloseTo(2_774_004.442, 6);
    expect(total.rate).toBeCloseTo(2_774_004.442 / 284, 6);
  });

  it("labels categories by position when no labels are given, and gives a zero total rate and weight for no pupils", () => {
    const out = explain([0, 0], [1, 0.4], 5000);
    expect(out.map((l) => l.label)).toEqual(["Category 1", "Category 2", "Total"]);
    expect(out[2]).toEqual({ label: "Total", count: 0, weight: 0, rate: 0, amount: 0 });
  });

  it("makes the Total amount equal the sum of the lines and rate x count", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.double({ min: 0, max: 7, noNaN: true })), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 20_000, noNaN: true }),
        (rows, base) => {
          const out = explain(rows.map(([c]) => c), rows.map(([, w]) => w), base);
          const total = out[out.length - 1];
          const naive = rows.reduce((t, [c, w]) => t + w * base * c, 0);
          expect(total.amount).toBeCloseTo(naive, 3);
          if (total.count > 0) expect(total.rate * total.count).toBeCloseTo(total.amount, 3);
        },
      ),
    );
  });

  it("asks for one weight and one label per count", () => {
    expect(() => explain([1, 2], [1], 100)).toThrow("WSF.EXPLAIN: weights has 1 weights but countsRow has 2 counts; give one weight per count");
    expect(() => explain([1], [1], 100, ["a", "b"])).toThrow("WSF.EXPLAIN: labels has 2 labels but countsRow has 1 counts; give one label per count");
    expect(() => explain([1, -1], [1, 1], 100)).toThrow("WSF.EXPLAIN: countsRow row 2 is -1, expected a number >= 0");
  });
});
