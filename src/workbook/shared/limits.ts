/**
 * Request-size limits. Excel on the web rejects a request or a response above 5 MB ("Resource limits and
 * performance optimization for Office Add-ins", learn.microsoft.com; excel-behaviour.md item 12), and
 * Microsoft's advice is to split such work and call `context.sync()` for each piece so the pieces are not
 * batched together again. The limit counts bytes of JSON, not cells: a formula naming a long sheet
 * (`'WSF Allocation (values)'!$D$2:$D$20001`) is 50 bytes and more, a number 20.
 */
/** Excel on the web's payload limit per request and per response. */
export const EXCEL_WEB_PAYLOAD_LIMIT_BYTES = 5 * 1000 * 1000;
/** What one write request may carry in commands: 1 MB below the limit, for the envelope Office.js adds. */
export const WRITE_BUDGET_BYTES = 4 * 1000 * 1000;
/** What one read may bring back, estimated as below: 1 MB below the limit, for the envelope and the estimate's error. */
export const READ_BUDGET_BYTES = 4 * 1000 * 1000;

/**
 * Estimated response bytes of one cell of a loaded property, before the read (Excel cannot say how long
 * a cell's text is without sending it):
 * - `values`: a number is at most 24 bytes of JSON with its comma (`-1.2345678901234567e+300,`); text
 *   is allowed 40 bytes (a school name, a spilled label);
 * - `formulas`: 24 bytes of function names, operators and addresses, plus two sheet references of
 *   `longestSheetName` bytes with their quotes and "!" (the task pane's per-row formulas name a sheet
 *   twice, e.g. `=IF(ISBLANK(Schools!$H2),"",Schools!$H2)`, 43 bytes with its JSON quotes and comma);
 * - `numberFormat`: 16 bytes (`"$#,##0.00",`).
 * A read that turns out larger than its estimate is retried in halves (see OfficeWorkbook.readBlocks).
 *
 * Cost O(1).
 *
 * @example estimatedCellBytes("formulas", 31) // 24 + 2 * (31 + 3) = 92
 */
export function estimatedCellBytes(property: "values" | "formulas" | "numberFormat", longestSheetName: number): number {
  if (property === "values") return 40;
  if (property === "numberFormat") return 16;
  return 24 + 2 * (longestSheetName + 3);
}
