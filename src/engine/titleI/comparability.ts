import { Cell, isBlank } from "../core/cells";
import { CompensatedSum } from "../core/sum";
import { describeCell, divZeroError, naError, valueError, WsfError } from "../core/WsfError";
import { dependsOnRow } from "./dependsOnRow";
import { readCountCell } from "./readCountCell";
import { readFlagCell } from "./readFlagCell";
import { RowOutcome } from "./RowOutcome";

/** Which comparability test: pupils per instructional staff member, or state/local dollars per pupil. */
export type ComparabilityKind = "ratio" | "spending";

/** The verdict for one school; "" for a non-Title I school (it is the yardstick, not the one tested). */
export type ComparabilityStatus = "Comparable" | "Not comparable" | "Exempt" | "";

/** One school's comparison: the average of its grade span's yardstick schools, its own measure and the verdict. */
export interface ComparabilityRow {
  average: number;
  measure: number;
  status: ComparabilityStatus;
}

/** Options of the test (domain.md section 6, "Comparability"). */
export interface ComparabilityOptions {
  /** Allowed distance from the average as a share: 0.10 for the common 110% / 90% tests. */
  tolerance: number;
  kind: ComparabilityKind;
  /** Schools with this many pupils or fewer are exempt (California: 100); null: none is. Needs two measure columns. */
  smallSchool: number | null;
}

/**
 * The comparability test of ESEA section 1118(c) (domain.md section 6), by grade span. For every school:
 * - its measure: with one column, the number given (pupils per staff member, or dollars per pupil); with
 *   two columns, the first / the second: "ratio" (pupils, instructional staff FTE), "spending" (state and
 *   local salary dollars, pupils);
 * - the average of its span's yardstick: the non-Title I schools of the span, or every school of the span
 *   when all of them are Title I. With two columns the average is pooled (sum of the first column / sum of
 *   the second, as the state templates compute it); with one column, the plain mean of the measures;
 * - for a Title I school, "Comparable" when "ratio": measure <= (1 + tolerance) x average, "spending":
 *   measure >= (1 - tolerance) x average; otherwise "Not comparable". A school with `smallSchool` pupils or
 *   fewer is "Exempt" and left out of every average. Non-Title I schools get "".
 * `gradeSpan` omitted: the whole district is one span.
 *
 * Rows: blank rows are `null`. A bad row gets its own error (text, negative numbers, a flag that is not
 * 1/0/TRUE/FALSE, a blank span, a Title I school with no staff or no pupils); where that row may be part
 * of its span's yardstick, every row of the span gets an error naming it instead of a silently wrong
 * average. A span with no yardstick school left (all exempt) gets `#N/A`.
 *
 * Cost O(n).
 *
 * @throws WsfError VALUE on columns of different lengths, a measure of more than two columns,
 *   `smallSchool` with a one-column measure, a tolerance outside 0..1.
 * @example comparability([[300, 20], [330, 20], [280, 20]], [1, 0, 0], null, { tolerance: 0.1, kind: "ratio", smallSchool: null })[0] // { average: 15.25, measure: 15, status: "Comparable" }
 */
