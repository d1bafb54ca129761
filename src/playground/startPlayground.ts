import "./customFunctionsShim";
import { catalogue } from "../functions/catalogue";
import { eightSchoolDistrict } from "../engine/sample/eightSchoolDistrict";
import { generateSampleDistrict } from "../engine/sample/generateSampleDistrict";
import type { SampleTable } from "../engine/sample/SampleTable";
import { HyperFormulaWorkbook } from "../workbook/local/HyperFormulaWorkbook";
import type { CellValue } from "../workbook/WorkbookPort";
import { registerWsfFunctions, type FunctionsMetadata } from "./wsfFunctions";

interface Helper {
  name: string;
  format: string;
  formula: (row: number) => string;
}

/*
 * The helper columns of samples/sample-district.xlsx (src/cli/sampleWorkbook.ts), so the training exercises'
 * formulas (Schools!R2:R851 is Unrestricted per pupil, S Total per pupil, T FRL share) work the same here.
 */
const SCHOOL_HELPERS: Helper[] = [
  { name: "Unrestricted per pupil", format: "$#,##0", formula: (r) => `=P${r}/E${r}` },
  { name: "Total per pupil", format: "$#,##0", formula: (r) => `=(P${r}+Q${r})/E${r}` },
  { name: "FRL share", format: "0.0%", formula: (r) => `=J${r}/E${r}` },
];

const EIGHT_HELPERS: Helper[] = [
  { name: "Unrestricted per pupil", format: "$#,##0", formula: (r) => `=D${r}/B${r}` },
  { name: "Total per pupil", format: "$#,##0", formula: (r) => `=(D${r}+E${r})/B${r}` },
  { name: "Total per weighted pupil", format: "$#,##0", formula: (r) => `=(D${r}+E${r})/F${r}` },
];

async function insertTable(workbook: HyperFormulaWorkbook, sheet: string, tableName: string, sample: SampleTable, helpers: Helper[], activate: boolean): Promise<void> {
  const headers = [...sample.headers, ...helpers.map((h) => h.name)];
  const values: CellValue[][] = [headers, ...sample.rows.map((row, i) => [...row, ...helpers.map((h) => h.formula(i + 2))])];
  await workbook.writeSheet({
    name: sheet,
    blocks: [{ row: 0, column: 0, values, headerRow: true, numberFormats: [...sample.headers.map(() => null), ...helpers.map((h) => h.format)] }],
    table: { name: tableName, row: 0, column: 0, rows: values.length, columns: headers.length },
    columnWidths: headers.map((h) => Math.max(10, Math.min(28, h.length + 2))),
    activate,
  });
}

/**
 * Builds the playground's workbook: registers the WSF functions from Excel's metadata, then inserts the sample
 * district as the sheet and table "Schools" (and the eight schools of worked example E5 as "Eight schools"),
 * with the helper columns of the sample workbook, so the page opens ready for the training exercises.
 */
export async function startPlayground(metadata: FunctionsMetadata, options: { schools?: number } = {}): Promise<HyperFormulaWorkbook> {
  registerWsfFunctions(catalogue, metadata);
  const workbook = new HyperFormulaWorkbook();
  await insertTable(workbook, "Schools", "Schools", generateSampleDistrict({ schools: options.schools }), SCHOOL_HELPERS, true);
  await insertTable(workbook, "Eight schools", "EightSchools", eightSchoolDistrict(), EIGHT_HELPERS, false);
  workbook.activate("Schools");
  return workbook;
}
