/*
 * The WSF custom functions: thin adapters from Excel's arguments to the engine and back.
 * Each JSDoc block below *is* Excel's formula help (custom-functions-metadata turns it into functions.json),
 * so every parameter is described and the function ids never change once shipped.
 *
 * Shared rules (see README "Conventions"): a row whose value cell is blank is ignored; text, booleans,
 * data types, negative pupils or a blank pupil beside a value give #VALUE! with a message naming the
 * function, the argument and the 1-based row; no usable rows or zero pupils give #DIV/0!; log-based
 * statistics on a value <= 0 give #NUM! (Excel shows no message on those two). Omitted optional arguments
 * arrive as null and take their documented default. Spilled columns line up with the input rows; an input
 * row that is entirely blank gives a blank cell. Row-wise functions keep a bad row to itself (its cell shows
 * the #VALUE!, the other rows compute); a problem of shape, and any bad row of an aggregate, fails the whole
 * result. A blank prior and a prior of 0 mean the same (some Excel builds pass a blank cell as 0).
 */
import { RowProblems } from "../engine/core/RowProblems";
import { readSample } from "../engine/core/WeightedSample";
import { toVector } from "../engine/core/cells";
import { valueError, WsfError } from "../engine/core/WsfError";
import * as stats from "../engine/stats";
import * as alloc from "../engine/allocation";
import {
  checkPolicyShare,
  checkShare,
  optionalBoolean,
  optionalChoice,
  optionalNumber,
  optionalNumberOrNull,
  optionalRange,
  readColumn,
  readCountMatrix,
  readLabels,
  readNumberList,
  readScalarOrColumn,
  requiredNumber,
  sameLength,
} from "./args";
import { excelCall, toExcelError } from "./excelErrors";
// Further function files, bundled into dist/functions.js so their CustomFunctions.associate calls run.
import "./transition";
import "./titleI";

type Spill = (string | number | boolean | CustomFunctions.Error)[][];

const POVERTY_BOUNDS = { min: 0, max: 1 };

function povertyExtra(poverty: any[][]) {
  return [{ arg: "poverty", cells: poverty, ...POVERTY_BOUNDS }];
}

/**
 * A spilled n x 1 column aligned with the input rows: rows marked blank stay blank, and a row with a problem
 * shows its own #VALUE! with the message (design.md, "Row-wise functions keep a bad row to itself").
 */
function spillColumn(values: ArrayLike<number>, isBlankRow: (i: number) => boolean, problems?: RowProblems): Spill {
  const out: Spill = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const problem = problems?.get(i);
    out[i] = [problem ? toExcelError(problem) : isBlankRow(i) ? "" : values[i]];
  }
  return out;
}

/** A copy of a column with its blank (NaN) rows and its bad rows as 0, so the maths never sees them. */
function usableRows(column: Float64Array, problems: RowProblems): Float64Array {
  const out = new Float64Array(column.length);
  for (let i = 0; i < column.length; i++) out[i] = Number.isNaN(column[i]) || problems.has(i) ? 0 : column[i];
  return out;
}

/** A value or, for a statistic that is undefined on this data, its Excel error in that cell. */
function cellOf(value: number | WsfError): number | CustomFunctions.Error {
  return value instanceof WsfError ? toExcelError(value) : value;
}

// ---------------------------------------------------------------------------------------------------
// Equity statistics
// ---------------------------------------------------------------------------------------------------

/**
 * Weighted mean of the values: sum of pupils x value / sum of pupils (each row counts once without pupils).
 * @customfunction MEAN
 * @param values Column or row of values, e.g. dollars per pupil by school. Blank rows are ignored.
 * @param [pupils] Pupils of each row, the weights. Omit for an unweighted mean.
 * @example =WSF.MEAN({10;20;30}, {1;1;2}) -> 22.5
 * @returns The pupil-weighted mean.
 */
export function mean(values: any[][], pupils?: any[][]): number {
  return excelCall("WSF.MEAN", () => stats.mean(readSample("WSF.MEAN", values, optionalRange(pupils)), "WSF.MEAN"));
}

/**
 * Percentile by the pupil nearest-rank rule (Impact Aid): the value of the first school, sorted by value, whose cumulative pupils reach p x total pupils. P(0.5) is the median by the same rule (it can differ from Excel's MEDIAN on an even count).
 * @customfunction PERCENTILE
 * @param values Column or row of values. Blank rows are ignored.
 * @param [pupils] Pupils of each row. Omit to count every row once.
 * @param [p] Share of pupils from 0 to 1, e.g. 0.05 for the 5th percentile. Default 0.5 (the median).
 * @example =WSF.PERCENTILE({800;820;900;1000;1100}, {1;9;80;9;1}, 0.05) -> 820
 * @returns The value at the p-th pupil.
 */
export function percentile(values: any[][], pupils?: any[][], p?: number): number {
  const fn = "WSF.PERCENTILE";
  return excelCall(fn, () => {
    const share = checkShare(optionalNumber(p, 0.5, fn, "p"), fn, "p");
    return stats.percentile(readSample(fn, values, optionalRange(pupils)), share, fn);
  });
}

