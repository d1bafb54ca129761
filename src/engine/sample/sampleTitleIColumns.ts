import { valueError } from "../core/WsfError";
import { mulberry32 } from "./mulberry32";
import { SampleTable } from "./SampleTable";

/** Pupils per instructional staff member by level (median of the district; California-like). */
const PUPILS_PER_STAFF: Record<string, number> = { Elementary: 21, Middle: 23, High: 24, Span: 22 };
/** State/local salary per instructional FTE: a district average, less where poverty is high (newer teachers). */
const SALARY = { base: 96_000, povertySlope: -9_000, spread: 0.03 };
/** Chance that a school is crowded: short of staff for its pupils. */
const CROWDED = { chance: 0.04 };
/** Dollars per low-income child of the district's Title I, Part A allocation (drawn once per district). */
const TITLE_I_PER_CHILD = { low: 760, high: 860 };
/** Offset of the Title I stream's seed from the district's, so the two streams never coincide. */
const STREAM_OFFSET = 0x7e57_1e1;

/**
 * What comparability and the Title I exercise need beside the sample district (domain.md section 6), drawn
 * from a stream of its own (Mulberry32 seeded with `seed` + an offset) so that the district's own columns,
 * drawn from the main stream, stay exactly as they were:
 * - "Instructional staff FTE": enrollment / (the level's pupils per staff x a 0.92-1.12 factor, a little lower
 *   where poverty is high, 15-25% higher in the 4% of schools that are crowded), to one decimal, at least 1;
 * - "State/local salaries": FTE x (96,000 - 9,000 x low-income share: newer, lower-paid teachers where
 *   poverty is high) x a 3% noise, whole dollars;
 * - the district's Title I, Part A allocation: its low-income children x a rate drawn in $760-$860, whole dollars.
 *
 * Cost O(n).
 *
 * @throws WsfError VALUE when the table lacks a Level, Enrollment or Low income (FRL) column.
 * @example sampleTitleIColumns(generateSampleDistrict({ schools: 2 }), 2012).headers // ["Instructional staff FTE", "State/local salaries"]
 */
export function sampleTitleIColumns(table: SampleTable, seed: number): { headers: string[]; rows: number[][]; districtAllocation: number } {
  const column = (name: string) => {
    const k = table.headers.indexOf(name);
    if (k < 0) throw valueError({ fn: "sampleTitleIColumns", arg: "table" }, `has no column "${name}"`);
    return k;
  };
  const level = column("Level");
  const enrollment = column("Enrollment");
  const frl = column("Low income (FRL)");
  const random = mulberry32((seed | 0) + STREAM_OFFSET);
  const rows: number[][] = [];
  let children = 0;
  for (const row of table.rows) {
    const pupils = Number(row[enrollment]);
    const lowIncome = Number(row[frl]);
    const share = pupils > 0 ? lowIncome / pupils : 0;
    children += lowIncome;
    // A few schools are crowded (vacancies, growth): 15-25% more pupils per staff member.
    const crowded = random() < CROWDED.chance ? 1.15 + 0.1 * random() : 1;
    const ratio = (PUPILS_PER_STAFF[String(row[level])] ?? 22) * (0.92 + 0.2 * random()) * (1 - 0.06 * share) * crowded;
    const fte = Math.max(1, Math.round((pupils / ratio) * 10) / 10);
    const salary = (SALARY.base + SALARY.povertySlope * share) * (1 + SALARY.spread * (2 * random() - 1));
    rows.push([fte, Math.round(fte * salary)]);
  }
  const perChild = TITLE_I_PER_CHILD.low + (TITLE_I_PER_CHILD.high - TITLE_I_PER_CHILD.low) * random();
  return { headers: ["Instructional staff FTE", "State/local salaries"], rows, districtAllocation: Math.round(children * perChild) };
}
