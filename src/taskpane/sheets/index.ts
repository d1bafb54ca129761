/** Pure builders of the sheets and charts the task pane writes: parameters, allocation, equity, explain, charts. */
export { PARAMETERS_SHEET, ALLOCATION_SHEET, EQUITY_SHEET, CHARTS_SHEET, EXPLAIN_SHEET } from "./sheetNames";
export { parametersSheet } from "./parametersSheet";
export type { ParametersContext } from "./parametersSheet";
export type { ParameterCells, WeightRow, ConcentrationCells } from "./ParameterCells";
export { allocationSheet } from "./allocationSheet";
export type { AllocationCells } from "./AllocationCells";
export { equitySheet } from "./equitySheet";
export { explainBlock } from "./explainBlock";
export type { ExplainLayout } from "./explainBlock";
export { explainSheet } from "./explainSheet";
export { chartsSheet } from "./chartsSheet";
export { tableGeometry } from "./tableGeometry";
export type { TableGeometry } from "./tableGeometry";
