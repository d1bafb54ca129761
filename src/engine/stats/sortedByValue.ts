import { WeightedSample } from "../core/WeightedSample";
import { ascendingOrder } from "./ascendingOrder";

/** A sample's units in ascending order of value (ties in input order), as contiguous arrays. */
export interface SortedSample {
  /** `order[k]` is the index in the sample of the k-th smallest unit. */
  readonly order: Uint32Array;
  /** Values in ascending order: `values[k] === s.values[order[k]]`. */
  readonly values: Float64Array;
  /** Pupils of the sorted units: `weights[k] === s.weights[order[k]]`. */
  readonly weights: Float64Array;
}

/** One sort per sample object: the sorting statistics of one EQUITYTABLE call share it. */
const cache = new WeakMap<WeightedSample, SortedSample>();

/**
 * The sample sorted by value in ascending order, ties kept in input order (a stable sort; -0 equals 0),
 * with every unit kept (units with 0 pupils too: each statistic decides what they mean).
 * The result is cached per sample object (a WeakMap, so it goes away with the sample); samples are
 * treated as immutable, so do not change a sample's arrays after a statistic has read it.
 *
 * Cost O(n) with the radix sort of `ascendingOrder` (O(n log n) at worst), O(1) when cached.
 *
 * @example sortedByValue(sampleOf([30, 10, 20], [1, 2, 3])).weights // Float64Array [2, 3, 1]
 */
export function sortedByValue(s: WeightedSample): SortedSample {
  const cached = cache.get(s);
  if (cached) return cached;
  const order = ascendingOrder(s.values);
  const n = order.length;
  const values = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k];
    values[k] = s.values[i];
    weights[k] = s.weights[i];
  }
  const sorted = { order, values, weights };
  cache.set(s, sorted);
  return sorted;
}
