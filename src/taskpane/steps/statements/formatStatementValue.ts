import type { CellValue } from "../../../workbook/WorkbookPort";

const whole = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const cents = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const weight = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 4 });

/**
 * Shows a statement cell as the sheet's number formats do (statementsSheet): column B pupils (#,##0.##),
 * C weight (0.00##), D rate ($ and cents), E amount (whole dollars, negatives with a minus); text as is;
 * an error value as its code, so a preview never hides one.
 *
 * @example formatStatementValue(1234567.4, 4) // "$1,234,567"
 */
export function formatStatementValue(value: CellValue, column: number): string {
  if (value === null || value === "") return "";
  if (typeof value !== "number") return String(value);
  if (column === 1) return count.format(value);
  if (column === 2) return weight.format(value);
  if (column === 3) return cents.format(value);
  if (column === 4) return whole.format(value);
  return String(value);
}
