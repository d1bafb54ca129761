import { sum } from "../core/sum";
import type { School } from "../table";

/**
 * The pool a district usually starts from: last year's total, the sum of every school's prior-year
 * allocation (compensated sum). Null when any school has no prior amount, since a partial sum would
 * quietly shrink the pool.
 *
 * Cost O(n).
 *
 * @throws nothing.
 * @example priorYearPool([{ prior: 4_000_000, ... }, { prior: 2_500_000, ... }]) // 6500000
 */
export function priorYearPool(schools: readonly School[]): number | null {
  if (schools.length === 0 || schools.some((s) => s.prior === null)) return null;
  return sum(schools.map((s) => s.prior as number));
}