/**
 * Range: the highest value minus the lowest, over rows with pupils > 0.
 * @customfunction RANGE
 * @param values Column or row of values. Blank rows are ignored.
 * @param [pupils] Pupils of each row; rows with 0 pupils are left out.
 * @example =WSF.RANGE({100;250;175}) -> 150
 * @returns Maximum minus minimum.
 */
export function range(values: any[][], pupils?: any[][]): number {
  return excelCall("WSF.RANGE", () => stats.range(readSample("WSF.RANGE", values, optionalRange(pupils)), "WSF.RANGE"));
}

/**
 * Restricted range: the value at the upper pupil percentile minus the value at the lower one (nearest rank on pupils).
 * @customfunction RESTRICTEDRANGE
 * @param values Column or row of values. Blank rows are ignored.
 * @param [pupils] Pupils of each row. Omit to count every row once.
 * @param [lower] Lower percentile as a share. Default 0.05.
 * @param [upper] Upper percentile as a share. Default 0.95.
 * @example =WSF.RESTRICTEDRANGE({800;820;900;1000;1100}, {1;9;80;9;1}) -> 180
 * @returns P(upper) - P(lower).
 */
export function restrictedRange(values: any[][], pupils?: any[][], lower?: number, upper?: number): number {
  const fn = "WSF.RESTRICTEDRANGE";
  return excelCall(fn, () => {
    const lo = checkShare(optionalNumber(lower, 0.05, fn, "lower"), fn, "lower");
    const hi = checkShare(optionalNumber(upper, 0.95, fn, "upper"), fn, "upper");
    return stats.restrictedRange(readSample(fn, values, optionalRange(pupils)), lo, hi, fn);
  });
}

/**
 * Federal range ratio (Impact Aid disparity test, 34 CFR 222): (P(upper) - P(lower)) / P(lower) with pupil percentiles. The test passes at 0.25 or less.
 * @customfunction FEDERALRANGERATIO
 * @param values Column or row of values, e.g. revenue per pupil by district. Blank rows are ignored.
 * @param [pupils] Pupils of each row. Omit to count every row once.
 * @param [lower] Lower percentile as a share. Default 0.05.
 * @param [upper] Upper percentile as a share. Default 0.95.
 * @example =WSF.FEDERALRANGERATIO({800;820;900;1000;1100}, {1;9;80;9;1}) -> 0.2195
 * @returns The federal range ratio.
 */
export function federalRangeRatio(values: any[][], pupils?: any[][], lower?: number, upper?: number): number {
  const fn = "WSF.FEDERALRANGERATIO";
  return excelCall(fn, () => {
    const lo = checkShare(optionalNumber(lower, 0.05, fn, "lower"), fn, "lower");
    const hi = checkShare(optionalNumber(upper, 0.95, fn, "upper"), fn, "upper");
    return stats.federalRangeRatio(readSample(fn, values, optionalRange(pupils)), lo, hi, fn);
  });
}

/**
 * Coefficient of variation: population standard deviation / mean, pupil-weighted. A common benchmark is 0.10 or less. (Named COEFVAR: Excel requires function names of three characters or more.)
 * @customfunction COEFVAR
 * @param values Column or row of values. Blank rows are ignored.
 * @param [pupils] Pupils of each row. Omit to count every row once.
 * @example =WSF.COEFVAR({90;110}) -> 0.1
 * @returns The coefficient of variation.
 */
export function coefvar(values: any[][], pupils?: any[][]): number {
  const fn = "WSF.COEFVAR";
  return excelCall(fn, () => stats.cv(readSample(fn, values, optionalRange(pupils)), fn));
}

/**
 * McLoone index: spending on pupils below the median relative to what they would get at the median (1 = full equity below the median; benchmark 0.95).
 * @customfunction MCLOONE
 * @param values Column or row of values. Blank rows are ignored.
 * @param [pupils] Pupils of each row. Omit to count every row once.
 * @param [method] "below" (default): schools strictly below the pupil median; "half": the lowest half of pupils, splitting the school that straddles the half.
 * @example =WSF.MCLOONE({1000;200;100;60;45;24}, {2;4;6;6;8;12}, "half") -> 0.7053
 * @returns The McLoone index.
 */
export function mcloone(values: any[][], pupils?: any[][], method?: string): number {
  const fn = "WSF.MCLOONE";
  return excelCall(fn, () => {
    const m = optionalChoice(method, ["below", "half"] as const, "below", fn, "method");
    return stats.mcLoone(readSample(fn, values, optionalRange(pupils)), m, fn);
  });
}

/**
 * Verstegen index: spending on pupils above the median relative to what they would get at the median (1 = no spread above the median).
 * @customfunction VERSTEGEN
 * @param values Column or row of values. Blank rows are ignored.
 * @param [pupils] Pupils of each row. Omit to count every row once.
 * @example =WSF.VERSTEGEN({1000;200;100;60;45;24}, {2;4;6;6;8;12}) -> 4.642
 * @returns The Verstegen index.
 */
export function verstegen(values: any[][], pupils?: any[][]): number {
  return excelCall("WSF.VERSTEGEN", () => stats.verstegen(readSample("WSF.VERSTEGEN", values, optionalRange(pupils)), "WSF.VERSTEGEN"));
}

