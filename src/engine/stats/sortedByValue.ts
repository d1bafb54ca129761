import { WeightedSample } from "../core/WeightedSample";
import { leaseFloat64, release } from "./scratch";
import { sortByKeyInto } from "./sortByKey";

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
  const n = s.values.length;
  const sorted = sortInto(s, new Float64Array(n), new Float64Array(n), new Float64Array(n));
  cache.set(s, sorted);
  return sorted;
}

/**
 * For EQUITYTABLE: sorts the sample into scratch memory (`scratch.ts`) and lets `sortedByValue` answer from it
 * until the returned function is called, which forgets the sort and gives the memory back. Nothing is held when
 * the sample has its own cached sort already. The numbers are those of `sortedByValue`, bit for bit.
 *
 * Cost as `sortedByValue`, without allocating three columns per call.
 *
 * @throws RangeError when the memory cannot be had.
 * @example const done = holdSortedByValue(s); try { gini(s); median(s); } finally { done(); }
 */
export function holdSortedByValue(s: WeightedSample): () => void {
  if (cache.has(s)) return () => {};
  const n = s.values.length;
  const values = leaseFloat64(n);
  const weights = leaseFloat64(n);
  const cumulativePupils = leaseFloat64(n);
  try {
    cache.set(s, sortInto(s, values, weights, cumulativePupils));
  } catch (error) {
    for (const a of [values, weights, cumulativePupils]) release(a);
    throw error;
  }
  return () => {
    cache.delete(s);
    for (const a of [values, weights, cumulativePupils]) release(a);
  };
}

function sortInto(s: WeightedSample, values: Float64Array, weights: Float64Array, cumulativePupils: Float64Array): SortedSample {
  // No statistic needs to know which school is where, only values and pupils: skip the permutation.
  sortByKeyInto(s.values, s.weights, values, weights, null);
  return { values, weights, cumulativePupils: runningPupils(weights, cumulativePupils) };
}

/**
 * Pupils up to and including each sorted unit, into `cumulativePupils` (a function of its own so that V8
 * compiles this loop whole, not as an on-stack replacement of the sort's caller).
 */
function runningPupils(weights: Float64Array, cumulativePupils: Float64Array): Float64Array {
  const n = weights.length;
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
  return cumulativePupils;
}
