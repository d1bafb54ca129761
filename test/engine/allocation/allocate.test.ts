import fc from "fast-check";
import { allocate } from "../../../src/engine/allocation/allocate";
import { WsfError } from "../../../src/engine/core/WsfError";

describe("allocate", () => {
  it("pays base x weighted pupils plus a foundation (hand calculation, NYC-style $225,000 foundation)", () => {
    // 512.4 weighted pupils x 4,223 + 225,000 = 2,163,865.2 + 225,000 = 2,388,865.2
    // 0 weighted pupils (a school not yet open) still gets the foundation: 225,000.
    const out = allocate(Float64Array.of(512.4, 0), 4223, 225000);
    expect(out[0]).toBeCloseTo(2_388_865.2, 6);
    expect(out[1]).toBe(225000);
  });

  it("takes one fixed amount per school", () => {
    // 100 x 5,000 + 50,000 = 550,000; 200 x 5,000 + 0 = 1,000,000.
    const out = allocate(Float64Array.of(100, 200), 5000, Float64Array.of(50000, 0));
    expect(Array.from(out)).toEqual([550000, 1000000]);
  });

  it("is linear: allocate(wp, a + b) = allocate(wp, a) + allocate(wp, b) - fixed", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 5000, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 20000, noNaN: true }),
        fc.double({ min: 0, max: 20000, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (wp, a, b, fixed) => {
          const w = Float64Array.from(wp);
          const both = allocate(w, a + b, fixed);
          const sumOfParts = allocate(w, a, fixed).map((x, i) => x + allocate(w, b, fixed)[i] - fixed);
          both.forEach((x, i) => expect(x).toBeCloseTo(sumOfParts[i], 3));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("rejects a negative base, negative weighted pupils and a fixed column of the wrong length", () => {
    expect(() => allocate(Float64Array.of(1), -1)).toThrow(WsfError);
    expect(() => allocate(Float64Array.of(1), -1)).toThrow("WSF.ALLOCATE: base is -1, expected a number >= 0");
    expect(() => allocate(Float64Array.of(1, -2), 10)).toThrow("WSF.ALLOCATE: weightedPupils row 2 is -2, expected a number >= 0");
    expect(() => allocate(Float64Array.of(1, 2), 10, Float64Array.of(1))).toThrow(
      "WSF.ALLOCATE: fixed has 1 rows but weightedPupils has 2; they must be the same size",
    );
    expect(() => allocate(Float64Array.of(1), 10, Float64Array.of(NaN))).toThrow("WSF.ALLOCATE: fixed row 1 is NaN, expected a number");
  });
});
