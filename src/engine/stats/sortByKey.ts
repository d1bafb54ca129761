import { leaseFloat64, leaseUint32, release } from "./scratch";

/**
 * Below this length a comparison sort beats the fixed cost of the radix passes (their 2,048-entry
 * histograms); above it the radix sort is linear and several times faster than `Array.prototype.sort`.
 */
const COMPARISON_SORT_MAX_LENGTH = 512;

/** Radix digit width: at most three passes cover the 32-bit high word, with histograms that stay in L1 cache. */
const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const DIGIT_MASK = BUCKETS - 1;

/** Runs of equal high words up to this length are finished by insertion sort, longer ones by a comparison sort. */
const INSERTION_SORT_MAX_RUN = 16;

/** Which 32-bit half of a float64 comes first in memory (typed arrays use the platform's byte order). */
const LOW_WORD_FIRST = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const LOW_OFFSET = LOW_WORD_FIRST ? 0 : 1;
const HIGH_OFFSET = 1 - LOW_OFFSET;

/** Keys in ascending order and a column carried along. */
export interface SortedKeys {
  /** `keys[order[k]]`, ascending (-0 comes back as 0). */
  sortedKeys: Float64Array;
  /** `payload[order[k]]`. */
  sortedPayload: Float64Array;
}

/** Sorted keys and payload, plus the permutation that sorts them. */
export interface SortedByKey extends SortedKeys {
  /** `order[k]` is the input index of the k-th smallest key. */
  order: Uint32Array;
}

/**
 * Sorts float64 keys ascending, stably (equal keys in input order; -0 equals 0, as with `(a, b) => a - b`),
 * returning the sorted keys, a payload column (pupils) in the same order and, unless `withOrder` is false,
 * the permutation (leaving it out saves a fifth of the data each pass moves).
 *
 * Method: each key's IEEE-754 bit pattern is made order-preserving as an unsigned 64-bit integer (flip the sign
 * bit of non-negative numbers, every bit of negative ones) and split into a high and a low 32-bit word.
 * An LSD radix sort (stable 11-bit counting-sort passes) orders the keys by high word (sign, exponent and 20
 * mantissa bits, a relative resolution of about 1e-6) less the smallest high word: one pass per 11 bits of
 * spread, so two for dollar amounts within a few binades of each other and at most three. Every pass carries both
 * words, the payload and (when asked for) the index, so the sorted keys are rebuilt from their words and nothing is
 * gathered by random access at the end (on a million rows those cache misses cost more than the passes). A final sweep orders
 * each run of equal high words by low word, stably (insertion sort for short runs, a comparison sort for long
 * ones). A pass whose digit is the same for every key is skipped. Short inputs use a comparison sort.
 * Keys must not be NaN (the engine's readers reject them).
 *
 * Cost O(n) time for keys that differ in their first six significant digits, O(n log n) at worst (many keys
 * equal in the high word but not in the low one); O(n) extra memory. O(n log n) below 512 keys.
 *
 * @throws nothing (NaN keys are not checked: a NaN would sort after +Infinity, or before -Infinity if negative).
 * @example sortByKey(Float64Array.of(3, -1, 2), Float64Array.of(30, 10, 20)).sortedPayload // [10, 20, 30]
 */
export function sortByKey(keys: Float64Array, payload: Float64Array): SortedByKey;
export function sortByKey(keys: Float64Array, payload: Float64Array, withOrder: false): SortedKeys;
export function sortByKey(keys: Float64Array, payload: Float64Array, withOrder = true): SortedKeys & { order?: Uint32Array } {
  const n = keys.length;
  if (n <= COMPARISON_SORT_MAX_LENGTH) {
    const sorted = comparisonSort(keys, payload);
    return withOrder ? sorted : { sortedKeys: sorted.sortedKeys, sortedPayload: sorted.sortedPayload };
  }
  const sortedKeys = new Float64Array(n);
  const sortedPayload = new Float64Array(n);
  const order = withOrder ? new Uint32Array(n) : null;
  radixSortInto(keys, payload, sortedKeys, sortedPayload, order);
  return order ? { order, sortedKeys, sortedPayload } : { sortedKeys, sortedPayload };
}

/**
 * `sortByKey` into the caller's arrays (each of the keys' length; `order` null to leave the permutation out), for
 * callers that sort into scratch memory (see `scratch.ts`): the same order and the same numbers, bit for bit.
 *
 * Cost as `sortByKey`.
 *
 * @throws nothing.
 * @example sortByKeyInto(keys, pupils, sortedKeys, sortedPupils, null)
 */