/**
 * Gini coefficient, pupil-weighted, without small-sample correction: 0 when every pupil gets the same, towards 1 as money concentrates.
 * @customfunction GINI
 * @param values Column or row of values, e.g. dollars per pupil by school. Blank rows are ignored.
 * @param [pupils] Pupils of each row. Omit to count every row once.
 * @example =WSF.GINI({10;20}, {3;1}) -> 0.15
 * @returns The Gini coefficient.
 */
export function gini(values: any[][], pupils?: any[][]): number {
  return excelCall("WSF.GINI", () => stats.gini(readSample("WSF.GINI", values, optionalRange(pupils)), "WSF.GINI"));
}

/**
 * Theil T index (generalised entropy with parameter 1), pupil-weighted: 0 for perfect equality.
 * @customfunction THEIL
 * @param values Column or row of values (>= 0). Blank rows are ignored.
 * @param [pupils] Pupils of each row. Omit to count every row once.
 * @example =WSF.THEIL({1;3}) -> 0.1308
 * @returns The Theil T index.
 */
export function theil(values: any[][], pupils?: any[][]): number {
  return excelCall("WSF.THEIL", () => stats.theil(readSample("WSF.THEIL", values, optionalRange(pupils)), "WSF.THEIL"));
}

/**
 * Mean log deviation (Theil L), pupil-weighted: 0 for perfect equality. Needs every value > 0.
 * @customfunction MLD
 * @param values Column or row of values (> 0). Blank rows are ignored.
 * @param [pupils] Pupils of each row. Omit to count every row once.
 * @example =WSF.MLD({1;3}) -> 0.1438
 * @returns The mean log deviation.
 */
export function mld(values: any[][], pupils?: any[][]): number {
  return excelCall("WSF.MLD", () => stats.mld(readSample("WSF.MLD", values, optionalRange(pupils)), "WSF.MLD"));
}

/**
 * Atkinson index with inequality aversion epsilon, pupil-weighted: the share of the mean a district would give up for perfect equality.
 * @customfunction ATKINSON
 * @param values Column or row of values (> 0 when epsilon >= 1). Blank rows are ignored.
 * @param [pupils] Pupils of each row. Omit to count every row once.
 * @param [epsilon] Inequality aversion, 0 or more. Default 0.5.
 * @example =WSF.ATKINSON({1;3}, , 1) -> 0.134
 * @returns The Atkinson index.
 */
export function atkinson(values: any[][], pupils?: any[][], epsilon?: number): number {
  const fn = "WSF.ATKINSON";
  return excelCall(fn, () => stats.atkinson(readSample(fn, values, optionalRange(pupils)), optionalNumber(epsilon, 0.5, fn, "epsilon"), fn));
}

/**
 * Standard deviation of the natural logs of the values (population, pupil-weighted). Needs every value > 0.
 * @customfunction SDLOGS
 * @param values Column or row of values (> 0). Blank rows are ignored.
 * @param [pupils] Pupils of each row. Omit to count every row once.
 * @example =WSF.SDLOGS({1;100}) -> 2.3026
 * @returns The standard deviation of logs.
 */
export function sdlogs(values: any[][], pupils?: any[][]): number {
  return excelCall("WSF.SDLOGS", () => stats.sdLogs(readSample("WSF.SDLOGS", values, optionalRange(pupils)), "WSF.SDLOGS"));
}

/**
 * Weighted Pearson correlation between the values and a factor such as poverty share or property wealth (fiscal neutrality: 0.5 or less against wealth).
 * @customfunction CORRELATION
 * @param values Column or row of values. Blank rows are ignored.
 * @param factor The factor, row for row, e.g. the share of pupils in poverty.
 * @param [pupils] Pupils of each row. Omit to count every row once.
 * @example =WSF.CORRELATION({1;2;3}, {2;4;7}) -> 0.9934
 * @returns The correlation coefficient r.
 */
export function correlation(values: any[][], factor: any[][], pupils?: any[][]): number {
  const fn = "WSF.CORRELATION";
  return excelCall(fn, () => {
    const s = readSample(fn, values, optionalRange(pupils), { allowNegative: true, extra: [{ arg: "factor", cells: factor }] });
    return stats.correlation(s, s.extras[0], fn);
  });
}

/**
 * Weighted least-squares slope of the values on a factor: dollars more per unit of the factor (per 1.00 of poverty share, say).
 * @customfunction SLOPE
 * @param values Column or row of values. Blank rows are ignored.
 * @param factor The factor, row for row.
 * @param [pupils] Pupils of each row. Omit to count every row once.
 * @example =WSF.SLOPE({1;2;3}, {2;4;7}) -> 0.3947
 * @returns The slope.
 */
export function slope(values: any[][], factor: any[][], pupils?: any[][]): number {
  const fn = "WSF.SLOPE";
  return excelCall(fn, () => {
    const s = readSample(fn, values, optionalRange(pupils), { allowNegative: true, extra: [{ arg: "factor", cells: factor }] });
    return stats.slope(s, s.extras[0], fn);
  });
}

