import fc from "fast-check";
import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { range } from "../../../src/engine/stats/range";
import { errorOf, toSample, units } from "./support";

describe("range", () => {
  it("is max - min over units with pupils (hand calculation: 9,500 - 7,000; the 0-pupil 20,000 does not count)", () => {
    expect(range(sampleOf([7000, 9500, 20000, 8000], [10, 20, 0, 5]))).toBe(2500);
  });

  it("agrees with Math.max - Math.min over the rows with pupils", () => {
    fc.assert(
      fc.property(units(), (rows) => {
        const present = rows.filter((r) => r.pupils > 0).map((r) => r.value);
        expect(range(toSample(rows))).toBe(Math.max(...present) - Math.min(...present));
      }),
    );
  });

  it("gives #DIV/0! without pupils", () => {
    expect(errorOf(() => range(sampleOf([1], [0])))).toMatchObject({ code: "DIV0", message: "WSF.RANGE: total pupils is 0" });
  });
});
