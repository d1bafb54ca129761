import { WsfError } from "../core/WsfError";

/**
 * The error a row gets when its result depends on another row that has an error: a rank depends on every
 * school's rate, a pooled amount per child on every served school's children, a comparability average on
 * every school of the span. The row's own number would be silently wrong, so it is replaced by this
 * `#VALUE!`, which names the row to fix.
 *
 * Cost O(1).
 *
 * @example dependsOnRow("WSF.TITLEIRANK", "rank", 5).message // "WSF.TITLEIRANK: rank depends on row 5, which has an error (see that row)"
 */
export function dependsOnRow(fn: string, what: string, badRow: number): WsfError {
  return new WsfError("VALUE", `${fn}: ${what} depends on row ${badRow}, which has an error (see that row)`);
}
