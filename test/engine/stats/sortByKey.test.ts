import fc from "fast-check";
import { sortByKey } from "../../../src/engine/stats/sortByKey";

/** The order, to check against the reference below, after checking that the keys and the payload follow it. */
function ascendingOrder(keys: Float64Array): Uint32Array {
  const payload = Float64Array.from(keys, (_, i) => i * 0.5);
  const { order, sortedKeys, sortedPayload } = sortByKey(keys, payload);
  for (let k = 0; k < order.length; k++) {
    // The sorted keys are the keys in that order (-0 returned as 0), the payload travels with them.
    if (sortedKeys[k] !== keys[order[k]] || Object.is(sortedKeys[k], -0)) throw new Error(`sortedKeys[${k}] is ${sortedKeys[k]}`);
    if (sortedPayload[k] !== order[k] * 0.5) throw new Error(`sortedPayload[${k}] is ${sortedPayload[k]}`);
  }
  // Without the permutation, the same keys and payload come back.
  const unordered = sortByKey(keys, payload, false);
  expect("order" in unordered).toBe(false);
  expect(unordered.sortedKeys).toEqual(sortedKeys);
  expect(unordered.sortedPayload).toEqual(sortedPayload);
  return order;
}

/** The reference: Array.prototype.sort (stable since ES2019) on indices, comparing the numbers. */
function referenceOrder(keys: ArrayLike<number>): number[] {
  return Array.from({ length: keys.length }, (_, i) => i).sort((a, b) => keys[a] - keys[b]);
}

const mixedNumbers = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom(0, -0, 1, -1, 8414.8, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE),
  fc.integer({ min: -5, max: 5 }),
);

describe("sortByKey", () => {
  it("matches Array.prototype.sort on short arrays (comparison path) with negatives, -0 and ties", () => {
    fc.assert(
      fc.property(fc.array(mixedNumbers, { maxLength: 100 }), (keys) => {
        expect(Array.from(ascendingOrder(Float64Array.from(keys)))).toEqual(referenceOrder(keys));
      }),
      { numRuns: 200 },
    );
  });

  it("matches Array.prototype.sort on long arrays (radix path) with negatives, -0 and ties", () => {
    fc.assert(
      fc.property(fc.array(mixedNumbers, { minLength: 513, maxLength: 3000 }), (keys) => {
        expect(Array.from(ascendingOrder(Float64Array.from(keys)))).toEqual(referenceOrder(keys));
      }),
      { numRuns: 40 },
    );
  });

  it("without the permutation, sorts keys that are all >= 0 (its own path: the keys move as they are) as Array.prototype.sort does (property)", () => {
    // Dollars per pupil, ties, 0, tiny and huge numbers, and keys that share a high word (1 + k 2^-40).
    const nonNegative = fc.oneof(
      fc.double({ min: 0, max: 20_000, noNaN: true }),
      fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, 1, 8414.8, Number.MIN_VALUE, Number.MAX_VALUE),
      fc.integer({ min: 0, max: 40 }).map((k) => 1 + k * 2 ** -40),
      fc.integer({ min: 0, max: 5 }),
    );
    fc.assert(
      fc.property(fc.array(nonNegative, { minLength: 513, maxLength: 3000 }), (list) => {
        const keys = Float64Array.from(list);
        const payload = Float64Array.from(keys, (_, i) => i);
        const { sortedKeys, sortedPayload } = sortByKey(keys, payload, false);
        const order = referenceOrder(keys);
        expect(Array.from(sortedPayload)).toEqual(order);
        expect(Array.from(sortedKeys)).toEqual(order.map((i) => keys[i]));
        // And the same as the general path (the one that also returns the permutation).
        expect(Array.from(ascendingOrder(keys))).toEqual(order);
      }),
      { numRuns: 60 },
    );
  });

  it("keeps -0 and 0 in input order, as the comparator (a, b) => a - b does", () => {
    const keys = new Float64Array(1000);
    for (let i = 0; i < keys.length; i++) keys[i] = i % 3 === 0 ? -0 : i % 3 === 1 ? 0 : -1;
    expect(Array.from(ascendingOrder(keys))).toEqual(referenceOrder(keys));
  });

  it("orders keys equal in their high 32 bits by the low bits, in short runs and in long ones", () => {
    // 1 + k * 2^-40 all share the high word of 1.0 (20 mantissa bits), so only the low-word sweep orders them:
    // a run of 5,000 such keys (comparison-sort path) and runs of 3 (insertion path).
    const keys = new Float64Array(20_000);
    for (let i = 0; i < 5_000; i++) keys[i] = 1 + ((i * 7919) % 5_000) * 2 ** -40;
    for (let i = 5_000; i < keys.length; i++) keys[i] = 100 + Math.floor(i / 3) + ((i * 31) % 3) * 2 ** -40;
    expect(Array.from(ascendingOrder(keys))).toEqual(referenceOrder(keys));
  });

  it("sorts a subarray view (readSample hands over subarrays) by its own elements", () => {
    const backing = Float64Array.from({ length: 2000 }, (_, i) => (i * 7) % 1000);
    const view = backing.subarray(1, 1500);
    expect(Array.from(ascendingOrder(view))).toEqual(referenceOrder(view));
  });

  it("returns the identity for sorted input and an empty order for no keys", () => {
    expect(Array.from(ascendingOrder(Float64Array.from({ length: 1000 }, (_, i) => i)))).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(ascendingOrder(new Float64Array(0)).length).toBe(0);
  });
});
