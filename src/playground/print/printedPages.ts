import type { PrintSetup } from "../../workbook/WorkbookPort";

/**
 * The pages a print setup makes, as Excel prints them: the print area cut at each manual page break
 * (0-based first and last sheet rows of each page). Breaks outside the area are ignored.
 *
 * @example printedPages({ area: { row: 0, rows: 30, ... }, pageBreaks: [10, 20], ... }) // [{ firstRow: 0, lastRow: 9 }, { 10, 19 }, { 20, 29 }]
 */
export function printedPages(print: PrintSetup): { firstRow: number; lastRow: number }[] {
  const end = print.area.row + print.area.rows - 1;
  const starts = [print.area.row, ...print.pageBreaks.filter((r) => r > print.area.row && r <= end)].sort((a, b) => a - b);
  return starts.map((first, i) => ({ firstRow: first, lastRow: i + 1 < starts.length ? starts[i + 1] - 1 : end }));
}

/** Excel's header and footer codes for the page number (&P) and the number of pages (&N). */
export function headerFooterText(text: string, page: number, pages: number): string {
  return text.replace(/&P/g, String(page)).replace(/&N/g, String(pages)).replace(/&A/g, "WSF Statements");
}
