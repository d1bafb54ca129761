import { WeightedSample } from "../core/WeightedSample";
import { divZeroError } from "../core/WsfError";
import { requireAligned } from "./requireAligned";
import { cachedLogValues } from "./logValues";
import { requirePositive } from "./requirePositive";
import { leaseFloat64, release } from "./scratch";
import { totalPupils } from "./totalPupils";
import { weightedMoments } from "./weightedMoments";

/**
 * Elasticity: the pupil-weighted least-squares slope of ln(values) on ln(factor),
 * cov_w(ln x, ln f) / var_w(ln f): the percent change in dollars per pupil for a 1% change in the factor
 * (wealth neutrality benchmarks ask for 0.10 or less). Units with 0 pupils contribute nothing (and are not checked).
 *
 * Cost O(n).
 *
 * @throws WsfError NUM when a unit with pupils has a value or a factor <= 0; DIV0 when the factor has no
 *   variance or total pupils is 0; VALUE when factor does not line up with the values.
 * @example elasticity(sampleOf([100, 200]), Float64Array.of(1, 4)) // ln 2 / ln 4 = 0.5
 */
export function elasticity(s: WeightedSample, factor: Float64Array, fn = "WSF.ELASTICITY"): number {
  requireAligned(s, factor, fn, "factor");
  const total = totalPupils(s, fn);
  const { values, weights, rows } = s;
  const n = values.length;
  const logFactor = leaseFloat64(n);
  try {
    // The values' logarithms, when SDLOGS (or an earlier call) took them for this sample: every value with
    // pupils is then known to be > 0, so only the factor is checked, in row order as before.
    // Each loop in a function of its own, compiled whole by V8 (see sortByKey.ts).
    let logValues = cachedLogValues(s);
    if (logValues) logFactorsInto(factor, weights, rows, fn, logFactor);
    else {
      logValues = new Float64Array(n);
      logsOfBothInto(values, factor, weights, rows, fn, logValues, logFactor);
    }
    const m = weightedMoments(logValues, logFactor, weights, total);
    if (m.constantY) throw divZeroError(fn, "every pupil has the same factor, so the elasticity is undefined");
    return m.covariance / m.varianceY;
  } finally {
    release(logFactor);
  }
}

/**
 * ln(factor) of every unit with pupils into `logFactor` (0 for a unit without pupils, as a fresh array would hold:
 * scratch holds garbage). The values' logarithms are known already, so every value with pupils is > 0: only the
 * factor is checked, in row order.
 */
function logFactorsInto(factor: Float64Array, weights: Float64Array, rows: Uint32Array, fn: string, logFactor: Float64Array): void {
  for (let i = 0; i < factor.length; i++) {
    logFactor[i] = weights[i] === 0 ? 0 : Math.log(requirePositive(factor[i], fn, "factor", rows[i]));
  }
}

/** ln(value) and ln(factor) of every unit with pupils, each checked in row order (value first). */
function logsOfBothInto(values: Float64Array, factor: Float64Array, weights: Float64Array, rows: Uint32Array, fn: string, logValues: Float64Array, logFactor: Float64Array): void {
  for (let i = 0; i < values.length; i++) {
    if (weights[i] === 0) {
      logFactor[i] = 0;
      continue;
    }
    logValues[i] = Math.log(requirePositive(values[i], fn, "values", rows[i]));
    logFactor[i] = Math.log(requirePositive(factor[i], fn, "factor", rows[i]));
  }
}
