import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { expenditureLevel } from "../../../src/engine/stats/expenditureLevel";
import { errorOf } from "./support";

describe("expenditureLevel", () => {
  it("flags schools against the weighted line on poverty (hand calculation)", () => {
    // Units with pupils lie on x = 100 + 100 f: (0, 100), (1, 200), (0, 100), (1, 200); the fit is that line.
    // Three schools without pupils at f = 0.5 (fitted 150, band 10% -> 135 .. 165): 130 Low, 170 High, 160 Typical.
    const s = sampleOf([100, 200, 130, 170, 100, 200, 160], [5, 5, 0, 0, 3, 3, 0]);
    const poverty = Float64Array.of(0, 1, 0.5, 0.5, 0, 1, 0.5);
    expect(expenditureLevel(s, poverty)).toEqual(["Typical", "Typical", "Low", "High", "Typical", "Typical", "Typical"]);
    // A 20% band: 130 >= 120 and 170 <= 180 are both Typical.
    expect(expenditureLevel(s, poverty, 0.2)).toEqual(Array(7).fill("Typical"));
  });

  it("compares with the weighted mean when every pupil has the same poverty share", () => {
    // Mean 100; 130 > 110 High, 70 < 90 Low.
    expect(expenditureLevel(sampleOf([100, 130, 70]), Float64Array.of(0.5, 0.5, 0.5))).toEqual(["Typical", "High", "Low"]);
  });

  it("gives #NUM! for a negative band", () => {
    expect(errorOf(() => expenditureLevel(sampleOf([1, 2]), Float64Array.of(0, 1), -0.1))).toMatchObject({
      code: "NUM",
      message: "WSF.EXPENDITURELEVEL: band is -0.1, expected a number >= 0",
    });
  });
});