/**
 * Elasticity: weighted least-squares slope of ln(values) on ln(factor), the percent change in values per 1% of the factor (benchmark 0.10 or less against wealth). Needs values and factor > 0.
 * @customfunction ELASTICITY
 * @param values Column or row of values (> 0). Blank rows are ignored.
 * @param factor The factor (> 0), row for row.
 * @param [pupils] Pupils of each row. Omit to count every row once.
 * @example =WSF.ELASTICITY({2;8}, {1;4}) -> 1
 * @returns The elasticity.
 */
export function elasticity(values: any[][], factor: any[][], pupils?: any[][]): number {
  const fn = "WSF.ELASTICITY";
  return excelCall(fn, () => {
    const s = readSample(fn, values, optionalRange(pupils), { allowNegative: true, extra: [{ arg: "factor", cells: factor }] });
    return stats.elasticity(s, s.extras[0], fn);
  });
}

/**
 * Progressivity: mean value of the highest-poverty group of pupils divided by that of the lowest-poverty group. Schools are sorted by poverty and their pupils cut into equal groups (a school on a cut is split). Above 1 means more money where poverty is higher.
 * @customfunction PROGRESSIVITY
 * @param values Column or row of values, e.g. dollars per pupil. Blank rows are ignored.
 * @param poverty Poverty share of each row, from 0 to 1.
 * @param [pupils] Pupils of each row. Omit to count every row once.
 * @param [groups] Number of equal pupil groups, 2 or more. Default 4 (quartiles).
 * @example =WSF.PROGRESSIVITY({5000;6000}, {0.2;0.8}, {100;100}, 2) -> 1.2
 * @returns Highest-poverty group mean / lowest-poverty group mean.
 */
export function progressivity(values: any[][], poverty: any[][], pupils?: any[][], groups?: number): number {
  const fn = "WSF.PROGRESSIVITY";
  return excelCall(fn, () => {
    const s = readSample(fn, values, optionalRange(pupils), { extra: povertyExtra(poverty) });
    return stats.progressivity(s, s.extras[0], optionalNumber(groups, 4, fn, "groups"), fn);
  });
}

/**
 * Poor/non-poor ratio (Urban Institute style): the mean value per poor pupil divided by the mean value per non-poor pupil, with poor pupils = pupils x poverty share.
 * @customfunction POORNONPOOR
 * @param values Column or row of values. Blank rows are ignored.
 * @param poverty Poverty share of each row, from 0 to 1.
 * @param pupils Pupils of each row.
 * @example =WSF.POORNONPOOR({5000;6000}, {0.2;0.8}, {100;100}) -> 1.1154
 * @returns The poor-to-non-poor ratio.
 */
export function poorNonPoor(values: any[][], poverty: any[][], pupils: any[][]): number {
  const fn = "WSF.POORNONPOOR";
  return excelCall(fn, () => {
    if (pupils === null || pupils === undefined) throw valueError({ fn, arg: "pupils" }, "is required");
    const s = readSample(fn, values, pupils, { extra: povertyExtra(poverty) });
    return stats.poorNonPoor(s, s.extras[0], fn);
  });
}

/**
 * Groups of equal pupils by poverty (deciles by default), spilled one row per group: group number, lowest and highest poverty share in it, pupils, and mean value. A school on a cut is split by pupils.
 * @customfunction BYGROUP
 * @param values Column or row of values, e.g. dollars per pupil. Blank rows are ignored.
 * @param poverty Poverty share of each row, from 0 to 1.
 * @param [pupils] Pupils of each row. Omit to count every row once.
 * @param [groups] Number of equal pupil groups, 2 or more. Default 10 (deciles).
 * @example =WSF.BYGROUP({5000;6000}, {0.2;0.8}, {100;100}, 2) -> {1,0.2,0.2,100,5000;2,0.8,0.8,100,6000}
 * @returns A spill of groups x 5: group, min poverty, max poverty, pupils, mean value.
 */
export function byGroup(values: any[][], poverty: any[][], pupils?: any[][], groups?: number): any[][] {
  const fn = "WSF.BYGROUP";
  return excelCall(fn, () => {
    const s = readSample(fn, values, optionalRange(pupils), { extra: povertyExtra(poverty) });
    return stats.byGroup(s, s.extras[0], optionalNumber(groups, 10, fn, "groups"), fn).map((g) => [g.group, g.minPoverty, g.maxPoverty, g.pupils, g.mean]);
  });
}

/**
 * Flags each school "Low", "Typical" or "High" against the pupil-weighted least-squares line of values on poverty: Low below (1 - band) x fitted, High above (1 + band) x fitted.
 * @customfunction EXPENDITURELEVEL
 * @param values Column of values, e.g. unrestricted dollars per pupil. Blank rows are ignored and stay blank.
 * @param poverty Poverty share of each row, from 0 to 1.
 * @param [pupils] Pupils of each row. Omit to count every row once.
 * @param [band] Tolerance around the fitted line as a share. Default 0.10.
 * @example =WSF.EXPENDITURELEVEL({5000;6000;5500;7000}, {0.2;0.4;0.6;0.8}) -> {"Typical";"Typical";"Low";"Typical"}
 * @returns A spill n x 1 of "Low", "Typical" or "High", row for row.
 */
