import { WeightedSample } from "../core/WeightedSample";
import { valueError } from "../core/WsfError";

/**
 * Checks that a column read alongside the sample (`factor`, `poverty`) has one number per unit of the sample.
 * `readSample`'s `extra` columns always do; this guards engine callers that build their own arrays.
 *
 * Cost O(1).
 *
 * @throws WsfError VALUE naming the argument when the lengths differ.
 * @example requireAligned(sampleOf([1, 2]), Float64Array.of(0.3, 0.5), "WSF.SLOPE", "factor") // passes
 */
export function requireAligned(s: WeightedSample, column: Float64Array, fn: string, arg: string): void {
  if (column.length !== s.values.length) {
    throw valueError({ fn, arg }, `has ${column.length} numbers but values has ${s.values.length}; they must line up row for row`);
  }
}
