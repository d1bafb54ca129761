import type { School } from "../../../engine/table/School";
import type { CellValue } from "../../../workbook/WorkbookPort";
import type { StatementSettings } from "../../sheets/statementsSheet";
import { parseDraftNumber } from "../formula/parseDraftNumber";
import type { StatementsDraft } from "./StatementsDraft";

/** Field messages by key: districtName, fiscalYear, teacherCost, schoolRow, filterColumn, filterValue. */
export type StatementsErrors = Record<string, string>;

/** A cell as the filter compares it: text trimmed, numbers as written. */
export function filterText(cell: CellValue | undefined): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

/**
 * Reads the statements form: the district's name and the fiscal year must be given; the average cost of a
 * teacher position must be a number of dollars above 0 ("0" or text get a message); the schools chosen
 * are all schools read from the table, the one picked, or those whose filter column holds the filter value.
 * `settings` is null while any field has a message, so nothing is written.
 *
 * @example readStatementsDraft({ ...draft, teacherCost: "0" }, schools, rows).errors.teacherCost // "Enter the average cost of a teacher position: dollars above 0."
 */
export function readStatementsDraft(draft: StatementsDraft, schools: School[], rows: CellValue[][]): { settings: StatementSettings | null; schoolRows: number[]; errors: StatementsErrors } {
  const errors: StatementsErrors = {};
  const districtName = draft.districtName.trim();
  const fiscalYear = draft.fiscalYear.trim();
  if (districtName === "") errors.districtName = "Enter the district's name; it heads every statement.";
  if (fiscalYear === "") errors.fiscalYear = "Enter the fiscal year, e.g. 2026-27.";
  const cost = parseDraftNumber(draft.teacherCost);
  if (cost === null) errors.teacherCost = "Enter the average cost of a teacher position (salary and benefits) in dollars.";
  else if (Number.isNaN(cost)) errors.teacherCost = `"${draft.teacherCost.trim()}" is not a number; enter the dollars of salary and benefits, e.g. 98,500.`;
  else if (cost <= 0) errors.teacherCost = "Enter the average cost of a teacher position: dollars above 0.";

  let schoolRows: number[] = [];
  if (draft.scope === "all") schoolRows = schools.map((s) => s.row);
  else if (draft.scope === "one") {
    const row = Number(draft.schoolRow);
    if (!schools.some((s) => s.row === row)) errors.schoolRow = "Choose the school.";
    else schoolRows = [row];
  } else {
    const column = draft.filterColumn === "" ? -1 : Number(draft.filterColumn);
    if (column < 0) errors.filterColumn = "Choose the column to filter on.";
    else if (draft.filterValue === "") errors.filterValue = "Choose the value the schools must have.";
    else {
      schoolRows = schools.filter((s) => filterText(rows[s.row - 1]?.[column]) === draft.filterValue).map((s) => s.row);
      if (schoolRows.length === 0) errors.filterValue = "No school has that value; choose another.";
    }
  }
  if (schools.length === 0) errors.scope = "No schools were read from the table; fix the problems listed in step 2.";
  if (Object.keys(errors).length > 0) return { settings: null, schoolRows, errors };
  return { settings: { districtName, fiscalYear, teacherCost: cost as number }, schoolRows, errors };
}
