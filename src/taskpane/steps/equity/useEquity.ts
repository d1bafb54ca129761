import { useMemo, useState } from "react";
import { sampleOf } from "../../../engine/core/WeightedSample";
import { WsfError } from "../../../engine/core/WsfError";
import type { FormulaResult } from "../../../engine/scenario/FormulaResult";
import { equityTable } from "../../../engine/stats/equityTable";
import type { ColumnMapping } from "../../../engine/table/ColumnMapping";
import type { School } from "../../../engine/table/School";
import type { TableData } from "../../../workbook/WorkbookPort";
import { describeStatistic, type StatisticNote } from "./describeStatistic";

/** The value the dashboard measures: the formula's allocation per pupil, or a numeric column of the table. */
export const ALLOCATION = "allocation";

export interface EquityLine {
  metric: string;
  value: number | null;
  /** Why the statistic is undefined for these data (the engine's message), else null. */
  problem: string | null;
  note: StatisticNote | null;
}

/** Header words that mark dollars, so the lines read "$8,415" rather than "8,414.8". */
const MONEY = /\$|spend|alloc|amount|budget|fund|dollar|salar|cost|revenue|expend/i;

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

/**
 * Step 5: the equity statistics (`equityTable`) of a chosen value over the schools, pupil-weighted by
 * enrollment unless switched off, with poverty (low-income pupils over enrollment) when FRL is mapped.
 * Table columns are measured per pupil (divided by enrollment) unless `perPupil` is off.
 */
export function useEquity(table: TableData | null, mapping: ColumnMapping, schools: School[], result: FormulaResult | null) {
  const [source, setSource] = useState<string>(ALLOCATION);
  const [weighted, setWeighted] = useState(true);
  const [perPupil, setPerPupil] = useState(true);

  const columns = useMemo(
    () => (table ? table.info.headers.map((header, column) => ({ header, column })).filter(({ column }) => column !== mapping.id && isNumericColumn(table, schools, column)) : []),
    [table, schools, mapping.id],
  );
  const chosen = source === ALLOCATION ? null : columns.find((c) => String(c.column) === source) ?? null;
  const effectiveSource = source !== ALLOCATION && !chosen ? ALLOCATION : source;

  const outcome = useMemo((): { lines: EquityLine[]; units: number; error: string | null } => {
    if (!table) return { lines: [], units: 0, error: null };
    const values: number[] = [];
    const weights: number[] = [];
    const poverty: number[] = [];
    const frlHeader = mapping.frl === undefined ? null : String(table.info.headers[mapping.frl]);
    schools.forEach((s, i) => {
      let x: number | null;
      if (effectiveSource === ALLOCATION) x = result ? result.perPupil[i] : null;
      else {
        const cell = table.rows[s.row - 1]?.[Number(effectiveSource)];
        x = typeof cell === "number" ? (perPupil ? (s.enrollment > 0 ? cell / s.enrollment : null) : cell) : null;
      }
      if (x === null || s.enrollment <= 0) return;
      values.push(x);
      weights.push(s.enrollment);
      if (frlHeader !== null) poverty.push((s.counts[frlHeader] ?? 0) / s.enrollment);
    });
    if (effectiveSource === ALLOCATION && !result) return { lines: [], units: 0, error: "Define a formula that runs (step 3) to measure its allocation per pupil, or choose a column." };
    if (values.length === 0) return { lines: [], units: 0, error: "No school has a value and pupils to measure." };
    try {
      const rows = equityTable(sampleOf(values, weighted ? weights : undefined), frlHeader !== null ? Float64Array.from(poverty) : null, "Equity dashboard");
      const money = effectiveSource === ALLOCATION || MONEY.test(chosen?.header ?? "");
      const lines = rows.map(({ metric, value }) =>
        value instanceof WsfError
          ? { metric, value: null, problem: value.message, note: null }
          : { metric, value, problem: null, note: describeStatistic(metric, value, money) },
      );
      return { lines, units: values.length, error: null };
    } catch (error) {
      return { lines: [], units: 0, error: error instanceof Error ? error.message : String(error) };
    }
  }, [table, mapping.frl, schools, result, effectiveSource, chosen, perPupil, weighted]);

  return {
    source: effectiveSource,
    setSource,
    columns,
    weighted,
    setWeighted,
    perPupil,
    setPerPupil,
    hasPoverty: mapping.frl !== undefined,
    ...outcome,
  };
}
