import { WeightedSample } from "../core/WeightedSample";
import { keepShape } from "../core/keepShape";
import { divZeroError, numError } from "../core/WsfError";
import { byGroup } from "./byGroup";
import { requireAligned } from "./requireAligned";
import { leaseFloat64, leaseUint32, release } from "./scratch";
import { totalPupils } from "./totalPupils";

/**
 * Progressivity = mean value of the highest-poverty group / mean value of the lowest-poverty group, with the
 * poverty groups of `byGroup` (domain.md section 3 convention: units sorted by poverty share, ties in input
 * order, pupils laid end to end and cut into `groups` equal pupil counts, a straddling school split by pupils,
 * each group's mean weighted by its pupils). Above 1: high-poverty pupils get more per pupil.
 *
 * Only the first and the last group matter, so the units are not sorted: a histogram of poverty (`bucketCount`
 * equal-width buckets between the smallest and the largest share, pupils summed per bucket) finds the bucket
 * each of the two cuts falls in; every unit of a bucket wholly inside a group counts with all its pupils, and only
 * the units of the two cut buckets are sorted (by poverty, ties in input order) and walked to split the
 * straddling school, as `byGroup` does. When a cut bucket holds many units (poverty shares bunched together)
 * the whole sample is sorted by `byGroup` instead. The means agree with `byGroup`'s to rounding (its running
 * pupil totals follow the sort, these the buckets; the cuts are found with the same tolerance).
 *
 * Cost O(n) in three passes over the units (plus sorting the cut buckets' units, typically a few dozen);
 * O(n) radix sort by poverty when the shares are bunched (O(n log n) at worst).
 *
 * @throws WsfError NUM when groups is not an integer >= 2; DIV0 when the lowest group's mean is 0 or total
 *   pupils is 0; VALUE when poverty does not line up with the values.
 * @example progressivity(sampleOf([100, 100, 150, 150]), Float64Array.of(0.1, 0.2, 0.7, 0.8), 2) // 1.5
 */
export function progressivity(s: WeightedSample, poverty: Float64Array, groups = 4, fn = "WSF.PROGRESSIVITY"): number {
  if (!(Number.isInteger(groups) && groups >= 2)) throw numError(fn, `groups is ${groups}, expected a whole number >= 2`);
  requireAligned(s, poverty, fn, "poverty");
  const total = totalPupils(s, fn);
  const ends = outerGroupMeans(s, poverty, groups, total);
  let lowest: number;
  let highest: number;
  if (ends) {
    [lowest, highest] = ends;
  } else {
    const table = byGroup(s, poverty, groups, fn);
    lowest = table[0].mean;
    highest = table[table.length - 1].mean;
  }
  if (lowest === 0) throw divZeroError(fn, "the lowest-poverty group's mean is 0, so the ratio is undefined");
  return highest / lowest;
}

/**
 * Histogram size: about one bucket per unit (the next power of two), between 256 and 65,536 buckets (512 KB of
 * pupil totals plus 256 KB of counts, in scratch memory). The passes over the buckets then cost no more than
 * the passes over the units: at 10,000 schools a fixed 65,536 buckets were most of the statistic's time, and
 * a weight edit computes it four times (the equity sheet and the dashboard, per pupil and per weighted pupil).
 */
function bucketCount(units: number): number {
  let buckets = 1 << 8;
  while (buckets < units && buckets < 1 << 16) buckets <<= 1;
  return buckets;
}

/** Above this many units in the cut buckets, sorting everything (`byGroup`) is the cheaper way. */
const MAX_CUT_UNITS = 4096;

/**
 * [lowest group's mean, highest group's mean], or null when the shares are too bunched for the histogram
 * (the caller then sorts).
 */
