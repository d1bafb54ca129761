import { Cell } from "../core/cells";
import { ColumnMapping, SingleColumnRole } from "./ColumnMapping";
import { normalizeHeader } from "./normalizeHeader";
import { parseGradeBand } from "./parseGradeBand";

/**
 * Header synonyms per role, already normalized (see `normalizeHeader`). Drawn from the files districts and
 * states publish: LAUSD and California (CDS code, FRPM, unduplicated, local district), NYC (DBN, ELL, SWD),
 * ESSA school-level spending files (economically disadvantaged, students with disabilities).
 */
const SYNONYMS: Record<SingleColumnRole, string[]> = {
  id: ["schoolid", "id", "cdscode", "cds", "schoolcode", "schoolnumber", "schoolno", "locationcode", "locationid", "dbn", "siteid", "sitecode", "ncesid", "ncesschoolid", "code"],
  name: ["school", "schoolname", "name", "site", "sitename", "locationname", "campus", "campusname"],
  enrollment: ["enrollment", "enrolment", "total", "ada", "totalenrollment", "totalenrolment", "totalada", "averagedailyattendance", "membership", "register", "pupils", "students", "totalpupils", "totalstudents", "headcount"],
  frl: ["frl", "frpm", "lowincome", "economicallydisadvantaged", "econdisadv", "ecodis", "econdisadvantaged", "freeandreducedlunch", "freereducedlunch", "freeandreducedpricelunch", "freeandreducedpricemeals", "freeorreducedpricemeals", "poverty", "pupilsinpoverty", "studentsinpoverty"],
  el: ["el", "ell", "ells", "els", "englishlearner", "englishlearners", "englishlanguagelearner", "englishlanguagelearners", "lep", "limitedenglishproficient", "limitedenglishproficiency", "mll", "mlls", "multilinguallearners"],
  sped: ["sped", "swd", "specialeducation", "specialed", "studentswithdisabilities", "pupilswithdisabilities", "iep", "ieps", "withdisabilities", "disabilities"],
  foster: ["foster", "fosteryouth", "fostercare", "fosterchildren"],
  unduplicated: ["unduplicated", "unduplicatedpupils", "unduplicatedpupilcount", "unduplicatedcount", "upc"],
  prior: ["prioryearallocation", "prior", "prioryear", "lastyear", "lastyearallocation", "prioryearbudget", "priorallocation", "prioryearamount", "lastyearsallocation", "lastyearbudget"],
  region: ["region", "localdistrict", "district", "zone", "network", "area", "subdistrict"],
  level: ["level", "schoollevel", "schooltype", "type", "gradelevel", "gradespan"],
};

/** Words that say how a count is counted, not what: "Number of English learners", "FRL count", "Total SWD". */
const FILLER_WORDS = new Set(["number", "of", "no", "num", "count", "counts", "total", "pupils", "students", "enrolled", "n", "the"]);

/** Words that mark a share or a rate (a ratio, not a count of pupils), which the formula must not weight. */
const SHARE_WORDS = new Set(["pct", "percent", "percentage", "share", "rate", "ratio", "proportion", "per"]);

/** Words that mark money, not pupils: such a column is never offered as a count to weight. */
const MONEY_WORDS = new Set(["spending", "expenditure", "expenditures", "allocation", "budget", "amount", "dollars", "revenue", "cost", "salary", "salaries", "funding", "funds"]);

function isMoneyHeader(header: string): boolean {
  return String(header).includes("$") || words(header).some((w) => MONEY_WORDS.has(w));
}

/** Words that mark staff, not pupils ("Instructional staff FTE", "Teachers"): never offered as a count to weight. */
const STAFF_WORDS = new Set(["fte", "ftes", "staff", "staffing", "teacher", "teachers", "positions", "employees", "personnel"]);

function isStaffHeader(header: string): boolean {
  return words(header).some((w) => STAFF_WORDS.has(w));
}

