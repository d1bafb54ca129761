import { sampleOf } from "../../../src/engine/core/WeightedSample";

/**
 * domain.md section 4, E5: an 8-school district, flat general fund and need-based categorical money.
 * Columns: enrollment, FRL share, unrestricted $, restricted $, weighted pupils.
 */
export const E5_SCHOOLS = [
  { school: "S1", enrollment: 420, frl: 0.18, unrestricted: 2_730_000, restricted: 210_000, weightedPupils: 455 },
  { school: "S2", enrollment: 610, frl: 0.35, unrestricted: 3_904_000, restricted: 520_000, weightedPupils: 700 },
  { school: "S3", enrollment: 380, frl: 0.52, unrestricted: 2_470_000, restricted: 610_000, weightedPupils: 462 },
  { school: "S4", enrollment: 950, frl: 0.61, unrestricted: 6_080_000, restricted: 1_450_000, weightedPupils: 1180 },
  { school: "S5", enrollment: 300, frl: 0.74, unrestricted: 2_010_000, restricted: 720_000, weightedPupils: 390 },
  { school: "S6", enrollment: 720, frl: 0.83, unrestricted: 4_680_000, restricted: 1_980_000, weightedPupils: 968 },
  { school: "S7", enrollment: 510, frl: 0.91, unrestricted: 3_264_000, restricted: 1_620_000, weightedPupils: 700 },
  { school: "S8", enrollment: 265, frl: 0.97, unrestricted: 1_775_500, restricted: 940_000, weightedPupils: 372 },
];

const enrollment = E5_SCHOOLS.map((s) => s.enrollment);

/** E5 total ($ unrestricted + restricted) per pupil, weighted by enrollment. */
export const e5TotalPerPupil = sampleOf(E5_SCHOOLS.map((s) => (s.unrestricted + s.restricted) / s.enrollment), enrollment);

/** E5 unrestricted $ per pupil, weighted by enrollment. */
export const e5UnrestrictedPerPupil = sampleOf(E5_SCHOOLS.map((s) => s.unrestricted / s.enrollment), enrollment);

/**
 * E5 total $ per *weighted* pupil (the vertical-equity view), still weighted by enrollment: the published
 * CV 0.045925 is reproduced with enrollment weights (weighting by weighted pupils gives 0.046272).
 */
export const e5TotalPerWeightedPupil = sampleOf(E5_SCHOOLS.map((s) => (s.unrestricted + s.restricted) / s.weightedPupils), enrollment);

/** E5 FRL shares, row-aligned with the samples above. */
export const e5Frl = Float64Array.from(E5_SCHOOLS.map((s) => s.frl));
