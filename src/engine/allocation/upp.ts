import { CompensatedSum } from "../core/sum";
import { divZeroError, valueError } from "../core/WsfError";
import { requireNonNegativeEntries, requireSameRows } from "./inputChecks";

/**
 * Unduplicated pupil percentage (California LCFF): unduplicated English learners, low-income and foster
 * pupils over enrollment, as a ratio of sums, so that rows of several years (LCFF uses the current and two
 * prior years) combine as the law does: sum(unduplicated) / sum(enrollment), not the mean of yearly shares.
 * Returned as a ratio in 0..1 (0.7 for 70%).
 *
 * Cost O(n).
 *
 * @throws WsfError VALUE on mismatched lengths, negative or non-finite counts, or a row whose unduplicated
 *   count exceeds its enrollment (the ratio would pass 100%); DIV0 when total enrollment is 0.
 * @example upp([700, 720, 650], [1000, 1000, 1000]) // 0.69 = 2,070 / 3,000
 */
export function upp(unduplicated: ArrayLike<number>, enrollment: ArrayLike<number>, fn = "WSF.UPP"): number {
  requireSameRows(unduplicated.length, "unduplicated", enrollment.length, fn, "enrollment");
  requireNonNegativeEntries(unduplicated, fn, "unduplicated");
  requireNonNegativeEntries(enrollment, fn, "enrollment");
  const pupils = new CompensatedSum();
  const enrolled = new CompensatedSum();
  for (let i = 0; i < unduplicated.length; i++) {
    if (unduplicated[i] > enrollment[i]) {
      throw valueError({ fn, arg: "unduplicated", row: i + 1 }, `is ${unduplicated[i]}, more than the ${enrollment[i]} enrolled; a pupil percentage cannot pass 100%`);
    }
    pupils.add(unduplicated[i]);
    enrolled.add(enrollment[i]);
  }
  if (enrolled.value === 0) throw divZeroError(fn, "enrollment adds up to 0; the unduplicated pupil percentage needs pupils");
  return pupils.value / enrolled.value;
}