export function expenditureLevel(values: any[][], poverty: any[][], pupils?: any[][], band?: number): any[][] {
  const fn = "WSF.EXPENDITURELEVEL";
  return excelCall(fn, () => {
    // A bad row is left out of the fitted line and shows its own #VALUE!; the other rows are flagged.
    const problems = new RowProblems();
    const s = readSample(fn, values, optionalRange(pupils), { extra: povertyExtra(poverty), problems });
    const levels = stats.expenditureLevel(s, s.extras[0], optionalNumber(band, 0.1, fn, "band"), fn);
    const out: any[][] = Array.from({ length: s.inputLength }, (_, i) => {
      const problem = problems.get(i);
      return [problem ? toExcelError(problem) : ""];
    });
    for (let k = 0; k < levels.length; k++) out[s.rows[k] - 1][0] = levels[k];
    return out;
  });
}

/**
 * Lorenz curve points, pupil-weighted: cumulative share of pupils and cumulative share of the money, schools sorted from the lowest value, starting at (0, 0).
 * @customfunction LORENZ
 * @param values Column or row of values. Blank rows are ignored.
 * @param [pupils] Pupils of each row. Omit to count every row once.
 * @example =WSF.LORENZ({1;3}) -> {0,0;0.5,0.25;1,1}
 * @returns A spill (n + 1) x 2: cumulative pupil share, cumulative value share.
 */
export function lorenz(values: any[][], pupils?: any[][]): any[][] {
  const fn = "WSF.LORENZ";
  return excelCall(fn, () => {
    const curve = stats.lorenz(readSample(fn, values, optionalRange(pupils)), fn);
    const out: any[][] = new Array(curve.pupilShare.length);
    for (let i = 0; i < out.length; i++) out[i] = [curve.pupilShare[i], curve.valueShare[i]];
    return out;
  });
}

/**
 * Every equity statistic that applies, spilled as metric name and value: horizontal equity always; with poverty also correlation, slope, elasticity, progressivity and the poor/non-poor ratio. A statistic undefined for the data shows its error in its row.
 * @customfunction EQUITYTABLE
 * @param values Column or row of values, e.g. dollars per pupil by school. Blank rows are ignored.
 * @param [pupils] Pupils of each row. Omit to count every row once.
 * @param [poverty] Poverty share of each row, from 0 to 1, for the vertical-equity statistics.
 * @example =WSF.EQUITYTABLE(Schools!R2:R851, Schools!E2:E851, Schools!S2:S851) spills every statistic for per-pupil dollars in column R, pupils in E and poverty share in S
 * @returns A spill of metrics x 2: metric name, value.
 */
export function equityTable(values: any[][], pupils?: any[][], poverty?: any[][]): any[][] {
  const fn = "WSF.EQUITYTABLE";
  return excelCall(fn, () => {
    const povertyRange = optionalRange(poverty);
    const s = readSample(fn, values, optionalRange(pupils), { extra: povertyRange === null ? [] : povertyExtra(povertyRange as any[][]) });
    return stats.equityTable(s, povertyRange === null ? null : s.extras[0], fn).map((line) => [line.metric, cellOf(line.value)]);
  });
}

// ---------------------------------------------------------------------------------------------------
// Allocation
// ---------------------------------------------------------------------------------------------------

/**
 * Weighted pupils of each school: the sum over categories of count x weight (additive stacking). Use one column per category (grade bands, poverty, English learners, ...). A blank count is 0.
 * @customfunction WEIGHTEDPUPILS
 * @param counts Pupil counts, one row per school and one column per category.
 * @param weights One weight per category column, as a row or a column, e.g. 1, 0.12, 0.40.
 * @example =WSF.WEIGHTEDPUPILS({100,20;50,40}, {1,0.4}) -> {108;66}
 * @returns A spill n x 1 of weighted pupils, row for row (blank where the whole row is blank).
 */
export function weightedPupils(counts: any[][], weights: any[][]): any[][] {
  const fn = "WSF.WEIGHTEDPUPILS";
  return excelCall(fn, () => {
    const problems = new RowProblems();
    const m = readCountMatrix(counts, fn, "counts", problems);
    const w = readNumberList(weights, fn, "weights");
    return spillColumn(alloc.weightedPupils(m.columns, w, fn), (i) => m.blankRow[i] === 1, problems);
  });
}

/**
 * Extra weighted pupils for concentrations of need. "above": weight x pupils above threshold x enrollment (LCFF); "all": weight x all eligible pupils when their share exceeds the threshold; "ramp": weight x eligible x a share rising linearly from 0 at threshold to 1 at upper.
 * @customfunction CONCENTRATION
 * @param eligible Eligible pupils of each school (e.g. unduplicated or low-income count).
 * @param enrollment Enrollment of each school, row for row.
 * @param threshold Share of enrollment where the extra weight starts, e.g. 0.55.
 * @param weight Extra weight per eligible pupil counted, e.g. 0.65.
 * @param [mode] "above" (default), "all" or "ramp".
 * @param [upper] For "ramp": the share at which the full weight applies, e.g. 0.60.
 * @example =WSF.CONCENTRATION({80;40}, {100;100}, 0.55, 0.65) -> {16.25;0}
 * @returns A spill n x 1 of extra weighted pupils, row for row.
 */
