import fc from "fast-check";
import { mulberry32 } from "../../../src/engine/sample/mulberry32";

/**
 * Reference: the widely copied one-line Mulberry32 from bryc's "PRNGs" collection
 * (github.com/bryc/code, jshash/PRNGs.md), retyped here as an independent implementation.
 */
function referenceMulberry32(a: number): () => number {
  return () => {
    let t = (a += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("mulberry32", () => {
  it("draws the same stream as the reference implementation for any 32-bit seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (seed) => {
        const ours = mulberry32(seed);
        const reference = referenceMulberry32(seed);
        for (let k = 0; k < 50; k++) if (ours() !== reference()) return false;
        return true;
      }),
    );
  });

  it("stays in [0, 1) with a mean near 1/2 and variance near 1/12 over 100,000 draws", () => {
    // A uniform on [0,1) has mean 1/2 and variance 1/12; the standard error of the mean of 100,000
    // draws is sqrt(1/12 / 100000) = 0.00091, so 0.005 is more than 5 standard errors.
    const next = mulberry32(2012);
    let s = 0;
    let ss = 0;
    let outside = 0;
    const n = 100_000;
    for (let k = 0; k < n; k++) {
      const u = next();
      if (!(u >= 0 && u < 1)) outside++;
      s += u;
      ss += u * u;
    }
    expect(outside).toBe(0);
    const mean = s / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(ss / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it("gives different streams for different seeds", () => {
    const a = mulberry32(1);
    const b = mulberry32(2);
    const drawsA = Array.from({ length: 5 }, a);
    const drawsB = Array.from({ length: 5 }, b);
    expect(drawsA).not.toEqual(drawsB);
  });
});
