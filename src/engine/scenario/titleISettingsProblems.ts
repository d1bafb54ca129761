import { RESERVATION_KEYS } from "./TitleISettings";

type Obj = Record<string, unknown>;
const asObject = (x: unknown): Obj | null => (typeof x === "object" && x !== null && !Array.isArray(x) ? (x as Obj) : null);
const isDollars = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x) && x >= 0;
const METHODS = ["district", "35", "span"];
const COLUMN_KEYS = ["lowIncome", "enrollment", "gradeSpan", "privateSchool", "staff", "salaries"] as const;
const REQUIRED = new Set(["lowIncome", "enrollment"]);

/**
 * Checks stored Title I settings (`TitleISettings`: a scenario's `titleI` field, from the workbook or a
 * scenario file, which may be damaged or hand-edited) without throwing. Each problem names the field by its
 * path under `at` (`titleI.allocation.perChild is -5, expected dollars >= 0`):
 * - columns: lowIncome and enrollment are headers; gradeSpan, privateSchool, staff, salaries a header or
 *   null; with `headers`, every header named is in the schools table; "span" needs gradeSpan;
 * - method "district", "35" or "span"; districtAllocation and every reservation dollars >= 0, the
 *   reservations at most the allocation;
 * - allocation mode "pool", or "perchild" with perChild dollars >= 0;
 * - skipped: a list of { row (a data row >= 1), school (text or null), reason (text) }, no row twice;
 * - comparability tolerance a share 0..1, smallSchool null or a count >= 0.
 *
 * Cost O(k + h) for k skipped schools and h headers.
 *
 * @throws nothing: every problem is returned.
 * @example titleISettingsProblems({ ...settings, method: "all" }) // ['titleI.method is "all", expected "district", "35" or "span"']
 */
export function titleISettingsProblems(raw: unknown, headers?: readonly string[], at = "titleI"): string[] {
  const s = asObject(raw);
  if (s === null) return [`${at} is ${JSON.stringify(raw)}, expected an object of Title I choices`];
  const problems: string[] = [];
  const known = headers ? new Set(headers) : null;

  const columns = asObject(s.columns);
  if (columns === null) problems.push(`${at}.columns is missing, expected the Title I columns by header`);
  else {
    for (const key of COLUMN_KEYS) {
      const header = columns[key];
      const where = `${at}.columns.${key}`;
      if (header === null || header === undefined) {
        if (REQUIRED.has(key)) problems.push(`${where} is missing, expected a column header`);
      } else if (typeof header !== "string" || header.trim() === "") problems.push(`${where} is ${JSON.stringify(header)}, expected a column header`);
      else if (known && !known.has(header)) problems.push(`${where}: column ${JSON.stringify(header)} is not in the schools table`);
    }
    const unknown = Object.keys(columns).filter((k) => !(COLUMN_KEYS as readonly string[]).includes(k));
    if (unknown.length > 0) problems.push(`${at}.columns.${unknown[0]} is not a Title I column (expected one of ${COLUMN_KEYS.join(", ")})`);
  }

  if (!METHODS.includes(s.method as string)) problems.push(`${at}.method is ${JSON.stringify(s.method)}, expected "district", "35" or "span"`);
  else if (s.method === "span" && columns !== null && (columns.gradeSpan === null || columns.gradeSpan === undefined)) {
    problems.push(`${at}.columns.gradeSpan is missing, needed by the method "span" (within grade spans)`);
  }

  if (!isDollars(s.districtAllocation)) problems.push(`${at}.districtAllocation is ${JSON.stringify(s.districtAllocation)}, expected dollars >= 0`);
  const reservations = asObject(s.reservations);
  if (reservations === null) problems.push(`${at}.reservations is missing, expected { ${RESERVATION_KEYS.join(", ")} } in dollars`);
  else {
    let reserved = 0;
    for (const key of RESERVATION_KEYS) {
      const x = reservations[key];
      if (!isDollars(x)) problems.push(`${at}.reservations.${key} is ${JSON.stringify(x)}, expected dollars >= 0`);
      else reserved += x;
    }
    if (isDollars(s.districtAllocation) && reserved > s.districtAllocation) {
      problems.push(`${at}.reservations add up to ${reserved}, more than the districtAllocation ${s.districtAllocation}`);
    }
  }

  const allocation = asObject(s.allocation);
  if (allocation === null) problems.push(`${at}.allocation is missing, expected { "mode": "pool" } or { "mode": "perchild", "perChild": dollars }`);
  else if (allocation.mode === "perchild") {
    if (!isDollars(allocation.perChild)) problems.push(`${at}.allocation.perChild is ${JSON.stringify(allocation.perChild)}, expected dollars >= 0 per low-income child`);
  } else if (allocation.mode !== "pool") problems.push(`${at}.allocation.mode is ${JSON.stringify(allocation.mode)}, expected "pool" or "perchild"`);

  if (!Array.isArray(s.skipped)) problems.push(`${at}.skipped is ${JSON.stringify(s.skipped)}, expected a list of skipped schools (empty for none)`);
  else {
    const rows = new Set<number>();
    s.skipped.forEach((item, i) => {
      const k = asObject(item);
      const where = `${at}.skipped ${i + 1}`;
      if (k === null) {
        problems.push(`${where} is ${JSON.stringify(item)}, expected { "row", "school", "reason" }`);
        return;
      }
      if (typeof k.row !== "number" || !Number.isInteger(k.row) || k.row < 1) problems.push(`${where}: row is ${JSON.stringify(k.row)}, expected a data row number >= 1`);
      else if (rows.has(k.row)) problems.push(`${where}: row ${k.row} is skipped twice`);
      else rows.add(k.row);
      if (k.school !== null && k.school !== undefined && typeof k.school !== "string") problems.push(`${where}: school is ${JSON.stringify(k.school)}, expected the school's id as text, or null`);
      if (typeof k.reason !== "string" || k.reason.trim() === "") problems.push(`${where}: reason is missing, expected why the school is skipped`);
    });
  }

  const cmp = asObject(s.comparability);
  if (cmp === null) problems.push(`${at}.comparability is missing, expected { "tolerance", "smallSchool" }`);
  else {
    if (typeof cmp.tolerance !== "number" || !Number.isFinite(cmp.tolerance) || cmp.tolerance < 0 || cmp.tolerance > 1) {
      problems.push(`${at}.comparability.tolerance is ${JSON.stringify(cmp.tolerance)}, expected a share from 0 to 1 (0.1 for 10%)`);
    }
    if (cmp.smallSchool !== null && !isDollars(cmp.smallSchool)) problems.push(`${at}.comparability.smallSchool is ${JSON.stringify(cmp.smallSchool)}, expected a number of pupils >= 0, or null`);
  }
  return problems;
}
