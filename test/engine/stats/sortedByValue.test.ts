import { sampleOf } from "../../../src/engine/core/WeightedSample";
import { sortedByValue } from "../../../src/engine/stats/sortedByValue";

describe("sortedByValue", () => {
  it("sorts values ascending, carries each unit's pupils (ties in input order) and keeps running pupil totals", () => {
    const s = sampleOf([30, 10, 20, 10], [1, 2, 3, 4]);
    const sorted = sortedByValue(s);
    expect(Array.from(sorted.values)).toEqual([10, 10, 20, 30]);
    expect(Array.from(sorted.weights)).toEqual([2, 4, 3, 1]);
    expect(Array.from(sorted.cumulativePupils)).toEqual([2, 6, 9, 10]);
  });

  it("returns the cached sort for the same sample object and a new one for another sample", () => {
    const s = sampleOf([3, 1, 2]);
    expect(sortedByValue(s)).toBe(sortedByValue(s));
    expect(sortedByValue(sampleOf([3, 1, 2]))).not.toBe(sortedByValue(s));
  });
});

describe("sortedByValue on the radix path", () => {
  it("matches a reference sort of (value, pupils) pairs on 3,000 units with ties", () => {
    const values = Array.from({ length: 3000 }, (_, i) => 5000 + ((i * 7919) % 997) * 3.5);
    const weights = values.map((_, i) => i % 11);
    const sorted = sortedByValue(sampleOf(values, weights));
    const reference = values.map((v, i) => ({ v, w: weights[i] })).sort((a, b) => a.v - b.v);
    expect(Array.from(sorted.values)).toEqual(reference.map((r) => r.v));
    expect(Array.from(sorted.weights)).toEqual(reference.map((r) => r.w));
  });
});
