import type { SampleTable } from "../../../engine/sample/SampleTable";
import { sampleSheetRows, type HelperColumn } from "../../../engine/sample/helperColumns";
import type { WorkbookPort } from "../../../workbook/WorkbookPort";

/** Sheet and table name of the inserted sample; the table step selects it afterwards by this name. */
export const SAMPLE_SHEET = "Schools";

/**
 * Writes a sample district as the add-in's own sheet "Schools" holding an Excel table "Schools", so a
 * trainer can start without data, with the per-pupil helper columns of samples/sample-district.xlsx (the
 * training guide's formulas read them). The port refuses (NOT_OWNED) when a person's own sheet has that
 * name, and (EDITED_BY_HAND) when an earlier sample was edited, so nothing a person typed is lost.
 */
export async function insertSampleDistrict(port: WorkbookPort, district: SampleTable, helpers: readonly HelperColumn[] = []): Promise<void> {
  const values = sampleSheetRows(district, helpers);
  const headers = values[0] as string[];
  await port.writeSheet({
    name: SAMPLE_SHEET,
    blocks: [{ row: 0, column: 0, values, headerRow: true, numberFormats: [...district.headers.map(() => null), ...helpers.map((h) => h.format)] }],
    table: { name: SAMPLE_SHEET, row: 0, column: 0, rows: values.length, columns: headers.length },
    columnWidths: headers.map((h) => Math.max(10, Math.min(28, h.length + 2))),
    activate: true,
  });
}
