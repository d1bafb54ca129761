import fc from "fast-check";
import { formatTsv, parseTsv } from "../../src/playground/grid/tsv";

/* Excel's clipboard text: tabs between cells, CRLF after each row, quotes around a cell holding a tab, a line
 * break or a quote. The example strings are what Excel puts on the clipboard for the blocks described. */

test("a 2 x 3 block copied from Excel (CRLF after each row) reads as two rows of three", () => {
  expect(parseTsv("School\tEnrollment\tDollars\r\nA\t1,234\t$5,600\r\n")).toEqual([
    ["School", "Enrollment", "Dollars"],
    ["A", "1,234", "$5,600"],
  ]);
});

test("a cell with a line break or a quote comes quoted, quotes doubled; empty cells stay empty", () => {
  expect(parseTsv('"two\nlines"\t"say ""hi"""\t\r\n\tx\r\n')).toEqual([
    ["two\nlines", 'say "hi"', ""],
    ["", "x"],
  ]);
  expect(formatTsv([["two\nlines", 'say "hi"', ""], ["", "x"]])).toBe('"two\nlines"\t"say ""hi"""\t\r\n\tx\r\n');
});

test("text from a plain editor (LF, no final line break) and a single value read too", () => {
  expect(parseTsv("1\t2\n3\t4")).toEqual([
    ["1", "2"],
    ["3", "4"],
  ]);
  expect(parseTsv("42")).toEqual([["42"]]);
  expect(parseTsv("")).toEqual([[""]]);
});

test("property: any block of texts survives formatTsv then parseTsv", () => {
  const text = fc.string({ unit: fc.constantFrom("a", "b", " ", "\t", "\n", "\r", '"', "1", "$", ",") });
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (width, rows) => {
      const block = rows.map((line) => Array.from({ length: width }, (_, k) => line[k] ?? ""));
      // A block of one empty cell is the empty text plus a line break; it reads back as one empty cell.
      expect(parseTsv(formatTsv(block))).toEqual(block);
    }),
  );
});