export function sortByKeyInto(keys: Float64Array, payload: Float64Array, sortedKeys: Float64Array, sortedPayload: Float64Array, order: Uint32Array | null): void {
  const n = keys.length;
  if (n <= COMPARISON_SORT_MAX_LENGTH) {
    const sorted = comparisonSort(keys, payload);
    sortedKeys.set(sorted.sortedKeys);
    sortedPayload.set(sorted.sortedPayload);
    if (order) order.set(sorted.order);
    return;
  }
  radixSortInto(keys, payload, sortedKeys, sortedPayload, order);
}

function radixSortInto(keys: Float64Array, payload: Float64Array, sortedKeys: Float64Array, sortedPayload: Float64Array, outOrder: Uint32Array | null): void {
  const n = keys.length;
  if (outOrder === null && nonNegativeRadixSortInto(keys, payload, sortedKeys, sortedPayload)) return;
  // Order-preserving words of every key, and the range of the high words.
  const words = new Uint32Array(keys.buffer, keys.byteOffset, 2 * n);
  // The four word arrays and the spare columns are scratch, never returned (see `scratch.ts`).
  const words4 = leaseUint32(4 * n);
  const spareColumn = leaseFloat64(n);
  const spareIndex = outOrder ? leaseUint32(n) : null;
  try {
    let low = words4.subarray(0, n);
    let high = words4.subarray(n, 2 * n);
    const range = new Uint32Array(2);
    orderedWords(words, low, high, range);
    const minHigh = range[0];
    const spanBits = 32 - Math.clz32((range[1] - minHigh) >>> 0);
    const passes = Math.ceil(spanBits / DIGIT_BITS);
    const counts = new Uint32Array(passes * BUCKETS);
    countDigits(high, minHigh, passes, counts);
    // Each pass that moves anything swaps the columns with their spares: after an odd number of such passes
    // start in the spares, so that the last pass lands in the caller's arrays.
    let moving = 0;
    for (let pass = 0; pass < passes; pass++) if (!isSingleBucket(counts, pass * BUCKETS, n)) moving++;
    const startInSpare = moving % 2 === 1;

    let order: Uint32Array | null = null;
    let spareOrder: Uint32Array | null = null;
    if (outOrder && spareIndex) {
      order = startInSpare ? spareIndex : outOrder;
      spareOrder = startInSpare ? outOrder : spareIndex;
      for (let i = 0; i < n; i++) order[i] = i;
    }
    let carried = startInSpare ? spareColumn : sortedPayload;
    let spareCarried = startInSpare ? sortedPayload : spareColumn;
    carried.set(payload);
    let spareHigh = words4.subarray(2 * n, 3 * n);
    let spareLow = words4.subarray(3 * n, 4 * n);
    const starts = new Uint32Array(BUCKETS);
    for (let pass = 0; pass < passes; pass++) {
      const base = pass * BUCKETS;
      if (isSingleBucket(counts, base, n)) continue;
      bucketStarts(counts, base, starts);
      const shift = pass * DIGIT_BITS;
      if (order && spareOrder) {
        scatterWithOrder(high, low, carried, order, spareHigh, spareLow, spareCarried, spareOrder, starts, minHigh, shift);
        [order, spareOrder] = [spareOrder, order];
      } else scatter(high, low, carried, spareHigh, spareLow, spareCarried, starts, minHigh, shift);
      [carried, spareCarried] = [spareCarried, carried];
      [high, spareHigh] = [spareHigh, high];
      [low, spareLow] = [spareLow, low];
    }

    sortRunsByLowWord(order, high, low, carried);
    rebuildKeys(high, low, new Uint32Array(sortedKeys.buffer, sortedKeys.byteOffset, 2 * n));
  } finally {
    release(words4);
    release(spareColumn);
    if (spareIndex) release(spareIndex);
  }
}

/**
 * The radix sort for keys that are all >= 0 (every key's sign bit clear: no negative number, no -0), without the
 * permutation: the case of EQUITYTABLE's sort by value. A non-negative double's bit pattern, read as an unsigned
 * integer, orders as the number does, so the keys need no order-preserving words: each pass moves the keys
 * themselves (8 bytes) and the payload, reading a key's high word through a 32-bit view of the same memory, and
 * the first pass reads the caller's columns directly. The digits, passes and the final sweep over runs of equal
 * high words are those of the general path, so the result is the same, bit for bit. Returns false, having
 * written nothing, when some key has its sign bit set.
 */
