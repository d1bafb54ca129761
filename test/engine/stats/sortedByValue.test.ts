import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { sortedByValue } from "../../../src/engine/stats/sortedByValue";

describe("sortedByValue", () => {
  it("sorts values ascending and carries each unit's pupils, ties in input order", () => {
    const s = sampleOf([30, 10, 20, 10], [1, 2, 3, 4]);
    const sorted = sortedByValue(s);
    expect(Array.from(sorted.order)).toEqual([1, 3, 2, 0]);
    expect(Array.from(sorted.values)).toEqual([10, 10, 20, 30]);
    expect(Array.from(sorted.weights)).toEqual([2, 4, 3, 1]);
  });

  it("returns the cached sort for the same sample object and a new one for another sample", () => {
    const s = sampleOf([3, 1, 2]);
    expect(sortedByValue(s)).toBe(sortedByValue(s));
    expect(sortedByValue(sampleOf([3, 1, 2]))).not.toBe(sortedByValue(s));
  });
});