function outerGroupMeans(s: WeightedSample, poverty: Float64Array, groups: number, total: number): [number, number] | null {
  const { values, weights } = s;
  // One function per pass over the units, each compiled whole by V8 (see sortByKey.ts).
  // Results of the passes come back through arrays, not literals (see sortByKey.ts).
  const found = new Float64Array(4);
  povertyRange(poverty, found);
  const minPoverty = found[0];
  const maxPoverty = found[1];
  // One share for everybody: the groups follow input order alone.
  if (!(maxPoverty > minPoverty) || !Number.isFinite(maxPoverty - minPoverty)) return null;
  // floor((f - min) * scale) never decreases as f grows (rounding is monotonic), so buckets follow poverty order.
  const buckets = bucketCount(poverty.length);
  const scale = (buckets - 1) / (maxPoverty - minPoverty);
  // Shares a few denormals apart overflow the scale (0 x Infinity would be a NaN bucket): sort instead.
  if (!Number.isFinite(scale)) return null;
  const bucketPupils = leaseFloat64(buckets);
  const bucketUnits = leaseUint32(buckets);
  try {
    histogram(poverty, weights, minPoverty, scale, bucketPupils, bucketUnits);
    // The line of pupils, as byGroup lays it: the same length and cuts, compensated running totals per bucket.
    const groupSize = compensatedTotal(bucketPupils) / groups;
    const tolerance = total * 1e-12;
    const lowUpper = groupSize;
    const highLower = (groups - 1) * groupSize;
    if (!findCuts(bucketPupils, lowUpper - tolerance, highLower + tolerance, found)) return null;
    const [lowCut, lowCutStart, highCut, highCutStart] = found;
    const cutUnits = bucketUnits[lowCut] + (highCut === lowCut ? 0 : bucketUnits[highCut]);
    if (cutUnits > MAX_CUT_UNITS) return null;

    // Units wholly inside the outer groups, and the units of the two cut buckets set aside.
    const low = new GroupSum();
    const high = new GroupSum();
    const lowCutIndex = new Uint32Array(bucketUnits[lowCut]);
    const highCutIndex = highCut === lowCut ? lowCutIndex : new Uint32Array(bucketUnits[highCut]);
    sumOuterUnits(poverty, weights, values, minPoverty, scale, lowCut, highCut, tolerance, low, high, lowCutIndex, highCutIndex);
    walkCutBucket(lowCutIndex, poverty, weights, values, lowCutStart, 0, lowUpper, tolerance, low);
    walkCutBucket(highCutIndex, poverty, weights, values, highCutStart, highLower, Infinity, tolerance, high);
    return [low.mean(), high.mean()];
  } finally {
    release(bucketPupils);
    release(bucketUnits);
  }
}

/** The smallest and the largest share, into range[0] and range[1]. */
function povertyRange(poverty: Float64Array, range: Float64Array): void {
  let minPoverty = Infinity;
  let maxPoverty = -Infinity;
  for (let i = 0; i < poverty.length; i++) {
    const f = poverty[i];
    if (f < minPoverty) minPoverty = f;
    if (f > maxPoverty) maxPoverty = f;
  }
  range[0] = minPoverty;
  range[1] = maxPoverty;
}

/** Pupils and units per bucket (the arrays are zeroed here: scratch memory holds garbage). */
function histogram(poverty: Float64Array, weights: Float64Array, minPoverty: number, scale: number, bucketPupils: Float64Array, bucketUnits: Uint32Array): void {
  bucketPupils.fill(0);
  bucketUnits.fill(0);
  for (let i = 0; i < poverty.length; i++) {
    const b = Math.floor((poverty[i] - minPoverty) * scale);
    bucketPupils[b] += weights[i];
    bucketUnits[b]++;
  }
}

/** Neumaier's compensated sum of the buckets' pupils. */
function compensatedTotal(bucketPupils: Float64Array): number {
  let line = 0;
  let lineError = 0;
  for (let b = 0; b < bucketPupils.length; b++) {
    const w = bucketPupils[b];
    const t = line + w;
    lineError += Math.abs(line) >= Math.abs(w) ? line - t + w : w - t + line;
    line = t;
  }
  return line + lineError;
}