export function concentration(eligible: any[][], enrollment: any[][], threshold: number, weight: number, mode?: string, upper?: number): any[][] {
  const fn = "WSF.CONCENTRATION";
  return excelCall(fn, () => {
    const problems = new RowProblems();
    const e = readColumn(eligible, fn, "eligible", false, problems);
    const n = readColumn(enrollment, fn, "enrollment", false, problems);
    sameLength(e, n, fn, "enrollment", "eligible");
    const t = checkPolicyShare(requiredNumber(threshold, fn, "threshold"), fn, "threshold");
    const w = requiredNumber(weight, fn, "weight");
    const m = optionalChoice(mode, ["above", "all", "ramp"] as const, "above", fn, "mode");
    const u = optionalNumberOrNull(upper, fn, "upper");
    const blank = (i: number) => Number.isNaN(e[i]) && Number.isNaN(n[i]);
    const present = (i: number) => !blank(i);
    for (let i = 0; i < e.length; i++) {
      if (!present(i) || problems.has(i)) continue;
      if (Number.isNaN(n[i])) problems.add(i, valueError({ fn, arg: "enrollment", row: i + 1 }, "is blank but eligible has a number"));
      else {
        const problem = alloc.eligibleRowProblem(Number.isNaN(e[i]) ? 0 : e[i], n[i], i, fn);
        if (problem) problems.add(i, problem);
      }
    }
    const extra = alloc.concentration(usableRows(e, problems), usableRows(n, problems), t, w, m, u, fn);
    return spillColumn(extra, blank, problems);
  });
}

/**
 * Formula allocation of each school: base x weighted pupils + fixed amount, unrounded (round final amounts with ROUND, keep the base unrounded).
 * @customfunction ALLOCATE
 * @param weightedPupils Weighted pupils of each school.
 * @param base Dollars per weighted pupil.
 * @param [fixed] Fixed amount per school: one number for every school, or a column row for row (foundation, small-school supplement). Default 0.
 * @example =WSF.ALLOCATE({108;66}, 4000, 10000) -> {442000;274000}
 * @returns A spill n x 1 of allocations, row for row.
 */
export function allocate(weightedPupils: any[][], base: number, fixed?: any[][]): any[][] {
  const fn = "WSF.ALLOCATE";
  return excelCall(fn, () => {
    const problems = new RowProblems();
    const wp = readColumn(weightedPupils, fn, "weightedPupils", false, problems);
    const b = requiredNumber(base, fn, "base");
    const f = fixed === null || fixed === undefined ? 0 : readScalarOrColumn(fixed, wp.length, fn, "fixed", problems);
    return spillColumn(alloc.allocate(usableRows(wp, problems), b, f, fn), (i) => Number.isNaN(wp[i]), problems);
  });
}

/**
 * The base (dollars per weighted pupil) that spends exactly the pool, with the protection rules in force: the sum over schools of base x weighted pupils + fixed, each held between prior x (1 - maxLoss) and prior x (1 + maxGain), equals the pool to the cent. #VALUE! says why when no base can (the floors alone cost more than the pool, say).
 * @customfunction SOLVEBASE
 * @param weightedPupils Weighted pupils of each school.
 * @param pool Total dollars to allocate.
 * @param [fixed] Fixed amount per school: one number or a column. Default 0.
 * @param [prior] Prior-year allocation of each school, for protection. A blank row (a new school) is unprotected.
 * @param [maxLoss] Largest loss against prior as a share, e.g. 0.05 for a 5% stop-loss. Omit for no floor.
 * @param [maxGain] Largest gain against prior as a share, e.g. 0.10. Omit for no cap.
 * @example =WSF.SOLVEBASE({108;66}, 716000, 10000) -> 4000
 * @returns The base per weighted pupil.
 */
export function solveBase(weightedPupils: any[][], pool: number, fixed?: any[][], prior?: any[][], maxLoss?: number, maxGain?: number): number {
  const fn = "WSF.SOLVEBASE";
  return excelCall(fn, () => {
    // An aggregate cannot be right with a row missing: one #VALUE! naming the first bad row of any column.
    const problems = new RowProblems();
    const wp = readColumn(weightedPupils, fn, "weightedPupils", false, problems);
    const p = requiredNumber(pool, fn, "pool");
    const f = fixed === null || fixed === undefined ? 0 : readScalarOrColumn(fixed, wp.length, fn, "fixed", problems);
    const rules = readProtection(fn, wp.length, prior, maxLoss, maxGain, problems);
    problems.throwFirst();
    return alloc.solveBase(zeroBlanks(wp), p, f, rules.prior, rules.maxLoss, rules.maxGain, fn);
  });
}

