import { CompensatedSum } from "../core/sum";
import { valueError } from "../core/WsfError";
import { requireNonNegativeEntries, requireSameRows, requireShare } from "./inputChecks";
import { roundHalfUp } from "./roundHalfUp";

// Globals read once per module: under jest's vm context every global lookup (Math.max, Number.isNaN,
// Infinity) inside a loop over a million schools costs about a hundred times more; elsewhere it is free.
const isFiniteNumber = Number.isFinite;
const { max } = Math;

/** LCFF grants per row of ADA, each an unrounded dollar amount. */
export interface LcffResult {
  /** Sum over grade spans of the adjusted base rate x ADA. */
  adjustedBase: Float64Array;
  /** 20% x adjusted base x UPP. */
  supplemental: Float64Array;
  /** 65% x adjusted base x max(0, UPP - threshold). */
  concentration: Float64Array;
  /** adjustedBase + supplemental + concentration. */
  total: Float64Array;
}

const SPANS = ["K-3", "4-6", "7-8", "9-12"] as const;
/** Grade-span adjustment of the K-3 base (class-size reduction), Education Code 42238.02. */
const K3_ADJUSTMENT = 0.104;
/** Grade-span adjustment of the 9-12 base (career technical education). */
const HIGH_SCHOOL_ADJUSTMENT = 0.026;
const SUPPLEMENTAL_SHARE = 0.2;
const CONCENTRATION_SHARE = 0.65;

/**
 * California's Local Control Funding Formula, per row (a district, or a district-year), domain.md section 2:
 * - adjusted base rates: K-3 base + 10.4% of it, 4-6 and 7-8 bases as given, 9-12 base + 2.6% of it; with
 *   `roundGsa` the per-ADA adjustment is first rounded to whole dollars (half up) as CDE publishes it
 *   (2024-25: 10,025 x 0.104 = 1,042.6 -> 1,043; 12,144 x 0.026 = 315.744 -> 316);
 * - adjusted base = sum over the four spans of adjusted rate x ADA;
 * - supplemental = 20% x adjusted base x UPP;
 * - concentration = 65% x adjusted base x max(0, UPP - threshold) (threshold 55% since 2021-22, 50% before);
 * - total = the sum of the three. Nothing else is rounded.
 *
 * `ada` holds four columns (K-3, 4-6, 7-8, 9-12 ADA), each aligned with `upp` (index i is row i + 1).
 *
 * Cost O(n).
 *
 * @throws WsfError VALUE when ada does not have 4 columns, lengths differ, an ADA or base rate is negative or
 *   not a number, a UPP lies outside 0..1 (naming the row), or threshold lies outside 0..1.
 * @example lcff([[100], [0], [0], [0]].map((c) => Float64Array.from(c)), Float64Array.of(0.7), [10025, 10177, 10478, 12144]).total[0]
 *   // adjusted base 11,068 x 100 = 1,106,800; supplemental 154,952; concentration 107,913; total 1,369,665
 */
export function lcff(
  ada: Float64Array[],
  upp: Float64Array,
  baseRates: [number, number, number, number],
  threshold = 0.55,
  roundGsa = true,
  fn = "WSF.LCFF",
): LcffResult {
  if (ada.length !== SPANS.length) {
    throw valueError({ fn, arg: "ada" }, `has ${ada.length} columns, expected 4 (K-3, 4-6, 7-8 and 9-12 ADA)`);
  }
  if (baseRates.length !== SPANS.length) {
    throw valueError({ fn, arg: "baseRates" }, `has ${baseRates.length} rates, expected 4 (K-3, 4-6, 7-8 and 9-12)`);
  }
  requireNonNegativeEntries(baseRates, fn, "baseRates");
  requireShare(threshold, fn, "threshold");
  const n = upp.length;
  for (let s = 0; s < SPANS.length; s++) {
    const column = ada[s];
    requireSameRows(n, "upp", column.length, fn, `ada column ${s + 1} (${SPANS[s]})`);
    for (let i = 0; i < n; i++) {
      if (!isFiniteNumber(column[i]) || column[i] < 0) {
        throw valueError({ fn, arg: "ada", row: i + 1 }, `column ${s + 1} (${SPANS[s]}) is ${column[i]}, expected a number >= 0`);
      }
    }
  }
  for (let i = 0; i < n; i++) {
    if (!(upp[i] >= 0 && upp[i] <= 1)) throw valueError({ fn, arg: "upp", row: i + 1 }, `is ${upp[i]}, expected a share between 0 and 1`);
  }

  const adjustment = (rate: number, share: number) => (roundGsa ? roundHalfUp(rate * share) : rate * share);
  const adjustedRates = [
    baseRates[0] + adjustment(baseRates[0], K3_ADJUSTMENT),
    baseRates[1],
    baseRates[2],
    baseRates[3] + adjustment(baseRates[3], HIGH_SCHOOL_ADJUSTMENT),
  ];

  const result: LcffResult = {
    adjustedBase: new Float64Array(n),
    supplemental: new Float64Array(n),
    concentration: new Float64Array(n),
    total: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const base = new CompensatedSum();
    for (let s = 0; s < SPANS.length; s++) base.add(adjustedRates[s] * ada[s][i]);
    const adjustedBase = base.value;
    const supplemental = SUPPLEMENTAL_SHARE * adjustedBase * upp[i];
    const concentrationGrant = CONCENTRATION_SHARE * adjustedBase * max(0, upp[i] - threshold);
    result.adjustedBase[i] = adjustedBase;
    result.supplemental[i] = supplemental;
    result.concentration[i] = concentrationGrant;
    const total = new CompensatedSum();
    total.add(adjustedBase);
    total.add(supplemental);
    total.add(concentrationGrant);
    result.total[i] = total.value;
  }
  return result;
}
