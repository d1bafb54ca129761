import "./customFunctionsShim";
import { catalogue } from "../functions/catalogue";
import { eightSchoolDistrict } from "../engine/sample/eightSchoolDistrict";
import { generateSampleDistrict } from "../engine/sample/generateSampleDistrict";
import { EIGHT_HELPERS, HelperColumn, SCHOOL_HELPERS, sampleSheetRows } from "../engine/sample/helperColumns";
import type { SampleTable } from "../engine/sample/SampleTable";
import { HyperFormulaWorkbook } from "../workbook/local/HyperFormulaWorkbook";
import type { CellValue, SheetSpec } from "../workbook/WorkbookPort";
import { registerWsfFunctions, type FunctionsMetadata } from "./wsfFunctions";

/** A sample table as the sheet the add-in writes, with the helper columns of samples/sample-district.xlsx, so the training formulas work the same here. */
function tableSheet(sheet: string, tableName: string, sample: SampleTable, helpers: readonly HelperColumn[], activate: boolean): SheetSpec {
  const values: CellValue[][] = sampleSheetRows(sample, helpers);
  const headers = values[0] as string[];
  return {
    name: sheet,
    blocks: [{ row: 0, column: 0, values, headerRow: true, numberFormats: [...sample.headers.map(() => null), ...helpers.map((h) => h.format)] }],
    table: { name: tableName, row: 0, column: 0, rows: values.length, columns: headers.length },
    columnWidths: headers.map((h) => Math.max(10, Math.min(28, h.length + 2))),
    activate,
  };
}

/**
 * Builds the playground's workbook: registers the WSF functions from Excel's metadata, then inserts the sample
 * district as the sheet and table "Schools" (and the eight schools of worked example E5 as "Eight schools"),
 * with the helper columns of the sample workbook, so the page opens ready for the training exercises.
 */
export async function startPlayground(metadata: FunctionsMetadata, options: { schools?: number } = {}): Promise<HyperFormulaWorkbook> {
  registerWsfFunctions(catalogue, metadata);
  return sampleWorkbook(options);
}

/** The sample district workbook (the WSF functions must be registered already, see `registerPlaygroundFunctions`). */
export async function sampleWorkbook(options: { schools?: number } = {}): Promise<HyperFormulaWorkbook> {
  const district = generateSampleDistrict({ schools: options.schools });
  // For `npm run bench`: the generator's share of the load (the rest is HyperFormula taking the cells).
  if (typeof performance !== "undefined" && typeof performance.mark === "function") performance.mark("wsf:sample-generated");
  // Both sheets in one HyperFormula build, as the add-in would write them (owned, tables, looks).
  const workbook = HyperFormulaWorkbook.build([
    tableSheet("Schools", "Schools", district, SCHOOL_HELPERS, true),
    tableSheet("Eight schools", "EightSchools", eightSchoolDistrict(), EIGHT_HELPERS, false),
  ]);
  workbook.activate("Schools");
  return workbook;
}

/** Registers the WSF functions in HyperFormula from Excel's metadata (functions.json); once per page. */
export function registerPlaygroundFunctions(metadata: FunctionsMetadata): void {
  registerWsfFunctions(catalogue, metadata);
}
