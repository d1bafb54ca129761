/**
 * What each equity statistic means, in one line without its value, with the Excel number format the WSF
 * Equity sheet shows it in, and the benchmark often quoted for it as context (with its source), never as
 * a verdict (the small indices Theil, mean log deviation and Atkinson get 5 decimals, so they keep 3
 * significant digits at the sizes school funding gives). The order is `equityTable`'s (test/taskpane/sheets/equitySheet.test.ts checks it), so the
 * sheet can write the explanation beside each row of the WSF.EQUITYTABLE spill.
 */
export interface GlossaryEntry {
  metric: string;
  meaning: string;
  /** Excel number format of the value: dollars, per cent, or a statistic to 3-4 significant digits. */
  format: "$#,##0" | "0.0%" | "0.0000" | "0.00000" | "0.000";
  benchmark: string | null;
  source: string | null;
}

const ODDEN_PICUS = "Odden & Picus, School Finance: A Policy Perspective";
const IMPACT_AID = "34 CFR 222.162 and Appendix to Subpart K (Impact Aid)";
const COHEN = "Cohen, Statistical Power Analysis for the Behavioral Sciences (1988)";

export const GLOSSARY: readonly GlossaryEntry[] = [
  { metric: "Mean", meaning: "What the average pupil's school gets.", format: "$#,##0", benchmark: null, source: null },
  { metric: "Median", meaning: "Half the pupils are in schools at or below this amount.", format: "$#,##0", benchmark: null, source: null },
  { metric: "5th percentile", meaning: "5% of pupils are in schools at or below this amount.", format: "$#,##0", benchmark: null, source: null },
  { metric: "95th percentile", meaning: "5% of pupils are in schools above this amount.", format: "$#,##0", benchmark: null, source: null },
  { metric: "Range", meaning: "Highest minus lowest school.", format: "$#,##0", benchmark: null, source: null },
  { metric: "Restricted range (P95 - P5)", meaning: "The spread leaving out the top and bottom 5% of pupils.", format: "$#,##0", benchmark: null, source: null },
  {
    metric: "Federal range ratio",
    meaning: "How much more the 95th-percentile pupil's school gets than the 5th percentile's.",
    format: "0.0%",
    benchmark: "The Impact Aid disparity test: a state passes at 25% or less among its districts. It tests districts in a state, not one district's schools: context only.",
    source: IMPACT_AID,
  },
  {
    metric: "Coefficient of variation",
    meaning: "How far a typical school sits from the average, as a share of it; 0 is equal.",
    format: "0.0000",
    benchmark: "Often quoted: 0.10 or less among pupils of equal need. Per pupil a weighted formula is unequal on purpose; read the per weighted pupil column.",
    source: ODDEN_PICUS,
  },
  {
    metric: "McLoone index",
    meaning: "What schools below the median get, as a share of what would bring them up to it; 1 is equal.",
    format: "0.0000",
    benchmark: "Often quoted: 0.95 or more among pupils of equal need. Per pupil a weighted formula puts low-need schools below the median on purpose.",
    source: ODDEN_PICUS,
  },
  { metric: "Verstegen index", meaning: "What schools above the median get, as a multiple of the median; 1 is equal.", format: "0.000", benchmark: null, source: null },
  { metric: "Gini coefficient", meaning: "0 is equal, 1 is one school with everything.", format: "0.0000", benchmark: null, source: null },
  { metric: "Theil index", meaning: "0 is equal; splits into gaps between and within regions.", format: "0.00000", benchmark: null, source: null },
  { metric: "Mean log deviation", meaning: "0 is equal; weighs gaps at the bottom more than Theil does.", format: "0.00000", benchmark: null, source: null },
  { metric: "Atkinson index (epsilon = 0.5)", meaning: "The share of the money that could go if the rest were spread equally, at no loss of welfare; 0 is equal.", format: "0.00000", benchmark: null, source: null },
  { metric: "Standard deviation of logs", meaning: "Roughly the typical proportional distance from the average; 0 is equal.", format: "0.0000", benchmark: null, source: null },
  {
    metric: "Correlation with poverty",
    meaning: "Does money follow poverty? Under 0.1 either way there is no relation; near 1 more poverty, more money.",
    format: "0.0000",
    benchmark: "Sizes: under 0.1 none, 0.1 to 0.3 weak, 0.3 to 0.5 moderate, 0.5 or more strong.",
    source: COHEN,
  },
  { metric: "Slope on poverty", meaning: "Dollars more per pupil for each 100 points of poverty share on the fitted line (divide by 10 for 10 points).", format: "$#,##0", benchmark: null, source: null },
  { metric: "Elasticity with poverty", meaning: "Per cent more per pupil for 1% more poverty.", format: "0.0000", benchmark: null, source: null },
  { metric: "Progressivity (highest / lowest poverty quartile)", meaning: "What the highest-poverty quarter of pupils get over the lowest; above 1 is progressive.", format: "0.000", benchmark: null, source: null },
  { metric: "Poor / non-poor ratio", meaning: "What poor pupils' schools get over what non-poor pupils' schools get; above 1 is progressive.", format: "0.000", benchmark: null, source: null },
];
