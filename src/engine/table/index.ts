export type { ColumnMapping, ColumnRole, SingleColumnRole } from "./ColumnMapping";
export { NEED_COUNT_ROLES } from "./ColumnMapping";
export type { School, DataProblem } from "./School";
export type { GradeBand } from "./parseGradeBand";
export { normalizeHeader } from "./normalizeHeader";
export { parseGradeBand } from "./parseGradeBand";
export { suggestMapping } from "./suggestMapping";
export { readSchools } from "./readSchools";
export type { ReadSchoolsResult } from "./readSchools";
