import { WeightedSample } from "../core/WeightedSample";
import { requirePositive } from "./requirePositive";

const cache = new WeakMap<WeightedSample, Float64Array>();

/**
 * ln(value) of every unit with pupils (0 for a unit without pupils, which no statistic reads), shared by the
 * log-based statistics of one (read-only) sample, so EQUITYTABLE takes each logarithm once.
 *
 * Cost O(n) the first time, O(1) after.
 *
 * @throws WsfError NUM naming `fn` and the row of the first value <= 0 among units with pupils (nothing is cached then).
 * @example logValues(sampleOf([1, Math.E], [1, 1]), "WSF.SDLOGS") // Float64Array [0, 1]
 */
export function logValues(s: WeightedSample, fn: string): Float64Array {
  const cached = cache.get(s);
  if (cached) return cached;
  const { values, weights, rows } = s;
  const logs = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    if (weights[i] === 0) continue;
    logs[i] = Math.log(requirePositive(values[i], fn, "values", rows[i]));
  }
  cache.set(s, logs);
  return logs;
}

/** The logs of `logValues` when they have been taken already for this sample, else null. */
export function cachedLogValues(s: WeightedSample): Float64Array | null {
  return cache.get(s) ?? null;
}
