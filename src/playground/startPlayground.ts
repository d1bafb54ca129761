import "./customFunctionsShim";
import { catalogue } from "../functions/catalogue";
import { generateSampleDistrict } from "../engine/sample/generateSampleDistrict";
import { insertSampleDistrict } from "../taskpane/steps/table/insertSampleDistrict";
import { HyperFormulaWorkbook } from "../workbook/local/HyperFormulaWorkbook";
import { registerWsfFunctions, type FunctionsMetadata } from "./wsfFunctions";

/**
 * Builds the playground's workbook: registers the WSF functions from Excel's metadata, then inserts the
 * sample district as the sheet and table "Schools", exactly as the task pane's "insert sample district"
 * would, so the page opens ready for the exercises.
 */
export async function startPlayground(metadata: FunctionsMetadata, options: { schools?: number } = {}): Promise<HyperFormulaWorkbook> {
  registerWsfFunctions(catalogue, metadata);
  const workbook = new HyperFormulaWorkbook();
  await insertSampleDistrict(workbook, generateSampleDistrict({ schools: options.schools }));
  return workbook;
}
