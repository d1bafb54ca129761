import { valueError } from "../core/WsfError";
import type { School } from "../table";

/** The step name in messages from the task pane's formula, e.g. `Formula: FRL row 3 ...`. */
export const FORMULA = "Formula";

/**
 * One count column of the schools, by header, as the allocation engine takes it.
 *
 * Cost O(n).
 *
 * @throws WsfError VALUE naming the column when a school lacks it (the column is not mapped).
 * @example countColumn([{ counts: { EL: 10 }, ... }, { counts: { EL: 4 }, ... }], "EL", "weight") // Float64Array [10, 4]
 */
export function countColumn(schools: readonly School[], header: string, role: string): Float64Array {
  const out = new Float64Array(schools.length);
  for (let i = 0; i < schools.length; i++) {
    const x = schools[i].counts[header];
    if (x === undefined) {
      throw valueError({ fn: FORMULA, arg: role }, `column ${JSON.stringify(header)} is not a mapped count column of the schools table; map it or remove it from the formula`);
    }
    out[i] = x;
  }
  return out;
}

