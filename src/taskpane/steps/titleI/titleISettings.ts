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

/** What the Title I sheets say now, read over the choices they were written from; `problems` names each cell the sheets' formulas cannot use. */
export interface TitleISheetReadBack {
  settings: TitleISettings;
  problems: string[];
}

/**
 * The parameter cells of the "WSF Title I" sheet read back over the settings it was written from (a person
 * may have changed the method, the allocation, a reservation, the amount per child or a skip reason there
 * since): what the sheet says wins. A cell the sheet's formulas cannot use is a problem naming it (never an
 * old value kept in silence, which would show a figure the sheet no longer has):
 * - the ranking method (B3) is district, 35 or span; the district allocation (B4) a number of 0 or more;
 * - a reservation (B6:B10) a number of 0 or more, or blank, which the pool's SUM reads as 0;
 * - in the per-child mode, the dollars per low-income child (B17) a number above 0;
 * - on "WSF Comparability" (`comparability`, or null when it was not written): the tolerance (B3) a share
 *   from 0 to 1, the exempt size (B4) 0 or blank (none exempt) or a number of pupils above 0.
 * Where a cell is a problem the settings keep the applied value, so the result is never half read.
 *
 * Cost O(n) for n school rows.
 *
 * @example readTitleISheet(values, null, settings).settings.districtAllocation // the number in B4
 */
export function readTitleISheet(values: readonly CellValue[][], comparability: readonly CellValue[][] | null, settings: TitleISettings): TitleISheetReadBack {
  const problems: string[] = [];
  const at = (r: number, c: number): CellValue => values[r]?.[c] ?? null;
  const said = (v: CellValue): string => (v === null || v === "" ? "blank" : typeof v === "string" ? JSON.stringify(v) : String(v));
  const number = (cell: CellValue, where: string, what: string, ok: (x: number) => boolean, fallback: number, blank?: number): number => {
    if (blank !== undefined && (cell === null || cell === "")) return blank;
    if (typeof cell === "number" && Number.isFinite(cell) && ok(cell)) return cell;
    problems.push(`${where} is ${said(cell)}: enter ${what}.`);
    return fallback;
  };
  const method = at(2, 1);
  let chosenMethod = settings.method;
  if (method === "district" || method === "35" || method === "span") chosenMethod = method;
  else problems.push(`WSF Title I!B3 is ${said(method)}: enter the ranking method district, 35 or span.`);
  const districtAllocation = number(at(3, 1), "WSF Title I!B4", "the district's Title I allocation in dollars (0 or more)", (x) => x >= 0, settings.districtAllocation);
  const reservations = { ...settings.reservations };
  RESERVATION_KEYS.forEach((k, i) => (reservations[k] = number(at(5 + i, 1), `WSF Title I!B${6 + i}`, "the reserved dollars (0 or more), or leave it blank for none", (x) => x >= 0, reservations[k], 0)));
  let allocation = settings.allocation;
  if (settings.allocation.mode === "perchild") {
    allocation = { mode: "perchild", perChild: number(at(16, 1), "WSF Title I!B17", "the dollars per low-income child (above 0)", (x) => x > 0, settings.allocation.perChild) };
  }
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
  let { tolerance, smallSchool } = settings.comparability;
  if (comparability !== null) {
    tolerance = number(comparability[2]?.[1] ?? null, "WSF Comparability!B3", "the tolerance as a share from 0 to 1 (0.10 for 10%)", (x) => x >= 0 && x <= 1, tolerance);
    const small = number(comparability[3]?.[1] ?? null, "WSF Comparability!B4", "the largest exempt school in pupils, or 0 for none", (x) => x >= 0, smallSchool ?? 0, 0);
    smallSchool = small > 0 ? small : null;
  }
  return {
    settings: {
      ...settings,
      method: chosenMethod,
      districtAllocation,
      reservations,
      allocation,
      skipped: values.length > TITLE_I_FIRST_ROW ? skipped : settings.skipped,
      comparability: { tolerance, smallSchool },
    },
    problems,
  };
}
