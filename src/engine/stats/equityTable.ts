import { WeightedSample } from "../core/WeightedSample";
import { WsfError } from "../core/WsfError";
import { atkinson } from "./atkinson";
import { correlation } from "./correlation";
import { cv } from "./cv";
import { elasticity } from "./elasticity";
import { federalRangeRatio } from "./federalRangeRatio";
import { gini } from "./gini";
import { mcLoone } from "./mcLoone";
import { mean } from "./mean";
import { median } from "./median";
import { mld } from "./mld";
import { percentile } from "./percentile";
import { poorNonPoor } from "./poorNonPoor";
import { progressivity } from "./progressivity";
import { range } from "./range";
import { requireAligned } from "./requireAligned";
import { restrictedRange } from "./restrictedRange";
import { sdLogs } from "./sdLogs";
import { slope } from "./slope";
import { theil } from "./theil";
import { totalPupils } from "./totalPupils";
import { verstegen } from "./verstegen";

/** One line of the equity table: a readable metric name and its value, or why it is undefined for the data. */
export interface EquityTableRow {
  metric: string;
  value: number | WsfError;
}

/**
 * Every equity statistic with its default parameters, side by side (measures rank districts differently):
 * Mean, Median, 5th and 95th percentile, Range, Restricted range (P95 - P5), Federal range ratio,
 * Coefficient of variation, McLoone index ("below"), Verstegen index, Gini coefficient, Theil index (T),
 * Mean log deviation, Atkinson index (epsilon = 0.5), Standard deviation of logs; with poverty also
 * Correlation with poverty, Slope on poverty, Elasticity with poverty, Progressivity (top / bottom poverty
 * quartile) and Poor / non-poor ratio. Each statistic keeps its own convention (see its function).
 * A statistic that is undefined for the data (a log of 0, no variance in poverty) gives its `WsfError` as that
 * row's value instead of failing the table; every message names `fn`. All sorting statistics share one
 * cached sort of the sample (`sortedByValue`).
 *
 * Cost O(n) after one O(n) radix sort by value (and one by poverty); O(n log n) at worst.
 *
 * @throws WsfError DIV0 when there are no units or total pupils is 0 (no statistic is defined);
 *   VALUE when poverty does not line up with the values.
 * @example equityTable(sampleOf([8000, 9000], [100, 300]))[0] // { metric: "Mean", value: 8750 }
 */
export function equityTable(s: WeightedSample, poverty?: Float64Array | null, fn = "WSF.EQUITYTABLE"): EquityTableRow[] {
  totalPupils(s, fn);
  if (poverty) requireAligned(s, poverty, fn, "poverty");
  const statistics: [string, () => number][] = [
    ["Mean", () => mean(s, fn)],
    ["Median", () => median(s, fn)],
    ["5th percentile", () => percentile(s, 0.05, fn)],
    ["95th percentile", () => percentile(s, 0.95, fn)],
    ["Range", () => range(s, fn)],
    ["Restricted range (P95 - P5)", () => restrictedRange(s, 0.05, 0.95, fn)],
    ["Federal range ratio", () => federalRangeRatio(s, 0.05, 0.95, fn)],
    ["Coefficient of variation", () => cv(s, fn)],
    ["McLoone index", () => mcLoone(s, "below", fn)],
    ["Verstegen index", () => verstegen(s, fn)],
    ["Gini coefficient", () => gini(s, fn)],
    ["Theil index", () => theil(s, fn)],
    ["Mean log deviation", () => mld(s, fn)],
    ["Atkinson index (epsilon = 0.5)", () => atkinson(s, 0.5, fn)],
    ["Standard deviation of logs", () => sdLogs(s, fn)],
  ];
  if (poverty) {
    statistics.push(
      ["Correlation with poverty", () => correlation(s, poverty, fn)],
      ["Slope on poverty", () => slope(s, poverty, fn)],
      ["Elasticity with poverty", () => elasticity(s, poverty, fn)],
      ["Progressivity (highest / lowest poverty quartile)", () => progressivity(s, poverty, 4, fn)],
      ["Poor / non-poor ratio", () => poorNonPoor(s, poverty, fn)],
    );
  }
  return statistics.map(([metric, compute]) => ({ metric, value: valueOrError(compute) }));
}

function valueOrError(compute: () => number): number | WsfError {
  try {
    return compute();
  } catch (error) {
    if (error instanceof WsfError) return error;
    throw error;
  }
}
