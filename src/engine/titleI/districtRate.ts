import { CompensatedSum } from "../core/sum";
import { WsfError } from "../core/WsfError";
import { AreaCounts } from "./schoolRates";
import { RowOutcome } from "./RowOutcome";

/**
 * The district's poverty rate (domain.md section 6): all low-income children / all pupils enrolled, over
 * the areas given (a ratio of sums, not a mean of rates). Rows that are blank or in error are skipped: the
 * caller decides whether a skipped row makes the rate unusable.
 *
 * Cost O(n), compensated sums.
 *
 * @returns the rate, or NaN when no pupils are enrolled.
 * @example districtRate([{ lowIncome: 50, enrollment: 100, rate: 0.5 }, { lowIncome: 10, enrollment: 100, rate: 0.1 }]) // 0.3
 */
export function districtRate(areas: readonly RowOutcome<AreaCounts>[]): number {
  const li = new CompensatedSum();
  const enr = new CompensatedSum();
  for (const area of areas) {
    if (area === null || area instanceof WsfError) continue;
    li.add(area.lowIncome);
    enr.add(area.enrollment);
  }
  return enr.value > 0 ? li.value / enr.value : Number.NaN;
}
