import { Cell, isBlank } from "../core/cells";
import { describeCell, formatMessage } from "../core/WsfError";
import { ColumnMapping, NEED_COUNT_ROLES, SingleColumnRole } from "./ColumnMapping";
import { DataProblem, School } from "./School";

const TABLE = "Schools table";

/** What `readSchools` returns: the schools the formula can use, and every problem found on the way. */
export interface ReadSchoolsResult {
  schools: School[];
  problems: DataProblem[];
}

interface CountColumn {
  column: number;
  header: string;
  /** A need role checked against enrollment, or null for grade bands and other counts. */
  needRole: SingleColumnRole | null;
}

function cellText(cell: Cell): string {
  if (isBlank(cell)) return "";
  return typeof cell === "string" ? cell.trim() : String(cell);
}

/**
 * Turns the rows of the schools table into school records, using the column mapping, and lists every
 * problem by row and column so the task pane can select the cell. Nothing is dropped silently: a row with
 * an error is left out of `schools` and each of its errors is a problem; a warning keeps the school.
 *
 * Rules (conventions of this product):
 * - counts (enrollment, need counts, grade bands, other counts) must be numbers >= 0 (fractions allowed:
 *   ADA is fractional); text, TRUE/FALSE or a negative count is an error, and a number stored as text says so;
 * - a blank count cell is 0 (the catalogue's rule), except enrollment: a blank enrollment is an error;
 *   without an enrollment column, enrollment is the sum of the grade bands;
 * - FRL, EL, SPED, foster or unduplicated above enrollment is an error;
 * - grade bands that do not add up to enrollment (to 1e-6 of it) are a warning, as is enrollment 0
 *   (its per-pupil amount cannot exist) and a blank school id (the school is called `row N`);
 * - a school id seen before is an error on the second occurrence, naming the first row;
 * - prior-year allocation: blank is null (a new school, unprotected), otherwise a number >= 0;
 * - a wholly blank row between schools is skipped with a warning (one per run of blank rows); blank rows
 *   after the last school are the end of the table, not a problem.
 *
 * Cost O(n x c) for n rows and c mapped columns.
 *
 * @param firstSheetRow 0-based sheet row of the first data row (default 1: headers in row 0), for `sheetRow`.
 * @param firstSheetColumn 0-based sheet column of the table's first column (default 0), for `sheetColumn`.
 * @throws nothing: every problem is returned.
 * @example readSchools(["ID", "Enrollment", "FRL"], [["A", 100, 40], ["B", 80, "n/a"]], { id: 0, enrollment: 1, frl: 2, grades: [], counts: [] })
 *   // schools: [{ row: 1, id: "A", enrollment: 100, counts: { Enrollment: 100, FRL: 40 }, ... }],
 *   // problems: [{ row: 2, column: 2, message: 'Schools table: FRL row 2 (sheet row 3) is "n/a", expected a number of pupils', severity: "error", ... }]
 */