/** Roles whose cells are numbers, so a second column that also matches still belongs in `counts`. */
const NUMERIC_ROLES = new Set<SingleColumnRole>(["enrollment", "frl", "el", "sped", "foster", "unduplicated"]);

function words(header: string): string[] {
  return String(header)
    .toLowerCase()
    .replace(/&/g, " and ")
    .split(/[^a-z0-9%]+/)
    .filter((w) => w !== "");
}

function isShareHeader(header: string): boolean {
  return String(header).includes("%") || words(header).some((w) => SHARE_WORDS.has(w));
}

function withoutFillers(text: string): string {
  return words(text)
    .filter((w) => !FILLER_WORDS.has(w))
    .join("");
}

function roleOf(header: string): SingleColumnRole | null {
  // The whole header first, then each part around brackets or slashes, so "Low income (FRL)" and
  // "SWD / Special education" are found by either name.
  const parts = String(header)
    .split(/[()[\]/]/)
    .filter((part) => part.trim() !== "");
  const candidates = [normalizeHeader(header), withoutFillers(header), ...(parts.length > 1 ? parts.flatMap((part) => [normalizeHeader(part), withoutFillers(part)]) : [])];
  for (const candidate of candidates) {
    if (candidate === "") continue;
    for (const role of Object.keys(SYNONYMS) as SingleColumnRole[]) {
      if (SYNONYMS[role].includes(candidate)) return role;
    }
  }
  return null;
}

/** True when the column's first (up to 50) non-blank cells are all numbers, and there is at least one. */
function looksNumeric(rows: readonly (readonly Cell[])[], column: number): boolean {
  let seen = 0;
  for (const row of rows) {
    const cell = row[column];
    if (cell === null || cell === undefined || cell === "") continue;
    if (typeof cell !== "number") return false;
    if (++seen >= 50) break;
  }
  return seen > 0;
}

/**
 * Guesses which column plays which part from the header text, case-, spacing- and punctuation-insensitive:
 * "Total enrollment", "ADA" -> enrollment; "Free & reduced lunch", "Economically disadvantaged",
 * "Poverty" -> frl; "ELL", "English learners", "LEP" -> el; "SWD", "Students with disabilities" -> sped;
 * "Foster youth"; "Unduplicated pupils"; "Prior-year allocation", "Last year" -> prior; "Grades K-3",
 * "K-5", "Gr 6-8", "9-12" -> grade bands; "School ID", "CDS code" -> id; "School", "School name" -> name;
 * "Region", "Local district" -> region; "Level", "School type" -> level.
 *
 * Conventions: the first column matching a role takes it; a later count column matching a taken role goes to
 * `counts`. Share and rate headers ("FRL %", "Poverty rate", "Per pupil") are never mapped: the formula
 * weights counts of pupils, not ratios. With `rows` (a sample of the data), any other column whose cells
 * are all numbers also goes to `counts`, unless its header names money ("Spending", "$") or staff ("FTE",
 * "Teachers"); without rows, unrecognized columns stay unmapped.
 *
 * Cost O(h x s) for h headers and s synonyms, plus O(h x 50) with rows.
 *
 * @throws nothing.
 * @example suggestMapping(["CDS code", "School name", "Total enrollment", "FRL count"]) // { id: 0, name: 1, enrollment: 2, frl: 3, grades: [], counts: [] }
 */
export function suggestMapping(headers: readonly string[], rows?: readonly (readonly Cell[])[]): ColumnMapping {
  const mapping: ColumnMapping = { grades: [], counts: [] };
  headers.forEach((header, column) => {
    if (isShareHeader(header)) return;
    const role = roleOf(header);
    if (role !== null) {
      if (mapping[role] === undefined) mapping[role] = column;
      else if (NUMERIC_ROLES.has(role)) mapping.counts.push(column);
      return;
    }
    if (parseGradeBand(header) !== null) {
      mapping.grades.push(column);
      return;
    }
    if (rows && !isMoneyHeader(header) && !isStaffHeader(header) && looksNumeric(rows, column)) mapping.counts.push(column);
  });
  return mapping;
}
