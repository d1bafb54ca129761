import { useMemo, useState } from "react";
import { sampleOf } from "../../../engine/core/WeightedSample";
import { WsfError } from "../../../engine/core/WsfError";
import type { FormulaResult } from "../../../engine/scenario/FormulaResult";
import { equityTable, type EquityTableRow } from "../../../engine/stats/equityTable";
import type { ColumnMapping } from "../../../engine/table/ColumnMapping";
import type { DataProblem, School } from "../../../engine/table/School";
import type { TableData } from "../../../workbook/WorkbookPort";
import { describeStatistic, formatStatisticValue, type StatisticNote } from "./describeStatistic";
import { isMoneyHeader, measureKind, type MeasureKind } from "./measureKind";

/** The value the dashboard measures: the formula's allocation per pupil, or a numeric column of the table. */
export const ALLOCATION = "allocation";

export interface EquityLine {
  metric: string;
  value: number | null;
  /** The value as shown: dollars, per cent or 3-4 significant digits. */
  shown: string | null;
  /** Why the statistic is undefined for these data (the engine's message), else null. */
  problem: string | null;
  note: StatisticNote | null;
  /** The same statistic per weighted pupil (vertical equity), when a formula gives weighted pupils. */
  vertical: { value: number | null; shown: string | null; problem: string | null } | null;
}

export interface EquityColumn {
  header: string;
  column: number;
  kind: MeasureKind;
}

/** True when every non-blank cell of the column (over the rows of read schools) is a number. */
function isNumericColumn(table: TableData, schools: readonly School[], column: number): boolean {
  let seen = 0;
  for (const s of schools) {
    const cell = table.rows[s.row - 1]?.[column];
    if (cell === null || cell === "") continue;
    if (typeof cell !== "number") return false;
    seen++;
  }
  return seen > 0;
}

/** Whether a column is divided by enrollment unless the person says otherwise: only dollar totals are. */
export function dividesByDefault(kind: MeasureKind): boolean {
  return kind === "total";
}

/** Whether a person may divide the column by enrollment at all: never what is already per pupil or a share. */
export function mayDivide(kind: MeasureKind): boolean {
  return kind === "total" || kind === "count";
}

/**
 * Step 5: the equity statistics (`equityTable`) of a chosen value over the schools, pupil-weighted by
 * enrollment unless switched off, with poverty (low-income pupils over enrollment) when FRL is mapped.
 *
 * A table column is divided by enrollment only when it is a total (a dollar column such as "Unrestricted
 * spending"); a column that is already per pupil ("Unrestricted per pupil") or a share is measured as it
 * is and cannot be divided again. `measured` says in words what was divided by what.
 *
 * With a formula that runs, every statistic is also given per weighted pupil (vertical equity): the
 * school's dollars (per pupil x enrollment) over its weighted pupils, weighted by weighted pupils. A
 * weighted formula is flat there even though it is unequal per pupil.
 */