/**
 * Holds each allocation within the prior-year band: at least prior x (1 - maxLoss), at most prior x (1 + maxGain). A blank prior (a new school) leaves that row as it is.
 * @customfunction PROTECT
 * @param allocations Formula allocation of each school.
 * @param prior Prior-year allocation of each school, row for row.
 * @param [maxLoss] Largest loss as a share, e.g. 0.05. Omit for no floor.
 * @param [maxGain] Largest gain as a share, e.g. 0.10. Omit for no cap.
 * @example =WSF.PROTECT({95000;130000}, {100000;100000}, 0.03, 0.2) -> {97000;120000}
 * @returns A spill n x 1 of protected allocations, row for row.
 */
export function protect(allocations: any[][], prior: any[][], maxLoss?: number, maxGain?: number): any[][] {
  const fn = "WSF.PROTECT";
  return excelCall(fn, () => {
    const problems = new RowProblems();
    const a = readColumn(allocations, fn, "allocations", false, problems);
    const rules = readProtection(fn, a.length, prior, maxLoss, maxGain, problems);
    const priorColumn = rules.prior ?? new Float64Array(a.length).fill(NaN);
    for (let i = 0; i < priorColumn.length; i++) if (problems.has(i)) priorColumn[i] = NaN;
    return spillColumn(alloc.protect(usableRows(a, problems), priorColumn, rules.maxLoss, rules.maxGain, fn), (i) => Number.isNaN(a[i]), problems);
  });
}

/**
 * Dollars per pupil of each school: amount / pupils. A school with 0 pupils gets #DIV/0! in its own cell only.
 * @customfunction PERPUPIL
 * @param amounts Dollars of each school.
 * @param pupils Pupils (or weighted pupils) of each school, row for row.
 * @example =WSF.PERPUPIL({442000;274000}, {100;50}) -> {4420;5480}
 * @returns A spill n x 1 of dollars per pupil, row for row.
 */
export function perPupil(amounts: any[][], pupils: any[][]): any[][] {
  const fn = "WSF.PERPUPIL";
  return excelCall(fn, () => {
    const problems = new RowProblems();
    const a = readColumn(amounts, fn, "amounts", true, problems);
    const p = readColumn(pupils, fn, "pupils", false, problems);
    sameLength(a, p, fn, "pupils", "amounts");
    for (let i = 0; i < a.length; i++) {
      if (!Number.isNaN(a[i]) && Number.isNaN(p[i]) && !problems.has(i)) problems.add(i, valueError({ fn, arg: "pupils", row: i + 1 }, "is blank but amounts has a number"));
    }
    const ratios = alloc.perPupil(usableRows(a, problems), usableRows(p, problems));
    const out: Spill = new Array(a.length);
    for (let i = 0; i < a.length; i++) {
      const problem = problems.get(i);
      if (problem) out[i] = [toExcelError(problem)];
      else if (Number.isNaN(a[i])) out[i] = [""];
      // 0 pupils: Excel's own #DIV/0!, which explains itself (Excel shows no message on it).
      else if (Number.isNaN(ratios[i])) out[i] = [new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero)];
      else out[i] = [ratios[i]];
    }
    return out;
  });
}

/**
 * "Show the math" for one school: one line per category with label, count, weight, rate (weight x base) and amount (rate x count, unrounded), then a Total line.
 * @customfunction EXPLAIN
 * @param countsRow The school's counts, one per category (a row or a column).
 * @param weights One weight per category, in the same order.
 * @param base Dollars per weighted pupil.
 * @param [labels] Category names, in the same order. Default "Category 1", "Category 2", ...
 * @example =WSF.EXPLAIN({100,20}, {1,0.4}, 4000, {"Enrolled","Low income"}) -> {"Enrolled",100,1,4000,400000;"Low income",20,0.4,1600,32000;"Total",120,0.9,3600,432000}
 * @returns A spill (categories + 1) x 5: label, count, weight, rate, amount.
 */
export function explain(countsRow: any[][], weights: any[][], base: number, labels?: any[][]): any[][] {
  const fn = "WSF.EXPLAIN";
  return excelCall(fn, () => {
    const counts = readCountMatrix([toVector(countsRow, { fn, arg: "countsRow" })], fn, "countsRow").columns.map((c) => c[0]);
    const w = readNumberList(weights, fn, "weights");
    const b = requiredNumber(base, fn, "base");
    const names = readLabels(optionalRange(labels), w.length, fn, "labels");
    return alloc.explain(counts, w, b, names, fn).map((line) => [line.label, line.count, line.weight, line.rate, line.amount]);
  });
}

/**
 * Unduplicated pupil percentage (LCFF): total unduplicated pupils / total enrollment, as a ratio of sums (pass several years side by side for the three-year rolling figure).
 * @customfunction UPP
 * @param unduplicated Unduplicated English learner, low-income and foster pupils (one cell, a column, or columns of years).
 * @param enrollment Enrollment, the same shape.
 * @example =WSF.UPP({700,720,690}, {1000,1000,1000}) -> 0.7033
 * @returns The unduplicated pupil percentage as a share.
 */
export function upp(unduplicated: any[][], enrollment: any[][]): number {
  const fn = "WSF.UPP";
  return excelCall(fn, () => {
    const u = readCountMatrix(unduplicated, fn, "unduplicated");
    const e = readCountMatrix(enrollment, fn, "enrollment");
    if (u.rows !== e.rows || u.columns.length !== e.columns.length) {
      throw valueError({ fn, arg: "enrollment" }, `is ${e.rows} x ${e.columns.length} but unduplicated is ${u.rows} x ${u.columns.length}; they must be the same shape`);
    }
    return alloc.upp(concat(u.columns), concat(e.columns), fn);
  });
}

