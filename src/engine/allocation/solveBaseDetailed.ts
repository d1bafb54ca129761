import { CompensatedSum } from "../core/sum";
import { valueError } from "../core/WsfError";
import { formatAmount } from "./formatAmount";
import {
  fixedAmounts,
  requireFiniteScalar,
  requireNonNegativeEntries,
  requirePriorAmounts,
  requireProtectionLimits,
  requireSameRows,
} from "./inputChecks";

// Globals read once per module: under jest's vm context every global lookup (Math.max, Number.isNaN,
// Infinity) inside a loop over a million schools costs about a hundred times more; elsewhere it is free.
const { abs, max, min } = Math;
const isNotANumber = Number.isNaN;
const NOT_A_NUMBER = Number.NaN;
const INFINITY = Number.POSITIVE_INFINITY;

/** The solved base and what the protection rules did at it. */
export interface SolveBaseResult {
  /** The smallest base >= 0 at which the protected allocations add up to the pool. */
  base: number;
  /** Sum of the protected allocations at that base (equals the pool to the cent). */
  total: number;
  /** 0-based row indexes whose stop-loss floor binds (formula amount below the floor), in row order. */
  floored: number[];
  /** 0-based row indexes whose gain cap binds (formula amount above the cap), in row order. */
  capped: number[];
  /** Extra money the floors pay above the formula: sum over floored rows of floor - formula. */
  floorCost: number;
  /** Money the caps hold back: sum over capped rows of formula - cap. */
  capSavings: number;
}

/** "To the cent": a pool counts as met when the total is within half a cent of it. */
const HALF_CENT = 0.005;

/**
 * Solves the base that spends a fixed pool exactly under the protection rules (domain.md section 2: "when
 * the pool is fixed, protection is paid for by a lower base"): the smallest base >= 0 with
 *
 *     sum_i clamp(base x wp_i + fixed_i, floor_i, cap_i) = pool,
 *
 * floor_i = prior_i x (1 - maxLoss) and cap_i = prior_i x (1 + maxGain), as in `protect`. A row without a
 * prior (NaN) or with a prior of 0, or a null maxLoss / maxGain, has no floor / no cap. Without protection this is
 * base = (pool - sum fixed) / sum wp (Chicago FY14 solved a $1,961,280,000 pool to a $4,140 base).
 *
 * Method: the total is continuous, non-decreasing and piecewise linear in the base, with kinks where a row
 * leaves its floor, (floor_i - fixed_i) / wp_i, and reaches its cap, (cap_i - fixed_i) / wp_i. The kinks are
 * sorted and swept left to right, keeping the constant part and the slope of the current piece in
 * compensated sums; the piece that reaches the pool is solved exactly. No iteration, no tolerance on the base.
 * The smallest base is returned when the total is flat at the pool (every school capped, say).
 *
 * Cost O(n log n) for n schools (the sort), O(n) memory.
 *
 * @throws WsfError VALUE when the pool is negative, or cannot be met, with the numbers, e.g.
 *   `WSF.SOLVEBASE: pool 1,000,000 is less than the 1,250,000 the stop-loss floors and fixed amounts need at
 *   base 0`, or `... is more than the 5,500,000 the caps on gains allow at any base`; when weighted pupils
 *   are all 0 and the pool differs from the fixed amounts; on bad lengths or entries (naming the row).
 *   also when maxLoss lies outside 0..1 or maxGain is negative.
 * @example solveBaseDetailed(Float64Array.of(100, 300), 1000000).base // 2500
 * @example solveBaseDetailed(Float64Array.of(100, 400), 1000000, 0, Float64Array.of(400000, NaN), 0.1, null)
 *   // base 1,600: school 1 is held at its floor 360,000 (formula 160,000, floorCost 200,000), floored [0];
 *   // school 2 (new, no prior) gets 640,000
 */
