export type { SampleTable } from "./SampleTable";
export type { SampleDistrictOptions } from "./generateSampleDistrict";
export { generateSampleDistrict } from "./generateSampleDistrict";
export { sampleTitleIColumns } from "./sampleTitleIColumns";
export { eightSchoolDistrict } from "./eightSchoolDistrict";
export { mulberry32 } from "./mulberry32";
export type { HelperColumn } from "./helperColumns";
export { EIGHT_HELPERS, SCHOOL_HELPERS, sampleSheetRows } from "./helperColumns";
