import fc from "fast-check";
import { titleIAllocate, TitleIAllocationRow } from "../../../src/engine/titleI/titleIAllocate";
import { titleIMinimum } from "../../../src/engine/titleI/titleIMinimum";
import { readPovertyBands } from "../../../src/engine/titleI/readPovertyBands";
import { sum } from "../../../src/engine/core/sum";
import { WsfError } from "../../../src/engine/core/WsfError";
import { ED1996, EXAMPLE2_PER_CHILD, EXAMPLE2_POOL, EXAMPLE4_PUBLISHED } from "./ed1996";

const ok = (r: unknown) => r as TitleIAllocationRow;
const li = ED1996.map((a) => a.lowIncome);
const served = ED1996.map((a) => (a.served ? 1 : 0));
const rate = ED1996.map((a) => a.lowIncome / a.enrollment);

describe("titleIMinimum", () => {
  it("125% rule, published: $2,366,381 / 2,618 = $903.89 x 1.25 = $1,129.86 (domain.md section 6)", () => {
    expect(titleIMinimum(2_366_381, 2_618)).toBeCloseTo(1129.86, 2);
    expect(titleIMinimum(2_366_381, 2_618, 1)).toBeCloseTo(903.89, 2);
  });
  it("rejects no children and negative figures with the argument's name", () => {
    expect(() => titleIMinimum(1, 0)).toThrow("WSF.TITLEIMINIMUM: districtLowIncome is 0");
    expect(() => titleIMinimum(-1, 10)).toThrow("WSF.TITLEIMINIMUM: districtAllocation is -1, expected a number >= 0");
  });
});