function nonNegativeRadixSortInto(keys: Float64Array, payload: Float64Array, sortedKeys: Float64Array, sortedPayload: Float64Array): boolean {
  const n = keys.length;
  const words = new Uint32Array(keys.buffer, keys.byteOffset, 2 * n);
  const range = new Uint32Array(2);
  if (!highWordRange(words, n, range)) return false;
  const minHigh = range[0];
  const spanBits = 32 - Math.clz32((range[1] - minHigh) >>> 0);
  const passes = Math.ceil(spanBits / DIGIT_BITS);
  const counts = new Uint32Array(Math.max(1, passes) * BUCKETS);
  countHighDigits(words, n, minHigh, passes, counts);
  let moving = 0;
  for (let pass = 0; pass < passes; pass++) if (!isSingleBucket(counts, pass * BUCKETS, n)) moving++;
  if (moving === 0) {
    sortedKeys.set(keys);
    sortedPayload.set(payload);
  } else {
    const spareKeys = leaseFloat64(n);
    const sparePayload = leaseFloat64(n);
    try {
      // The last moving pass lands in the caller's arrays: after an odd number of passes start writing there.
      let toKeys = moving % 2 === 1 ? sortedKeys : spareKeys;
      let toPayload = moving % 2 === 1 ? sortedPayload : sparePayload;
      let fromKeys = keys;
      let fromPayload = payload;
      const starts = new Uint32Array(BUCKETS);
      for (let pass = 0; pass < passes; pass++) {
        const base = pass * BUCKETS;
        if (isSingleBucket(counts, base, n)) continue;
        bucketStarts(counts, base, starts);
        scatterKeys(fromKeys, fromPayload, toKeys, toPayload, starts, minHigh, pass * DIGIT_BITS);
        fromKeys = toKeys;
        fromPayload = toPayload;
        toKeys = fromKeys === sortedKeys ? spareKeys : sortedKeys;
        toPayload = fromPayload === sortedPayload ? sparePayload : sortedPayload;
      }
    } finally {
      release(spareKeys);
      release(sparePayload);
    }
  }
  sortRunsByKey(new Uint32Array(sortedKeys.buffer, sortedKeys.byteOffset, 2 * n), sortedKeys, sortedPayload);
  return true;
}

/** The smallest and largest high word into `range`; false (range unset) when some key has its sign bit set. */
function highWordRange(words: Uint32Array, n: number, range: Uint32Array): boolean {
  let minHigh = 0xffffffff;
  let maxHigh = 0;
  let signs = 0;
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + HIGH_OFFSET];
    signs |= h;
    if (h < minHigh) minHigh = h;
    if (h > maxHigh) maxHigh = h;
  }
  if (signs & 0x80000000) return false;
  range[0] = minHigh;
  range[1] = maxHigh;
  return true;
}

/** `countDigits`, reading each high word from the keys' 32-bit view. */
function countHighDigits(words: Uint32Array, n: number, minHigh: number, passes: number, counts: Uint32Array): void {
  for (let i = 0; i < n; i++) {
    const h = (words[2 * i + HIGH_OFFSET] - minHigh) >>> 0;
    for (let pass = 0; pass < passes; pass++) counts[pass * BUCKETS + ((h >>> (pass * DIGIT_BITS)) & DIGIT_MASK)]++;
  }
}

/** One counting-sort pass of non-negative keys: every key and its payload to its digit's next place. */
function scatterKeys(keys: Float64Array, payload: Float64Array, toKeys: Float64Array, toPayload: Float64Array, starts: Uint32Array, minHigh: number, shift: number): void {
  const words = new Uint32Array(keys.buffer, keys.byteOffset, 2 * keys.length);
  for (let i = 0; i < keys.length; i++) {
    const target = starts[(((words[2 * i + HIGH_OFFSET] - minHigh) >>> 0) >>> shift) & DIGIT_MASK]++;
    toKeys[target] = keys[i];
    toPayload[target] = payload[i];
  }
}

/**
 * `sortRunsByLowWord` for non-negative keys: the keys are sorted by high word, ties in input order; each run of
 * equal high words is sorted by key, stably (within a run, comparing the keys compares their low words).
 */
