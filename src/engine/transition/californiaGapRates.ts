/**
 * California's published LCFF gap-closing rates, 2013-14 to 2018-19 (CDE, "LCFF Gap Funding",
 * www.cde.ca.gov/fg/aa/pa/lcffgapfunding.asp; domain.md section 7): each year a district received its
 * prior-year funding plus this share of the remaining gap to its target. The sixth year (2018-19, 100%)
 * closed the gap.
 *
 * @example californiaGapRates[0] // { year: "2013-14", rate: 0.120017 }
 */
export const californiaGapRates: readonly { year: string; rate: number }[] = Object.freeze([
  { year: "2013-14", rate: 0.120017 },
  { year: "2014-15", rate: 0.301602 },
  { year: "2015-16", rate: 0.525576 },
  { year: "2016-17", rate: 0.560768 },
  { year: "2017-18", rate: 0.429664 },
  { year: "2018-19", rate: 1 },
]);
