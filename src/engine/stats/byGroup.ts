import { WeightedSample } from "../core/WeightedSample";
import { numError } from "../core/WsfError";
import { leaseFloat64, leaseUint32, release } from "./scratch";
import { sortByKeyInto } from "./sortByKey";
import { requireAligned } from "./requireAligned";
import { totalPupils } from "./totalPupils";

/** One poverty group of `byGroup`: its 1-based number (1 = lowest poverty), poverty span, pupils and mean value. */
export interface PovertyGroup {
  group: number;
  /** Smallest and largest poverty share among the units with pupils in the group. */
  minPoverty: number;
  maxPoverty: number;
  /** Pupils in the group: total pupils / groups, straddling schools split. */
  pupils: number;
  /** Pupil-weighted mean value over the group's pupils. */
  mean: number;
}

/** More groups than this is a mistake (it would only allocate memory); the catalogue's default is 10. */
const MAX_GROUPS = 1_000_000;

/**
 * Pupils grouped by poverty, convention of domain.md section 3: sort units by poverty share (ties in input
 * order), lay their pupils end to end, cut the line into `groups` equal pupil counts W / groups; a school that
 * straddles a cut is split by pupils, its pupils on each side counting in that group with the school's value.
 * Each group's mean = sum(pupils in group x value) / pupils in group. Units with 0 pupils belong to no group.
 * Cut points are compared with a relative tolerance of 1e-12 of W, so float rounding never leaves a sliver of a
 * school in the next group.
 *
 * Cost O(n) radix sort by poverty (O(n log n) at worst) + O(n + groups x log n).
 *
 * @throws WsfError NUM when groups is not an integer from 1 to 1,000,000; DIV0 when total pupils is 0;
 *   VALUE when poverty does not line up with the values.
 * @example byGroup(sampleOf([10, 20], [1, 1]), Float64Array.of(0.9, 0.1), 2)
 *   // [{ group: 1, minPoverty: 0.1, maxPoverty: 0.1, pupils: 1, mean: 20 }, { group: 2, ..., mean: 10 }]
 */
export function byGroup(s: WeightedSample, poverty: Float64Array, groups = 10, fn = "WSF.BYGROUP"): PovertyGroup[] {
  if (!(Number.isInteger(groups) && groups >= 1 && groups <= MAX_GROUPS)) {
    throw numError(fn, `groups is ${groups}, expected a whole number from 1 to ${MAX_GROUPS}`);
  }
  requireAligned(s, poverty, fn, "poverty");
  const total = totalPupils(s, fn);
  const { values } = s;
  // Pupils travel with the sort; values are read through the order (one random access per unit). The sorted
  // columns are scratch memory (`scratch.ts`), given back before returning.
  const n = values.length;
  const order = leaseUint32(n);
  const sortedPoverty = leaseFloat64(n);
  const sortedWeights = leaseFloat64(n);
  const ends = leaseFloat64(n); // every entry is written below
  try {
    sortByKeyInto(poverty, s.weights, sortedPoverty, sortedWeights, order);
    return groupsOf(values, order, sortedPoverty, sortedWeights, ends, groups, total);
  } finally {
    for (const a of [order, sortedPoverty, sortedWeights, ends]) release(a);
  }
}

function groupsOf(values: Float64Array, order: Uint32Array, sortedPoverty: Float64Array, sortedWeights: Float64Array, ends: Float64Array, groups: number, total: number): PovertyGroup[] {
  const n = order.length;
  // Where each unit ends on the line of pupils (compensated running total, so that with a million fractional
  // weights a school ending on a cut in exact arithmetic still ends on it within the tolerance).
  let running = 0;
  let runningError = 0;
  for (let k = 0; k < n; k++) {
    const w = sortedWeights[k];
    const next = running + w;
    runningError += Math.abs(running) >= w ? running - next + w : w - next + running;
    running = next;
    ends[k] = running + runningError;
  }
  const lineLength = ends[n - 1];
  const groupSize = lineLength / groups;
  const tolerance = total * 1e-12;

  // Each group is a separate tight loop over the units it overlaps (found by binary search), which keeps the
  // per-unit loop free of rarely taken branches (a group closing) that would deoptimise it on a million rows.
  const result: PovertyGroup[] = [];
  for (let g = 0; g < groups; g++) {
    const lower = g * groupSize;
    const upper = g === groups - 1 ? Infinity : (g + 1) * groupSize;
    const first = firstEndAbove(ends, lower + tolerance);
    const last = g === groups - 1 ? n - 1 : firstEndAbove(ends, upper - tolerance);
    let money = 0;
    let moneyError = 0;
    let pupils = 0;
    let minPoverty = NaN;
    let maxPoverty = NaN;
    for (let k = first; k <= last; k++) {
      const share = Math.min(ends[k], upper) - Math.max(k === 0 ? 0 : ends[k - 1], lower);
      if (!(share > tolerance)) continue;
      if (pupils === 0) minPoverty = sortedPoverty[k];
      maxPoverty = sortedPoverty[k];
      pupils += share;
      const amount = share * values[order[k]];
      const sum = money + amount;
      moneyError += Math.abs(money) >= Math.abs(amount) ? money - sum + amount : amount - sum + money;
      money = sum;
    }
    result.push(povertyGroup(g + 1, minPoverty, maxPoverty, pupils, money + moneyError));
  }
  return result;
}

/** The first k with ends[k] >= target (ends is non-decreasing); ends.length - 1 when none is. */
function firstEndAbove(ends: Float64Array, target: number): number {
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid] >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function povertyGroup(group: number, minPoverty: number, maxPoverty: number, pupils: number, money: number): PovertyGroup {
  return { group, minPoverty, maxPoverty, pupils, mean: money / pupils };
}
