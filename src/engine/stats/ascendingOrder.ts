/**
 * Below this length a comparison sort beats the fixed cost of the radix passes (their 2,048-entry
 * histograms); above it the radix sort is linear and several times faster than `Array.prototype.sort`.
 */
const COMPARISON_SORT_MAX_LENGTH = 512;

/** Radix digit width: three passes cover the 32-bit high word, with histograms that stay in L1 cache. */
const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const DIGIT_MASK = BUCKETS - 1;
const PASSES = 3;

/** Runs of equal high words up to this length are finished by insertion sort, longer ones by a comparison sort. */
const INSERTION_SORT_MAX_RUN = 16;

/** Which 32-bit half of a float64 comes first in memory (typed arrays use the platform's byte order). */
const LOW_WORD_FIRST = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The stable ascending order of `keys`: a permutation `order` such that `keys[order[0]] <= keys[order[1]] <= ...`,
 * equal keys kept in input order (so `-0` and `0` count as equal, as they do for `(a, b) => a - b`).
 *
 * Method: the IEEE-754 bit pattern of each key is made order-preserving as an unsigned 64-bit integer (flip the
 * sign bit of non-negative numbers, every bit of negative ones). An LSD radix sort (three stable 11-bit
 * counting-sort passes carrying a Uint32 index permutation) orders the keys by their high 32 bits (sign, exponent
 * and 20 mantissa bits: a relative resolution of about 1e-6); a final sweep orders each run of equal high words by
 * the low word, stably (insertion sort for short runs, a comparison sort for long ones). A pass whose digit is the
 * same for every key is skipped. Short inputs use a comparison sort with the index as tie-breaker.
 * Keys must not be NaN (the engine's readers reject them).
 *
 * Cost O(n) time for keys that differ in their first six significant digits, O(n log n) at worst (many keys
 * equal in the high word but not in the low one); O(n) extra memory. O(n log n) below 512 keys.
 *
 * @example ascendingOrder(Float64Array.of(3, -1, 2, -1)) // Uint32Array [1, 3, 2, 0]
 */
export function ascendingOrder(keys: Float64Array): Uint32Array {
  const n = keys.length;
  if (n <= COMPARISON_SORT_MAX_LENGTH) return comparisonOrder(keys);

  const { low, high } = orderPreservingWords(keys);

  // One pass over the keys builds the histogram of each digit of the high word (bits 0-10, 11-21, 22-31).
  const counts = new Uint32Array(PASSES * BUCKETS);
  for (let i = 0; i < n; i++) {
    const h = high[i];
    counts[h & DIGIT_MASK]++;
    counts[BUCKETS + ((h >>> 11) & DIGIT_MASK)]++;
    counts[2 * BUCKETS + (h >>> 22)]++;
  }

  // Each pass carries the high words along with the indices, so every pass and the final sweep read them in order.
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let sortedHigh: Uint32Array = high;
  let spare = new Uint32Array(n);
  let spareHigh: Uint32Array = new Uint32Array(n);
  const starts = new Uint32Array(BUCKETS);
  for (let pass = 0; pass < PASSES; pass++) {
    const base = pass * BUCKETS;
    if (isSingleBucket(counts, base, n)) continue;
    let position = 0;
    for (let b = 0; b < BUCKETS; b++) {
      starts[b] = position;
      position += counts[base + b];
    }
    const shift = pass * DIGIT_BITS;
    for (let i = 0; i < n; i++) {
      const h = sortedHigh[i];
      const target = starts[(h >>> shift) & DIGIT_MASK]++;
      spare[target] = order[i];
      spareHigh[target] = h;
    }
    const doneOrder = order;
    order = spare;
    spare = doneOrder;
    const doneHigh = sortedHigh;
    sortedHigh = spareHigh;
    spareHigh = doneHigh;
  }

  sortRunsByLowWord(order, sortedHigh, low);
  return order;
}

/**
 * Splits each key into two unsigned 32-bit words whose lexicographic order is the numeric order of the keys.
 * Reads the keys' own buffer (no copy); -0 gets the words of +0.
 */
function orderPreservingWords(keys: Float64Array): { low: Uint32Array; high: Uint32Array } {
  const n = keys.length;
  const words = new Uint32Array(keys.buffer, keys.byteOffset, 2 * n);
  const lowOffset = LOW_WORD_FIRST ? 0 : 1;
  const highOffset = 1 - lowOffset;
  const low = new Uint32Array(n);
  const high = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + highOffset];
    const l = words[2 * i + lowOffset];
    if (h & 0x80000000) {
      const isNegativeZero = h === 0x80000000 && l === 0;
      high[i] = isNegativeZero ? 0x80000000 : ~h >>> 0;
      low[i] = isNegativeZero ? 0 : ~l >>> 0;
    } else {
      high[i] = (h | 0x80000000) >>> 0;
      low[i] = l;
    }
  }
  return { low, high };
}

function isSingleBucket(counts: Uint32Array, base: number, n: number): boolean {
  for (let b = 0; b < BUCKETS; b++) {
    const c = counts[base + b];
    if (c !== 0) return c === n;
  }
  return true;
}

/**
 * `order` is sorted by high word (`sortedHigh[i]` is the high word of `order[i]`), ties in input order;
 * sorts each run of equal high words by low word, stably.
 */
function sortRunsByLowWord(order: Uint32Array, sortedHigh: Uint32Array, low: Uint32Array): void {
  const n = order.length;
  let start = 0;
  while (start < n) {
    const h = sortedHigh[start];
    let end = start + 1;
    while (end < n && sortedHigh[end] === h) end++;
    if (end - start > 1 && !sameLowWord(order, low, start, end)) {
      if (end - start <= INSERTION_SORT_MAX_RUN) insertionSortByLow(order, low, start, end);
      else comparisonSortByLow(order, low, start, end);
    }
    start = end;
  }
}

function sameLowWord(order: Uint32Array, low: Uint32Array, start: number, end: number): boolean {
  const first = low[order[start]];
  for (let i = start + 1; i < end; i++) if (low[order[i]] !== first) return false;
  return true;
}

function insertionSortByLow(order: Uint32Array, low: Uint32Array, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const j = order[i];
    const key = low[j];
    let k = i - 1;
    // Strictly greater only: equal keys stay in input order (stability).
    while (k >= start && low[order[k]] > key) {
      order[k + 1] = order[k];
      k--;
    }
    order[k + 1] = j;
  }
}

function comparisonSortByLow(order: Uint32Array, low: Uint32Array, start: number, end: number): void {
  const run = Array.from(order.subarray(start, end));
  run.sort((a, b) => low[a] - low[b] || a - b);
  order.set(run, start);
}

function comparisonOrder(keys: Float64Array): Uint32Array {
  const indices = new Array<number>(keys.length);
  for (let i = 0; i < keys.length; i++) indices[i] = i;
  indices.sort((a, b) => keys[a] - keys[b] || a - b);
  return Uint32Array.from(indices);
}
