/** Which schools get a statement. */
export type StatementScope = "all" | "one" | "filter";

/** The statements step's form, as typed. */
export interface StatementsDraft {
  scope: StatementScope;
  /** 1-based data row of the one school (scope "one"), as text for the select. */
  schoolRow: string;
  /** Header index of the filter column, as text ("" none), and the value schools must have in it. */
  filterColumn: string;
  filterValue: string;
  districtName: string;
  fiscalYear: string;
  teacherCost: string;
}

export function defaultStatementsDraft(): StatementsDraft {
  return { scope: "all", schoolRow: "", filterColumn: "", filterValue: "", districtName: "", fiscalYear: "", teacherCost: "" };
}
