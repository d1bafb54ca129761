import { keepShape } from "./keepShape";

/**
 * Neumaier's compensated summation (an improved Kahan sum). Money sums go through it so that adding a
 * million school amounts to a billion-dollar pool stays exact to the cent: the running error term
 * recovers the low-order digits a plain `+=` loses once the total is large.
 *
 * Cost O(n). Ignores nothing: the caller passes only the numbers to add.
 *
 * @example sum([0.1, 0.2, 0.3]) === 0.6 // a plain loop gives 0.6000000000000001
 */
// A module-level alias: inside sandboxed realms (jest, a vm context) every `Math.abs` is a global lookup
// through the sandbox, which made the hot loops below two orders of magnitude slower there.
const abs = Math.abs;

export function sum(values: ArrayLike<number>): number {
  let total = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    const t = total + x;
    if (abs(total) >= abs(x)) compensation += total - t + x;
    else compensation += x - t + total;
    total = t;
  }
  return total + compensation;
}

/**
 * A compensated accumulator for sums built up one term at a time (inside another loop).
 *
 * @example const acc = new CompensatedSum(); acc.add(0.1); acc.add(0.2); acc.value // 0.30000000000000004 -> 0.3
 */
export class CompensatedSum {
  private total = 0;
  private compensation = 0;

  add(x: number): void {
    const t = this.total + x;
    if (abs(this.total) >= abs(x)) this.compensation += this.total - t + x;
    else this.compensation += x - t + this.total;
    this.total = t;
  }

  get value(): number {
    return this.total + this.compensation;
  }
}

// Kept alive so that its hidden class, and the code V8 optimised for it, outlive garbage collections (keepShape.ts).
keepShape(new CompensatedSum()).add(0.5);
