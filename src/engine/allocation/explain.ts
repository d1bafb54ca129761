import { CompensatedSum } from "../core/sum";
import { valueError } from "../core/WsfError";
import { requireFiniteScalar, requireNonNegativeEntries } from "./inputChecks";

/** One line of a school's "show the math" table (Boston's budget summary layout). */
export interface ExplainLine {
  label: string;
  count: number;
  weight: number;
  /** Dollars per pupil in this category: weight x base. */
  rate: number;
  /** weight x base x count, unrounded. */
  amount: number;
}

/**
 * "Show the math" for one school: one line per category (label, count, weight, rate = weight x base,
 * amount = weight x base x count) and a final "Total" line (count = sum of counts, weight = weighted pupils /
 * count, rate = amount / count, amount = sum of amounts; weight and rate are 0 when the count is 0).
 * Nothing is rounded: a published line is round(weight x base x count), not the rounded rate times the
 * count (Boston FY16: 1.80 x 4,028.47 x 80 = 580,099.68 -> 580,100, while 7,251 x 80 = 580,080).
 * Labels default to "Category 1", "Category 2", ...
 *
 * Cost O(k) for k categories.
 *
 * @throws WsfError VALUE when weights or labels do not have one entry per count, when a count or weight
 *   is negative or not a number (naming its position), or when base is negative or not a number.
 * @example explain([80], [1.8], 4028.47, ["K0-K1"])
 *   // [{ label: "K0-K1", count: 80, weight: 1.8, rate: 7251.246, amount: 580099.68 },
 *   //  { label: "Total", count: 80, weight: 1.8, rate: 7251.246, amount: 580099.68 }]
 */
export function explain(
  counts: ArrayLike<number>,
  weights: ArrayLike<number>,
  base: number,
  labels: string[] | null = null,
  fn = "WSF.EXPLAIN",
): ExplainLine[] {
  const k = counts.length;
  if (weights.length !== k) {
    throw valueError({ fn, arg: "weights" }, `has ${weights.length} weights but countsRow has ${k} counts; give one weight per count`);
  }
  if (labels !== null && labels !== undefined && labels.length !== k) {
    throw valueError({ fn, arg: "labels" }, `has ${labels.length} labels but countsRow has ${k} counts; give one label per count`);
  }
  requireNonNegativeEntries(counts, fn, "countsRow");
  requireNonNegativeEntries(weights, fn, "weights");
  requireFiniteScalar(base, fn, "base", true);

  const lines: ExplainLine[] = [];
  const totalCount = new CompensatedSum();
  const totalWeighted = new CompensatedSum();
  const totalAmount = new CompensatedSum();
  for (let c = 0; c < k; c++) {
    const count = counts[c];
    const weight = weights[c];
    const rate = weight * base;
    const amount = rate * count;
    lines.push({ label: labels ? labels[c] : `Category ${c + 1}`, count, weight, rate, amount });
    totalCount.add(count);
    totalWeighted.add(weight * count);
    totalAmount.add(amount);
  }
  const count = totalCount.value;
  const amount = totalAmount.value;
  lines.push({
    label: "Total",
    count,
    weight: count === 0 ? 0 : totalWeighted.value / count,
    rate: count === 0 ? 0 : amount / count,
    amount,
  });
  return lines;
}
