import fc from "fast-check";
import { sampleOf, WeightedSample } from "../../../src/engine/core/WeightedSample";

/** Per-pupil dollar amounts: positive, with some repeats so ties are exercised. */
export const dollars = fc.oneof(
  fc.double({ min: 1, max: 30_000, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(5_000, 8_000, 12_500),
);

/** Unit rows (value, integer pupils >= 0) with at least one pupil in total. */
export const units = (maxLength = 40) =>
  fc
    .array(fc.record({ value: dollars, pupils: fc.integer({ min: 0, max: 6 }) }), { minLength: 1, maxLength })
    .filter((rows) => rows.some((r) => r.pupils > 0));

/** Units with a poverty share each. */
export const povertyUnits = (maxLength = 40) =>
  fc
    .array(
      fc.record({ value: dollars, pupils: fc.integer({ min: 0, max: 6 }), poverty: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0.25, 0.5)) }),
      { minLength: 2, maxLength },
    )
    .filter((rows) => rows.some((r) => r.pupils > 0));

export function toSample(rows: { value: number; pupils: number }[]): WeightedSample {
  return sampleOf(rows.map((r) => r.value), rows.map((r) => r.pupils));
}

/** Every row repeated `pupils` times with weight 1 (rows with 0 pupils disappear). */
export function replicate<T extends { pupils: number }>(rows: T[]): T[] {
  return rows.flatMap((r) => Array.from({ length: r.pupils }, () => ({ ...r, pupils: 1 })));
}

/** |actual - expected| <= tolerance x max(1, |expected|). */
export function closeTo(actual: number, expected: number, tolerance = 1e-9): boolean {
  return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
}

/** The error `run` throws (fails the test when it returns). */
export function errorOf(run: () => unknown): { code?: string; message: string } {
  try {
    run();
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error("expected an error, but the call returned");
}
