/**
 * The records of a CSV text (comma-separated, UTF-8 already decoded, byte-order mark removed), each a list of
 * fields as written (no trimming), as csv-parse gives them with `relax_column_count` and `skip_empty_lines: false`:
 * an empty line is a record of one empty field, and a line break at the very end ends the last record without
 * starting another.
 *
 * A state file of 100,000 schools is a few megabytes of plain fields; csv-parse reads it a character at a time
 * (about 0.4 s of `wsf allocate` on such a file). A text without any quote character and with one kind of line
 * break throughout (every "\n", or every "\r\n") is split here directly, which gives the same records; any
 * other text (quoted fields, a lone "\r") goes to csv-parse, whose messages then name what is wrong.
 *
 * Cost O(length of the text).
 *
 * @throws Error from csv-parse (with its `lines`) for text it cannot read.
 * @example await csvRecords("a,b\r\nc\r\n") // [["a", "b"], ["c"]]
 */
export async function csvRecords(text: string): Promise<string[][]> {
  const plain = plainCsvRecords(text);
  if (plain !== null) return plain;
  // Loaded only for the texts that need it.
  const { parse } = await import("csv-parse/sync");
  return parse(text, { relax_column_count: true, skip_empty_lines: false }) as string[][];
}

/**
 * The records of a text without quotes and with one kind of line break, or null for any other text.
 *
 * Cost O(length of the text).
 */
export function plainCsvRecords(text: string): string[][] | null {
  if (text.includes('"')) return null;
  let lineBreak = "\n";
  if (text.includes("\r")) {
    // Every "\r" must start a "\r\n" and every "\n" end one; otherwise csv-parse decides.
    const crlf = text.split("\r\n");
    for (const piece of crlf) if (piece.includes("\r") || piece.includes("\n")) return null;
    lineBreak = "\r\n";
  }
  const lines = text.split(lineBreak);
  // A break at the very end ends the last record; it does not start an empty one.
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  const records: string[][] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) records[i] = lines[i].split(",");
  return records;
}
