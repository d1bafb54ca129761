import fc from "fast-check";
import { columnLetters } from "../../../src/workbook/shared/columnLetters";

/** Independent naive enumeration: count like an odometer over A..Z with no zero digit (A, ..., Z, AA, AB, ...). */
function naiveColumns(count: number): string[] {
  const out: string[] = [];
  let digits = [0]; // 0 = "A"
  for (let i = 0; i < count; i++) {
    out.push(digits.map((d) => String.fromCharCode(65 + d)).join(""));
    let k = digits.length - 1;
    while (k >= 0 && digits[k] === 25) digits[k--] = 0;
    if (k < 0) digits = [0, ...digits];
    else digits[k]++;
  }
  return out;
}

describe("columnLetters", () => {
  it("names the columns at the base-26 boundaries: 0 A, 25 Z, 26 AA, 701 ZZ, 702 AAA", () => {
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(25)).toBe("Z");
    expect(columnLetters(26)).toBe("AA");
    expect(columnLetters(701)).toBe("ZZ");
    expect(columnLetters(702)).toBe("AAA");
  });

  it("names Excel's last column, the 16,384th, XFD (Excel specifications and limits)", () => {
    expect(columnLetters(16383)).toBe("XFD");
  });

  it("agrees with a naive odometer enumeration for the first 20,000 columns", () => {
    const naive = naiveColumns(20000);
    for (let i = 0; i < naive.length; i++) if (columnLetters(i) !== naive[i]) throw new Error(`column ${i}: ${columnLetters(i)} vs ${naive[i]}`);
  });

  it("is strictly increasing in (length, alphabetical) order", () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), (n) => {
        const a = columnLetters(n);
        const b = columnLetters(n + 1);
        return a.length < b.length || (a.length === b.length && a < b);
      }),
    );
  });

  it("rejects negative and fractional indexes", () => {
    expect(() => columnLetters(-1)).toThrow(RangeError);
    expect(() => columnLetters(1.5)).toThrow(RangeError);
  });
});