function sortRunsByKey(words: Uint32Array, keys: Float64Array, carried: Float64Array): void {
  const n = keys.length;
  let start = 0;
  while (start < n) {
    const h = words[2 * start + HIGH_OFFSET];
    let end = start + 1;
    let unordered = false;
    while (end < n && words[2 * end + HIGH_OFFSET] === h) {
      if (keys[end] < keys[end - 1]) unordered = true;
      end++;
    }
    if (unordered) {
      if (end - start <= INSERTION_SORT_MAX_RUN) insertionSortKeys(keys, carried, start, end);
      else comparisonSortKeys(keys, carried, start, end);
    }
    start = end;
  }
}

function insertionSortKeys(keys: Float64Array, carried: Float64Array, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const key = keys[i];
    const value = carried[i];
    let k = i - 1;
    // Strictly greater only: equal keys stay in input order (stability).
    while (k >= start && keys[k] > key) {
      keys[k + 1] = keys[k];
      carried[k + 1] = carried[k];
      k--;
    }
    keys[k + 1] = key;
    carried[k + 1] = value;
  }
}

function comparisonSortKeys(keys: Float64Array, carried: Float64Array, start: number, end: number): void {
  const positions = Array.from({ length: end - start }, (_, i) => start + i);
  // Positions within the run are in input order already, so comparing them keeps equal keys stable.
  positions.sort((a, b) => keys[a] - keys[b] || a - b);
  const runKeys = positions.map((p) => keys[p]);
  const runCarried = positions.map((p) => carried[p]);
  keys.set(runKeys, start);
  carried.set(runCarried, start);
}

// Each loop over the keys is a function of its own: V8 compiles a hot loop on the spot (on-stack replacement)
// together with the code after it, which has not run yet and so deoptimises on first use; a function per loop
// is compiled once, whole, and the next call runs it optimised from the start. Results go out through arrays
// rather than object literals: V8 reuses a loop's on-stack-replacement code on the next call, and a literal
// after the loop that had no type feedback then deoptimises it again on every call.

/**
 * The order-preserving high and low words of every key (flip the sign bit of non-negative numbers, every bit of
 * negative ones; -0 as 0), and the range of the high words into `range` (smallest, largest).
 */
function orderedWords(words: Uint32Array, low: Uint32Array, high: Uint32Array, range: Uint32Array): void {
  const n = low.length;
  let minHigh = 0xffffffff;
  let maxHigh = 0;
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + HIGH_OFFSET];
    const l = words[2 * i + LOW_OFFSET];
    let orderedHigh: number;
    if (h & 0x80000000) {
      const isNegativeZero = h === 0x80000000 && l === 0;
      orderedHigh = isNegativeZero ? 0x80000000 : ~h >>> 0;
      low[i] = isNegativeZero ? 0 : ~l >>> 0;
    } else {
      orderedHigh = (h | 0x80000000) >>> 0;
      low[i] = l;
    }
    high[i] = orderedHigh;
    if (orderedHigh < minHigh) minHigh = orderedHigh;
    if (orderedHigh > maxHigh) maxHigh = orderedHigh;
  }
  range[0] = minHigh;
  range[1] = maxHigh;
}

/** The histogram of every pass's digit (high word less the smallest), one 2,048-entry block per pass. */
function countDigits(high: Uint32Array, minHigh: number, passes: number, counts: Uint32Array): void {
  for (let i = 0; i < high.length; i++) {
    const h = (high[i] - minHigh) >>> 0;
    for (let pass = 0; pass < passes; pass++) counts[pass * BUCKETS + ((h >>> (pass * DIGIT_BITS)) & DIGIT_MASK)]++;
  }
}

/** One counting-sort pass: every unit to its digit's next place, words and payload moved together. */
function scatter(
  high: Uint32Array,
  low: Uint32Array,
  carried: Float64Array,
  spareHigh: Uint32Array,
  spareLow: Uint32Array,
  spareCarried: Float64Array,
  starts: Uint32Array,
  minHigh: number,
  shift: number,
): void {
  for (let i = 0; i < high.length; i++) {
    const h = high[i];
    const target = starts[(((h - minHigh) >>> 0) >>> shift) & DIGIT_MASK]++;
    spareHigh[target] = h;
    spareLow[target] = low[i];
    spareCarried[target] = carried[i];
  }
}

