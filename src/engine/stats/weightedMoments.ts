import { CompensatedSum } from "../core/sum";

/** Pupil-weighted means, population variances and covariance of two columns (each divided by total pupils). */
export interface WeightedMoments {
  meanX: number;
  meanY: number;
  varianceX: number;
  varianceY: number;
  covariance: number;
  /** True when x has no variance beyond rounding (all x equal, up to a relative 1e-14 of the mean). */
  constantX: boolean;
  /** True when y has no variance beyond rounding. */
  constantY: boolean;
}

/**
 * A column of equal numbers can come out with a variance of 1e-26 rather than 0, because its weighted mean is
 * rounded; a spread below 64 ulps of the mean is treated as none, so correlation and slope give #DIV/0!, not noise.
 */
const NO_SPREAD = 64 * Number.EPSILON;

/**
 * Weighted first and second moments of (x, y) with weights w and total weight `total` (> 0):
 * means sum w x / W, then centred sums sum w (x - mean)^2 / W etc. in a second pass, which keeps
 * dollar-sized values from cancelling the way the one-pass sum w x^2 - W mean^2 would. Compensated sums.
 * The base of weighted Pearson correlation and weighted least-squares slopes.
 *
 * Cost O(n), two passes.
 *
 * @throws nothing; the caller checks `total > 0` and decides what a constant column means.
 * @example weightedMoments(Float64Array.of(1, 3), Float64Array.of(2, 6), Float64Array.of(1, 1), 2).covariance // 2
 */
export function weightedMoments(x: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number>, total: number): WeightedMoments {
  const h = held;
  if (h && h.x === x && h.y === y && h.w === w) {
    if (h.moments === null || h.total !== total) {
      h.moments = computeMoments(x, y, w, total);
      h.total = total;
    }
    return { ...h.moments };
  }
  return computeMoments(x, y, w, total);
}

/** The moments of one (x, y, w) kept while an EQUITYTABLE call holds them (`holdWeightedMoments`). */
let held: { x: ArrayLike<number>; y: ArrayLike<number>; w: ArrayLike<number>; total: number; moments: WeightedMoments | null } | null = null;

/**
 * For EQUITYTABLE, whose correlation and slope take the same moments of the values and poverty: until the
 * returned function is called, `weightedMoments` of these very arrays (and total) is computed once and then
 * answered from memory, bit for bit the same. The arrays must not change while held.
 *
 * Cost O(1).
 *
 * @throws nothing.
 * @example const done = holdWeightedMoments(s.values, poverty, s.weights); try { correlation(s, poverty); slope(s, poverty); } finally { done(); }
 */
export function holdWeightedMoments(x: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number>): () => void {
  const previous = held;
  held = { x, y, w, total: NaN, moments: null };
  const mine = held;
  return () => {
    if (held === mine) held = previous;
  };
}

function computeMoments(x: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number>, total: number): WeightedMoments {
  // One function per pass, each compiled whole by V8, results through an array (see sortByKey.ts).
  const sums = new Float64Array(3);
  weightedSums(x, y, w, sums);
  const meanX = sums[0] / total;
  const meanY = sums[1] / total;
  centredSums(x, y, w, meanX, meanY, sums);
  const [sxx, syy, sxy] = sums;
  const varianceX = sxx / total;
  const varianceY = syy / total;
  return {
    meanX,
    meanY,
    varianceX,
    varianceY,
    covariance: sxy / total,
    constantX: Math.sqrt(varianceX) <= NO_SPREAD * Math.abs(meanX),
    constantY: Math.sqrt(varianceY) <= NO_SPREAD * Math.abs(meanY),
  };
}

/** sum w x and sum w y over the units with weight, compensated, into out[0] and out[1]. */
function weightedSums(x: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number>, out: Float64Array): void {
  const sumX = new CompensatedSum();
  const sumY = new CompensatedSum();
  for (let i = 0; i < w.length; i++) {
    if (w[i] === 0) continue;
    sumX.add(w[i] * x[i]);
    sumY.add(w[i] * y[i]);
  }
  out[0] = sumX.value;
  out[1] = sumY.value;
}

/** sum w (x - mean x)^2, sum w (y - mean y)^2 and sum w (x - mean x)(y - mean y), compensated, into out[0..2]. */
function centredSums(x: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number>, meanX: number, meanY: number, out: Float64Array): void {
  const xx = new CompensatedSum();
  const yy = new CompensatedSum();
  const xy = new CompensatedSum();
  for (let i = 0; i < w.length; i++) {
    if (w[i] === 0) continue;
    const dx = x[i] - meanX;
    const dy = y[i] - meanY;
    xx.add(w[i] * dx * dx);
    yy.add(w[i] * dy * dy);
    xy.add(w[i] * dx * dy);
  }
  out[0] = xx.value;
  out[1] = yy.value;
  out[2] = xy.value;
}