/**
 * lowCut: the first bucket whose running total reaches `lowReach` (units before it end inside the lowest group,
 * units after it start past it). highCut: the last bucket starting at or before `highStart` (units after it
 * start inside the highest group, units before it end before it). Into cuts: lowCut, where it starts on the line,
 * highCut, where it starts; false when a cut is not found.
 */
function findCuts(bucketPupils: Float64Array, lowReach: number, highStart: number, cuts: Float64Array): boolean {
  let lowCut = -1;
  let highCut = -1;
  let lowCutStart = 0;
  let highCutStart = 0;
  let line = 0;
  let lineError = 0;
  for (let b = 0; b < bucketPupils.length; b++) {
    const before = line + lineError;
    if (before <= highStart) {
      highCut = b;
      highCutStart = before;
    }
    const w = bucketPupils[b];
    const t = line + w;
    lineError += Math.abs(line) >= Math.abs(w) ? line - t + w : w - t + line;
    line = t;
    if (lowCut < 0 && line + lineError >= lowReach) {
      lowCut = b;
      lowCutStart = before;
    }
  }
  cuts[0] = lowCut;
  cuts[1] = lowCutStart;
  cuts[2] = highCut;
  cuts[3] = highCutStart;
  return lowCut >= 0 && highCut >= 0;
}

/** Adds the units of buckets wholly inside the outer groups to them; lists the cut buckets' units in input order. */
function sumOuterUnits(
  poverty: Float64Array,
  weights: Float64Array,
  values: Float64Array,
  minPoverty: number,
  scale: number,
  lowCut: number,
  highCut: number,
  tolerance: number,
  low: GroupSum,
  high: GroupSum,
  lowCutIndex: Uint32Array,
  highCutIndex: Uint32Array,
): void {
  let lowCount = 0;
  let highCount = 0;
  for (let i = 0; i < poverty.length; i++) {
    const b = Math.floor((poverty[i] - minPoverty) * scale);
    const w = weights[i];
    if (b < lowCut) {
      if (w > tolerance) low.add(w, values[i]);
    } else if (b === lowCut) {
      lowCutIndex[lowCount++] = i;
      if (b === highCut) highCount++;
      continue;
    }
    if (b > highCut) {
      if (w > tolerance) high.add(w, values[i]);
    } else if (b === highCut) highCutIndex[highCount++] = i;
  }
}

/**
 * Sorts a cut bucket's units by poverty (ties in input order: the indices are in input order already) and
 * adds each one's share of [lower, upper] on the line of pupils, starting at `start`, as `byGroup` does.
 */
function walkCutBucket(
  units: Uint32Array,
  poverty: Float64Array,
  weights: Float64Array,
  values: Float64Array,
  start: number,
  lower: number,
  upper: number,
  tolerance: number,
  group: GroupSum,
): void {
  const order = Array.from(units).sort((a, b) => poverty[a] - poverty[b] || a - b);
  let running = start;
  let runningError = 0;
  for (const i of order) {
    const w = weights[i];
    const before = running + runningError;
    const next = running + w;
    runningError += Math.abs(running) >= w ? running - next + w : w - next + running;
    running = next;
    const share = Math.min(running + runningError, upper) - Math.max(before, lower);
    if (share > tolerance) group.add(share, values[i]);
  }
}

/** Pupils and compensated money of one group. */
class GroupSum {
  private pupils = 0;
  private money = 0;
  private moneyError = 0;

  add(share: number, value: number): void {
    this.pupils += share;
    const amount = share * value;
    const sum = this.money + amount;
    this.moneyError += Math.abs(this.money) >= Math.abs(amount) ? this.money - sum + amount : amount - sum + this.money;
    this.money = sum;
  }

  mean(): number {
    return (this.money + this.moneyError) / this.pupils;
  }
}

// Kept alive so that its hidden class, and the code V8 optimised for it, outlive garbage collections (keepShape.ts).
keepShape(new GroupSum()).add(0.5, 0.5);