/**
 * California LCFF target per row of ADA: adjusted base grant (with the K-3 and 9-12 grade-span adjustments), supplemental grant (20% x adjusted base x UPP), concentration grant (65% x adjusted base x (UPP - threshold) above the threshold), and total.
 * @customfunction LCFF
 * @param ada ADA by grade span, 4 columns: K-3, 4-6, 7-8, 9-12; one row per district or school.
 * @param upp Unduplicated pupil percentage of each row, as a share.
 * @param baseRates Base grant per ADA for K-3, 4-6, 7-8, 9-12 (2024-25: 10025, 10177, 10478, 12144).
 * @param [threshold] UPP above which the concentration grant applies. Default 0.55.
 * @param [roundGsa] TRUE (default) rounds the grade-span adjustments per ADA to whole dollars, as CDE publishes them.
 * @example =WSF.LCFF({100,100,100,100}, {0.7}, {10025,10177,10478,12144}) -> {4418300,618562,430784.25,5467646.25}
 * @returns A spill n x 4: adjusted base, supplemental, concentration, total.
 */
export function lcff(ada: any[][], upp: any[][], baseRates: any[][], threshold?: number, roundGsa?: boolean): any[][] {
  const fn = "WSF.LCFF";
  return excelCall(fn, () => {
    const problems = new RowProblems();
    const a = readCountMatrix(ada, fn, "ada", problems);
    if (a.columns.length !== 4) throw valueError({ fn, arg: "ada" }, `has ${a.columns.length} columns, expected 4 (K-3, 4-6, 7-8, 9-12)`);
    const u = readColumn(upp, fn, "upp", false, problems);
    sameLength(u, a.blankRow, fn, "upp", "ada");
    const rates = readNumberList(baseRates, fn, "baseRates");
    if (rates.length !== 4) throw valueError({ fn, arg: "baseRates" }, `has ${rates.length} rates, expected 4 (K-3, 4-6, 7-8, 9-12)`);
    for (let i = 0; i < u.length; i++) {
      if (a.blankRow[i] === 0 && Number.isNaN(u[i])) problems.add(i, valueError({ fn, arg: "upp", row: i + 1 }, "is blank but ada has numbers"));
      if (u[i] > 1) problems.add(i, valueError({ fn, arg: "upp", row: i + 1 }, `is ${u[i]}, expected a share between 0 and 1`));
    }
    const t = checkPolicyShare(optionalNumber(threshold, 0.55, fn, "threshold"), fn, "threshold");
    const columns = a.columns.map((c) => usableRows(c, problems));
    const result = alloc.lcff(columns, usableRows(u, problems), rates as [number, number, number, number], t, optionalBoolean(roundGsa, true, fn, "roundGsa"), fn);
    const out: any[][] = new Array(u.length);
    for (let i = 0; i < u.length; i++) {
      const problem = problems.get(i);
      if (problem) {
        const cell = toExcelError(problem);
        out[i] = [cell, cell, cell, cell];
      } else {
        out[i] = a.blankRow[i] === 1 ? ["", "", "", ""] : [result.adjustedBase[i], result.supplemental[i], result.concentration[i], result.total[i]];
      }
    }
    return out;
  });
}

// ---------------------------------------------------------------------------------------------------

function readProtection(fn: string, length: number, prior: any[][] | undefined, maxLoss: number | undefined, maxGain: number | undefined, problems: RowProblems) {
  const loss = optionalNumberOrNull(maxLoss, fn, "maxLoss");
  const gain = optionalNumberOrNull(maxGain, fn, "maxGain");
  if (loss !== null) checkPolicyShare(loss, fn, "maxLoss");
  if (gain !== null && gain < 0) throw valueError({ fn, arg: "maxGain" }, `is ${gain}, expected a share >= 0`);
  const priorRange = optionalRange(prior);
  if (priorRange === null) {
    if (loss !== null || gain !== null) throw valueError({ fn, arg: "prior" }, "is needed when maxLoss or maxGain is given");
    return { prior: null, maxLoss: null, maxGain: null };
  }
  const column = readColumn(priorRange, fn, "prior", false, problems);
  if (column.length !== length) throw valueError({ fn, arg: "prior" }, `has ${column.length} rows but the schools number ${length}; they must be the same size`);
  return { prior: column, maxLoss: loss, maxGain: gain };
}

/** Blank cells (NaN) count as 0 for the arithmetic; the spill keeps them blank. */
function zeroBlanks(column: Float64Array): Float64Array {
  const out = new Float64Array(column.length);
  for (let i = 0; i < column.length; i++) out[i] = Number.isNaN(column[i]) ? 0 : column[i];
  return out;
}

function concat(columns: Float64Array[]): Float64Array {
  const total = columns.reduce((n, c) => n + c.length, 0);
  const out = new Float64Array(total);
  let offset = 0;
  for (const c of columns) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