export function comparability(
  measure: readonly (readonly Cell[])[],
  titleI: readonly Cell[],
  gradeSpan: readonly Cell[] | null,
  options: ComparabilityOptions,
  fn = "WSF.COMPARABILITY",
): RowOutcome<ComparabilityRow>[] {
  const n = measure.length;
  const width = n === 0 ? 1 : measure[0].length;
  if (width !== 1 && width !== 2) throw valueError({ fn, arg: "measure" }, `has ${width} columns; give one column of measures, or two (pupils and staff FTE for "ratio", dollars and pupils for "spending")`);
  if (titleI.length !== n) throw valueError({ fn, arg: "titleI" }, `has ${titleI.length} rows but measure has ${n}; they must be the same size`);
  if (gradeSpan !== null && gradeSpan.length !== n) throw valueError({ fn, arg: "gradeSpan" }, `has ${gradeSpan.length} rows but measure has ${n}; they must be the same size`);
  const { tolerance, kind, smallSchool } = options;
  if (!(tolerance >= 0 && tolerance <= 1)) throw valueError({ fn, arg: "tolerance" }, `is ${String(tolerance)}, expected a share between 0 and 1 (0.10 for 10%)`);
  if (smallSchool !== null && width === 1) throw valueError({ fn, arg: "smallSchool" }, 'needs each school\'s pupils: give measure as two columns (pupils and staff FTE, or dollars and pupils)');
  const pupilColumn = kind === "ratio" ? 0 : 1;

  // 1. Read rows.
  interface Read { top: number; bottom: number; titleI: boolean; span: string; exempt: boolean }
  const rows: RowOutcome<Read>[] = new Array(n);
  const spanOfBad: (string | null)[] = new Array(n).fill(null);
  const badMayCount: boolean[] = new Array(n).fill(false);
  for (let i = 0; i < n; i++) {
    const row = i + 1;
    let span: string | null = null;
    let flag: boolean | null = null;
    const spanCell = gradeSpan === null ? "" : gradeSpan[i];
    if (!isBlank(spanCell) || gradeSpan === null) span = typeof spanCell === "boolean" ? null : String(spanCell).trim();
    try {
      flag = readFlagCell(titleI[i], { fn, arg: "titleI", row });
    } catch {
      flag = null; // read again below, where its error is kept
    }
    try {
      const cells = measure[i];
      const first = readCountCell(cells[0], { fn, arg: "measure", row });
      const second = width === 1 ? (first === null ? null : 1) : readCountCell(cells[1], { fn, arg: "measure", row });
      readFlagCell(titleI[i], { fn, arg: "titleI", row });
      if (first === null && second === null) {
        rows[i] = null;
        continue;
      }
      if (first === null || second === null) throw valueError({ fn, arg: "measure", row }, `column ${first === null ? 1 : 2} is blank beside a number`);
      if (gradeSpan !== null && (isBlank(spanCell) || typeof spanCell === "boolean")) throw valueError({ fn, arg: "gradeSpan", row }, `is ${describeCell(spanCell)}; give the school's grade span`);
      const pupils = width === 2 ? (pupilColumn === 0 ? first : second) : Number.NaN;
      rows[i] = { top: first, bottom: second, titleI: flag === true, span: span as string, exempt: smallSchool !== null && pupils <= smallSchool };
    } catch (error) {
      if (!(error instanceof WsfError)) throw error;
      rows[i] = error;
      spanOfBad[i] = span;
      badMayCount[i] = flag !== true;
    }
  }

  // 2. Yardstick per span: non-Title I, non-exempt schools; all non-exempt schools when none is non-Title I.
  interface Span { nonTitleI: number; top: CompensatedSum; bottom: CompensatedSum; allTop: CompensatedSum; allBottom: CompensatedSum; allCount: number; measures: CompensatedSum; allMeasures: CompensatedSum }
  const spans = new Map<string, Span>();
  const spanFor = (name: string) => {
    let s = spans.get(name);
    if (!s) {
      s = { nonTitleI: 0, top: new CompensatedSum(), bottom: new CompensatedSum(), allTop: new CompensatedSum(), allBottom: new CompensatedSum(), allCount: 0, measures: new CompensatedSum(), allMeasures: new CompensatedSum() };
      spans.set(name, s);
    }
    return s;
  };
  for (const r of rows) {
    if (r === null || r instanceof WsfError || r.exempt) continue;
    const s = spanFor(r.span);
    const value = width === 1 ? r.top : Number.NaN;
    s.allTop.add(r.top);
    s.allBottom.add(r.bottom);
    s.allCount++;
    if (width === 1) s.allMeasures.add(value);
    if (!r.titleI) {
      s.nonTitleI++;
      s.top.add(r.top);
      s.bottom.add(r.bottom);
      if (width === 1) s.measures.add(value);
    }
  }
  const averageOf = (s: Span | undefined): number => {
    if (!s || s.allCount === 0) return Number.NaN;
    const own = s.nonTitleI > 0;
    if (width === 1) return (own ? s.measures.value : s.allMeasures.value) / (own ? s.nonTitleI : s.allCount);
    const bottom = own ? s.bottom.value : s.allBottom.value;
    return bottom > 0 ? (own ? s.top.value : s.allTop.value) / bottom : Number.NaN;
  };

  // A bad row poisons its span (every span when its span is unknown) when it may be a yardstick school:
  // not known to be Title I, or in a span where every readable school is Title I.
  const poison = new Map<string | null, number>();
  for (let i = 0; i < n; i++) {
    if (!(rows[i] instanceof WsfError) || (rows[i] as WsfError).code !== "VALUE") continue;
    const span = spanOfBad[i];
    const s = span === null ? undefined : spans.get(span);
    const mayCount = badMayCount[i] || span === null || !s || s.nonTitleI === 0;
    if (mayCount && !poison.has(span)) poison.set(span, i + 1);
  }

  const out: RowOutcome<ComparabilityRow>[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (r === null || r instanceof WsfError) {
      out[i] = r;
      continue;
    }
    const bad = poison.get(r.span) ?? poison.get(null);
    if (bad !== undefined) {
      out[i] = dependsOnRow(fn, `the average of span ${JSON.stringify(r.span)}`, bad);
      continue;
    }
    const average = averageOf(spans.get(r.span));
    const own = width === 1 ? r.top : r.bottom > 0 ? r.top / r.bottom : Number.NaN;
    if (r.exempt) {
      out[i] = { average, measure: own, status: r.titleI ? "Exempt" : "" };
      continue;
    }
    if (Number.isNaN(average)) {
      out[i] = naError(fn, `span ${JSON.stringify(r.span)} has no school to compare with (every school is exempt or has no ${kind === "ratio" ? "staff" : "pupils"})`);
      continue;
    }
    if (!r.titleI) {
      out[i] = { average, measure: own, status: "" };
      continue;
    }
    if (Number.isNaN(own)) {
      out[i] = divZeroError(fn, `measure row ${i + 1} has 0 ${kind === "ratio" ? "staff" : "pupils"}; the school has no ${kind === "ratio" ? "pupils per staff member" : "dollars per pupil"}`);
      continue;
    }
    const pass = kind === "ratio" ? own <= (1 + tolerance) * average * (1 + 1e-12) : own >= (1 - tolerance) * average * (1 - 1e-12);
    out[i] = { average, measure: own, status: pass ? "Comparable" : "Not comparable" };
  }
  return out;
}
