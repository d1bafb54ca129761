import fc from "fast-check";
import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { byGroup } from "../../../src/engine/stats/byGroup";
import { errorOf, povertyUnits, replicate } from "./support";

describe("byGroup", () => {
  it("cuts pupils into equal groups by poverty, splitting straddling schools (hand calculation)", () => {
    // Units (poverty, pupils, value), given out of order: C (0.6, 20, 300), A (0.1, 30, 100), D (0.9, 10, 400), B (0.3, 40, 200).
    // Sorted A, B, C, D; W = 100, 4 groups of 25 pupils:
    //   1: A 25 -> 100;  2: A 5 + B 20 -> (500 + 4,000) / 25 = 180;
    //   3: B 20 + C 5 -> (4,000 + 1,500) / 25 = 220;  4: C 15 + D 10 -> (4,500 + 4,000) / 25 = 340.
    const s = sampleOf([300, 100, 400, 200], [20, 30, 10, 40]);
    const groups = byGroup(s, Float64Array.of(0.6, 0.1, 0.9, 0.3), 4);
    expect(groups.map((g) => g.group)).toEqual([1, 2, 3, 4]);
    expect(groups.map((g) => [g.minPoverty, g.maxPoverty])).toEqual([
      [0.1, 0.1],
      [0.1, 0.3],
      [0.3, 0.6],
      [0.6, 0.9],
    ]);
    groups.forEach((g) => expect(g.pupils).toBeCloseTo(25, 12));
    expect(groups.map((g) => g.mean)).toEqual([100, 180, 220, 340].map((m) => expect.closeTo(m, 10)));
  });

  it("splits a single school across every group when it holds all pupils", () => {
    const groups = byGroup(sampleOf([5000], [3]), Float64Array.of(0.4), 10);
    expect(groups).toHaveLength(10);
    groups.forEach((g) => expect(g).toMatchObject({ minPoverty: 0.4, maxPoverty: 0.4, mean: 5000, pupils: expect.closeTo(0.3, 12) }));
  });

  it("does not leave a sliver of a school in the next group when cumulative pupils round (0.1 + 0.2 vs a cut at 0.3)", () => {
    // W = 0.6, 2 groups, cut at 0.3; the first two units end at 0.1 + 0.2 = 0.30000000000000004.
    const groups = byGroup(sampleOf([1, 2, 3], [0.1, 0.2, 0.3]), Float64Array.of(0.1, 0.2, 0.3), 2);
    expect(groups[1]).toMatchObject({ minPoverty: 0.3, maxPoverty: 0.3, mean: 3 });
  });

  it("gives every group W / groups pupils and preserves total money (integer pupils, any data)", () => {
    fc.assert(
      fc.property(povertyUnits(), fc.integer({ min: 1, max: 12 }), (rows, g) => {
        const s = sampleOf(rows.map((r) => r.value), rows.map((r) => r.pupils));
        const groups = byGroup(s, Float64Array.from(rows.map((r) => r.poverty)), g);
        const W = rows.reduce((t, r) => t + r.pupils, 0);
        const money = rows.reduce((t, r) => t + r.pupils * r.value, 0);
        groups.forEach((x) => expect(Math.abs(x.pupils - W / g)).toBeLessThan(1e-9 * W));
        const regrouped = groups.reduce((t, x) => t + x.pupils * x.mean, 0);
        expect(Math.abs(regrouped - money)).toBeLessThan(1e-9 * money);
        for (let k = 1; k < groups.length; k++) expect(groups[k].minPoverty).toBeGreaterThanOrEqual(groups[k - 1].maxPoverty);
      }),
    );
  });

  it("matches a naive one-entry-per-pupil split when pupils divide evenly into the groups", () => {
    fc.assert(
      fc.property(povertyUnits(), fc.integer({ min: 1, max: 5 }), (rows, g) => {
        const W = rows.reduce((t, r) => t + r.pupils, 0);
        fc.pre(W % g === 0);
        // One entry per pupil in poverty order (stable sort keeps input order for ties); group k holds entries k*W/g ..
        const pupils = replicate(rows).sort((a, b) => a.poverty - b.poverty);
        const size = W / g;
        const naiveMeans = Array.from({ length: g }, (_, k) => pupils.slice(k * size, (k + 1) * size).reduce((t, p) => t + p.value, 0) / size);
        const s = sampleOf(rows.map((r) => r.value), rows.map((r) => r.pupils));
        const groups = byGroup(s, Float64Array.from(rows.map((r) => r.poverty)), g);
        groups.forEach((x, k) => expect(Math.abs(x.mean - naiveMeans[k])).toBeLessThan(1e-9 * naiveMeans[k]));
      }),
    );
  });

  it("gives #NUM! when groups is not a whole number from 1 to 1,000,000", () => {
    const s = sampleOf([1, 2]);
    const poverty = Float64Array.of(0.1, 0.2);
    expect(errorOf(() => byGroup(s, poverty, 2.5))).toMatchObject({ code: "NUM", message: "WSF.BYGROUP: groups is 2.5, expected a whole number from 1 to 1000000" });
    expect(errorOf(() => byGroup(s, poverty, 0)).code).toBe("NUM");
    expect(errorOf(() => byGroup(s, poverty, 2e6)).code).toBe("NUM");
  });
});
