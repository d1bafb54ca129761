import type { ColumnMapping } from "../../engine/table/ColumnMapping";
import type { TransitionSettings } from "../../engine/transition/TransitionSettings";
import type { CellValue, ChartSpec, SheetSpec, TableInfo } from "../../workbook/WorkbookPort";
import { columnLetters, rangeRef, rowCellRef } from "./a1";
import type { AllocationCells } from "./AllocationCells";
import { TRANSITION_SHEET } from "./sheetNames";
import { tableGeometry } from "./tableGeometry";

/** Where the transition sheet put things (tests and later sheets read it). */
export interface TransitionCells {
  sheet: string;
  years: number;
  /** 0-based rows: the rules block (one row per rule), the per-year summary's header, the schools' header and first row. */
  rules: { rate: number; maxLoss: number; maxGain: number; poolGrowth: number; factor: number };
  summaryHeaderRow: number;
  schoolHeaderRow: number;
  firstSchoolRow: number;
  lastSchoolRow: number;
  /** 0-based columns of each year's per-school target, amount, change and status. */
  yearColumns: { target: number; amount: number; change: number; status: number; weightedPupils: number | null }[];
  /** Summary columns (0-based). */
  summaryColumns: typeof SUMMARY_COLUMNS;
}

/** 0-based rows of the rules block: its header ("Rule", "Year 1", ...), then one row per rule; year k (0-based) in column 1 + k. */
export const TRANSITION_RULE_ROWS = { header: 3, rate: 4, maxLoss: 5, maxGain: 6, poolGrowth: 7, factor: 8, projected: 9 } as const;
/** What the projected-enrollment row says for a year on today's enrollment. */
export const TODAYS_ENROLLMENT = "today's enrollment";
/** What a stop-loss or gain cap row says for a year without that limit. */
export const NO_LIMIT = "none";

const SUMMARY_HEADERS = ["Year", "Cost of protection", "Total", "Formula target total", "Protected schools", "Cost per weighted pupil", "Schools phasing in"];
const SUMMARY_COLUMNS = { year: 0, cost: 1, total: 2, targetTotal: 3, protectedCount: 4, costPerWeightedPupil: 5, heldBack: 6 };
const SUMMARY_FORMATS = [null, "$#,##0", "$#,##0", "$#,##0", "0", "$#,##0.00", "0"];
/** A school is "Protected" / "Phasing in" when its amount is above / below its target by more than half a cent (as planTransition). */
const HALF_CENT = 0.005;

/**
 * The "WSF Transition" sheet (domain.md section 7): the plan's rules per year, a per-year summary and one
 * row per school of the allocation sheet, every number a formula so the plan follows the allocation:
 * - rules (rows 4-9): gap-closing rate, stop-loss, gain cap, pool growth (written as numbers a person may
 *   edit; a limit the plan does not have reads "none" and is left out of the formulas, never a reference to
 *   a blank cell, which some Excel builds pass as 0), the cumulative target factor (1 + growth) x ..., and
 *   the projected-enrollment column of each year;
 * - per school and year: target = the allocation sheet's formula amount x the year's factor (x projected /
 *   today's enrollment when a column is chosen; text saying what is missing otherwise, which PHASEIN turns
 *   into #VALUE! with that text), amount = WSF.PHASEIN(last year's amount, target, rate[, maxLoss][, maxGain])
 *   chaining from the allocation sheet's prior year, change, and status "Protected" (above target),
 *   "Phasing in" (below) or "At target" (within half a cent);
 * - per year: cost of protection (SUMIF of amount - target over the protected schools), total, target total,
 *   protected schools, cost per weighted pupil (where the pool is fixed: the base drop that pays for it),
 *   schools phasing in; a column chart of the cost by year beside it.
 * One formula per cell (not spills), so a bad school row stays an error in its own row in every year.
 * Columns come from the allocation sheet's cell map (`AllocationCells`), not fixed letters.
 *
 * @throws Error when a projected-enrollment header is not in the table, or the table address is unreadable.
 * @example transitionSheet(settings, { allocation, table, mapping, poolFixed: true }).sheet.name // "WSF Transition"
 */