export function useEquity(table: TableData | null, mapping: ColumnMapping, schools: School[], result: FormulaResult | null, problems: readonly DataProblem[] = []) {
  const [source, setSource] = useState<string>(ALLOCATION);
  const [weighted, setWeighted] = useState(true);
  /** The person's divide choice per column, where they changed the default. */
  const [divideChoice, setDivideChoice] = useState<Record<string, boolean>>({});

  const columns = useMemo(
    (): EquityColumn[] =>
      table
        ? table.info.headers
            .map((header, column) => ({ header: String(header), column, kind: measureKind(String(header)) }))
            .filter(({ column }) => column !== mapping.id && isNumericColumn(table, schools, column))
        : [],
    [table, schools, mapping.id],
  );
  const chosen = source === ALLOCATION ? null : columns.find((c) => String(c.column) === source) ?? null;
  const effectiveSource = source !== ALLOCATION && !chosen ? ALLOCATION : source;
  const perPupil = chosen ? mayDivide(chosen.kind) && (divideChoice[effectiveSource] ?? dividesByDefault(chosen.kind)) : false;
  const setPerPupil = (on: boolean) => setDivideChoice((old) => ({ ...old, [effectiveSource]: on }));

  const enrollmentHeader = table && mapping.enrollment !== undefined ? String(table.info.headers[mapping.enrollment]) : "enrollment";
  const measured = !chosen
    ? "The formula's allocation per pupil: each school's amount divided by its enrollment."
    : perPupil
      ? `${chosen.header} divided by ${enrollmentHeader}, school by school${chosen.kind === "total" ? " (it is a total for the school)" : ""}.`
      : chosen.kind === "perPupil"
        ? `${chosen.header} as it is: it is already per pupil, so nothing is divided.`
        : chosen.kind === "share"
          ? `${chosen.header} as it is: it is a share, so nothing is divided.`
          : `${chosen.header} as it is, not divided by ${enrollmentHeader}.`;

  const outcome = useMemo((): { lines: EquityLine[]; units: number; error: string | null; money: boolean; verticalNote: string | null } => {
    const empty = { lines: [], units: 0, money: false, verticalNote: null };
    if (!table) return { ...empty, error: null };
    // A school whose row cannot be read is missing from `schools`: statistics over the others would be
    // silently wrong for the district, so measure nothing until the row is fixed.
    const blocking = problems.find((p) => p.severity === "error");
    if (blocking) return { ...empty, error: `Not measured: ${blocking.message}. Statistics without that school would be wrong for the district; fix the row (step 2 lists every problem).` };
    const money = effectiveSource === ALLOCATION || (chosen !== null && isMoneyHeader(chosen.header));
    // Typed columns filled to `m` (and `mv` for vertical equity) rather than arrays grown by push: at 10,000
    // schools this loop runs on every edit of the parameters sheet.
    const n = schools.length;
    const values = new Float64Array(n);
    const weights = new Float64Array(n);
    const poverty = new Float64Array(n);
    let m = 0;
    // Vertical equity: dollars per weighted pupil, weighted by weighted pupils (only for dollars, with a run).
    const canVertical = money && result !== null && result.weightedPupils.length === n;
    const vValues = new Float64Array(canVertical ? n : 0);
    const vWeights = new Float64Array(canVertical ? n : 0);
    const vPoverty = new Float64Array(canVertical ? n : 0);
    let mv = 0;
    const frlHeader = mapping.frl === undefined ? null : String(table.info.headers[mapping.frl]);
    const column = effectiveSource === ALLOCATION ? -1 : Number(effectiveSource);
    for (let i = 0; i < n; i++) {
      const s = schools[i];
      let x: number | null;
      if (column < 0) x = result ? result.perPupil[i] : null;
      else {
        const cell = table.rows[s.row - 1]?.[column];
        x = typeof cell === "number" ? (perPupil ? (s.enrollment > 0 ? cell / s.enrollment : null) : cell) : null;
      }
      if (x === null || s.enrollment <= 0) continue;
      const share = frlHeader !== null ? (s.counts[frlHeader] ?? 0) / s.enrollment : 0;
      values[m] = x;
      weights[m] = s.enrollment;
      poverty[m] = share;
      m++;
      const wp = canVertical ? result.weightedPupils[i] : 0;
      if (canVertical && wp > 0) {
        vValues[mv] = (x * s.enrollment) / wp;
        vWeights[mv] = wp;
        vPoverty[mv] = share;
        mv++;
      }
    }
    if (effectiveSource === ALLOCATION && !result) return { ...empty, error: "Define a formula that runs (step 3) to measure its allocation per pupil, or choose a column." };
    if (m === 0) return { ...empty, error: "No school has a value and pupils to measure." };
    try {
      const rows = equityTable(sampleOf(values.subarray(0, m), weighted ? weights.subarray(0, m) : undefined), frlHeader !== null ? poverty.slice(0, m) : null, "Equity dashboard");
      let vRows: EquityTableRow[] | null = null;
      let verticalNote: string | null = null;
      if (canVertical && mv > 0) {
        vRows = equityTable(sampleOf(vValues.subarray(0, mv), weighted ? vWeights.subarray(0, mv) : undefined), frlHeader !== null ? vPoverty.slice(0, mv) : null, "Equity dashboard");
        verticalNote = "Per weighted pupil (vertical equity): each school's dollars over its weighted pupils in the formula. A formula that gives more for need is flat here even when it is unequal per pupil.";
      } else if (!money) verticalNote = null;
      else verticalNote = "Define a formula that runs (step 3) to see each statistic per weighted pupil (vertical equity) beside it.";
      const lines = rows.map(({ metric, value }, k): EquityLine => {
        const v = vRows?.[k];
        const vertical = v
          ? v.value instanceof WsfError
            ? { value: null, shown: null, problem: v.value.message }
            : { value: v.value, shown: formatStatisticValue(metric, v.value, money), problem: null }
          : null;
        return value instanceof WsfError
          ? { metric, value: null, shown: null, problem: value.message, note: null, vertical }
          : { metric, value, shown: formatStatisticValue(metric, value, money), problem: null, note: describeStatistic(metric, value, money), vertical };
      });
      return { lines, units: m, error: null, money, verticalNote };
    } catch (error) {
      return { ...empty, error: error instanceof Error ? error.message : String(error) };
    }
  }, [table, mapping.frl, schools, result, effectiveSource, chosen, perPupil, weighted, problems]);

  return {
    source: effectiveSource,
    setSource,
    columns,
    chosen,
    weighted,
    setWeighted,
    perPupil,
    setPerPupil,
    canDivide: chosen !== null && mayDivide(chosen.kind),
    measured,
    hasPoverty: mapping.frl !== undefined,
    ...outcome,
  };
}
