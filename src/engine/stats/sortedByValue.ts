import { WeightedSample } from "../core/WeightedSample";
import { sortByKey } from "./sortByKey";

/** A sample's units in ascending order of value (ties in input order), as contiguous arrays. */
export interface SortedSample {
  /** Values in ascending order. */
  readonly values: Float64Array;
  /** Pupils of the sorted units, moved with their values. */
  readonly weights: Float64Array;
  /** Pupils up to and including the k-th smallest unit (compensated running sum); the last is total pupils. */
  readonly cumulativePupils: Float64Array;
}

/** One sort per sample object: the sorting statistics of one EQUITYTABLE call share it. */
const cache = new WeakMap<WeightedSample, SortedSample>();

/**
 * The sample sorted by value in ascending order, ties kept in input order (a stable sort; -0 equals 0),
 * with every unit kept (units with 0 pupils too: each statistic decides what they mean), and the running
 * total of pupils that percentiles search and the Gini coefficient weighs with.
 * The result is cached per sample object (a WeakMap, so it goes away with the sample); samples are
 * treated as immutable, so do not change a sample's arrays after a statistic has read it.
 *
 * Cost O(n) with the radix sort of `sortByKey`, which carries the pupils along (O(n log n) at worst);
 * O(1) when cached.
 *
 * @throws nothing; an empty sample gives empty arrays (the statistics check for pupils first).
 * @example sortedByValue(sampleOf([30, 10, 20], [1, 2, 3])).weights // Float64Array [2, 3, 1]
 */
export function sortedByValue(s: WeightedSample): SortedSample {
  const cached = cache.get(s);
  if (cached) return cached;
  // No statistic needs to know which school is where, only values and pupils: skip the permutation.
  const { sortedKeys: values, sortedPayload: weights } = sortByKey(s.values, s.weights, false);
  const n = values.length;
  const cumulativePupils = new Float64Array(n);
  // Neumaier's compensated running sum, inlined: this loop runs over every unit of a million-row sample.
  let total = 0;
  let compensation = 0;
  for (let k = 0; k < n; k++) {
    const w = weights[k];
    const t = total + w;
    compensation += Math.abs(total) >= Math.abs(w) ? total - t + w : w - t + total;
    total = t;
    cumulativePupils[k] = total + compensation;
  }
  const sorted = { values, weights, cumulativePupils };
  cache.set(s, sorted);
  return sorted;
}
