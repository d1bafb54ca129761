import { eightSchoolDistrict } from "../../../src/engine/sample/eightSchoolDistrict";
import { groupMeans, mcLooneBelow, weightedCv, weightedFit, weightedGini, weightedMean } from "./naiveStats";

// Source: domain.md section 4, worked example E5 (enrollment, FRL share, unrestricted $, restricted $,
// weighted pupils), copied here digit for digit so the table under test is compared with the text.
const E5 = [
  ["S1", 420, 0.18, 2_730_000, 210_000, 455],
  ["S2", 610, 0.35, 3_904_000, 520_000, 700],
  ["S3", 380, 0.52, 2_470_000, 610_000, 462],
  ["S4", 950, 0.61, 6_080_000, 1_450_000, 1_180],
  ["S5", 300, 0.74, 2_010_000, 720_000, 390],
  ["S6", 720, 0.83, 4_680_000, 1_980_000, 968],
  ["S7", 510, 0.91, 3_264_000, 1_620_000, 700],
  ["S8", 265, 0.97, 1_775_500, 940_000, 372],
];

function columns() {
  const rows = eightSchoolDistrict().rows;
  const num = (k: number) => rows.map((r) => r[k] as number);
  const enrollment = num(1);
  const frl = num(2);
  const unrestricted = num(3);
  const restricted = num(4);
  const weighted = num(5);
  const totalPerPupil = enrollment.map((e, i) => (unrestricted[i] + restricted[i]) / e);
  const unrestrictedPerPupil = enrollment.map((e, i) => unrestricted[i] / e);
  const totalPerWeightedPupil = weighted.map((wp, i) => (unrestricted[i] + restricted[i]) / wp);
  return { enrollment, frl, totalPerPupil, unrestrictedPerPupil, totalPerWeightedPupil };
}

describe("eightSchoolDistrict", () => {
  it("has the E5 headers in E5's column order", () => {
    expect(eightSchoolDistrict().headers).toEqual(["School", "Enrollment", "FRL share", "Unrestricted spending", "Restricted spending", "Weighted pupils"]);
  });

  it("holds exactly the E5 rows of domain.md section 4", () => {
    expect(eightSchoolDistrict().rows).toEqual(E5);
  });

  it("returns a fresh copy, so a caller editing it cannot change the next call", () => {
    const first = eightSchoolDistrict();
    first.rows[0][1] = 0;
    expect(eightSchoolDistrict().rows[0][1]).toBe(420);
  });

  it("gives E5's pupil-weighted mean total per pupil 8,414.8014, recomputed by hand", () => {
    // Unrestricted: 2,730,000 + 3,904,000 + 2,470,000 + 6,080,000 + 2,010,000 + 4,680,000 + 3,264,000
    //   + 1,775,500 = 26,913,500. Restricted: 210,000 + 520,000 + 610,000 + 1,450,000 + 720,000
    //   + 1,980,000 + 1,620,000 + 940,000 = 8,050,000. All money 34,963,500.
    // Pupils: 420 + 610 + 380 + 950 + 300 + 720 + 510 + 265 = 4,155.
    // The pupil-weighted mean of per-pupil amounts is all money over all pupils: 34,963,500 / 4,155
    //   = 8,414.80144... (4,155 x 8,414.8 = 34,963,494; the remaining 6 / 4,155 = 0.00144).
    const byHand = 34_963_500 / 4_155;
    expect(byHand).toBeCloseTo(8414.8014, 4);
    const { enrollment, totalPerPupil } = columns();
    expect(weightedMean(totalPerPupil, enrollment)).toBeCloseTo(byHand, 8);
  });

  // The independent statistics of naiveStats.ts reproduce every published E5 figure; the sample tests
  // and the training figures rely on them, so this is where they earn that trust.
  it("reproduces E5's published total-per-pupil statistics with the naive implementations", () => {
    const { enrollment, frl, totalPerPupil } = columns();
    expect(weightedCv(totalPerPupil, enrollment)).toBeCloseTo(0.118753, 6);
    expect(mcLooneBelow(totalPerPupil, enrollment)).toBeCloseTo(0.928066, 6);
    expect(weightedGini(totalPerPupil, enrollment)).toBeCloseTo(0.06672, 6);
    const fit = weightedFit(totalPerPupil, frl, enrollment);
    expect(fit.r).toBeCloseTo(0.962306, 6);
    expect(fit.slope).toBeCloseTo(3993.8498, 4);
  });

  it("reproduces E5's unrestricted and per-weighted-pupil statistics", () => {
    const { enrollment, unrestrictedPerPupil, totalPerWeightedPupil } = columns();
    expect(weightedCv(unrestrictedPerPupil, enrollment)).toBeCloseTo(0.015368, 6);
    expect(weightedGini(unrestrictedPerPupil, enrollment)).toBeCloseTo(0.007487, 6);
    expect(weightedCv(totalPerWeightedPupil, enrollment)).toBeCloseTo(0.045925, 6);
  });

  it("splits E5 pupils into 2 poverty groups as the progressivity convention says (hand check)", () => {
    // Sorted by FRL the pupils are 420, 610, 380, 950 | ... : 4,155 / 2 = 2,077.5 pupils per group.
    // Group 1 = S1 (420) + S2 (610) + S3 (380) + 667.5 of S4's 950 pupils; group 2 = the other 282.5
    // of S4 + S5..S8. Per pupil: S1 7,000, S2 7,252.459..., S3 8,105.263..., S4 7,926.315...
    const s2 = 4_424_000 / 610;
    const s3 = 3_080_000 / 380;
    const s4 = 7_530_000 / 950;
    const group1 = (420 * 7000 + 610 * s2 + 380 * s3 + 667.5 * s4) / 2077.5;
    const { enrollment, frl, totalPerPupil } = columns();
    const [low] = groupMeans(totalPerPupil, frl, enrollment, 2);
    expect(low).toBeCloseTo(group1, 8);
  });
});
