/*
 * Tab-separated text as Excel puts it on the clipboard and reads it back: cells separated by tabs, rows by
 * CRLF (with a final CRLF), a cell holding a tab, a line break or a double quote wrapped in double quotes
 * with its quotes doubled.
 */

/** Rows of cell texts as Excel's clipboard text. */
export function formatTsv(rows: string[][]): string {
  const cell = (text: string) => (/[\t\r\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return rows.map((line) => line.map(cell).join("\t") + "\r\n").join("");
}

/** Clipboard text (from Excel, a text editor or this grid) as rows of cell texts; the last line break ends the last row. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let line: string[] = [];
  let k = 0;
  const n = text.length;
  while (k <= n) {
    let value = "";
    if (text[k] === '"') {
      // Quoted cell: up to the closing quote that is not doubled.
      let j = k + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          value = text.slice(k); // no closing quote: Excel takes the text as it is
          j = n;
          break;
        }
        if (text[q + 1] === '"') {
          value += text.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        value += text.slice(j, q);
        j = q + 1;
        break;
      }
      // Text after the closing quote (not a separator) belongs to the cell, as Excel reads it.
      const rest = /^[^\t\r\n]*/.exec(text.slice(j))![0];
      value += rest;
      k = j + rest.length;
    } else {
      const end = /[\t\r\n]|$/.exec(text.slice(k))!;
      value = text.slice(k, k + end.index);
      k += end.index;
    }
    line.push(value);
    if (k >= n) {
      rows.push(line);
      break;
    }
    if (text[k] === "\t") {
      k++;
      continue;
    }
    // A line break: \r\n, \n or \r.
    k += text[k] === "\r" && text[k + 1] === "\n" ? 2 : 1;
    rows.push(line);
    line = [];
    if (k >= n) break;
  }
  return rows;
}
