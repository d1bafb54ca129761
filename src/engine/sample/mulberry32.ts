/**
 * Mulberry32, a 32-bit seeded pseudo-random generator (Tommy Ettinger's public-domain design). The
 * sample district must be the same on every machine and in every release, so it cannot use
 * `Math.random`; Mulberry32 needs one 32-bit integer of state, uses only `Math.imul` and shifts, and
 * passes the statistical tests that matter for synthetic data (not for cryptography).
 *
 * Cost O(1) per draw.
 *
 * @param seed any number; it is truncated to a 32-bit integer, so seeds that differ only in the
 *   fraction give the same stream.
 * @returns a function that yields uniform numbers in [0, 1) with 2^-32 resolution.
 * @example const next = mulberry32(1); next() // 0.6270739405881613, the same on every run
 */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