/** `scatter`, with the permutation moved along too. */
function scatterWithOrder(
  high: Uint32Array,
  low: Uint32Array,
  carried: Float64Array,
  order: Uint32Array,
  spareHigh: Uint32Array,
  spareLow: Uint32Array,
  spareCarried: Float64Array,
  spareOrder: Uint32Array,
  starts: Uint32Array,
  minHigh: number,
  shift: number,
): void {
  for (let i = 0; i < high.length; i++) {
    const h = high[i];
    const target = starts[(((h - minHigh) >>> 0) >>> shift) & DIGIT_MASK]++;
    spareOrder[target] = order[i];
    spareHigh[target] = h;
    spareLow[target] = low[i];
    spareCarried[target] = carried[i];
  }
}

/** The keys rebuilt from their sorted words (the inverse of the order-preserving flip), into `out` (2 words a key). */
function rebuildKeys(high: Uint32Array, low: Uint32Array, out: Uint32Array): void {
  for (let k = 0; k < high.length; k++) {
    const h = high[k];
    if (h & 0x80000000) {
      out[2 * k + HIGH_OFFSET] = (h ^ 0x80000000) >>> 0;
      out[2 * k + LOW_OFFSET] = low[k];
    } else {
      out[2 * k + HIGH_OFFSET] = ~h >>> 0;
      out[2 * k + LOW_OFFSET] = ~low[k] >>> 0;
    }
  }
}

function isSingleBucket(counts: Uint32Array, base: number, n: number): boolean {
  for (let b = 0; b < BUCKETS; b++) {
    const c = counts[base + b];
    if (c !== 0) return c === n;
  }
  return true;
}

/**
 * The arrays are sorted by high word, ties in input order; sorts each run of equal high words by low word,
 * stably, moving index, low word and payload together (the high words of a run are equal and stay put).
 */
function sortRunsByLowWord(order: Uint32Array | null, high: Uint32Array, low: Uint32Array, carried: Float64Array): void {
  const n = high.length;
  let start = 0;
  while (start < n) {
    const h = high[start];
    const firstLow = low[start];
    let end = start + 1;
    let lowDiffers = false;
    while (end < n && high[end] === h) {
      if (low[end] !== firstLow) lowDiffers = true;
      end++;
    }
    if (lowDiffers) {
      if (end - start <= INSERTION_SORT_MAX_RUN) insertionSortRun(order, low, carried, start, end);
      else comparisonSortRun(order, low, carried, start, end);
    }
    start = end;
  }
}

function insertionSortRun(order: Uint32Array | null, low: Uint32Array, carried: Float64Array, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const index = order ? order[i] : 0;
    const key = low[i];
    const value = carried[i];
    let k = i - 1;
    // Strictly greater only: equal keys stay in input order (stability).
    while (k >= start && low[k] > key) {
      if (order) order[k + 1] = order[k];
      low[k + 1] = low[k];
      carried[k + 1] = carried[k];
      k--;
    }
    if (order) order[k + 1] = index;
    low[k + 1] = key;
    carried[k + 1] = value;
  }
}

function comparisonSortRun(order: Uint32Array | null, low: Uint32Array, carried: Float64Array, start: number, end: number): void {
  const positions = Array.from({ length: end - start }, (_, i) => start + i);
  // Positions within the run are in input order already, so comparing them keeps equal keys stable.
  positions.sort((a, b) => low[a] - low[b] || a - b);
  const runLow = positions.map((p) => low[p]);
  const runCarried = positions.map((p) => carried[p]);
  if (order) {
    const runOrder = positions.map((p) => order[p]);
    order.set(runOrder, start);
  }
  low.set(runLow, start);
  carried.set(runCarried, start);
}

function comparisonSort(keys: Float64Array, payload: Float64Array): SortedByKey {
  const indices = new Array<number>(keys.length);
  for (let i = 0; i < keys.length; i++) indices[i] = i;
  indices.sort((a, b) => keys[a] - keys[b] || a - b);
  const order = Uint32Array.from(indices);
  const sortedKeys = new Float64Array(order.length);
  const sortedPayload = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) {
    sortedKeys[k] = keys[order[k]] + 0;
    sortedPayload[k] = payload[order[k]];
  }
  return { order, sortedKeys, sortedPayload };
}

/** Where each bucket of one pass starts in the output: the running total of the pass's counts (from `base`). */
function bucketStarts(counts: Uint32Array, base: number, starts: Uint32Array): void {
  let position = 0;
  for (let b = 0; b < BUCKETS; b++) {
    starts[b] = position;
    position += counts[base + b];
  }
}