export function transitionSheet(
  settings: TransitionSettings,
  context: { allocation: AllocationCells; table: TableInfo; mapping: ColumnMapping; poolFixed: boolean },
): { sheet: SheetSpec; chart: ChartSpec; cells: TransitionCells } {
  const { allocation, table, poolFixed } = context;
  const t = tableGeometry(table);
  const sheet = TRANSITION_SHEET;
  const years = settings.years.length;
  const n = allocation.lastDataRow - allocation.firstDataRow + 1;
  const alloc = (column: number, i: number) => rowCellRef(allocation.sheet, allocation.firstDataRow + i, column);
  const cell = (row: number, column: number) => `$${columnLetters(column)}$${row + 1}`;
  const rel = (row: number, column: number) => `${columnLetters(column)}${row + 1}`;

  const projectedIndex = settings.projectedEnrollment.map((header) => {
    if (header === null) return null;
    const index = table.headers.findIndex((h) => String(h) === header);
    if (index < 0) throw new Error(`The projected enrollment column "${header}" is not in the schools table any more; choose another column for that year.`);
    return index;
  });

  // Rules block: header row 3, then one row per rule; year k in column 1 + k.
  const rules = TRANSITION_RULE_ROWS;
  const ruleBlock: CellValue[][] = [
    ["Rule", ...settings.years.map((_, k) => `Year ${k + 1}`)],
    ["Gap-closing rate (share of the gap closed)", ...settings.years.map((y) => y.rate ?? 1)],
    ["Stop-loss (largest loss vs last year)", ...settings.years.map((y) => y.maxLoss ?? NO_LIMIT)],
    ["Gain cap (largest gain vs last year)", ...settings.years.map((y) => y.maxGain ?? NO_LIMIT)],
    ["Pool growth", ...settings.years.map((y) => y.poolGrowth ?? 0)],
    ["Target factor (growth so far)", ...settings.years.map((_, k) => `=${k === 0 ? "1" : cell(rules.factor, k)}*(1+${cell(rules.poolGrowth, 1 + k)})`)],
    ["Projected enrollment column", ...settings.projectedEnrollment.map((h) => h ?? TODAYS_ENROLLMENT)],
  ];

  // School block: A id, B name, C prior year, D formula target, then per year target, [weighted pupils], amount, change, status.
  const summaryHeaderRow = rules.projected + 2;
  const schoolHeaderRow = summaryHeaderRow + years + 2;
  const firstSchoolRow = schoolHeaderRow + 1;
  const lastSchoolRow = firstSchoolRow + n - 1;
  const yearColumns: TransitionCells["yearColumns"] = [];
  let next = 4;
  for (let k = 0; k < years; k++) {
    const withWp = projectedIndex[k] !== null && poolFixed;
    const target = next;
    const weightedPupils = withWp ? next + 1 : null;
    const amount = next + (withWp ? 2 : 1);
    yearColumns.push({ target, weightedPupils, amount, change: amount + 1, status: amount + 2 });
    next = amount + 3;
  }
  const header: CellValue[] = ["School ID", "School", "Prior year", "Formula target"];
  const formats: (string | null)[] = [null, null, "$#,##0", "$#,##0"];
  yearColumns.forEach((c, k) => {
    header[c.target] = `Year ${k + 1} target`;
    formats[c.target] = "$#,##0";
    if (c.weightedPupils !== null) {
      header[c.weightedPupils] = `Year ${k + 1} weighted pupils`;
      formats[c.weightedPupils] = "#,##0.00";
    }
    header[c.amount] = `Year ${k + 1} amount`;
    formats[c.amount] = "$#,##0";
    header[c.change] = `Year ${k + 1} change`;
    formats[c.change] = "$#,##0;-$#,##0";
    header[c.status] = `Year ${k + 1} status`;
    formats[c.status] = null;
  });

  const schoolRows: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    const r = firstSchoolRow + i;
    const dataRow = i + 1;
    const line: CellValue[] = new Array(next).fill(null);
    line[0] = `=${alloc(allocation.columns.id, i)}`;
    line[1] = `=IF(${alloc(allocation.columns.name, i)}="","",${alloc(allocation.columns.name, i)})`;
    line[2] = `=${alloc(allocation.columns.prior, i)}`;
    line[3] = `=${alloc(allocation.columns.formulaAmount, i)}`;
    const formulaTarget = rel(r, 3);
    const enrollment = alloc(allocation.columns.enrollment, i);
    yearColumns.forEach((c, k) => {
      const factor = cell(rules.factor, 1 + k);
      const p = projectedIndex[k];
      if (p === null) {
        line[c.target] = `=IF(${formulaTarget}="","",${formulaTarget}*${factor})`;
      } else {
        const projected = t.cell(p, dataRow);
        line[c.target] =
          `=IF(${formulaTarget}="","",IF(ISNUMBER(${projected}),IF(N(${enrollment})>0,${formulaTarget}*${factor}*${projected}/${enrollment},` +
          `IF(${projected}=0,${formulaTarget}*${factor},"today's enrollment is 0")),"projected enrollment is blank"))`;
        if (c.weightedPupils !== null) {
          const wp = alloc(allocation.columns.weightedPupils, i);
          line[c.weightedPupils] = `=IF(OR(${wp}="",NOT(ISNUMBER(${projected}))),"",IF(N(${enrollment})>0,${wp}*${projected}/${enrollment},${wp}))`;
        }
      }
      const prior = k === 0 ? rel(r, 2) : rel(r, yearColumns[k - 1].amount);
      const rule = settings.years[k];
      const args = [prior, rel(r, c.target), cell(rules.rate, 1 + k)];
      if (rule.maxLoss !== null || rule.maxGain !== null) args.push(rule.maxLoss !== null ? cell(rules.maxLoss, 1 + k) : "");
      if (rule.maxGain !== null) args.push(cell(rules.maxGain, 1 + k));
      const amount = rel(r, c.amount);
      const target = rel(r, c.target);
      line[c.amount] = `=WSF.PHASEIN(${args.join(",")})`;
      line[c.change] = `=IF(${amount}="","",${amount}-N(${prior}))`;
      line[c.status] = `=IF(${amount}="","",IF(${amount}-${target}>${HALF_CENT},"Protected",IF(${target}-${amount}>${HALF_CENT},"Phasing in","At target")))`;
    });
    schoolRows.push(line);
  }

  const column = (c: number) => rangeRef(sheet, firstSchoolRow, c, lastSchoolRow, c);
  const summary: CellValue[][] = [SUMMARY_HEADERS.slice()];
  yearColumns.forEach((c, k) => {
    const row = summaryHeaderRow + 1 + k;
    const status = column(c.status);
    const cost = `SUMIF(${status},"Protected",${column(c.amount)})-SUMIF(${status},"Protected",${column(c.target)})`;
    const weighted = c.weightedPupils !== null ? `SUM(${column(c.weightedPupils)})` : `SUM(${allocation.ranges.weightedPupils})`;
    const line: CellValue[] = new Array(SUMMARY_HEADERS.length).fill(null);
    line[SUMMARY_COLUMNS.year] = `Year ${k + 1}`;
    line[SUMMARY_COLUMNS.cost] = `=${cost}`;
    line[SUMMARY_COLUMNS.total] = `=SUM(${column(c.amount)})`;
    line[SUMMARY_COLUMNS.targetTotal] = `=SUM(${column(c.target)})`;
    line[SUMMARY_COLUMNS.protectedCount] = `=COUNTIF(${status},"Protected")`;
    line[SUMMARY_COLUMNS.costPerWeightedPupil] = poolFixed ? `=IF(${weighted}>0,${rel(row, SUMMARY_COLUMNS.cost)}/${weighted},"")` : "fixed base";
    line[SUMMARY_COLUMNS.heldBack] = `=COUNTIF(${status},"Phasing in")`;
    summary.push(line);
  });

  const note = poolFixed
    ? "The pool is fixed (a solved base): what protection costs comes out of the base; the cost per weighted pupil is how much lower the base must be to pay for it."
    : "The base is fixed: protection adds its cost to the total instead of lowering the base.";
  const chart: ChartSpec = {
    sheet,
    dataSheet: sheet,
    name: "WSF transition cost by year",
    type: "columnClustered",
    title: "Cost of protection by year",
    data: { row: summaryHeaderRow, column: SUMMARY_COLUMNS.year, rows: years + 1, columns: 2 },
    xAxisTitle: "Year of the transition",
    yAxisTitle: "Dollars above the formula target",
    yAxisNumberFormat: "$#,##0",
    dataLabelsNumberFormat: "$#,##0",
    position: { row: 0, column: 8, rows: schoolHeaderRow - 1, columns: 7 },
  };
  const percent = [null, ...settings.years.map(() => "0.00%")];
  return {
    sheet: {
      name: sheet,
      blocks: [
        { row: 0, column: 0, values: [[`Transition over ${years} years from the prior year to the formula ("${allocation.sheet}")`]], headerRow: true },
        { row: 1, column: 0, values: [[`Each year: last year's amount + rate x (target - last year), then held within the stop-loss and gain cap (WSF.PHASEIN). ${note}`]] },
        { row: 3, column: 0, values: ruleBlock.slice(0, 5), numberFormats: percent, headerRow: true },
        { row: rules.factor, column: 0, values: ruleBlock.slice(5), numberFormats: [null, ...settings.years.map(() => "0.0000")] },
        { row: summaryHeaderRow, column: 0, values: summary, numberFormats: SUMMARY_FORMATS, headerRow: true },
        { row: schoolHeaderRow, column: 0, values: [header], headerRow: true },
        { row: firstSchoolRow, column: 0, values: schoolRows, numberFormats: formats },
      ],
      columnWidths: [34, 26, 14, 14, ...new Array(next - 4).fill(13)],
      activate: true,
    },
    chart,
    cells: {
      sheet,
      years,
      rules: { rate: rules.rate, maxLoss: rules.maxLoss, maxGain: rules.maxGain, poolGrowth: rules.poolGrowth, factor: rules.factor },
      summaryHeaderRow,
      schoolHeaderRow,
      firstSchoolRow,
      lastSchoolRow,
      yearColumns,
      summaryColumns: SUMMARY_COLUMNS,
    },
  };
}
