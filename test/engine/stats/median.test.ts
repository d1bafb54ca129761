import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { median } from "../../../src/engine/stats/median";
import { errorOf } from "./support";

describe("median", () => {
  it("is 45 for the McLoone example E2 (domain.md section 4: 38 pupils, median 45)", () => {
    // Sorted: 24 (12 pupils, cum 12), 45 (8, cum 20) reaches 19 = half of 38.
    expect(median(sampleOf([1000, 200, 100, 60, 45, 24], [2, 4, 6, 6, 8, 12]))).toBe(45);
  });

  it("is the lower middle value of an even unweighted count (nearest rank, unlike Excel's MEDIAN = 2.5)", () => {
    expect(median(sampleOf([4, 1, 3, 2]))).toBe(2);
  });

  it("names the function in its errors", () => {
    expect(errorOf(() => median(sampleOf([])))).toMatchObject({ code: "DIV0", message: "WSF.MEDIAN: no usable rows: every value is blank" });
  });
});
