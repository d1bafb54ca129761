import fc from "fast-check";
import { titleIRank, TitleIRankPartial, TitleIRankRow } from "../../../src/engine/titleI/titleIRank";
import { WsfError } from "../../../src/engine/core/WsfError";
import { ED1996 } from "./ed1996";

const ok = (r: unknown) => r as TitleIRankRow;

describe("titleIRank", () => {
  const li = ED1996.map((a) => a.lowIncome);
  const enr = ED1996.map((a) => a.enrollment);

  it("reproduces the printed rates of ED 1996 example 2 and its 48.84% district rate (domain.md section 6)", () => {
    const out = titleIRank(li, enr, "35");
    out.forEach((r, i) => expect(ok(r).rate * 100).toBeCloseTo(ED1996[i].printedRate, 2));
    // 6,867 / 14,059 = 48.84%: Indian Rock MS (48.08%) is below it, so only the 35% rule makes it eligible.
    expect(li.reduce((a, b) => a + b) / enr.reduce((a, b) => a + b)).toBeCloseTo(0.4884, 4);
  });

  it("35% rule: the 11 areas example 2 serves are eligible, the 5 it does not are not; above 75% must be served", () => {
    const out = titleIRank(li, enr, "35");
    ED1996.forEach((a, i) => {
      const expected = a.printedRate > 75 ? "Must serve" : a.served ? "Eligible" : "Not eligible";
      expect([a.name, ok(out[i]).status]).toEqual([a.name, expected]);
    });
    // The table is printed in rank order.
    expect(out.map((r) => ok(r).rank)).toEqual(ED1996.map((_, i) => i + 1));
  });

  it('"district": only areas at or above 48.84% are eligible (Davis 57.67% yes, Indian Rock MS 48.08% no)', () => {
    const out = titleIRank(li, enr, "district");
    const eligible = ED1996.filter((_, i) => ok(out[i]).status !== "Not eligible").map((a) => a.name);
    expect(eligible).toEqual(["Violet Hill", "Oakdale MS", "Elemwood", "Valley View", "Hobson", "Berlieth HS", "Davis"]);
  });

  it("ties share a rank and the next rank skips (1, 2, 2, 4)", () => {
    const out = titleIRank([90, 50, 100, 10], [100, 100, 200, 100], "district");
    // rates 0.9, 0.5, 0.5, 0.1
    expect(out.map((r) => ok(r).rank)).toEqual([1, 2, 2, 4]);
  });

  it('grade-span grouping: above 75% first whatever the span, then each span by priority, against the span\'s own rate (hand calculation)', () => {
    // Elementary: A 300/400 = 75% (not above), B 80/100 = 80%, C 200/500 = 40%.  Elementary rate 580/1000 = 58%.
    // High: D 50/60 = 83.3%, E 300/600 = 50%, F 100/400 = 25%.  High rate 450/1060 = 42.45%.
    // Group 0 (above 75%): D (83.3%) rank 1, B (80%) rank 2.  Then Elementary: A (75%) 3, C (40%) 4.
    // Then High: E (50%) 5, F (25%) 6.  Eligible against the span rate: A 75% >= 58% yes, C 40% < 58% no,
    // E 50% >= 42.45% yes, F 25% no.
    const out = titleIRank([300, 80, 200, 50, 300, 100], [400, 100, 500, 60, 600, 400], "span", ["Elementary", "Elementary", "Elementary", "High", "High", "High"]);
    expect(out.map((r) => ok(r).rank)).toEqual([3, 2, 4, 1, 5, 6]);
    expect(out.map((r) => ok(r).status)).toEqual(["Eligible", "Must serve", "Not eligible", "Must serve", "Eligible", "Not eligible"]);
  });

  it("grade-span grouping follows the priority given in spans", () => {
    const out = titleIRank([300, 80, 200, 50, 300, 100], [400, 100, 500, 60, 600, 400], "span", ["E", "E", "E", "H", "H", "H"], ["H", "E"]);
    // Above 75%: D 1, B 2; then High: E 3, F 4; then Elementary: A 5, C 6.
    expect(out.map((r) => ok(r).rank)).toEqual([5, 2, 6, 1, 3, 4]);
  });

  it("a bad row keeps its error; the others keep their rate and their rank says which row to fix", () => {
    const out = titleIRank([50, 120, 30], [100, 100, 100], "district");
    expect(out[1]).toBeInstanceOf(WsfError);
    expect((out[1] as WsfError).message).toBe("WSF.TITLEIRANK: lowIncome row 2 is 120, more than the 100 enrolled");
    expect((out[0] as TitleIRankPartial).rate).toBe(0.5);
    expect((out[0] as TitleIRankPartial).problem.message).toContain("depends on row 2");
  });

  it("names negative counts and text; a blank beside a number is 0 (as Excel builds that pass blanks as 0); blank rows stay blank; 0 enrollment is #DIV/0! alone", () => {
    const out = titleIRank([-1, "n/a", null, 5, null, 0], [10, 10, 10, null, null, 0], "district");
    expect((out[0] as WsfError).message).toBe("WSF.TITLEIRANK: lowIncome row 1 is -1, expected a count >= 0");
    expect((out[1] as WsfError).message).toBe('WSF.TITLEIRANK: lowIncome row 2 is "n/a", expected a number');
    expect((out[2] as TitleIRankPartial).rate).toBe(0);
    expect((out[3] as WsfError).message).toBe("WSF.TITLEIRANK: lowIncome row 4 is 5, more than the 0 enrolled");
    expect(titleIRank([null], [10], "district")).toEqual(titleIRank([0], [10], "district"));
    expect(out[4]).toBeNull();
    expect((out[5] as WsfError).code).toBe("DIV0");
    const fine = titleIRank([5, 0, null], [10, 0, null], "district");
    expect(ok(fine[0])).toEqual({ rate: 0.5, rank: 1, status: "Eligible" });
    expect((fine[1] as WsfError).code).toBe("DIV0");
  });

  it('"span" needs a span for every school and, with spans, one of those listed', () => {
    expect(() => titleIRank([1], [2], "span")).toThrow('WSF.TITLEIRANK: gradeSpan is needed for method "span"');
    const out = titleIRank([1, 1], [2, 2], "span", ["E", null], null);
    expect((out[1] as WsfError).message).toBe("WSF.TITLEIRANK: gradeSpan row 2 is blank; give the school's grade span");
    const listed = titleIRank([1, 1], [2, 2], "span", ["E", "K-8"], ["E", "M"]);
    expect((listed[1] as WsfError).message).toBe('WSF.TITLEIRANK: gradeSpan row 2 is "K-8", not one of spans "E", "M"');
  });

  it("permuting the rows permutes the results", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 2000 }).chain((e) => fc.tuple(fc.integer({ min: 0, max: e }), fc.constant(e), fc.constantFrom("E", "M", "H"))), { minLength: 1, maxLength: 30 }),
        fc.constantFrom("district", "35", "span" as const),
        fc.infiniteStream(fc.nat()),
        (rows, method, stream) => {
          const order = rows.map((_, i) => i);
          for (let i = order.length - 1; i > 0; i--) {
            const j = stream.next().value % (i + 1);
            [order[i], order[j]] = [order[j], order[i]];
          }
          const run = (rs: typeof rows) => titleIRank(rs.map((r) => r[0]), rs.map((r) => r[1]), method, rs.map((r) => r[2]), ["E", "M", "H"]);
          const base = run(rows);
          const permuted = run(order.map((i) => rows[i]));
          order.forEach((from, to) => expect(permuted[to]).toEqual(base[from]));
        },
      ),
      { numRuns: 200 },
    );
  });
});
