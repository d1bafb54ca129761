/**
 * Request-size limits. Excel on the web rejects a request or a response above 5 MB ("Resource limits and
 * performance optimization for Office Add-ins", learn.microsoft.com), and Microsoft's advice is to split
 * such work and call `context.sync()` for each piece so the pieces are not batched together again.
 */
/** Excel on the web's payload limit per request and per response. */
export const EXCEL_WEB_PAYLOAD_LIMIT_BYTES = 5 * 1000 * 1000;
/** What one write request may carry in cell JSON: 1 MB below the limit for envelopes and formatting commands. */
export const WRITE_BUDGET_BYTES = 4 * 1000 * 1000;
/**
 * Cells (times loaded properties) one read may return. Excel's response JSON runs 10 to 40 bytes a cell
 * for numbers, school names and WSF formulas, so 100,000 cells stay well under 5 MB; a 10,000-school
 * table of 10 columns is one read.
 */
export const READ_CELL_BUDGET = 100_000;
