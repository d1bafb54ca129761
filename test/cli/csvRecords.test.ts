import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { csvRecords, plainCsvRecords } from "../../src/cli/csvRecords";

/**
 * wsf splits plain CSV text itself (no quotes, one kind of line break) and hands any other text to csv-parse.
 * Independent implementation: csv-parse, with the options wsf used before (`relax_column_count`,
 * `skip_empty_lines: false`), on the same text.
 */
const byCsvParse = (text: string): string[][] => parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];

describe("csvRecords", () => {
  it("gives csv-parse's records for plain text with LF or CRLF line breaks, empty lines and fields included (property)", () => {
    const field = fc.stringMatching(/^[a-z0-9 .;\t-]{0,6}$/);
    const record = fc.array(field, { minLength: 1, maxLength: 5 }).map((fields) => fields.join(","));
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 12 }), fc.constantFrom("\n", "\r\n"), fc.boolean(), (records, lineBreak, finalBreak) => {
        const text = records.join(lineBreak) + (finalBreak ? lineBreak : "");
        fc.pre(text.length > 0);
        const plain = plainCsvRecords(text);
        expect(plain).not.toBeNull();
        expect(plain).toEqual(byCsvParse(text));
      }),
      { numRuns: 500 },
    );
  });

  it("leaves text with quotes or mixed line breaks to csv-parse, with the same records or the same error", async () => {
    for (const text of ['a,"b,c"\n1,2\n', 'a,"b""c"\r\n', "a,b\r\nc\nd", "a\rb\nc", 'a,"unclosed\n1,2\n']) {
      expect(plainCsvRecords(text)).toBeNull();
      let expected: unknown;
      try {
        expected = byCsvParse(text);
      } catch (error) {
        expected = (error as Error).message;
      }
      await expect(csvRecords(text).catch((error: Error) => error.message)).resolves.toEqual(expected);
    }
  });

  it("splits a hand-written file: header, a blank line, a trailing line break", async () => {
    await expect(csvRecords("School ID,Enrollment\r\nS1,100\r\n\r\nS2, 200 \r\n")).resolves.toEqual([["School ID", "Enrollment"], ["S1", "100"], [""], ["S2", " 200 "]]);
  });
});
