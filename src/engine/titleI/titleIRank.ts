import { Cell, isBlank } from "../core/cells";
import { describeCell, valueError, WsfError } from "../core/WsfError";
import { dependsOnRow } from "./dependsOnRow";
import { districtRate } from "./districtRate";
import { AreaCounts, schoolRates } from "./schoolRates";
import { RowOutcome } from "./RowOutcome";

/** How eligibility is decided (domain.md section 6). */
export type TitleIRankMethod = "district" | "35" | "span";

/** A school's place in the Title I ranking. */
export type TitleIStatus = "Must serve" | "Eligible" | "Not eligible";

/** One ranked school: its poverty rate, rank (1 = served first) and status. */
export interface TitleIRankRow {
  rate: number;
  rank: number;
  status: TitleIStatus;
}

/** Above this share an area must be served first, whatever its grade span (strictly above 75%). */
export const MUST_SERVE_ABOVE = 0.75;
/** The 35% rule: an area at or above this share may be served whatever the district rate. */
export const THIRTY_FIVE_PERCENT = 0.35;

/**
 * Ranks school attendance areas for Title I, Part A (ESEA section 1113; domain.md section 6).
 *
 * Convention: rate = low-income children / enrollment (unrounded); the district rate is the ratio of the
 * sums. Status "Must serve" when the rate is strictly above 75%; otherwise "Eligible" when the method's
 * test passes, else "Not eligible":
 * - `"district"`: rate at or above the district rate;
 * - `"35"` (35% rule): rate at or above 35%, or at or above the district rate;
 * - `"span"` (grade-span grouping): rate at or above the rate of the school's own grade span.
 *
 * Rank is the serving order, 1 = highest poverty; equal rates share a rank and the next rank skips (1, 2,
 * 2, 4). With `"span"` every area above 75% comes first, ranked together whatever its span; then each span
 * in priority order (`spans`, or the order in which spans first appear in `gradeSpan`), its areas ranked
 * by rate, the numbering continuing from the previous group.
 *
 * Rows: a blank row is `null`; a bad row gets its error (see `schoolRates`; a blank or unknown grade span
 * with `"span"`); an area with 0 enrollment gets `#DIV/0!` and no rank. Because every rank and the
 * district rate depend on all rows, a `#VALUE!` row makes the other rows' rank and status an error that
 * names it (their rates are still given, see `TitleIRankPartial`).
 *
 * Cost O(n log n).
 *
 * @throws WsfError VALUE for columns of different lengths, `"span"` without `gradeSpan`, a duplicate span
 *   in `spans`, or a `gradeSpan` column of another length.
 * @example titleIRank([870, 210, 28], [870, 276, 300], "35").map((r) => (r as TitleIRankRow).rank) // [1, 2, 3]
 */
export function titleIRank(
  lowIncome: readonly Cell[],
  enrollment: readonly Cell[],
  method: TitleIRankMethod = "district",
  gradeSpan: readonly Cell[] | null = null,
  spans: readonly Cell[] | null = null,
  fn = "WSF.TITLEIRANK",
): RowOutcome<TitleIRankRow | TitleIRankPartial>[] {
  const areas = schoolRates(lowIncome, enrollment, fn);
  const n = areas.length;
  const spanOf = method === "span" ? readSpans(n, gradeSpan, spans, areas, fn) : null;

  const firstBad = areas.findIndex((a) => a instanceof WsfError && a.code === "VALUE");
  const district = districtRate(areas);
  const spanRates = spanOf ? spanRatesOf(areas, spanOf.keys, spanOf.order.length) : null;

  // Groups in serving order: 0 = above 75% (only split out under "span"), then one per span.
  const groupOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const a = areas[i];
    if (a === null || a instanceof WsfError) continue;
    if (spanOf === null) groupOf[i] = 0;
    else groupOf[i] = a.rate > MUST_SERVE_ABOVE ? 0 : 1 + spanOf.keys[i];
  }
  const groupCount = spanOf === null ? 1 : 1 + spanOf.order.length;
  const ranks = rankWithinGroups(areas, groupOf, groupCount);

  const out: RowOutcome<TitleIRankRow | TitleIRankPartial>[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const a = areas[i];
    if (a === null || a instanceof WsfError) {
      out[i] = a;
      continue;
    }
    if (firstBad >= 0) {
      out[i] = { rate: a.rate, problem: dependsOnRow(fn, `row ${i + 1}'s rank and status`, firstBad + 1) };
      continue;
    }
    const comparator = method === "district" ? district : method === "35" ? Math.min(district, THIRTY_FIVE_PERCENT) : (spanRates as Float64Array)[(spanOf as SpanKeys).keys[i]];
    const status: TitleIStatus = a.rate > MUST_SERVE_ABOVE ? "Must serve" : a.rate >= comparator ? "Eligible" : "Not eligible";
    out[i] = { rate: a.rate, rank: ranks[i], status };
  }
  return out;
}

