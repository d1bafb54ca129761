import fc from "fast-check";
import { readSample } from "../../../src/engine/core/WeightedSample";
import { WsfError } from "../../../src/engine/core/WsfError";

/**
 * readSample reads plain rows in a fast loop and hands over to its general loop at the first row that is not
 * plain (a blank value, text, a number out of bounds). Independent implementation: the catalogue's input rules
 * (README "Conventions") row by row - a blank value skips the row; otherwise the value must be a number >= 0, the
 * pupils a number >= 0 and the poverty share a number from 0 to 1, else #VALUE! naming the first bad row.
 */
type Outcome = { values: number[]; weights: number[]; poverty: number[]; rows: number[] } | { error: string };

function byTheRules(values: unknown[], pupils: unknown[], poverty: unknown[]): Outcome {
  const out = { values: [] as number[], weights: [] as number[], poverty: [] as number[], rows: [] as number[] };
  const isNumber = (c: unknown): c is number => typeof c === "number" && Number.isFinite(c);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === "") continue;
    if (!isNumber(v) || v < 0) return { error: `values row ${i + 1}` };
    const p = pupils[i];
    if (!isNumber(p) || p < 0) return { error: `pupils row ${i + 1}` };
    const f = poverty[i];
    if (!isNumber(f) || f < 0 || f > 1) return { error: `poverty row ${i + 1}` };
    out.values.push(v);
    out.weights.push(p);
    out.poverty.push(f);
    out.rows.push(i + 1);
  }
  return out;
}

function read(values: unknown[], pupils: unknown[], poverty: unknown[]): Outcome {
  const column = (cells: unknown[]) => cells.map((c) => [c]);
  try {
    const s = readSample("WSF.EQUITYTABLE", column(values), column(pupils), { extra: [{ arg: "poverty", cells: column(poverty), min: 0, max: 1 }] });
    return { values: [...s.values], weights: [...s.weights], poverty: [...s.extras[0]], rows: [...s.rows] };
  } catch (error) {
    if (!(error instanceof WsfError)) throw error;
    // "WSF.EQUITYTABLE: pupils row 7 is ..." -> "pupils row 7"
    return { error: /^WSF\.EQUITYTABLE: (\w+ row \d+)/.exec(error.message)![1] };
  }
}

describe("readSample", () => {
  it("reads plain rows, skips blank values and names the first bad row, as the input rules say (independent implementation)", () => {
    // Mostly plain numbers, so long plain runs come before the first blank or bad cell.
    const count = fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 0, max: 2000 }) }, fc.constantFrom(null, "", "n/a", -1, Number.NaN, true));
    const share = fc.oneof({ weight: 20, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) }, fc.constantFrom(null, "", 1.5, -0.1, "x"));
    const row = fc.tuple(count, count, share);
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const values = rows.map((r) => r[0]);
        const pupils = rows.map((r) => r[1]);
        const poverty = rows.map((r) => r[2]);
        expect(read(values, pupils, poverty)).toEqual(byTheRules(values, pupils, poverty));
      }),
      { numRuns: 500 },
    );
  });
});
