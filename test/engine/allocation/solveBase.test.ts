import fc from "fast-check";
import { allocate } from "../../../src/engine/allocation/allocate";
import { protect } from "../../../src/engine/allocation/protect";
import { solveBase } from "../../../src/engine/allocation/solveBase";
import { sum } from "../../../src/engine/core/sum";
import { WsfError } from "../../../src/engine/core/WsfError";

/** Independent restatement of the target: the protected total at a base, one school at a time. */
function naiveProtectedTotal(base: number, wp: number[], fixed: number[], prior: number[], maxLoss: number | null, maxGain: number | null): number {
  let total = 0;
  for (let i = 0; i < wp.length; i++) {
    let x = base * wp[i] + fixed[i];
    // No band for a blank prior (NaN) or a prior of 0: some Excel builds pass a blank as 0 (excel-behaviour.md item 5).
    const banded = prior[i] > 0;
    if (banded && maxLoss !== null && x < prior[i] * (1 - maxLoss)) x = prior[i] * (1 - maxLoss);
    if (banded && maxGain !== null && x > prior[i] * (1 + maxGain)) x = prior[i] * (1 + maxGain);
    total += x;
  }
  return total;
}

/** Independent solver: bisection for the smallest base whose protected total reaches the pool. */
function bisectBase(pool: number, wp: number[], fixed: number[], prior: number[], maxLoss: number | null, maxGain: number | null): number {
  const total = (b: number) => naiveProtectedTotal(b, wp, fixed, prior, maxLoss, maxGain);
  if (total(0) >= pool) return 0;
  let hi = 1;
  while (total(hi) < pool) hi *= 2;
  let lo = 0;
  for (let step = 0; step < 200 && hi - lo > 0; step++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (total(mid) < pool) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** A district drawn at random, with a pool it can spend: the protected total at a base drawn too. */
const district = fc
  .record({
    schools: fc.array(
      fc.record({
        wp: fc.oneof(fc.constant(0), fc.double({ min: 0.5, max: 3000, noNaN: true })),
        fixed: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 500_000, noNaN: true })),
        prior: fc.oneof(fc.constant(NaN), fc.constant(0), fc.double({ min: 0, max: 20_000_000, noNaN: true })),
      }),
      { minLength: 1, maxLength: 40 },
    ),
    maxLoss: fc.option(fc.double({ min: 0, max: 0.3, noNaN: true })),
    maxGain: fc.option(fc.double({ min: 0, max: 0.5, noNaN: true })),
    targetBase: fc.double({ min: 0, max: 20_000, noNaN: true }),
  })
  .map(({ schools, maxLoss, maxGain, targetBase }) => {
    const wp = schools.map((s) => s.wp);
    const fixed = schools.map((s) => s.fixed);
    const prior = schools.map((s) => s.prior);
    const pool = naiveProtectedTotal(targetBase, wp, fixed, prior, maxLoss, maxGain);
    return { wp, fixed, prior, maxLoss, maxGain, targetBase, pool };
  });