export function solveBaseDetailed(
  weightedPupils: Float64Array,
  pool: number,
  fixed: number | Float64Array = 0,
  prior: Float64Array | null = null,
  maxLoss: number | null = null,
  maxGain: number | null = null,
  fn = "WSF.SOLVEBASE",
): SolveBaseResult {
  const n = weightedPupils.length;
  requireNonNegativeEntries(weightedPupils, fn, "weightedPupils");
  requireFiniteScalar(pool, fn, "pool");
  if (pool < 0) throw valueError({ fn, arg: "pool" }, `is ${formatAmount(pool)}, expected an amount >= 0`);
  const fixedAt = fixedAmounts(fixed, n, fn, "weightedPupils");
  if (prior !== null) {
    requireSameRows(n, "weightedPupils", prior.length, fn, "prior");
    requirePriorAmounts(prior, fn);
  }
  requireProtectionLimits(maxLoss, maxGain, fn);

  const fixedOf = new Float64Array(n);
  const floorOf = new Float64Array(n);
  const capOf = new Float64Array(n);
  let anyFloor = false;
  let anyPupils = false;
  for (let i = 0; i < n; i++) {
    fixedOf[i] = fixedAt(i);
    const p = prior === null ? NOT_A_NUMBER : prior[i];
    // A blank prior (NaN) and a prior of 0 both mean "no prior year, no band" (excel-behaviour.md item 5).
    const protectedRow = !isNotANumber(p) && p > 0;
    floorOf[i] = protectedRow && maxLoss !== null ? p * (1 - maxLoss) : -INFINITY;
    capOf[i] = protectedRow && maxGain !== null ? p * (1 + maxGain) : INFINITY;
    if (floorOf[i] > -INFINITY) anyFloor = true;
    if (weightedPupils[i] > 0) anyPupils = true;
  }

  const base = anyPupils
    ? sweepForBase(weightedPupils, pool, fixedOf, floorOf, capOf, anyFloor, fn)
    : requirePoolEqualsConstantTotal(pool, fixedOf, floorOf, capOf, fn);
  return describeAllocationAt(base, weightedPupils, fixedOf, floorOf, capOf);
}

function clamp(x: number, lo: number, hi: number): number {
  return min(max(x, lo), hi);
}

/** With no weighted pupils the base changes nothing: the pool must be what the fixed amounts already come to. */
function requirePoolEqualsConstantTotal(pool: number, fixedOf: Float64Array, floorOf: Float64Array, capOf: Float64Array, fn: string): number {
  const total = new CompensatedSum();
  for (let i = 0; i < fixedOf.length; i++) total.add(clamp(fixedOf[i], floorOf[i], capOf[i]));
  if (abs(total.value - pool) > HALF_CENT) {
    throw valueError(
      { fn, arg: "pool" },
      `${formatAmount(pool)} differs from the ${formatAmount(total.value)} the fixed amounts come to; weighted pupils are all 0, so no base can change the total`,
    );
  }
  return 0;
}

