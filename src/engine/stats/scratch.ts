/**
 * Scratch memory for working columns: typed arrays leased for the length of a computation and given back,
 * reused from call to call. At a million rows every fresh typed array counts towards V8's external-memory
 * trigger for a full garbage collection, which must then mark every cell array of the Excel-shaped input (three
 * million small arrays for EQUITYTABLE); leasing the same memory again keeps those collections away.
 *
 * Rules: a leased array is never returned to a caller and never kept after `release`; its contents are garbage on
 * entry (write every entry you read). Two leases held at the same time never share memory, so statistics that
 * hold leases can call each other. Release in a `finally`.
 *
 * The pool keeps at most as many buffers as were ever held at once, each as large as the largest request it
 * served (EQUITYTABLE at a million rows: about 56 MB, kept for the next call).
 */
const free: ArrayBuffer[] = [];
const leased = new Set<ArrayBuffer>();

function leaseBytes(bytes: number): ArrayBuffer {
  // Best fit: the smallest free buffer that is large enough.
  let best = -1;
  let largest = -1;
  for (let i = 0; i < free.length; i++) {
    const size = free[i].byteLength;
    if (size >= bytes && (best < 0 || size < free[best].byteLength)) best = i;
    if (largest < 0 || size > free[largest].byteLength) largest = i;
  }
  let buffer: ArrayBuffer;
  if (best >= 0) {
    buffer = free[best];
    free.splice(best, 1);
  } else {
    // None is large enough: the largest free one is replaced by a new one (the pool does not grow in count).
    if (largest >= 0) free.splice(largest, 1);
    buffer = new ArrayBuffer(Math.max(bytes, 8));
  }
  leased.add(buffer);
  return buffer;
}

/**
 * A scratch array of `length` doubles, held until `release`.
 *
 * Cost O(pool size), or O(length) when no free buffer is large enough.
 *
 * @throws RangeError when the memory cannot be had.
 * @example const ends = leaseFloat64(n); try { ... } finally { release(ends); }
 */
export function leaseFloat64(length: number): Float64Array {
  return new Float64Array(leaseBytes(8 * length), 0, length);
}

/** A scratch array of `length` unsigned 32-bit integers, held until `release` (see `leaseFloat64`). */
export function leaseUint32(length: number): Uint32Array {
  return new Uint32Array(leaseBytes(4 * length), 0, length);
}

/**
 * Gives a leased array's memory back to the pool. Releasing an array that is not leased (twice, or one that was
 * never leased) does nothing.
 */
export function release(array: Float64Array | Uint32Array): void {
  const buffer = array.buffer as ArrayBuffer;
  if (!leased.delete(buffer)) return;
  free.push(buffer);
}
