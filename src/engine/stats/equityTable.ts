import { WeightedSample } from "../core/WeightedSample";
import { WsfError } from "../core/WsfError";
import { atkinson } from "./atkinson";
import { correlation } from "./correlation";
import { cv } from "./cv";
import { elasticity } from "./elasticity";
import { federalRangeRatio } from "./federalRangeRatio";
import { gini } from "./gini";
import { holdLogValues } from "./logValues";
import { holdSortedByValue } from "./sortedByValue";
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
import { holdWeightedMoments } from "./weightedMoments";

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
 * row's value instead of failing the table; every message names `fn`. All sorting statistics share one sort of
 * the sample (`sortedByValue`), the log-based ones (standard deviation of logs, elasticity, Theil, MLD) one set of logarithms (`logValues`), correlation and slope one set of moments; the first two held in scratch
 * memory for the call and forgotten after it (at a million rows fresh columns would bring on full garbage
 * collections over the caller's input).
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
  // What each statistic shares with others: the sort by value, the values' logarithms, or the moments of values and poverty.
  const statistics: [string, () => number, Shared?][] = [
    ["Mean", () => mean(s, fn)],
    ["Median", () => median(s, fn), "sorted"],
    ["5th percentile", () => percentile(s, 0.05, fn), "sorted"],
    ["95th percentile", () => percentile(s, 0.95, fn), "sorted"],
    ["Range", () => range(s, fn)],
    ["Restricted range (P95 - P5)", () => restrictedRange(s, 0.05, 0.95, fn), "sorted"],
    ["Federal range ratio", () => federalRangeRatio(s, 0.05, 0.95, fn), "sorted"],
    ["Coefficient of variation", () => cv(s, fn)],
    ["McLoone index", () => mcLoone(s, "below", fn), "sorted"],
    ["Verstegen index", () => verstegen(s, fn), "sorted"],
    ["Gini coefficient", () => gini(s, fn), "sorted"],
    ["Theil index", () => theil(s, fn), "logs"],
    ["Mean log deviation", () => mld(s, fn), "logs"],
    ["Atkinson index (epsilon = 0.5)", () => atkinson(s, 0.5, fn)],
    ["Standard deviation of logs", () => sdLogs(s, fn), "logs"],
  ];
  if (poverty) {
    statistics.push(
      ["Correlation with poverty", () => correlation(s, poverty, fn), "moments"],
      ["Slope on poverty", () => slope(s, poverty, fn), "moments"],
      ["Elasticity with poverty", () => elasticity(s, poverty, fn), "logs"],
      ["Progressivity (highest / lowest poverty quartile)", () => progressivity(s, poverty, 4, fn)],
      ["Poor / non-poor ratio", () => poorNonPoor(s, poverty, fn)],
    );
  }
  // Each statistic is a pure function of the (read-only) sample, so the order they run in changes nothing; they
  // run grouped by what they share, and the shared sort and logarithms live in scratch memory only while their
  // group runs (the poverty sort of the progressivity then reuses that memory).
  const values: (number | WsfError)[] = new Array(statistics.length);
  const run = (shared: Shared | undefined) => {
    statistics.forEach(([, compute, needs], k) => {
      if (needs === shared) values[k] = valueOrError(compute);
    });
  };
  const doneSorting = holdSortedByValue(s);
  try {
    run("sorted");
  } finally {
    doneSorting();
  }
  const doneLogs = holdLogValues(s, fn);
  try {
    run("logs");
  } finally {
    doneLogs();
  }
  if (poverty) {
    const doneMoments = holdWeightedMoments(s.values, poverty, s.weights);
    try {
      run("moments");
    } finally {
      doneMoments();
    }
  }
  run(undefined);
  return statistics.map(([metric], k) => ({ metric, value: values[k] }));
}

type Shared = "sorted" | "logs" | "moments";

function valueOrError(compute: () => number): number | WsfError {
  try {
    return compute();
  } catch (error) {
    if (error instanceof WsfError) return error;
    throw error;
  }
}