export function readSchools(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  mapping: ColumnMapping,
  firstSheetRow = 1,
  firstSheetColumn = 0,
): ReadSchoolsResult {
  const problems: DataProblem[] = [];
  const schools: School[] = [];

  const sheetRowOf = (row: number): number => (row === 0 ? firstSheetRow - 1 : firstSheetRow + row - 1);
  const push = (row: number, column: number, message: string, severity: DataProblem["severity"]): void => {
    const header = column >= 0 ? String(headers[column] ?? "") : "";
    problems.push({ row, column, header, sheetRow: sheetRowOf(row), sheetColumn: firstSheetColumn + Math.max(column, 0), message, severity });
  };
  /** A problem in one cell (or, with row 0, with the table's columns), in the engine's message format. */
  const problem = (row: number, column: number, detail: string, severity: DataProblem["severity"]): void => {
    const header = column >= 0 ? String(headers[column] ?? "") : "";
    const message =
      row === 0 ? formatMessage({ fn: TABLE, arg: header || "columns" }, detail) : formatMessage({ fn: TABLE, arg: header, row }, `(sheet row ${sheetRowOf(row) + 1}) ${detail}`);
    push(row, column, message, severity);
  };

  // The mapping itself: every index must name a header, and enrollment must come from somewhere.
  const mapped: number[] = [];
  for (const key of Object.keys(mapping) as (keyof ColumnMapping)[]) {
    const value = mapping[key];
    const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
    for (const column of list) {
      if (!Number.isInteger(column) || column < 0 || column >= headers.length) {
        problem(0, -1, `mapping for ${key} points at column ${column}, but the table has ${headers.length} columns`, "error");
        return { schools, problems };
      }
      mapped.push(column);
    }
  }
  if (mapping.enrollment === undefined && mapping.grades.length === 0) {
    problem(0, -1, "has no enrollment column and no grade-band columns; map one so the formula knows how many pupils each school has", "error");
    return { schools, problems };
  }

  const countColumns: CountColumn[] = [];
  const seenColumns = new Set<number>();
  const addCount = (column: number | undefined, needRole: SingleColumnRole | null): void => {
    if (column === undefined || seenColumns.has(column)) return;
    seenColumns.add(column);
    countColumns.push({ column, header: String(headers[column]), needRole });
  };
  addCount(mapping.enrollment, null);
  for (const role of NEED_COUNT_ROLES) addCount(mapping[role], role);
  for (const column of mapping.grades) addCount(column, null);
  for (const column of mapping.counts) addCount(column, null);

  let lastFilled = rows.length - 1;
  while (lastFilled >= 0 && rows[lastFilled].every(isBlank)) lastFilled--;

  const firstRowOfId = new Map<string, number>();
  let blankRunStart = 0;
  for (let i = 0; i <= lastFilled; i++) {
    const row = i + 1;
    const cells = rows[i];
    if (cells.every(isBlank)) {
      if (blankRunStart === 0) blankRunStart = row;
      const nextIsBlank = i + 1 <= lastFilled && rows[i + 1].every(isBlank);
      if (!nextIsBlank) {
        const span =
          blankRunStart === row
            ? `row ${row} (sheet row ${sheetRowOf(row) + 1}) is blank`
            : `rows ${blankRunStart} to ${row} (sheet rows ${sheetRowOf(blankRunStart) + 1} to ${sheetRowOf(row) + 1}) are blank`;
        push(blankRunStart, -1, `${TABLE}: ${span} and skipped; delete blank rows inside the table so the allocation sheet lines up with the schools`, "warning");
        blankRunStart = 0;
      }
      continue;
    }

    let hasError = false;
    const error = (column: number, detail: string): void => {
      hasError = true;
      problem(row, column, detail, "error");
    };
    const warn = (column: number, detail: string): void => problem(row, column, detail, "warning");

    const counts: Record<string, number> = {};
    const readable = new Set<number>();
    for (const { column, header } of countColumns) {
      const cell = cells[column];
      if (isBlank(cell)) {
        if (column === mapping.enrollment) error(column, "is blank; enter the school's enrollment");
        else {
          counts[header] = 0;
          readable.add(column);
        }
        continue;
      }
      if (typeof cell === "number" && Number.isFinite(cell)) {
        if (cell < 0) error(column, `is ${cell}, a negative number of pupils`);
        else {
          counts[header] = cell;
          readable.add(column);
        }
        continue;
      }
      const asText = typeof cell === "string" ? cell.trim().replace(/,/g, "") : "";
      const storedAsText = asText !== "" && Number.isFinite(Number(asText));
      error(column, `is ${describeCell(cell)}, expected a number of pupils${storedAsText ? " (it is stored as text; convert it to a number)" : ""}`);
    }

    let enrollment: number;
    if (mapping.enrollment !== undefined) {
      enrollment = counts[String(headers[mapping.enrollment])] ?? NaN;
    } else {
      enrollment = mapping.grades.every((c) => readable.has(c)) ? mapping.grades.reduce((acc, c) => acc + counts[String(headers[c])], 0) : NaN;
    }

    if (!Number.isNaN(enrollment)) {
      for (const { column, header, needRole } of countColumns) {
        if (needRole !== null && readable.has(column) && counts[header] > enrollment) {
          error(column, `is ${counts[header]}, more than the ${enrollment} enrolled`);
        }
      }
      if (mapping.enrollment !== undefined && mapping.grades.length > 0 && mapping.grades.every((c) => readable.has(c))) {
        const bands = mapping.grades.reduce((acc, c) => acc + counts[String(headers[c])], 0);
        if (Math.abs(bands - enrollment) > 1e-6 * Math.max(1, enrollment)) {
          warn(mapping.grades[0], `grade bands add up to ${bands}, but enrollment is ${enrollment}`);
        }
      }
      if (enrollment === 0) warn(mapping.enrollment ?? mapping.grades[0], "enrollment is 0, so the school has no per-pupil amount");
    }

    let prior: number | null = null;
    if (mapping.prior !== undefined) {
      const cell = cells[mapping.prior];
      if (!isBlank(cell)) {
        if (typeof cell !== "number" || !Number.isFinite(cell)) error(mapping.prior, `is ${describeCell(cell)}, expected a dollar amount or a blank (a new school)`);
        else if (cell < 0) error(mapping.prior, `is ${cell}, expected a dollar amount >= 0`);
        else prior = cell;
      }
    }

    let id = `row ${row}`;
    if (mapping.id !== undefined) {
      const text = cellText(cells[mapping.id]);
      if (text === "") warn(mapping.id, `is blank; the school is called "${id}" until it has an id`);
      else {
        id = text;
        const first = firstRowOfId.get(id);
        if (first !== undefined) error(mapping.id, `repeats the id ${JSON.stringify(id)} of row ${first} (sheet row ${firstSheetRow + first}); school ids must be unique`);
        else firstRowOfId.set(id, row);
      }
    }
    const name = mapping.name !== undefined ? cellText(cells[mapping.name]) || id : id;
    const region = mapping.region !== undefined ? cellText(cells[mapping.region]) || null : null;
    const level = mapping.level !== undefined ? cellText(cells[mapping.level]) || null : null;

    if (!hasError) schools.push({ row, id, name, enrollment, counts, prior, region, level });
  }
  return { schools, problems };
}
