import fc from "fast-check";
import { perPupil } from "../../../src/engine/allocation/perPupil";

describe("perPupil", () => {
  it("divides each amount by its pupils and gives NaN (shown as #DIV/0!) where there are none", () => {
    // E5 school S1: 2,730,000 unrestricted over 420 pupils = 6,500 per pupil.
    const out = perPupil(Float64Array.of(2_730_000, 500), Float64Array.of(420, 0));
    expect(out[0]).toBeCloseTo(6500, 9);
    expect(out[1]).toBeNaN();
  });

  it("gives back the amounts when multiplied by the pupils", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1e8, noNaN: true }), fc.integer({ min: 1, max: 5000 })), { minLength: 1, maxLength: 30 }), (rows) => {
        const amounts = Float64Array.from(rows.map(([a]) => a));
        const pupils = Float64Array.from(rows.map(([, p]) => p));
        perPupil(amounts, pupils).forEach((x, i) => expect(x * pupils[i]).toBeCloseTo(amounts[i], 4));
      }),
    );
  });

  it("rejects negative pupils and mismatched lengths", () => {
    expect(() => perPupil(Float64Array.of(1), Float64Array.of(-1))).toThrow("WSF.PERPUPIL: pupils row 1 is -1, expected a number >= 0");
    expect(() => perPupil(Float64Array.of(1), Float64Array.of(1, 2))).toThrow("WSF.PERPUPIL: pupils has 2 rows but amounts has 1; they must be the same size");
  });
});
