import fc from "fast-check";
import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { poorNonPoor } from "../../../src/engine/stats/poorNonPoor";
import { errorOf, povertyUnits, replicate } from "./support";

describe("poorNonPoor", () => {
  it("splits each school's pupils by its poverty share (hand calculation)", () => {
    // School 1: 10 pupils at $100, none poor. School 2: 10 pupils at $200, half poor.
    // Poor: 5 pupils at 200 -> 200. Non-poor: 10 x 100 + 5 x 200 = 2,000 over 15 -> 133.33. Ratio 1.5.
    expect(poorNonPoor(sampleOf([100, 200], [10, 10]), Float64Array.of(0, 0.5))).toBeCloseTo(1.5, 14);
  });

  it("equals the ratio of poor and non-poor means over individual pupils when shares make whole pupils", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: fc.double({ min: 1, max: 20000, noNaN: true }), pupils: fc.integer({ min: 1, max: 8 }), poorFraction: fc.double({ min: 0, max: 1, noNaN: true }) }), {
          minLength: 1,
          maxLength: 20,
        }),
        (raw) => {
          const rows = raw.map((r) => ({ ...r, poor: Math.round(r.poorFraction * r.pupils) }));
          const poorPupils = rows.flatMap((r) => Array(r.poor).fill(r.value) as number[]);
          const otherPupils = rows.flatMap((r) => Array(r.pupils - r.poor).fill(r.value) as number[]);
          fc.pre(poorPupils.length > 0 && otherPupils.length > 0);
          const avg = (xs: number[]) => xs.reduce((t, x) => t + x, 0) / xs.length;
          const s = sampleOf(rows.map((r) => r.value), rows.map((r) => r.pupils));
          const ratio = poorNonPoor(s, Float64Array.from(rows.map((r) => r.poor / r.pupils)));
          expect(Math.abs(ratio - avg(poorPupils) / avg(otherPupils))).toBeLessThan(1e-9 * ratio);
        },
      ),
    );
  });

  it("treats integer pupils like replicated rows", () => {
    fc.assert(
      fc.property(povertyUnits(), (rows) => {
        const poor = rows.reduce((t, r) => t + r.pupils * r.poverty, 0);
        const other = rows.reduce((t, r) => t + r.pupils * (1 - r.poverty), 0);
        fc.pre(poor > 1e-9 && other > 1e-9);
        const weighted = poorNonPoor(sampleOf(rows.map((r) => r.value), rows.map((r) => r.pupils)), Float64Array.from(rows.map((r) => r.poverty)));
        const copies = replicate(rows);
        const replicated = poorNonPoor(sampleOf(copies.map((r) => r.value)), Float64Array.from(copies.map((r) => r.poverty)));
        expect(Math.abs(weighted - replicated)).toBeLessThan(1e-9 * weighted);
      }),
    );
  });

  it("gives #DIV/0! without poor or non-poor pupils and #VALUE! for a share outside 0..1", () => {
    expect(errorOf(() => poorNonPoor(sampleOf([1, 2]), Float64Array.of(0, 0)))).toMatchObject({
      code: "DIV0",
      message: "WSF.POORNONPOOR: no pupil is poor (every poverty share is 0), so the ratio is undefined",
    });
    expect(errorOf(() => poorNonPoor(sampleOf([1, 2]), Float64Array.of(1, 1))).code).toBe("DIV0");
    expect(errorOf(() => poorNonPoor(sampleOf([1, 2]), Float64Array.of(0.5, 1.2)))).toMatchObject({
      code: "VALUE",
      message: "WSF.POORNONPOOR: poverty row 2 is 1.2, expected a share between 0 and 1",
    });
  });
});
