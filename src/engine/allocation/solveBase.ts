import { solveBaseDetailed } from "./solveBaseDetailed";

/**
 * The base that spends `pool` exactly, to the cent, once fixed amounts and the stop-loss / gain-cap rules
 * are applied: the smallest base >= 0 with sum_i clamp(base x wp_i + fixed_i, prior_i x (1 - maxLoss),
 * prior_i x (1 + maxGain)) = pool. Without protection, base = (pool - sum fixed) / sum wp. See
 * `solveBaseDetailed` for the method and for which schools the rules protect and at what cost.
 *
 * Cost O(n log n).
 *
 * @throws WsfError VALUE when no base can meet the pool (the message gives the numbers), on a negative
 *   pool, bad inputs, maxLoss outside 0..1 or a negative maxGain.
 * @example solveBase(Float64Array.of(100, 300), 1000000) // 2500
 * @example solveBase(Float64Array.of(100, 300), 1250000, 25000) // 3000 = (1,250,000 - 2 x 25,000) / 400
 */
export function solveBase(
  weightedPupils: Float64Array,
  pool: number,
  fixed: number | Float64Array = 0,
  prior: Float64Array | null = null,
  maxLoss: number | null = null,
  maxGain: number | null = null,
  fn = "WSF.SOLVEBASE",
): number {
  return solveBaseDetailed(weightedPupils, pool, fixed, prior, maxLoss, maxGain, fn).base;
}
