import { SampleTable } from "./SampleTable";

/**
 * A per-pupil column computed beside a sample table by an ordinary formula. The WSF statistics take one
 * value column and one pupil column, never a quotient of two ranges, so the training exercises need
 * "dollars per pupil" as cells of their own.
 */
export interface HelperColumn {
  name: string;
  /** Excel number format of the column. */
  format: string;
  /** The formula of 1-based sheet row `row`, without the leading "=". */
  formula: (row: number) => string;
}

/**
 * Helper columns of the generated district, after its 17 data columns (A..Q): R unrestricted per pupil,
 * S total per pupil, T FRL share. The training guide's formulas (Schools!R2:R851 ...) rely on these letters.
 */
export const SCHOOL_HELPERS: readonly HelperColumn[] = [
  { name: "Unrestricted per pupil", format: "$#,##0", formula: (r) => `P${r}/E${r}` },
  { name: "Total per pupil", format: "$#,##0", formula: (r) => `(P${r}+Q${r})/E${r}` },
  { name: "FRL share", format: "0.0%", formula: (r) => `J${r}/E${r}` },
];

/** Helper columns of the E5 eight-school table, after its 6 data columns (A..F). */
export const EIGHT_HELPERS: readonly HelperColumn[] = [
  { name: "Unrestricted per pupil", format: "$#,##0", formula: (r) => `D${r}/B${r}` },
  { name: "Total per pupil", format: "$#,##0", formula: (r) => `(D${r}+E${r})/B${r}` },
  { name: "Total per weighted pupil", format: "$#,##0", formula: (r) => `(D${r}+E${r})/F${r}` },
];

/**
 * The sheet of a sample table with its helper columns, as written to a workbook: the header row, then one
 * row per school whose helper cells are formulas ("=P2/E2"), for a table whose header sits in row 1; the
 * sample's `after` columns (staff FTE, salaries) follow the helpers, so no earlier column letter moves.
 *
 * Cost O(rows x columns).
 *
 * @example sampleSheetRows(eightSchoolDistrict(), EIGHT_HELPERS)[1].slice(-1) // ["=(D2+E2)/F2"]
 */
export function sampleSheetRows(sample: SampleTable, helpers: readonly HelperColumn[]): (string | number)[][] {
  const after = sample.after ?? { headers: [], rows: [] };
  return [
    [...sample.headers, ...helpers.map((h) => h.name), ...after.headers],
    ...sample.rows.map((row, i) => [...row, ...helpers.map((h) => `=${h.formula(i + 2)}`), ...(after.rows[i] ?? [])]),
  ];
}
