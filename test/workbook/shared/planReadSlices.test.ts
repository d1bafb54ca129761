import fc from "fast-check";
import { planReadSlices, ReadRequest } from "../../../src/workbook/shared/planReadSlices";

const requestArb: fc.Arbitrary<ReadRequest> = fc.record({ rows: fc.nat(300), columns: fc.integer({ min: 1, max: 20 }), cellBytes: fc.integer({ min: 1, max: 200 }) });

describe("planReadSlices", () => {
  it("reads every row of every request exactly once, in order, each group within the budget", () => {
    fc.assert(
      fc.property(fc.array(requestArb, { maxLength: 4 }), fc.integer({ min: 4000, max: 200_000 }), (requests, budget) => {
        const groups = planReadSlices(requests, budget);
        const seen: string[] = [];
        for (const group of groups) {
          let bytes = 0;
          for (const s of group) {
            bytes += s.rowCount * requests[s.request].columns * requests[s.request].cellBytes;
            for (let r = s.firstRow; r < s.firstRow + s.rowCount; r++) seen.push(`${s.request}:${r}`);
          }
          expect(bytes).toBeLessThanOrEqual(budget);
        }
        expect(seen).toEqual(requests.flatMap((q, i) => Array.from({ length: q.rows }, (_, r) => `${i}:${r}`)));
      }),
    );
  });

  it("cuts 10 rows x 2 columns of 10 bytes at 80 bytes a response into 4 + 4 + 2 rows (hand count: 4 rows x 2 x 10 = 80)", () => {
    expect(planReadSlices([{ rows: 10, columns: 2, cellBytes: 10 }], 80)).toEqual([
      [{ request: 0, firstRow: 0, rowCount: 4 }],
      [{ request: 0, firstRow: 4, rowCount: 4 }],
      [{ request: 0, firstRow: 8, rowCount: 2 }],
    ]);
  });

  it("packs small reads of several sheets into one round trip", () => {
    const groups = planReadSlices([{ rows: 10, columns: 5, cellBytes: 40 }, { rows: 5000, columns: 12, cellBytes: 40 }], 4_000_000);
    expect(groups).toHaveLength(1);
  });

  it("sizes by bytes, not cells: the same 60,000 cells take one response as numbers and two as long-sheet formulas", () => {
    // 60,000 cells x 40 bytes = 2.4 MB; x 92 bytes (formulas naming a 31-character sheet) = 5.5 MB > 4 MB.
    expect(planReadSlices([{ rows: 5000, columns: 12, cellBytes: 40 }], 4_000_000)).toHaveLength(1);
    expect(planReadSlices([{ rows: 5000, columns: 12, cellBytes: 92 }], 4_000_000)).toHaveLength(2);
  });

  it("reads one row per round trip when a row alone is over the budget, rather than never", () => {
    expect(planReadSlices([{ rows: 2, columns: 50, cellBytes: 1 }], 10)).toHaveLength(2);
  });
});
