/** The sheets the task pane owns and rewrites (design.md: it never writes a cell it did not create). */
export const PARAMETERS_SHEET = "WSF Parameters";
export const ALLOCATION_SHEET = "WSF Allocation";
export const EQUITY_SHEET = "WSF Equity";
export const CHARTS_SHEET = "WSF Charts";
export const EXPLAIN_SHEET = "WSF Explain";
export const TRANSITION_SHEET = "WSF Transition";
export const STATEMENTS_SHEET = "WSF Statements";
