import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { verstegen } from "../../../src/engine/stats/verstegen";
import { errorOf } from "./support";

describe("verstegen", () => {
  it("averages the pupils strictly above the median against it (hand calculation)", () => {
    // E2 (domain.md section 4), median 45. Above: 1000 x 2 + 200 x 4 + 100 x 6 + 60 x 6 = 3,760 over 18 pupils.
    // 3,760 / (45 x 18) = 4.641975...
    const e2 = sampleOf([1000, 200, 100, 60, 45, 24], [2, 4, 6, 6, 8, 12]);
    expect(Math.abs(verstegen(e2) - 3760 / 810)).toBeLessThan(1e-12);
    expect(verstegen(sampleOf([90, 100, 130]))).toBeCloseTo(1.3, 14);
  });

  it("is 1 when nothing is above the median", () => {
    expect(verstegen(sampleOf([10, 50, 50, 50]))).toBe(1);
  });

  it("gives #DIV/0! when the median is 0 with pupils above it", () => {
    expect(errorOf(() => verstegen(sampleOf([0, 0, 5])))).toMatchObject({
      code: "DIV0",
      message: "WSF.VERSTEGEN: the median is 0, so the Verstegen index is undefined",
    });
  });
});
