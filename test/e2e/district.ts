import { generateSampleDistrict } from "../../src/engine/sample/generateSampleDistrict";

/**
 * The playground's Schools table as node sees it, for checking the page against the engine: the generator's
 * 850 schools (the page uses the same seed) plus the three helper columns the playground adds (R Unrestricted
 * per pupil = P/E, S Total per pupil = (P+Q)/E, T FRL share = J/E), computed here independently, then the
 * comparability columns the generator puts after them (U Instructional staff FTE, V State/local salaries).
 */
export function schoolsTable(): { headers: string[]; rows: (string | number)[][] } {
  const sample = generateSampleDistrict();
  const column = (name: string) => sample.headers.indexOf(name);
  const enrollment = column("Enrollment");
  const unrestricted = column("Unrestricted spending");
  const restricted = column("Restricted spending");
  const frl = column("Low income (FRL)");
  return {
    headers: [...sample.headers, "Unrestricted per pupil", "Total per pupil", "FRL share", ...(sample.after?.headers ?? [])],
    rows: sample.rows.map((row, i) => {
      const n = row[enrollment] as number;
      const u = row[unrestricted] as number;
      const r = row[restricted] as number;
      return [...row, u / n, (u + r) / n, (row[frl] as number) / n, ...(sample.after?.rows[i] ?? [])];
    }),
  };
}

/** One numeric column of the table. */
export function columnOf(table: { headers: string[]; rows: (string | number)[][] }, header: string): number[] {
  const index = table.headers.indexOf(header);
  if (index < 0) throw new Error(`no column ${header}`);
  return table.rows.map((row) => row[index] as number);
}