describe("solveBase", () => {
  it("recovers Chicago's FY14 base: a $1,961,280,000 pool over 473,739.13 weighted pupils is $4,140", () => {
    // Chicago FY14 solved a 1,961,280,000 pool to a 4,140 base, so its weighted pupils were
    // 1,961,280,000 / 4,140 = 473,739.1304... Spread them over 600 schools of uneven size and solve again.
    const weightedTotal = 1_961_280_000 / 4140;
    const shape = Array.from({ length: 600 }, (_, i) => 200 + ((i * 37) % 900) + (i % 7) * 0.25);
    const shapeTotal = shape.reduce((a, b) => a + b, 0);
    const wp = Float64Array.from(shape, (s) => (s * weightedTotal) / shapeTotal);
    expect(sum(wp)).toBeCloseTo(473_739.13, 2);
    const base = solveBase(wp, 1_961_280_000);
    expect(base).toBeCloseTo(4140, 6);
    expect(Math.abs(sum(allocate(wp, base)) - 1_961_280_000)).toBeLessThan(0.01);
  });

  it("pays fixed amounts first: (pool - sum fixed) / sum wp without protection (hand calculation)", () => {
    // Three schools, foundation 225,000 each: (10,000,000 - 675,000) / (500 + 800 + 1,030.5) = 9,325,000 / 2,330.5 = 4,001.287277...
    const base = solveBase(Float64Array.of(500, 800, 1030.5), 10_000_000, 225_000);
    expect(base).toBeCloseTo(9_325_000 / 2330.5, 9);
  });

  it("pays for a stop-loss with a lower base (hand calculation)", () => {
    // Schools of 100 and 400 weighted pupils share 1,000,000: 2,000 per weighted pupil -> 200,000 and 800,000.
    // School 1 had 400,000 last year; with a 10% stop-loss it keeps 360,000, leaving 640,000 for school 2
    // (a new school, no prior): base = 640,000 / 400 = 1,600.
    expect(solveBase(Float64Array.of(100, 400), 1_000_000)).toBe(2000);
    expect(solveBase(Float64Array.of(100, 400), 1_000_000, 0, Float64Array.of(400_000, NaN), 0.1, null)).toBeCloseTo(1600, 9);
  });

  it("treats a prior of 0 like a blank prior: no band, so a gain cap does not hold a new school at 0 (hand calculation)", () => {
    // As in the stop-loss example, plus a 10% cap: school 2's prior 0 (a blank cell passed as 0 by some Excel
    // builds) must not cap it at 0 x 1.1 = 0. Same base 1,600 as with a blank (NaN) prior.
    const withZero = solveBase(Float64Array.of(100, 400), 1_000_000, 0, Float64Array.of(400_000, 0), 0.1, 0.1);
    const withBlank = solveBase(Float64Array.of(100, 400), 1_000_000, 0, Float64Array.of(400_000, NaN), 0.1, 0.1);
    expect(withZero).toBeCloseTo(1600, 9);
    expect(withZero).toBe(withBlank);
  });

  it("spends the pool to the cent once allocated and protected, for any feasible district", () => {
    fc.assert(
      fc.property(district, ({ wp, fixed, prior, maxLoss, maxGain, pool }) => {
        const w = Float64Array.from(wp);
        const p = Float64Array.from(prior);
        const f = Float64Array.from(fixed);
        const base = solveBase(w, pool, f, p, maxLoss, maxGain);
        expect(base).toBeGreaterThanOrEqual(0);
        const protectedAmounts = protect(allocate(w, base, f), p, maxLoss, maxGain);
        expect(Math.abs(sum(protectedAmounts) - pool)).toBeLessThanOrEqual(0.01);
      }),
      { numRuns: 400 },
    );
  });

  it("agrees with a bisection on the protected total and never exceeds the base the pool was built from", () => {
    fc.assert(
      fc.property(district, ({ wp, fixed, prior, maxLoss, maxGain, targetBase, pool }) => {
        const base = solveBase(Float64Array.from(wp), pool, Float64Array.from(fixed), Float64Array.from(prior), maxLoss, maxGain);
        const bisected = bisectBase(pool, wp, fixed, prior, maxLoss, maxGain);
        // Both find the smallest base that reaches the pool; a flat stretch of total within half a cent of the
        // pool is the only place they may part, so compare totals as well as bases.
        const slack = 1e-6 * Math.max(1, bisected);
        const totalGap = Math.abs(naiveProtectedTotal(base, wp, fixed, prior, maxLoss, maxGain) - naiveProtectedTotal(bisected, wp, fixed, prior, maxLoss, maxGain));
        expect(Math.abs(base - bisected) <= slack || totalGap <= 0.01).toBe(true);
        // Smallest-base convention; the slack is rounding (a millionth of a dollar per weighted pupil).
        expect(base).toBeLessThanOrEqual(targetBase * (1 + 1e-9) + 1e-6);
      }),
      { numRuns: 400 },
    );
  });

  it("solves a $1,000,000,000 pool over 1,000,000 schools to the cent, with stop-loss and caps", () => {
    // Deterministic uneven schools: 0.5 to 2.5 weighted pupils (about 1,000 dollars each at the solved base),
    // priors of 600 to 1,500 with every tenth school new (no prior), a 5% stop-loss and a 10% cap.
    const n = 1_000_000;
    const wp = new Float64Array(n);
    const prior = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      wp[i] = 0.5 + ((i * 7919) % 1000) / 500;
      prior[i] = i % 10 === 0 ? NaN : 600 + ((i * 104729) % 900);
    }
    const pool = 1_000_000_000;
    const base = solveBase(wp, pool, 0, prior, 0.05, 0.1);
    const amounts = protect(allocate(wp, base), prior, 0.05, 0.1);
    expect(Math.abs(sum(amounts) - pool)).toBeLessThanOrEqual(0.01);
  });

  it("returns 0 when the fixed amounts alone spend the pool", () => {
    expect(solveBase(Float64Array.of(10, 20), 100_000, 50_000)).toBe(0);
  });

  describe("impossible pools", () => {
    const messageOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(WsfError);
        return `${(e as WsfError).code} ${(e as WsfError).message}`;
      }
      return "no error";
    };

    it("says how much the floors need when the pool is below them", () => {
      // Hold harmless (maxLoss 0) on priors of 1,000,000 and 250,000: 1,250,000 is owed at base 0.
      const wp = Float64Array.of(100, 40, 60);
      const prior = Float64Array.of(1_000_000, 250_000, NaN);
      expect(messageOf(() => solveBase(wp, 1_000_000, 0, prior, 0, null))).toBe(
        "VALUE WSF.SOLVEBASE: pool 1,000,000 is less than the 1,250,000 the stop-loss floors and fixed amounts need at base 0",
      );
    });

    it("says how much the fixed amounts need when there is no protection", () => {
      // Three foundations of 225,000 = 675,000.
      expect(messageOf(() => solveBase(Float64Array.of(1, 2, 3), 600_000.5, 225_000))).toBe(
        "VALUE WSF.SOLVEBASE: pool 600,000.50 is less than the 675,000 the fixed amounts need at base 0",
      );
    });

    it("says how much the caps allow when the pool is above them", () => {
      // Caps of 10% over priors 1,000,000 and 4,000,000: at most 1,100,000 + 4,400,000 = 5,500,000.
      expect(messageOf(() => solveBase(Float64Array.of(100, 300), 6_000_000, 0, Float64Array.of(1_000_000, 4_000_000), null, 0.1))).toBe(
        "VALUE WSF.SOLVEBASE: pool 6,000,000 is more than the 5,500,000 the caps on gains allow at any base",
      );
      // A pool of exactly what the caps allow is met, at the smallest base that caps both:
      // max(1,100,000 / 100, 4,400,000 / 300) = max(11,000, 14,666.67) = 14,666.67.
      expect(solveBase(Float64Array.of(100, 300), 5_500_000, 0, Float64Array.of(1_000_000, 4_000_000), null, 0.1)).toBeCloseTo(4_400_000 / 300, 6);
    });

    it("requires the pool to equal the fixed amounts when there are no weighted pupils", () => {
      expect(solveBase(Float64Array.of(0, 0), 450_000, 225_000)).toBe(0);
      expect(messageOf(() => solveBase(Float64Array.of(0, 0), 500_000, 225_000))).toBe(
        "VALUE WSF.SOLVEBASE: pool 500,000 differs from the 450,000 the fixed amounts come to; weighted pupils are all 0, so no base can change the total",
      );
    });

    it("rejects a negative pool and bad protection parameters", () => {
      expect(messageOf(() => solveBase(Float64Array.of(1), -5))).toBe("VALUE WSF.SOLVEBASE: pool is -5, expected an amount >= 0");
      expect(messageOf(() => solveBase(Float64Array.of(1), 5, 0, Float64Array.of(1), 2, null))).toBe(
        "VALUE WSF.SOLVEBASE: maxLoss is 2, expected a share between 0 and 1 (e.g. 0.05 for 5%)",
      );
      expect(messageOf(() => solveBase(Float64Array.of(1, 2), 5, 0, Float64Array.of(1), 0.1, null))).toBe(
        "VALUE WSF.SOLVEBASE: prior has 1 rows but weightedPupils has 2; they must be the same size",
      );
      expect(messageOf(() => solveBase(Float64Array.of(1, NaN), 5))).toBe("VALUE WSF.SOLVEBASE: weightedPupils row 2 is NaN, expected a number");
    });
  });
});
