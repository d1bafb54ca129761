import { priorYearPool } from "../../../src/engine/scenario/priorYearPool";
import { threeSchools } from "./threeSchools";

describe("priorYearPool", () => {
  it("adds last year's amounts: 300,000 + 400,000 + 650,000 = 1,350,000", () => {
    expect(priorYearPool(threeSchools([300_000, 400_000, 650_000]))).toBe(1_350_000);
  });

  it("is null when a school has no prior amount, or there are no schools", () => {
    expect(priorYearPool(threeSchools([300_000, null, 650_000]))).toBeNull();
    expect(priorYearPool([])).toBeNull();
  });
});
