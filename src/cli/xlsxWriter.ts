import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { crc32, createDeflateRaw, type DeflateRaw } from "node:zlib";

/**
 * A streaming .xlsx writer for state-sized outputs: rows go out as SpreadsheetML while they are produced,
 * deflated straight into the zip file, so memory stays flat whatever the number of schools.
 *
 * Why not exceljs's streaming writer (design.md names exceljs for .xlsx): measured here, it took 26 s and
 * 700 MB for 100,000 rows x 11 formula cells (its per-cell model objects, style lookups and an archiver
 * without back-pressure), against the issue's target of half of pandas' ~12 s for the whole run. This writer
 * produces only what the command line needs (values, formulas with cached results, number formats, bold,
 * column widths, frozen header) and its files are read back with exceljs in the tests.
 *
 * Format: ECMA-376 Part 1 (SpreadsheetML: workbook, worksheets with inline strings, styles) in a zip
 * (PKWARE APPNOTE 4.3: local headers with a data descriptor, central directory; no zip64, so each part stays
 * under 4 GB and the writer says so if one would not).
 */

/** A cell: a value, a formula with its cached result, or an Excel error such as "#DIV/0!". */
export type XCell =
  | number
  | string
  | boolean
  | null
  /** `escaped`: the formula is XML text already (`escapeXml`), e.g. a template escaped once for 100,000 rows. */
  | { formula: string; result?: number | string | boolean | { error: string } | null; escaped?: boolean }
  | { error: string };