describe("titleIAllocate", () => {
  it("example 2: $700 per child to the 11 served areas, total $3,913,700 (ED 1996, domain.md section 6)", () => {
    const out = titleIAllocate(li, served, { kind: "perchild", perChild: EXAMPLE2_PER_CHILD }, null, rate);
    expect(ok(out[0]).allocation).toBe(609_000); // Violet Hill, printed
    expect(ok(out[10]).allocation).toBe(324_100); // Camp Springs, printed
    ED1996.forEach((a, i) => expect(ok(out[i]).allocation).toBe(a.served ? a.lowIncome * 700 : 0));
    expect(sum(out.map((r) => ok(r).allocation))).toBe(EXAMPLE2_POOL);
  });

  it("example 2 as a pool: $3,913,700 spread over 5,591 served children is exactly $700 each", () => {
    const out = titleIAllocate(li, served, { kind: "pool", pool: EXAMPLE2_POOL });
    ED1996.forEach((a, i) => expect(ok(out[i]).allocation).toBeCloseTo(a.served ? a.lowIncome * 700 : 0, 6));
    expect(ok(out[0]).perChild).toBeCloseTo(700, 9);
  });

  it("example 4 poverty bands: every published line; Violet Hill is 870 x $950 = $826,500 (printed $826,507, a misprint)", () => {
    const bands = readPovertyBands([[0.65, 950], [0.5, 900], [0, 850]], "WSF.TITLEIALLOCATE", "amount");
    const out = titleIAllocate(li, served, { kind: "bands", bands }, null, rate);
    ED1996.forEach((a, i) => expect([a.name, ok(out[i]).allocation]).toEqual([a.name, a.served ? EXAMPLE4_PUBLISHED[a.name] : 0]));
    expect(ok(out[0]).allocation).toBe(870 * 950);
  });

  it("125% minimum: a pool below its cost is an error in every served row saying how much is missing", () => {
    // Hand calculation: 2,366,381 / 2,618 x 1.25 = 1,129.8610...; x 5,591 children = 6,317,053.18; the pool is
    // $3,913,700, so $2,403,353.18 is missing.
    const minimum = titleIMinimum(2_366_381, 2_618);
    const out = titleIAllocate(li, served, { kind: "pool", pool: EXAMPLE2_POOL }, minimum);
    const missing = minimum * 5591 - EXAMPLE2_POOL;
    expect(missing).toBeCloseTo(2_403_353.18, 2);
    for (let i = 0; i < 11; i++) {
      expect(out[i]).toBeInstanceOf(WsfError);
      expect((out[i] as WsfError).message).toContain("is $700 per child, below minimumPerChild $1,129.86");
      expect((out[i] as WsfError).message).toContain("serving them costs $6,317,053.18, $2,403,353.18 missing");
      expect((out[i] as WsfError).message).toContain("rows 1, 2, 3, 4, 5, 6, 7, 8 and 3 more");
    }
    for (let i = 11; i < 16; i++) expect(ok(out[i]).allocation).toBe(0);
  });

  it("125% minimum per school: the row below it gets the error, the others compute", () => {
    const out = titleIAllocate([100, 50], [1, 1], { kind: "perchild", perChild: [1200, 1000] }, 1129.86);
    expect(ok(out[0]).allocation).toBe(120_000);
    expect((out[1] as WsfError).message).toBe("WSF.TITLEIALLOCATE: amount row 2 pays $1,000 per child, below minimumPerChild $1,129.86; the school's 50 children need $6,493 more");
  });

  it("rank order: a higher-poverty school paid less per child than a lower-poverty one is an error naming both rows", () => {
    const out = titleIAllocate([80, 60, 30], [1, 1, 1], { kind: "perchild", perChild: [900, 950, 800] }, null, [0.8, 0.6, 0.4]);
    expect((out[0] as WsfError).message).toBe("WSF.TITLEIALLOCATE: amount row 1 pays $900 per child at poverty 80.00%, less than row 2 at poverty 60.00% gets ($950); a higher-poverty school may not get less per child");
    expect(ok(out[1]).allocation).toBe(57_000);
    expect(ok(out[2]).allocation).toBe(24_000);
    // Bands that pay less at higher poverty breach the same rule.
    const bands = readPovertyBands([[0.5, 800], [0, 900]], "WSF.TITLEIALLOCATE", "amount");
    const banded = titleIAllocate([80, 30], [1, 1], { kind: "bands", bands }, null, [0.8, 0.4]);
    expect((banded[0] as WsfError).message).toContain("less than row 2");
  });

  it("bad input stays in its row: negative counts, served flags that are not 1/0/TRUE/FALSE", () => {
    const out = titleIAllocate([-5, 10, 10, 10, 10], [1, "yes", 2, true, null], { kind: "perchild", perChild: 100 });
    expect((out[0] as WsfError).message).toBe("WSF.TITLEIALLOCATE: lowIncome row 1 is -5, expected a count >= 0");
    expect((out[1] as WsfError).message).toBe('WSF.TITLEIALLOCATE: served row 2 is "yes", expected 1, 0, TRUE or FALSE');
    expect((out[2] as WsfError).message).toBe("WSF.TITLEIALLOCATE: served row 3 is 2, expected 1, 0, TRUE or FALSE");
    expect(ok(out[3]).allocation).toBe(1000);
    expect(ok(out[4])).toEqual({ served: false, perChild: 0, allocation: 0 });
  });

  it("with a pool, a bad row that may be served makes the served rows say which row to fix; a bad unserved row does not", () => {
    const poisoned = titleIAllocate([10, "x", 30], [1, 1, 1], { kind: "pool", pool: 1000 });
    expect((poisoned[0] as WsfError).message).toBe("WSF.TITLEIALLOCATE: row 1's share of the pool depends on row 2, which has an error (see that row)");
    const fine = titleIAllocate([10, "x", 30], [1, 0, 1], { kind: "pool", pool: 1000 });
    expect(ok(fine[0]).allocation).toBeCloseTo(250, 9);
    expect(fine[1]).toBeInstanceOf(WsfError);
  });

  it("bands that overlap or leave a gap are refused, naming the rows", () => {
    expect(() => readPovertyBands([[0.5, 900], [0.5, 950]], "F", "amount")).toThrow("F: amount rows 1 and 2 overlap: both start at 50.00%");
    expect(() => readPovertyBands([[0.5, 0.7, 900], [0.65, 1, 950]], "F", "amount")).toThrow("F: amount rows 1 and 2 overlap: 65.00% to 70.00% is in both");
    expect(() => readPovertyBands([[0.35, 0.5, 850], [0.55, 1, 950]], "F", "amount")).toThrow("F: amount rows 1 and 2 leave a gap: no band covers 50.00% to 55.00%");
    // A served school below the lowest band is a gap for that school.
    const bands = readPovertyBands([[0.5, 900], [0.65, 950]], "F", "amount");
    const out = titleIAllocate([40, 70], [1, 1], { kind: "bands", bands }, null, [0.4, 0.7]);
    expect((out[0] as WsfError).message).toBe("WSF.TITLEIALLOCATE: poverty row 1 is 40.00%; no band covers it (the bands run from 50.00% to 100.00%)");
    expect(ok(out[1]).allocation).toBe(70 * 950);
  });

  it("pool allocations add up to the pool to the cent (compensated sum)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.boolean()), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 0, max: 2_000_000_000_00 }).map((c) => c / 100),
        (rows, pool) => {
          fc.pre(rows.some(([c, s]) => s && c > 0));
          const out = titleIAllocate(rows.map((r) => r[0]), rows.map((r) => r[1]), { kind: "pool", pool });
          expect(Math.abs(sum(out.map((r) => ok(r).allocation)) - pool)).toBeLessThan(0.005);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("per-child amounts never rise as poverty falls (bands from any increasing ladder)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 2000 }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 60 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 5 }),
        (schools, cuts) => {
          const sorted = [0, ...cuts.sort((a, b) => a - b)];
          const bands = readPovertyBands(sorted.map((c, k) => [c / 100, 500 + 100 * k]), "F", "amount");
          const out = titleIAllocate(schools.map((s) => s[0]), schools.map(() => 1), { kind: "bands", bands }, null, schools.map((s) => s[1]));
          const byRate = schools.map((s, i) => ({ rate: s[1], perChild: ok(out[i]).perChild })).sort((a, b) => b.rate - a.rate);
          for (let k = 1; k < byRate.length; k++) expect(byRate[k].perChild).toBeLessThanOrEqual(byRate[k - 1].perChild);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("permuting the rows permutes the results", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 900 }), fc.constantFrom(0, 1, true, false), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 30 }),
        fc.constantFrom("pool", "perchild"),
        fc.infiniteStream(fc.nat()),
        (rows, kind, stream) => {
          const order = rows.map((_, i) => i);
          for (let i = order.length - 1; i > 0; i--) {
            const j = stream.next().value % (i + 1);
            [order[i], order[j]] = [order[j], order[i]];
          }
          const rule = kind === "pool" ? ({ kind: "pool", pool: 1_000_000 } as const) : ({ kind: "perchild", perChild: 700 } as const);
          const run = (rs: typeof rows) => titleIAllocate(rs.map((r) => r[0]), rs.map((r) => r[1]), rule, null, rs.map((r) => r[2] / 100));
          const base = run(rows);
          const permuted = run(order.map((i) => rows[i]));
          order.forEach((from, to) => {
            const a = base[from];
            const b = permuted[to];
            if (a instanceof WsfError || b instanceof WsfError) expect(String(b)).toBe(String(a));
            else expect(ok(b).allocation).toBeCloseTo(ok(a).allocation, 6);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
