import { formatDollars, formatNumber, formatPercent, formatStatistic } from "../../common/formatNumbers";

/**
 * A benchmark often quoted for a statistic, shown as context and never as a verdict: a weighted formula is
 * unequal per pupil on purpose, and the federal range ratio is a test of a state's districts, not of a
 * district's schools. `source` names where the figure comes from.
 */
export interface Benchmark {
  text: string;
  source: string;
}

export interface StatisticNote {
  /** One plain-language line about what the value says. */
  line: string;
  benchmark: Benchmark | null;
}

/**
 * Correlation words, by the size of r (Cohen 1988, *Statistical Power Analysis for the Behavioral
 * Sciences*, section 3.2: 0.1 small, 0.3 medium, 0.5 large): below 0.1 in size there is no relation to
 * speak of, whatever the sign.
 */
export const CORRELATION_THRESHOLDS = { none: 0.1, weak: 0.3, moderate: 0.5 } as const;

/** "no relation", "a weak", "a moderate" or "a strong" relation for a correlation r. */
export function correlationStrength(r: number): "none" | "weak" | "moderate" | "strong" {
  const a = Math.abs(r);
  if (a < CORRELATION_THRESHOLDS.none) return "none";
  if (a < CORRELATION_THRESHOLDS.weak) return "weak";
  if (a < CORRELATION_THRESHOLDS.moderate) return "moderate";
  return "strong";
}

const ODDEN_PICUS = "Odden & Picus, School Finance: A Policy Perspective";

/** The benchmarks of domain.md section 3, with what they are meant for. */
const BENCHMARKS: Record<string, Benchmark> = {
  "Coefficient of variation": {
    text: "Often quoted: 0.10 or less among pupils of equal need (horizontal equity). A formula that gives more for need is unequal per pupil on purpose: read it per weighted pupil for how evenly equal need is treated.",
    source: ODDEN_PICUS,
  },
  "McLoone index": {
    text: "Often quoted: 0.95 or more among pupils of equal need. A weighted formula puts low-need schools below the median on purpose; read it per weighted pupil.",
    source: ODDEN_PICUS,
  },
  "Federal range ratio": {
    text: "This is the Impact Aid disparity test: a state passes when the ratio among its districts is 25% or less. It tests districts in a state, not the schools of one district; shown here as context only.",
    source: "34 CFR 222.162 and Appendix to Subpart K (Impact Aid)",
  },
  "Correlation with poverty": {
    text: "Sizes: under 0.1 no relation, 0.1 to 0.3 weak, 0.3 to 0.5 moderate, 0.5 or more strong.",
    source: "Cohen, Statistical Power Analysis for the Behavioral Sciences (1988)",
  },
};

/** Metrics whose value is in the unit of the measured value (dollars when the value is money). */
const IN_VALUE_UNITS = new Set(["Mean", "Median", "5th percentile", "95th percentile", "Range", "Restricted range (P95 - P5)", "Slope on poverty"]);
/** Metrics that are shares, shown as per cent. */
const SHARES = new Set(["Federal range ratio"]);

/**
 * How the dashboard shows a statistic's value: dollars to the dollar for money in dollars, shares as per
 * cent, every other statistic to 3-4 significant digits (formatStatistic).
 */
export function formatStatisticValue(metric: string, value: number, money: boolean): string {
  if (IN_VALUE_UNITS.has(metric)) return money ? formatDollars(value) : formatStatistic(value);
  if (SHARES.has(metric)) return formatPercent(value);
  return formatStatistic(value);
}

/**
 * The one-line explanation of an equity statistic for the dashboard, in the words of the value's unit
 * (`money`: dollars per pupil; otherwise plain numbers), right in sign and size: a correlation under 0.1
 * is "no relation", a slope that rounds to $0 per 10 points "does not change", and no "-0" ever. The
 * benchmark, where one is quoted, comes with its source as context. Statistics the pane does not know get
 * a neutral line.
 */
export function describeStatistic(metric: string, value: number, money: boolean): StatisticNote {
  const amount = (x: number) => (money ? formatDollars(x) : formatStatistic(x));
  const stat = formatStatistic(value);
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
    "McLoone index": () => `Schools below the median get ${formatPercent(value)} of what would bring them up to the median.`,
    "Verstegen index": () => `Schools above the median get ${stat} times the median, on average.`,
    "Gini coefficient": () => `${stat} on a scale where 0 is equal and 1 is one school with everything.`,
    "Theil index": () => `${stat}; 0 is equal. It can be split into gaps between and within regions.`,
    "Mean log deviation": () => `${stat}; 0 is equal. It weighs gaps at the bottom more than Theil does.`,
    "Atkinson index (epsilon = 0.5)": () => `Spread equally, ${formatPercent(1 - value)} of the money would be as good as all of it is now.`,
    "Standard deviation of logs": () => `${stat}: roughly the typical distance from the average in proportional terms.`,
    "Correlation with poverty": () => correlationLine(value),
    "Slope on poverty": () => slopeLine(value * 0.1, amount),
    "Elasticity with poverty": () =>
      Math.abs(value) < 0.005 ? `${stat}: the amount does not change with the poverty share.` : `A 1% higher poverty share goes with ${formatNumber(Math.abs(value))}% ${value > 0 ? "more" : "less"}.`,
    "Progressivity (highest / lowest poverty quartile)": () =>
      `The highest-poverty quarter of pupils get ${stat} times what the lowest-poverty quarter get; ${progressivityWord(value)}.`,
    "Poor / non-poor ratio": () => `Poor pupils' schools get ${stat} times what non-poor pupils' schools get.`,
  };
  const line = lines[metric]?.() ?? `${metric}: ${formatStatisticValue(metric, value, money)}.`;
  return { line, benchmark };
}

function correlationLine(r: number): string {
  const strength = correlationStrength(r);
  if (strength === "none") return `${formatStatistic(r)}: no relation with poverty (under 0.1 either way).`;
  const direction = r > 0 ? "higher-poverty schools tend to get more" : "higher-poverty schools tend to get less";
  return `${formatStatistic(r)}: a ${strength} relation; ${direction} (1 or -1 is a perfect line).`;
}

function slopeLine(per10: number, amount: (x: number) => string): string {
  const shown = amount(Math.abs(per10));
  if (/^\$?0$/.test(shown)) return "The amount does not change with poverty (under $1 per 10 points on the fitted line).";
  return `Each 10 points more poverty goes with ${shown} ${per10 > 0 ? "more" : "less"} (fitted line).`;
}

function progressivityWord(ratio: number): string {
  if (Math.abs(ratio - 1) < 0.005) return "about 1, neither progressive nor regressive";
  return ratio > 1 ? "above 1 is progressive" : "below 1 is regressive";
}
