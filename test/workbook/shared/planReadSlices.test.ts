import fc from "fast-check";
import { planReadSlices, ReadRequest } from "../../../src/workbook/shared/planReadSlices";

const requestArb: fc.Arbitrary<ReadRequest> = fc.record({ rows: fc.nat(300), columns: fc.integer({ min: 1, max: 20 }), properties: fc.integer({ min: 1, max: 3 }) });

describe("planReadSlices", () => {
  it("reads every row of every request exactly once, in order, each group within the budget", () => {
    fc.assert(
      fc.property(fc.array(requestArb, { maxLength: 4 }), fc.integer({ min: 60, max: 2000 }), (requests, budget) => {
        const groups = planReadSlices(requests, budget);
        const seen: string[] = [];
        for (const group of groups) {
          let cells = 0;
          for (const s of group) {
            cells += s.rowCount * requests[s.request].columns * requests[s.request].properties;
            for (let r = s.firstRow; r < s.firstRow + s.rowCount; r++) seen.push(`${s.request}:${r}`);
          }
          expect(cells).toBeLessThanOrEqual(budget);
        }
        expect(seen).toEqual(requests.flatMap((q, i) => Array.from({ length: q.rows }, (_, r) => `${i}:${r}`)));
      }),
    );
  });

  it("cuts 10 rows x 2 columns at 8 cells a response into 4 + 4 + 2 rows (hand count: 4 rows x 2 = 8 cells)", () => {
    expect(planReadSlices([{ rows: 10, columns: 2, properties: 1 }], 8)).toEqual([
      [{ request: 0, firstRow: 0, rowCount: 4 }],
      [{ request: 0, firstRow: 4, rowCount: 4 }],
      [{ request: 0, firstRow: 8, rowCount: 2 }],
    ]);
  });

  it("packs small reads of several sheets into one round trip", () => {
    const groups = planReadSlices([{ rows: 10, columns: 5, properties: 1 }, { rows: 5000, columns: 12, properties: 1 }], 100_000);
    expect(groups).toHaveLength(1);
  });

  it("reads one row per round trip when a row alone is over the budget, rather than never", () => {
    expect(planReadSlices([{ rows: 2, columns: 50, properties: 1 }], 10)).toHaveLength(2);
  });
});
