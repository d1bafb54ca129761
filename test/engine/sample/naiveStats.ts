/**
 * Deliberately plain, independent implementations of the statistics in domain.md section 3, written
 * straight from the definitions (O(n^2) Gini by pairs, bisection for the base) so the sample tests and
 * the figures of docs/training.md do not rest on the engine they are meant to check. Each is checked
 * against the published E5 figures in eightSchoolDistrict.test.ts before it is trusted elsewhere.
 */

export function total(xs: readonly number[]): number {
  // Money totals of 850 schools stay far below 2^53 cents, so a plain sum is exact enough here.
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/** Pupil-weighted mean: sum w x / sum w. */
export function weightedMean(x: readonly number[], w: readonly number[]): number {
  let sw = 0;
  let swx = 0;
  for (let i = 0; i < x.length; i++) {
    sw += w[i];
    swx += w[i] * x[i];
  }
  return swx / sw;
}

/** Population CV: sqrt(sum w (x - mu)^2 / sum w) / mu. */
export function weightedCv(x: readonly number[], w: readonly number[]): number {
  const mu = weightedMean(x, w);
  let sw = 0;
  let ss = 0;
  for (let i = 0; i < x.length; i++) {
    sw += w[i];
    ss += w[i] * (x[i] - mu) ** 2;
  }
  return Math.sqrt(ss / sw) / mu;
}

/** Gini by its pair definition: sum_i sum_j w_i w_j |x_i - x_j| / (2 W^2 mu). */
export function weightedGini(x: readonly number[], w: readonly number[]): number {
  const mu = weightedMean(x, w);
  const bigW = total(w);
  let s = 0;
  for (let i = 0; i < x.length; i++) for (let j = 0; j < x.length; j++) s += w[i] * w[j] * Math.abs(x[i] - x[j]);
  return s / (2 * bigW * bigW * mu);
}

/** Impact Aid percentile: the value of the first unit (by value) whose cumulative pupils reach p x total. */
export function percentile(x: readonly number[], w: readonly number[], p: number): number {
  const order = x.map((_, i) => i).sort((a, b) => x[a] - x[b]);
  const target = p * total(w);
  let cumulative = 0;
  for (const i of order) {
    cumulative += w[i];
    if (cumulative >= target) return x[i];
  }
  return x[order[order.length - 1]];
}

/** McLoone "below": sum over x < M of w x / (M x sum over x < M of w), M the Impact Aid median. */
export function mcLooneBelow(x: readonly number[], w: readonly number[]): number {
  const median = percentile(x, w, 0.5);
  let sw = 0;
  let swx = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] < median) {
      sw += w[i];
      swx += w[i] * x[i];
    }
  }
  return sw === 0 ? 1 : swx / (median * sw);
}

/** Weighted least squares of y on f: slope, intercept and Pearson r. */
export function weightedFit(y: readonly number[], f: readonly number[], w: readonly number[]): { slope: number; intercept: number; r: number } {
  const my = weightedMean(y, w);
  const mf = weightedMean(f, w);
  let sff = 0;
  let sfy = 0;
  let syy = 0;
  for (let i = 0; i < y.length; i++) {
    sff += w[i] * (f[i] - mf) ** 2;
    sfy += w[i] * (f[i] - mf) * (y[i] - my);
    syy += w[i] * (y[i] - my) ** 2;
  }
  const slope = sfy / sff;
  return { slope, intercept: my - slope * mf, r: sfy / Math.sqrt(sff * syy) };
}

/** "Low" / "Typical" / "High" against the weighted fit of x on poverty, +-band of the fitted value. */
export function expenditureLevels(x: readonly number[], poverty: readonly number[], w: readonly number[], band = 0.1): string[] {
  const { slope, intercept } = weightedFit(x, poverty, w);
  return x.map((xi, i) => {
    const fitted = intercept + slope * poverty[i];
    if (xi < (1 - band) * fitted) return "Low";
    if (xi > (1 + band) * fitted) return "High";
    return "Typical";
  });
}

/**
 * Progressivity convention: schools sorted by poverty (ties in input order), pupils laid end to end and
 * cut into `groups` equal pupil counts, a school straddling a cut split by pupils. Returns each group's
 * pupil-weighted mean of x, lowest poverty first.
 */
export function groupMeans(x: readonly number[], poverty: readonly number[], w: readonly number[], groups: number): number[] {
  const order = x.map((_, i) => i).sort((a, b) => poverty[a] - poverty[b] || a - b);
  const size = total(w) / groups;
  const pupils = new Array<number>(groups).fill(0);
  const money = new Array<number>(groups).fill(0);
  let start = 0;
  for (const i of order) {
    let left = w[i];
    let at = start;
    while (left > 1e-12) {
      const g = Math.min(groups - 1, Math.floor(at / size + 1e-12));
      const room = g === groups - 1 ? left : Math.min(left, (g + 1) * size - at);
      pupils[g] += room;
      money[g] += room * x[i];
      left -= room;
      at += room;
    }
    start += w[i];
  }
  return money.map((m, g) => m / pupils[g]);
}

/**
 * Share of all money held by the lowest-spending whole schools that together hold at most `pupilShare` of
 * the pupils, schools ordered by x (a school that would cross the share is left out).
 */
export function lorenzAt(x: readonly number[], w: readonly number[], pupilShare: number): number {
  const order = x.map((_, i) => i).sort((a, b) => x[a] - x[b]);
  const allPupils = total(w);
  const allMoney = total(x.map((xi, i) => xi * w[i]));
  let pupils = 0;
  let money = 0;
  for (const i of order) {
    if ((pupils + w[i]) / allPupils > pupilShare) break;
    pupils += w[i];
    money += w[i] * x[i];
  }
  return money / allMoney;
}

/** Sum over schools of clamp(base x wp, prior x (1 - maxLoss), +infinity): the cost of a base. */
export function protectedTotal(base: number, wp: readonly number[], prior: readonly number[], maxLoss: number): number {
  let s = 0;
  for (let i = 0; i < wp.length; i++) s += Math.max(base * wp[i], prior[i] * (1 - maxLoss));
  return s;
}

/** The base whose protected allocations spend exactly `pool`, by bisection (the total rises with base). */
export function solveProtectedBase(pool: number, wp: readonly number[], prior: readonly number[], maxLoss: number): number {
  let low = 0;
  let high = pool / Math.min(...wp.filter((v) => v > 0));
  for (let k = 0; k < 200; k++) {
    const mid = (low + high) / 2;
    if (protectedTotal(mid, wp, prior, maxLoss) < pool) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