/** How a cell looks: a number format and bold. */
export interface XStyle {
  numFmt?: string | null;
  bold?: boolean;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Text XML 1.0 cannot hold as it is: a markup character, or a character XML does not allow. */
const NEEDS_ESCAPING = /[<>&"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/**
 * Text as XML 1.0 character data or attribute value: the markup characters escaped, characters XML does not
 * allow dropped. Character by character, so escaping the pieces of a text and joining them gives the same as
 * escaping the whole.
 *
 * @example escapeXml('a<"b"') // "a&lt;&quot;b&quot;"
 */
export function escapeXml(text: string): string {
  // Most texts (names, ids, formulas) need nothing: one test instead of two replacements that copy the text.
  if (!NEEDS_ESCAPING.test(text)) return text;
  // Characters XML 1.0 does not allow are dropped; the five markup characters are escaped.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/[<>&"]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : "&quot;"));
}

/** Letters of the first columns, computed once (every cell of every row names its column). */
const COLUMN_LETTERS = Array.from({ length: 64 }, (_, c) => columnName(c));

/** 0-based column -> letters (A, B, ..., AA). */
function letters(column: number): string {
  return column < COLUMN_LETTERS.length ? COLUMN_LETTERS[column] : columnName(column);
}

function columnName(column: number): string {
  let s = "";
  let n = column + 1;
  while (n > 0) {
    const d = (n - 1) % 26;
    s = String.fromCharCode(65 + d) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function numberText(x: number): string {
  return Number.isFinite(x) ? String(x) : "0";
}

/**
 * zlib's level 3 rather than its default 6: the allocation sheet of 100,000 schools is about 300 MB of formula
 * text, which level 6 deflates in 2.8 s of CPU and level 3 in 1.1 s, for a file about 15% larger (28 MB -> 32 MB
 * for that sheet; measured with zlib.deflateRawSync). Any level reads back the same.
 */
const DEFLATE_LEVEL = 3;

interface Entry {
  name: string;
  offset: number;
  crc: number;
  compressed: number;
  size: number;
}

/** One zip entry being written: deflated through zlib into the file, CRC and sizes counted on the way. */
class EntryWriter {
  private crc = 0;
  private size = 0;
  private compressed = 0;
  private readonly deflate: DeflateRaw;
  private readonly done: Promise<void>;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(
    private readonly zip: XlsxWriter,
    readonly name: string,
    readonly offset: number,
  ) {
    this.deflate = createDeflateRaw({ level: DEFLATE_LEVEL, memLevel: 9 });
    this.deflate.on("data", (chunk: Buffer) => {
      this.compressed += chunk.length;
      if (!this.zip.out.write(chunk)) {
        this.deflate.pause();
        this.zip.out.once("drain", () => this.deflate.resume());
      }
    });
    this.done = once(this.deflate, "end").then(() => undefined);
  }

  /**
   * Queues text; flushes to zlib in chunks of about 1 MB, waiting when zlib or the file is behind. Returns a
   * promise only when it flushes (a row that is only queued costs no promise).
   */
  write(text: string): Promise<void> | undefined {
    this.pending.push(text);
    this.pendingLength += text.length;
    return this.pendingLength >= 1 << 20 ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const buffer = Buffer.from(this.pending.join(""), "utf8");
    this.pending = [];
    this.pendingLength = 0;
    this.crc = crc32(buffer, this.crc);
    this.size += buffer.length;
    if (!this.deflate.write(buffer)) await once(this.deflate, "drain");
  }

  async end(): Promise<Entry> {
    await this.flush();
    this.deflate.end();
    await this.done;
    if (this.size > 0xffffffff || this.compressed > 0xffffffff) throw new Error(`${this.name} would exceed 4 GB, too large for an .xlsx part`);
    return { name: this.name, offset: this.offset, crc: this.crc >>> 0, compressed: this.compressed, size: this.size };
  }
}

/** A worksheet being written, rows in increasing order. */
export class SheetWriter {
  constructor(
    private readonly entry: EntryWriter,
    private readonly styleOf: (style: XStyle | null | undefined) => number,
  ) {}

  /**
   * Writes sheet row `row` (1-based): `cells[c]` goes to column c (0-based); null cells are left out.
   * `styles[c]` gives each cell's style (the same object for a whole column is cheapest).
   */
  row(row: number, cells: readonly XCell[], styles?: readonly (XStyle | null | undefined)[]): Promise<void> | undefined {
    let xml = `<row r="${row}">`;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (v === null || v === undefined) continue;
      const s = styles ? this.styleOf(styles[c]) : 0;
      const ref = `${letters(c)}${row}`;
      const sAttr = s === 0 ? "" : ` s="${s}"`;
      if (typeof v === "number") xml += `<c r="${ref}"${sAttr}><v>${numberText(v)}</v></c>`;
      else if (typeof v === "string") xml += `<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
      else if (typeof v === "boolean") xml += `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
      else if ("formula" in v) {
        const f = `<f>${v.escaped === true ? v.formula : escapeXml(v.formula)}</f>`;
        const r = v.result;
        if (r === undefined || r === null) xml += `<c r="${ref}"${sAttr}>${f}</c>`;
        else if (typeof r === "number") xml += `<c r="${ref}"${sAttr}>${f}<v>${numberText(r)}</v></c>`;
        else if (typeof r === "string") xml += `<c r="${ref}"${sAttr} t="str">${f}<v>${escapeXml(r)}</v></c>`;
        else if (typeof r === "boolean") xml += `<c r="${ref}"${sAttr} t="b">${f}<v>${r ? 1 : 0}</v></c>`;
        else xml += `<c r="${ref}"${sAttr} t="e">${f}<v>${escapeXml(r.error)}</v></c>`;
      } else xml += `<c r="${ref}"${sAttr} t="e"><v>${escapeXml(v.error)}</v></c>`;
    }
    // A promise only when the text went on to zlib: await it then (awaiting undefined is harmless).
    return this.entry.write(`${xml}</row>`);
  }
}

/**
 * Writes an .xlsx file sheet by sheet: `sheet(name, ...)` starts a worksheet, `row` adds its rows in order,
 * `endSheet` closes it; `close` writes the workbook, styles and the zip directory.
 *
 * @example const w = new XlsxWriter("out.xlsx"); const s = await w.sheet("A"); await s.row(1, ["x", 1]); await w.endSheet(); await w.close();
 */
export class XlsxWriter {
  readonly out: WriteStream;
  private position = 0;
  private readonly entries: Entry[] = [];
  private readonly sheets: string[] = [];
  private current: EntryWriter | null = null;
  private readonly styles = new Map<string, number>([["|", 0]]);
  private readonly styleList: { numFmtId: number; bold: boolean }[] = [{ numFmtId: 0, bold: false }];
  private readonly numFmts = new Map<string, number>();
  private readonly styleCache = new WeakMap<XStyle, number>();

  constructor(path: string) {
    this.out = createWriteStream(path);
    this.out.on("error", () => undefined);
  }

  private async raw(buffer: Buffer): Promise<void> {
    this.position += buffer.length;
    if (!this.out.write(buffer)) await once(this.out, "drain");
  }

  private localHeader(name: string): Buffer {
    const nameBytes = Buffer.from(name, "utf8");
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4); // version needed
    h.writeUInt16LE(0x0808, 6); // data descriptor follows; UTF-8 names
    h.writeUInt16LE(8, 8); // deflate
    h.writeUInt32LE(0x00210000, 10); // time 00:00, date 1980-01-01
    h.writeUInt16LE(nameBytes.length, 26); // CRC and sizes (14..25) stay 0: they follow in the data descriptor
    return Buffer.concat([h, nameBytes]);
  }

  private async begin(name: string): Promise<EntryWriter> {
    const offset = this.position;
    await this.raw(this.localHeader(name));
    // Bytes written by the deflate stream are counted when the entry ends.
    return new EntryWriter(this, name, offset);
  }

  private async finish(entry: EntryWriter): Promise<void> {
    const e = await entry.end();
    this.position += e.compressed;
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(e.crc, 4);
    d.writeUInt32LE(e.compressed, 8);
    d.writeUInt32LE(e.size, 12);
    await this.raw(d);
    this.entries.push(e);
  }

  private async part(name: string, text: string): Promise<void> {
    const entry = await this.begin(name);
    await entry.write(text);
    await this.finish(entry);
  }

  /** The style index of a number format and boldness, registering it on first use. */
  styleIndex(style: XStyle | null | undefined): number {
    if (!style) return 0;
    const cached = this.styleCache.get(style);
    if (cached !== undefined) return cached;
    const key = `${style.numFmt ?? ""}|${style.bold ? "b" : ""}`;
    let index = this.styles.get(key);
    if (index === undefined) {
      let numFmtId = 0;
      if (style.numFmt) {
        numFmtId = this.numFmts.get(style.numFmt) ?? 164 + this.numFmts.size;
        this.numFmts.set(style.numFmt, numFmtId);
      }
      index = this.styleList.length;
      this.styleList.push({ numFmtId, bold: style.bold === true });
      this.styles.set(key, index);
    }
    this.styleCache.set(style, index);
    return index;
  }

  /** Starts a worksheet; `widths` in characters from column A; `freezeHeader` keeps row 1 in view. */
  async sheet(name: string, options: { widths?: readonly number[]; freezeHeader?: boolean } = {}): Promise<SheetWriter> {
    if (this.current) throw new Error("end the previous sheet first");
    this.sheets.push(name);
    const entry = await this.begin(`xl/worksheets/sheet${this.sheets.length}.xml`);
    this.current = entry;
    const view = options.freezeHeader
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
      : "";
    const cols = options.widths?.length ? `<cols>${options.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>` : "";
    await entry.write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${view}${cols}<sheetData>`);
    return new SheetWriter(entry, (s) => this.styleIndex(s));
  }

  async endSheet(): Promise<void> {
    if (!this.current) return;
    await this.current.write("</sheetData></worksheet>");
    await this.finish(this.current);
    this.current = null;
  }

  /** Writes the workbook parts and the zip directory, and closes the file. */
  async close(): Promise<void> {
    await this.endSheet();
    const sheets = this.sheets;
    await this.part(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets
        .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
        .join("")}<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
    );
    await this.part(
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    );
    await this.part(
      "docProps/app.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>wsf command line</Application></Properties>`,
    );
    // calcId of current Excel, and no fullCalcOnLoad: Excel shows the cached values on opening (without the
    // add-in too) instead of recalculating every WSF formula to #NAME? before the add-in has loaded.
    await this.part(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${sheets
        .map((s, i) => `<sheet name="${escapeXml(s)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join("")}</sheets><calcPr calcId="191029"/></workbook>`,
    );
    await this.part(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join("")}<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    );
    const numFmts = [...this.numFmts.entries()];
    await this.part(
      "xl/styles.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">${
        numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join("")}</numFmts>` : ""
      }<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${this.styleList.length}">${this.styleList
        .map((s) => `<xf numFmtId="${s.numFmtId}" fontId="${s.bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"${s.numFmtId ? ' applyNumberFormat="1"' : ""}${s.bold ? ' applyFont="1"' : ""}/>`)
        .join("")}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    );

    // Central directory.
    const start = this.position;
    const records: Buffer[] = [];
    for (const e of this.entries) {
      const name = Buffer.from(e.name, "utf8");
      const r = Buffer.alloc(46);
      r.writeUInt32LE(0x02014b50, 0);
      r.writeUInt16LE(20, 4);
      r.writeUInt16LE(20, 6);
      r.writeUInt16LE(0x0808, 8);
      r.writeUInt16LE(8, 10);
      r.writeUInt32LE(0x00210000, 12);
      r.writeUInt32LE(e.crc, 16);
      r.writeUInt32LE(e.compressed, 20);
      r.writeUInt32LE(e.size, 24);
      r.writeUInt16LE(name.length, 28);
      r.writeUInt32LE(e.offset, 42);
      records.push(r, name);
    }
    const directory = Buffer.concat(records);
    await this.raw(directory);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    await this.raw(end);
    this.out.end();
    await once(this.out, "close");
  }
}

