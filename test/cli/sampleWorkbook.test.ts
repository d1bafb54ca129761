import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { helperValue, main, writeSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { eightSchoolDistrict, generateSampleDistrict } from "../../src/engine/sample";

/**
 * Reads one entry of a zip archive (an .xlsx) through its central directory record (PKWARE APPNOTE
 * 4.3.12: signature 0x02014b50, method at +10, compressed size at +20, name length at +28, extra at +30,
 * comment at +32, local header offset at +42, name at +46). exceljs does not read calcPr back, so the
 * test looks at the XML itself.
 */
function zipEntry(zip: Buffer, name: string): string {
  // The end-of-central-directory record (0x06054b50) holds the directory's offset at +16.
  const endOfDirectory = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = zip.readUInt32LE(endOfDirectory + 16);
  while (zip.readUInt32LE(p) === 0x02014b50) {
    const nameLength = zip.readUInt16LE(p + 28);
    const entryName = zip.toString("utf8", p + 46, p + 46 + nameLength);
    if (entryName === name) {
      const method = zip.readUInt16LE(p + 10);
      const size = zip.readUInt32LE(p + 20);
      const local = zip.readUInt32LE(p + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
    }
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  throw new Error(`${name} not in archive`);
}

describe("writeSampleWorkbook", () => {
  let dir: string;
  let path: string;
  let workbook: ExcelJS.Workbook;
  const district = generateSampleDistrict();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "wsf-sample-"));
    path = join(dir, "nested", "sample-district.xlsx");
    await writeSampleWorkbook(path);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const rowValues = (sheet: ExcelJS.Worksheet, r: number) => (sheet.getRow(r).values as unknown[]).slice(1);

  it("has the sheets Schools, Eight schools and Examples, in that order", () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Schools", "Eight schools", "Examples"]);
  });

  it("holds the generated district in the Excel table 'Schools': header, 850 rows, per-pupil helper columns", () => {
    const sheet = workbook.getWorksheet("Schools")!;
    const table = sheet.getTable("Schools");
    expect(table).toBeDefined();
    const headers = [...district.headers, "Unrestricted per pupil", "Total per pupil", "FRL share"];
    expect(rowValues(sheet, 1)).toEqual(headers);
    // exceljs reads the table back with its range: header row 1 plus 850 data rows, 20 columns.
    const ref = (table as unknown as { table: { tableRef: string } }).table.tableRef;
    expect(ref).toBe("A1:T851");
    expect(sheet.actualRowCount).toBe(851);
    expect(rowValues(sheet, 2).slice(0, 17)).toEqual(district.rows[0]);
    expect(rowValues(sheet, 851).slice(0, 17)).toEqual(district.rows[849]);
  });

  it("writes the helper columns as formulas pointing at the same row", () => {
    const sheet = workbook.getWorksheet("Schools")!;
    expect(sheet.getCell("R2").formula).toBe("P2/E2");
    expect(sheet.getCell("S851").formula).toBe("(P851+Q851)/E851");
    expect(sheet.getCell("T500").formula).toBe("J500/E500");
  });

  it("saves each helper formula's value, as Excel does, so programs reading the file see numbers", () => {
    // Hand check on the first school: Total per pupil = (unrestricted P + restricted Q) / enrollment E.
    const sheet = workbook.getWorksheet("Schools")!;
    const [e, p, q, j] = [4, 15, 16, 9].map((c) => district.rows[0][c] as number);
    expect(sheet.getCell("E2").value).toBe(e);
    expect((sheet.getCell("S2").value as { result: number }).result).toBeCloseTo((p + q) / e, 9);
    expect((sheet.getCell("R2").value as { result: number }).result).toBeCloseTo(p / e, 9);
    expect((sheet.getCell("T2").value as { result: number }).result).toBeCloseTo(j / e, 12);
    const eight = workbook.getWorksheet("Eight schools")!;
    expect((eight.getCell("I9").value as { result: number }).result).toBeCloseTo(((eight.getCell("D9").value as number) + (eight.getCell("E9").value as number)) / (eight.getCell("F9").value as number), 9);
  });

  it("helperValue follows arithmetic precedence and refuses what is not a number", () => {
    expect(helperValue("(B2+C2)/A2", [4, 6, 10])).toBe(4); // (6 + 10) / 4
    expect(helperValue("B2+C2/A2", [4, 6, 10])).toBe(8.5); // 6 + 10 / 4
    expect(helperValue("B2-C2*A2", [4, 6, 10])).toBe(-34); // 6 - 10 * 4
    expect(helperValue("B2/A2", [0, 6])).toBeNull();
    expect(helperValue("B2/A2", [2, "six"])).toBeNull();
  });

  it("holds E5 in the table 'EightSchools' with its helper columns", () => {
    const sheet = workbook.getWorksheet("Eight schools")!;
    expect(sheet.getTable("EightSchools")).toBeDefined();
    const eight = eightSchoolDistrict();
    expect(rowValues(sheet, 1)).toEqual([...eight.headers, "Unrestricted per pupil", "Total per pupil", "Total per weighted pupil"]);
    for (let r = 0; r < 8; r++) expect(rowValues(sheet, r + 2).slice(0, 6)).toEqual(eight.rows[r]);
    expect(sheet.getCell("I9").formula).toBe("(D9+E9)/F9");
  });

  it("lists WSF example formulas stored under Excel's custom-function name, with the typed form beside them", () => {
    const sheet = workbook.getWorksheet("Examples")!;
    expect(rowValues(sheet, 1)).toEqual(["Example", "Result", "Formula", "What it means", "Expected (E5, domain.md)"]);
    const examples: { label: string; stored: string; typed: string; expected: unknown }[] = [];
    sheet.eachRow((row, r) => {
      const stored = row.getCell(2).formula;
      if (r > 1 && stored) examples.push({ label: String(row.getCell(1).value), stored, typed: String(row.getCell(3).value), expected: row.getCell(5).value });
    });
    expect(examples.length).toBeGreaterThanOrEqual(20);
    for (const e of examples) {
      expect(e.stored).toMatch(/^_xldudf_WSF_[A-Z]+\(/);
      expect(`=${e.stored.replace(/_xldudf_WSF_/g, "WSF.")}`).toBe(e.typed);
    }
    const gini = examples.find((e) => e.label === "Gini, total per pupil")!;
    expect(gini.typed).toBe("=WSF.GINI(Schools!$S$2:$S$851,Schools!$E$2:$E$851)");
    // E5's published CV of total per pupil (domain.md section 4) is the expected result beside its formula.
    const cv = examples.find((e) => e.label === "E5 CV, total per pupil")!;
    expect(cv.typed).toBe("=WSF.COEFVAR('Eight schools'!$H$2:$H$9,'Eight schools'!$B$2:$B$9)");
    expect(cv.expected).toBe(0.118753);
  });

  it("asks Excel to calculate on load, since the WSF example formulas carry no cached result", async () => {
    const xml = zipEntry(await readFile(path), "xl/workbook.xml");
    expect(xml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });
});

describe("main", () => {
  it("writes the file named on the command line and returns 0", async () => {
    const dir = await mkdtemp(join(tmpdir(), "wsf-main-"));
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      const path = join(dir, "out.xlsx");
      await expect(main([path])).resolves.toBe(0);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(path);
      expect(book.getWorksheet("Schools")?.actualRowCount).toBe(851);
      expect(log).toHaveBeenCalledWith(`Wrote ${path}`);
    } finally {
      log.mockRestore();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("prints usage and returns 1 for more than one argument", async () => {
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      await expect(main(["a.xlsx", "b.xlsx"])).resolves.toBe(1);
      expect(log.mock.calls[0][0]).toMatch(/^Usage:/);
    } finally {
      log.mockRestore();
    }
  });
});
