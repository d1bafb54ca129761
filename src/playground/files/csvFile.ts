import { parse } from "csv-parse/browser/esm/sync";
import type { RawCellContent } from "hyperformula";
import { parseTypedInput } from "../../workbook/local/HyperFormulaWorkbook";
import type { FileProblem, OpenedWorkbook } from "./xlsxFile";

/** Excel's longest sheet name, and the characters a sheet name cannot hold. */
const SHEET_NAME_MAX = 31;

/** A sheet name from a file name: "Schools 2025.csv" -> "Schools 2025" (Excel's limits applied). */
export function sheetNameFromFile(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, "").replace(/[\\/?*[\]:]/g, " ").replace(/^'+|'+$/g, "").trim();
  return (base || "Sheet1").slice(0, SHEET_NAME_MAX);
}

/**
 * Reads a .csv file into one sheet named after the file. Cells are read as a person's typing would be: a
 * number (with $, thousands separators or %), TRUE/FALSE, or text; a cell starting with "=" stays text
 * (a csv carries data, not formulas). A row with more or fewer cells than the header row is kept whole
 * and named as a problem, as is a quotation mark the parser cannot close.
 */
export function csvToWorkbook(text: string, fileName: string): OpenedWorkbook {
  const sheet = sheetNameFromFile(fileName);
  const problems: FileProblem[] = [];
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    problems.push({ sheet, row: e.lines ?? null, message: `The file cannot be read as CSV: ${e.message ?? String(error)}` });
    return { sheets: [], meta: {}, problems, cachedResults: [] };
  }
  while (records.length > 0 && records[records.length - 1].every((cell) => cell.trim() === "")) records.pop();
  const width = records[0]?.length ?? 0;
  const cells: RawCellContent[][] = records.map((record, r) => {
    if (r > 0 && record.length !== width && !record.every((cell) => cell.trim() === "")) {
      problems.push({ sheet, row: r + 1, message: `Row ${r + 1} has ${record.length} cells where the header row has ${width}: a comma inside a value that is not in quotation marks shifts the columns. Check the row in the file.` });
    }
    return record.map((cell) => (cell.trim().startsWith("=") ? `'${cell}` : parseTypedInput(cell)));
  });
  return { sheets: [{ name: sheet, cells }], meta: { active: sheet }, problems, cachedResults: [] };
}