/** A row whose rate is known but whose rank and status depend on a bad row elsewhere. */
export interface TitleIRankPartial {
  rate: number;
  problem: WsfError;
}

interface SpanKeys {
  /** Index into `order` of each row's span (-1 for rows without one). */
  keys: Int32Array;
  order: string[];
}

function readSpans(n: number, gradeSpan: readonly Cell[] | null, spans: readonly Cell[] | null, areas: RowOutcome<AreaCounts>[], fn: string): SpanKeys {
  if (gradeSpan === null) throw valueError({ fn, arg: "gradeSpan" }, 'is needed for method "span": give each school\'s grade span (e.g. "Elementary")');
  if (gradeSpan.length !== n) throw valueError({ fn, arg: "gradeSpan" }, `has ${gradeSpan.length} rows but lowIncome has ${n}; they must be the same size`);
  const order: string[] = [];
  const index = new Map<string, number>();
  const fixedOrder = spans !== null;
  if (spans !== null) {
    spans.forEach((cell, k) => {
      if (isBlank(cell)) return;
      const name = String(cell).trim();
      if (index.has(name)) throw valueError({ fn, arg: "spans", row: k + 1 }, `repeats the span ${describeCell(name)}; list each span once, in priority order`);
      index.set(name, order.length);
      order.push(name);
    });
  }
  const keys = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (areas[i] === null) continue;
    const cell = gradeSpan[i];
    if (isBlank(cell) || typeof cell === "boolean") {
      if (!(areas[i] instanceof WsfError)) areas[i] = valueError({ fn, arg: "gradeSpan", row: i + 1 }, `is ${describeCell(cell)}; give the school's grade span`);
      continue;
    }
    const name = String(cell).trim();
    let key = index.get(name);
    if (key === undefined) {
      if (fixedOrder) {
        if (!(areas[i] instanceof WsfError)) {
          areas[i] = valueError({ fn, arg: "gradeSpan", row: i + 1 }, `is ${describeCell(cell)}, not one of spans ${order.map((s) => JSON.stringify(s)).join(", ")}`);
        }
        continue;
      }
      key = order.length;
      index.set(name, key);
      order.push(name);
    }
    keys[i] = key;
  }
  return { keys, order };
}

function spanRatesOf(areas: RowOutcome<AreaCounts>[], keys: Int32Array, count: number): Float64Array {
  const members: RowOutcome<AreaCounts>[][] = Array.from({ length: count }, () => []);
  areas.forEach((a, i) => {
    if (keys[i] >= 0) members[keys[i]].push(a);
  });
  return Float64Array.from(members, (m) => districtRate(m));
}

/** Competition ranking ("1, 2, 2, 4") by rate, highest first, within each group; groups follow in order. */
function rankWithinGroups(areas: RowOutcome<AreaCounts>[], groupOf: Int32Array, groupCount: number): Int32Array {
  const rank = new Int32Array(areas.length);
  const rateOf = (i: number) => (areas[i] as AreaCounts).rate;
  let offset = 0;
  for (let g = 0; g < groupCount; g++) {
    const rows: number[] = [];
    for (let i = 0; i < areas.length; i++) if (groupOf[i] === g) rows.push(i);
    rows.sort((x, y) => rateOf(y) - rateOf(x) || x - y);
    for (let k = 0; k < rows.length; k++) {
      rank[rows[k]] = k > 0 && rateOf(rows[k]) === rateOf(rows[k - 1]) ? rank[rows[k - 1]] : offset + k + 1;
    }
    offset += rows.length;
  }
  return rank;
}
