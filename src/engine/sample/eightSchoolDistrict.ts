import { SampleTable } from "./SampleTable";

/**
 * The 8-school district of worked example E5 (domain.md section 4): a flat general fund and need-based
 * categorical money. Small enough to check every statistic by hand, so training and tests start here.
 *
 * Columns: "School", "Enrollment", "FRL share" (a ratio 0..1), "Unrestricted spending" and
 * "Restricted spending" (dollars per school), "Weighted pupils". The figures are E5's, unchanged;
 * pupil-weighted total per pupil has mean 8,414.8014 and CV 0.118753 (published with E5).
 *
 * Cost O(1); a fresh copy on every call, so callers may modify it.
 *
 * @throws nothing.
 * @example eightSchoolDistrict().rows[0] // ["S1", 420, 0.18, 2730000, 210000, 455]
 */
export function eightSchoolDistrict(): SampleTable {
  return {
    headers: ["School", "Enrollment", "FRL share", "Unrestricted spending", "Restricted spending", "Weighted pupils"],
    rows: [
      ["S1", 420, 0.18, 2_730_000, 210_000, 455],
      ["S2", 610, 0.35, 3_904_000, 520_000, 700],
      ["S3", 380, 0.52, 2_470_000, 610_000, 462],
      ["S4", 950, 0.61, 6_080_000, 1_450_000, 1_180],
      ["S5", 300, 0.74, 2_010_000, 720_000, 390],
      ["S6", 720, 0.83, 4_680_000, 1_980_000, 968],
      ["S7", 510, 0.91, 3_264_000, 1_620_000, 700],
      ["S8", 265, 0.97, 1_775_500, 940_000, 372],
    ],
  };
}