/** Sweeps the sorted kinks of the piecewise linear total and solves the piece on which it reaches the pool. */
function sweepForBase(
  wp: Float64Array,
  pool: number,
  fixedOf: Float64Array,
  floorOf: Float64Array,
  capOf: Float64Array,
  anyFloor: boolean,
  fn: string,
): number {
  const n = wp.length;
  // On the current piece, total(base) = constant + slope x base.
  const constant = new CompensatedSum();
  const slope = new CompensatedSum();
  // Counted separately so "no row is on its formula any more" is an exact test, not slope === 0 after
  // adding and removing floating-point weights.
  let rowsOnFormula = 0;

  // Kinks after base 0: a floored row joins the formula at (floor - fixed) / wp; a row on the formula
  // reaches its cap at (cap - fixed) / wp. A row can have both.
  const kinkAt = new Float64Array(2 * n);
  const constantChangeAt = new Float64Array(2 * n);
  const slopeChangeAt = new Float64Array(2 * n);
  let kinks = 0;
  for (let i = 0; i < n; i++) {
    const w = wp[i];
    const f = fixedOf[i];
    const lo = floorOf[i];
    const hi = capOf[i];
    if (w === 0) {
      constant.add(clamp(f, lo, hi));
      continue;
    }
    const leavesFloor = (lo - f) / w; // -INFINITY without a floor
    const reachesCap = (hi - f) / w; // +Infinity without a cap
    if (leavesFloor > 0) {
      constant.add(lo);
      kinkAt[kinks] = leavesFloor;
      constantChangeAt[kinks] = f - lo;
      slopeChangeAt[kinks++] = w;
    } else if (reachesCap <= 0) {
      constant.add(hi);
      continue;
    } else {
      constant.add(f);
      slope.add(w);
      rowsOnFormula++;
    }
    if (reachesCap < INFINITY) {
      kinkAt[kinks] = reachesCap;
      constantChangeAt[kinks] = hi - f;
      slopeChangeAt[kinks++] = -w;
    }
  }

  const totalAtZero = constant.value;
  if (pool <= totalAtZero) {
    if (totalAtZero - pool <= HALF_CENT) return 0;
    const who = anyFloor ? "the stop-loss floors and fixed amounts" : "the fixed amounts";
    throw valueError({ fn, arg: "pool" }, `${formatAmount(pool)} is less than the ${formatAmount(totalAtZero)} ${who} need at base 0`);
  }

  const order = ascendingOrder(kinkAt.subarray(0, kinks));
  let pieceStart = 0;
  for (let j = 0; j < kinks; j++) {
    const k = order[j];
    const pieceEnd = kinkAt[k];
    if (constant.value + slope.value * pieceEnd >= pool) {
      return solvePiece(pool, constant.value, slope.value, rowsOnFormula, pieceStart, pieceEnd);
    }
    constant.add(constantChangeAt[k]);
    slope.add(slopeChangeAt[k]);
    // A kink with a positive slope change is a row leaving its floor; a negative one, a row reaching its cap.
    rowsOnFormula += slopeChangeAt[k] > 0 ? 1 : -1;
    pieceStart = pieceEnd;
  }

  if (rowsOnFormula > 0) return solvePiece(pool, constant.value, slope.value, rowsOnFormula, pieceStart, INFINITY);
  // Every row with pupils sits at its cap: the total cannot grow past this.
  const ceiling = constant.value;
  if (pool - ceiling <= HALF_CENT) return pieceStart;
  throw valueError({ fn, arg: "pool" }, `${formatAmount(pool)} is more than the ${formatAmount(ceiling)} the caps on gains allow at any base`);
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * The permutation that sorts positive finite doubles ascending: an LSD radix sort on their bit patterns
 * (for doubles >= 0 the unsigned bit pattern orders like the number), 8 passes of one byte, keys moved with
 * their indexes so every pass reads memory in order. O(n); a comparator sort of indexes spends seconds on
 * the two million kinks of a million schools, mostly in the comparator.
 */
function ascendingOrder(keys: Float64Array): Uint32Array {
  const n = keys.length;
  const words = new Uint32Array(keys.buffer, keys.byteOffset, 2 * n);
  const lowWord = LITTLE_ENDIAN ? 0 : 1;
  let low = new Uint32Array(n);
  let high = new Uint32Array(n);
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    low[i] = words[2 * i + lowWord];
    high[i] = words[2 * i + 1 - lowWord];
    order[i] = i;
  }
  let nextLow = new Uint32Array(n);
  let nextHigh = new Uint32Array(n);
  let nextOrder = new Uint32Array(n);
  const start = new Uint32Array(256);
  for (let pass = 0; pass < 8; pass++) {
    const digitOf = pass < 4 ? low : high;
    const shift = (pass % 4) * 8;
    start.fill(0);
    for (let i = 0; i < n; i++) start[(digitOf[i] >>> shift) & 255]++;
    // A byte that every key shares (the exponent of similar magnitudes, say) leaves the order as it is.
    if (start[(digitOf[0] >>> shift) & 255] === n) continue;
    let offset = 0;
    for (let d = 0; d < 256; d++) {
      const c = start[d];
      start[d] = offset;
      offset += c;
    }
    for (let i = 0; i < n; i++) {
      const to = start[(digitOf[i] >>> shift) & 255]++;
      nextLow[to] = low[i];
      nextHigh[to] = high[i];
      nextOrder[to] = order[i];
    }
    [low, nextLow] = [nextLow, low];
    [high, nextHigh] = [nextHigh, high];
    [order, nextOrder] = [nextOrder, order];
  }
  return order;
}

/** Solves constant + slope x base = pool on [start, end]; clamping only absorbs rounding at the ends. */
function solvePiece(pool: number, constant: number, slope: number, rowsOnFormula: number, start: number, end: number): number {
  if (rowsOnFormula === 0 || !(slope > 0)) return start;
  return min(max((pool - constant) / slope, start), end);
}

/** Protected allocations at the solved base: their total, and which rows the floors and caps hold. */
function describeAllocationAt(base: number, wp: Float64Array, fixedOf: Float64Array, floorOf: Float64Array, capOf: Float64Array): SolveBaseResult {
  const total = new CompensatedSum();
  const floorCost = new CompensatedSum();
  const capSavings = new CompensatedSum();
  const floored: number[] = [];
  const capped: number[] = [];
  for (let i = 0; i < wp.length; i++) {
    const formula = base * wp[i] + fixedOf[i];
    const lo = floorOf[i];
    const hi = capOf[i];
    // A row whose formula amount lands on its floor or cap up to rounding (the pool was met exactly at its
    // kink) is not reported as protected.
    if (lo - formula > 1e-9 * max(1, abs(lo))) {
      floored.push(i);
      floorCost.add(lo - formula);
    } else if (formula - hi > 1e-9 * max(1, abs(hi))) {
      capped.push(i);
      capSavings.add(formula - hi);
    }
    total.add(clamp(formula, lo, hi));
  }
  return { base, total: total.value, floored, capped, floorCost: floorCost.value, capSavings: capSavings.value };
}
