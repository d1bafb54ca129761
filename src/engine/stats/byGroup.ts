import { WeightedSample } from "../core/WeightedSample";
import { numError } from "../core/WsfError";
import { ascendingOrder } from "./ascendingOrder";
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
 * Cost O(n) radix sort by poverty (O(n log n) at worst) + O(n + groups).
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
  const groupSize = total / groups;
  const tolerance = total * 1e-12;
  const money = new Float64Array(groups);
  // Neumaier compensation per group: group money is a money sum over many schools.
  const moneyError = new Float64Array(groups);
  const pupils = new Float64Array(groups);
  const minPoverty = new Float64Array(groups).fill(Infinity);
  const maxPoverty = new Float64Array(groups).fill(-Infinity);
  const add = (g: number, unit: number, share: number): void => {
    const amount = share * s.values[unit];
    const before = money[g];
    const after = before + amount;
    moneyError[g] += Math.abs(before) >= Math.abs(amount) ? before - after + amount : amount - after + before;
    money[g] = after;
    pupils[g] += share;
    const f = poverty[unit];
    if (f < minPoverty[g]) minPoverty[g] = f;
    if (f > maxPoverty[g]) maxPoverty[g] = f;
  };

  const order = ascendingOrder(poverty);
  let group = 0;
  let start = 0;
  for (let k = 0; k < order.length; k++) {
    const unit = order[k];
    const w = s.weights[unit];
    if (w === 0) continue;
    const end = start + w;
    let from = start;
    for (;;) {
      const cut = group === groups - 1 ? Infinity : (group + 1) * groupSize;
      if (end <= cut + tolerance) {
        add(group, unit, end - from);
        if (end >= cut - tolerance) group++;
        break;
      }
      add(group, unit, cut - from);
      from = cut;
      group++;
    }
    start = end;
  }

  const result: PovertyGroup[] = [];
  for (let g = 0; g < groups; g++) {
    result.push({ group: g + 1, minPoverty: minPoverty[g], maxPoverty: maxPoverty[g], pupils: pupils[g], mean: (money[g] + moneyError[g]) / pupils[g] });
  }
  return result;
}
