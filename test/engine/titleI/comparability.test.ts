import fc from "fast-check";
import { comparability, ComparabilityRow } from "../../../src/engine/titleI/comparability";
import { WsfError } from "../../../src/engine/core/WsfError";

const ok = (r: unknown) => r as ComparabilityRow;
const ratio = { tolerance: 0.1, kind: "ratio" as const, smallSchool: null };

// Hand-calculated district (domain.md section 6, "Comparability"):
// Elementary: A 440 pupils / 20 staff = 22.0 (Title I), B 500 / 25 = 20 and C 300 / 15 = 20 (not Title I),
//   D 460 / 19 = 24.21 (Title I), E 90 / 3 = 30 (Title I, 90 pupils).
//   Non-Title I average, pooled: (500 + 300) / (25 + 15) = 20; limit 110% = 22: A at 22.0 is comparable,
//   D is not, E is not unless schools of 100 pupils or fewer are exempt.
// High: F 1,000 / 50 = 20 and G 1,200 / 48 = 25, both Title I: compared with the whole span,
//   2,200 / 98 = 22.449; limit 24.694: F comparable, G not.
const pupils = [440, 500, 300, 460, 90, 1000, 1200];
const staff = [20, 25, 15, 19, 3, 50, 48];
const titleI = [1, 0, 0, 1, 1, true, true];
const span = ["Elementary", "Elementary", "Elementary", "Elementary", "Elementary", "High", "High"];
const measure = pupils.map((p, i) => [p, staff[i]]);

describe("comparability", () => {
  it("ratio test by grade span, a span where every school is Title I (hand calculation)", () => {
    const out = comparability(measure, titleI, span, ratio);
    expect(out.map((r) => ok(r).status)).toEqual(["Comparable", "", "", "Not comparable", "Not comparable", "Comparable", "Not comparable"]);
    for (let i = 0; i < 5; i++) expect(ok(out[i]).average).toBe(20);
    expect(ok(out[5]).average).toBeCloseTo(2200 / 98, 12);
    expect(ok(out[3]).measure).toBeCloseTo(460 / 19, 12);
  });

  it("schools of 100 pupils or fewer are exempt when the method says so (California)", () => {
    const out = comparability(measure, titleI, span, { ...ratio, smallSchool: 100 });
    expect(ok(out[4]).status).toBe("Exempt");
    expect(ok(out[0]).status).toBe("Comparable");
  });

  it("spending test: state/local dollars per pupil at least 90% of the non-Title I average (hand calculation)", () => {
    // A $2,200,000 / 440 = $5,000; B $3,000,000 / 500 = $6,000; C $1,500,000 / 300 = $5,000; D $2,484,000 / 460 = $5,400.
    // Non-Title I average (3,000,000 + 1,500,000) / 800 = $5,625; 90% = $5,062.50: A not comparable, D comparable.
    const dollars = [[2_200_000, 440], [3_000_000, 500], [1_500_000, 300], [2_484_000, 460]];
    const out = comparability(dollars, [1, 0, 0, 1], null, { tolerance: 0.1, kind: "spending", smallSchool: null });
    expect(ok(out[0]).average).toBe(5625);
    expect(out.map((r) => ok(r).status)).toEqual(["Not comparable", "", "", "Comparable"]);
  });

  it("one column of measures: the plain mean of the span's non-Title I schools", () => {
    const out = comparability([[22], [18], [22], [26]], [1, 0, 0, 1], null, ratio);
    // (18 + 22) / 2 = 20; 22 <= 22 comparable, 26 not.
    expect(out.map((r) => [ok(r).average, ok(r).status])).toEqual([[20, "Comparable"], [20, ""], [20, ""], [20, "Not comparable"]]);
  });

  it("a bad yardstick row turns its span into errors naming it; other spans and Title I bad rows leave the rest alone", () => {
    const bad: unknown[][] = measure.map((m) => m.slice());
    bad[1][0] = "n/a";
    const out = comparability(bad, titleI, span, ratio);
    expect((out[1] as WsfError).message).toBe('WSF.COMPARABILITY: measure row 2 is "n/a", expected a number');
    expect((out[0] as WsfError).message).toBe('WSF.COMPARABILITY: the average of span "Elementary" depends on row 2, which has an error (see that row)');
    expect(ok(out[5]).status).toBe("Comparable");
    const badTitleI = measure.map((m) => m.slice());
    badTitleI[3][1] = -2;
    const out2 = comparability(badTitleI, titleI, span, ratio);
    expect((out2[3] as WsfError).message).toBe("WSF.COMPARABILITY: measure row 4 is -2, expected a count >= 0");
    expect(ok(out2[0]).status).toBe("Comparable");
  });

  it("refuses flags that are not 1/0/TRUE/FALSE, blank spans, and an exemption without pupils", () => {
    const out = comparability([[10, 1], [10, 1]], ["yes", 0], ["E", null], ratio);
    expect((out[0] as WsfError).message).toBe('WSF.COMPARABILITY: titleI row 1 is "yes", expected 1, 0, TRUE or FALSE');
    expect((out[1] as WsfError).message).toBe("WSF.COMPARABILITY: gradeSpan row 2 is blank; give the school's grade span");
    expect(() => comparability([[10]], [1], null, { ...ratio, smallSchool: 100 })).toThrow("WSF.COMPARABILITY: smallSchool needs each school's pupils");
  });

  it("permuting the rows permutes the results", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 900 }), fc.integer({ min: 1, max: 60 }), fc.boolean(), fc.constantFrom("E", "M", "H")), { minLength: 1, maxLength: 30 }),
        fc.infiniteStream(fc.nat()),
        (rows, stream) => {
          const order = rows.map((_, i) => i);
          for (let i = order.length - 1; i > 0; i--) {
            const j = stream.next().value % (i + 1);
            [order[i], order[j]] = [order[j], order[i]];
          }
          const run = (rs: typeof rows) => comparability(rs.map((r) => [r[0], r[1]]), rs.map((r) => r[2]), rs.map((r) => r[3]), { ...ratio, smallSchool: 100 });
          const base = run(rows);
          const permuted = run(order.map((i) => rows[i]));
          order.forEach((from, to) => {
            const a = base[from];
            const b = permuted[to];
            if (a instanceof WsfError || b instanceof WsfError) expect(String(b)).toBe(String(a));
            else {
              expect(ok(b).status).toBe(ok(a).status);
              if (Number.isNaN(ok(a).average)) expect(ok(b).average).toBeNaN();
              else expect(ok(b).average).toBeCloseTo(ok(a).average, 9);
            }
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
