import { WeightedSample } from "../core/WeightedSample";
import { WsfError } from "../core/WsfError";
import { requirePositive } from "./requirePositive";
import { leaseFloat64, release } from "./scratch";

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
  const logs = logsInto(s, fn, new Float64Array(s.values.length));
  cache.set(s, logs);
  return logs;
}

/**
 * For EQUITYTABLE: takes the logarithms into scratch memory (`scratch.ts`) and lets `logValues` and
 * `cachedLogValues` answer from them until the returned function is called, which forgets them and gives the
 * memory back. When a value with pupils is <= 0 nothing is held (each statistic then finds and reports that row
 * itself, as without the hold); nothing is held either when the sample has its own cached logs.
 *
 * Cost O(n).
 *
 * @throws RangeError when the memory cannot be had.
 * @example const done = holdLogValues(s, fn); try { sdLogs(s, fn); } finally { done(); }
 */
export function holdLogValues(s: WeightedSample, fn: string): () => void {
  if (cache.has(s)) return () => {};
  const logs = leaseFloat64(s.values.length);
  try {
    cache.set(s, logsInto(s, fn, logs));
  } catch (error) {
    release(logs);
    if (error instanceof WsfError) return () => {};
    throw error;
  }
  return () => {
    cache.delete(s);
    release(logs);
  };
}

function logsInto(s: WeightedSample, fn: string, logs: Float64Array): Float64Array {
  const { values, weights, rows } = s;
  for (let i = 0; i < values.length; i++) {
    // 0 for a unit without pupils, written (scratch memory holds garbage).
    logs[i] = weights[i] === 0 ? 0 : Math.log(requirePositive(values[i], fn, "values", rows[i]));
  }
  return logs;
}

/** The logs of `logValues` when they have been taken already for this sample, else null. */
export function cachedLogValues(s: WeightedSample): Float64Array | null {
  return cache.get(s) ?? null;
}
