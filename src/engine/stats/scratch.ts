let float64 = new Float64Array(0);

/**
 * A scratch array of `length` doubles, reused from call to call, for working columns a statistic fills and
 * drops before it returns (never returned, never cached, never held across a call to another statistic that
 * takes scratch). At a million rows every fresh typed array counts towards V8's external-memory trigger for a
 * full garbage collection, which must then mark every cell array of the Excel-shaped input; reusing the same
 * memory keeps EQUITYTABLE's collections few. Its contents are garbage on entry: write every entry you read.
 *
 * Cost O(1), or O(length) when it must grow.
 *
 * @throws RangeError when the memory cannot be had.
 * @example const ends = scratchFloat64(n); // then set ends[0..n-1] before reading them
 */
export function scratchFloat64(length: number): Float64Array {
  if (float64.length < length) float64 = new Float64Array(length);
  return float64.subarray(0, length);
}
