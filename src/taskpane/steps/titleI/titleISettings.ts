import { RESERVATION_KEYS, type TitleISettings } from "../../../engine/scenario/TitleISettings";
import type { CellValue } from "../../../workbook/WorkbookPort";
import { TITLE_I_FIRST_ROW, type TitleIChoices } from "../../sheets/titleISheet";
import type { TitleIColumns } from "./suggestTitleIColumns";

const text = (cell: CellValue | undefined): string => (cell === null || cell === undefined ? "" : String(cell).trim());

/**
 * The Title I step's choices as a scenario keeps them (`TitleISettings`): columns by header, skipped schools
 * by data row and by the text of the id column (when one is mapped), so the choices fit any table with
 * those headers and follow a school through a re-sorted table.
 *
 * Cost O(k) for k skipped schools.
 *
 * @example settingsFromChoices(headers, rows, columns, choices, { tolerance: 0.1, smallSchool: null }).columns.lowIncome // "Free and reduced lunch"
 */
export function settingsFromChoices(headers: readonly string[], rows: readonly CellValue[][], columns: TitleIColumns, choices: TitleIChoices, comparability: TitleISettings["comparability"]): TitleISettings {
  const header = (k: number | null): string | null => (k === null ? null : String(headers[k]));
  return {
    columns: {
      lowIncome: String(headers[choices.lowIncome]),
      enrollment: String(headers[choices.enrollment]),
      gradeSpan: header(columns.gradeSpan),
      privateSchool: header(columns.privateSchool),
      staff: header(columns.staff),
      salaries: header(columns.salaries),
    },
    method: choices.method,
    districtAllocation: choices.districtAllocation,
    reservations: { ...choices.reservations },
    allocation: choices.allocation ?? { mode: "pool" },
    skipped: Object.entries(choices.skipped).map(([row, reason]) => ({ row: Number(row), school: choices.id !== null ? text(rows[Number(row) - 1]?.[choices.id]) || null : null, reason })),
    comparability: { ...comparability },
  };
}

/**
 * Where stored Title I settings land in a table: each header's column (exact, then ignoring case and
 * spacing), and each skipped school's data row, found by its id in the id column when both are known, else
 * the stored row. Returns what could not be found, by field, so the caller can say so.
 *
 * Cost O(h x c + n) for h headers, c columns named and n rows.
 *
 * @example placeSettings(settings, ["School", "FRL", "Enrollment"], rows, 0).columns.lowIncome // 1
 */
export function placeSettings(
  settings: TitleISettings,
  headers: readonly string[],
  rows: readonly CellValue[][],
  idColumn: number | null,
): { columns: TitleIColumns; skipped: Record<number, string>; missing: string[] } {
  const loose = (h: string) => h.trim().toLowerCase().replace(/\s+/g, " ");
  const missing: string[] = [];
  const find = (key: keyof TitleIColumns): number | null => {
    const h = settings.columns[key];
    if (h === null) return null;
    let k = headers.indexOf(h);
    if (k < 0) k = headers.findIndex((x) => loose(String(x)) === loose(h));
    if (k < 0) missing.push(`column "${h}" (${key})`);
    return k < 0 ? null : k;
  };
  const columns: TitleIColumns = { lowIncome: find("lowIncome"), enrollment: find("enrollment"), gradeSpan: find("gradeSpan"), privateSchool: find("privateSchool"), staff: find("staff"), salaries: find("salaries") };
  const skipped: Record<number, string> = {};
  for (const s of settings.skipped) {
    let row = s.row;
    if (s.school !== null && idColumn !== null) {
      const at = rows.findIndex((r) => text(r[idColumn]) === s.school);
      if (at < 0) {
        missing.push(`skipped school "${s.school}"`);
        continue;
      }
      row = at + 1;
    } else if (row > rows.length) {
      missing.push(`skipped row ${row}`);
      continue;
    }
    skipped[row] = s.reason;
  }
  return { columns, skipped, missing };
}

/**
 * The parameter cells of the "WSF Title I" sheet read back over the settings it was written from (a person
 * may have changed the method, the allocation, a reservation, the amount per child or a skip reason there
 * since): what the sheet says wins where it holds a usable value; anything else keeps the applied value.
 * `comparability` is the "WSF Comparability" sheet's values (tolerance B3, exempt size B4), or null.
 *
 * Cost O(n) for n school rows.
 *
 * @example readTitleISheet(values, null, settings).districtAllocation // the number in B4
 */
export function readTitleISheet(values: readonly CellValue[][], comparability: readonly CellValue[][] | null, settings: TitleISettings): TitleISettings {
  const at = (r: number, c: number): CellValue => values[r]?.[c] ?? null;
  const dollars = (r: number, fallback: number): number => {
    const x = at(r, 1);
    return typeof x === "number" && Number.isFinite(x) && x >= 0 ? x : fallback;
  };
  const method = at(2, 1);
  const reservations = { ...settings.reservations };
  RESERVATION_KEYS.forEach((k, i) => (reservations[k] = dollars(5 + i, reservations[k])));
  const perChildCell = at(16, 1);
  const allocation: TitleISettings["allocation"] =
    settings.allocation.mode === "perchild" && typeof perChildCell === "number" && Number.isFinite(perChildCell) && perChildCell >= 0 ? { mode: "perchild", perChild: perChildCell } : settings.allocation;
  // Skip reasons: column J of each school row (the pane writes them; a person may add or clear one).
  const byRow = new Map(settings.skipped.map((s) => [s.row, s]));
  const skipped: TitleISettings["skipped"] = [];
  for (let r = TITLE_I_FIRST_ROW; r < values.length; r++) {
    const id = at(r, 0);
    if (typeof id === "string" && id === "Total") break;
    const reason = text(at(r, 9));
    const row = r - TITLE_I_FIRST_ROW + 1;
    // The sheet's rows are the table's rows: a reason added there is for that row (its id is not needed).
    if (reason !== "") skipped.push({ row, school: byRow.get(row)?.school ?? null, reason });
  }
  const tolerance = comparability?.[2]?.[1];
  const small = comparability?.[3]?.[1];
  return {
    ...settings,
    method: method === "district" || method === "35" || method === "span" ? method : settings.method,
    districtAllocation: dollars(3, settings.districtAllocation),
    reservations,
    allocation,
    skipped: values.length > TITLE_I_FIRST_ROW ? skipped : settings.skipped,
    comparability: {
      tolerance: typeof tolerance === "number" && tolerance >= 0 && tolerance <= 1 ? tolerance : settings.comparability.tolerance,
      smallSchool: comparability === null ? settings.comparability.smallSchool : typeof small === "number" && small > 0 ? small : null,
    },
  };
}
