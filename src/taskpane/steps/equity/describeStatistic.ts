import { formatDollars, formatNumber, formatPercent } from "../../common/formatNumbers";

/** A benchmark often quoted for a statistic (domain.md section 3) and whether a value meets it. */
export interface Benchmark {
  text: string;
  passes: (value: number) => boolean;
}

export interface StatisticNote {
  /** One plain-language line about what the value says. */
  line: string;
  benchmark: Benchmark | null;
}

/** Benchmarks: CV <= 0.10, McLoone >= 0.95, federal range ratio <= 25% (the Impact Aid disparity test). */
const BENCHMARKS: Record<string, Benchmark> = {
  "Coefficient of variation": { text: "Benchmark: 0.10 or less", passes: (v) => v <= 0.1 },
  "McLoone index": { text: "Benchmark: 0.95 or more", passes: (v) => v >= 0.95 },
  "Federal range ratio": { text: "Federal disparity test: 25% or less", passes: (v) => v <= 0.25 },
};

/**
 * The one-line explanation of an equity statistic for the dashboard, in the words of the value's unit
 * (`money`: dollars per pupil; otherwise plain numbers), with its benchmark where one is quoted.
 * Statistics the pane does not know get a neutral line.
 */
export function describeStatistic(metric: string, value: number, money: boolean): StatisticNote {
  const amount = (x: number) => (money ? formatDollars(x) : formatNumber(x));
  const benchmark = BENCHMARKS[metric] ?? null;
  const lines: Record<string, () => string> = {
    Mean: () => `The average pupil's school gets ${amount(value)}.`,
    Median: () => `Half the pupils are in schools at or below ${amount(value)}.`,
    "5th percentile": () => `5% of pupils are in schools at or below ${amount(value)}.`,
    "95th percentile": () => `5% of pupils are in schools above ${amount(value)}.`,
    Range: () => `The best- and worst-funded schools are ${amount(value)} apart.`,
    "Restricted range (P95 - P5)": () => `Leaving out the top and bottom 5% of pupils, the spread is ${amount(value)}.`,
    "Federal range ratio": () => `The 95th-percentile pupil's school gets ${formatPercent(value)} more than the 5th percentile's.`,
    "Coefficient of variation": () => `A typical school sits ${formatPercent(value)} away from the average.`,
    "McLoone index": () => `Schools below the median get ${formatPercent(value)} of what would bring them up to it.`,
    "Verstegen index": () => `Schools above the median get ${formatNumber(value)} times the median, on average.`,
    "Gini coefficient": () => `${formatNumber(value)} on a scale where 0 is equal and 1 is one school with everything.`,
    "Theil index": () => `${formatNumber(value)}; 0 is equal. It can be split into gaps between and within regions.`,
    "Mean log deviation": () => `${formatNumber(value)}; 0 is equal. It weighs gaps at the bottom more than Theil does.`,
    "Atkinson index (epsilon = 0.5)": () => `Spread equally, ${formatPercent(1 - value)} of the money would be as good as all of it is now.`,
    "Standard deviation of logs": () => `${formatNumber(value)}: roughly the typical distance from the average in proportional terms.`,
    "Correlation with poverty": () =>
      `${formatNumber(value)}: ${value > 0 ? "higher-poverty schools tend to get more" : value < 0 ? "higher-poverty schools tend to get less" : "no link with poverty"} (1 or -1 is a perfect line).`,
    "Slope on poverty": () => `Each 10 points more poverty goes with ${amount(value * 0.1)} ${value >= 0 ? "more" : "less"} (fitted line).`,
    "Elasticity with poverty": () => `A 1% higher poverty share goes with ${formatNumber(value)}% ${value >= 0 ? "more" : "less"}.`,
    "Progressivity (highest / lowest poverty quartile)": () =>
      `The highest-poverty quarter of pupils get ${formatNumber(value)} times what the lowest-poverty quarter get; above 1 is progressive.`,
    "Poor / non-poor ratio": () => `Poor pupils' schools get ${formatNumber(value)} times what non-poor pupils' schools get.`,
  };
  const line = lines[metric]?.() ?? `${metric}: ${money ? amount(value) : formatNumber(value)}.`;
  return { line, benchmark };
}
