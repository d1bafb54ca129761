import { PortError, type PrintSetup, type SheetSpec } from "../../../src/workbook/WorkbookPort";
import { OfficeWorkbook } from "../../../src/workbook/office/OfficeWorkbook";
import { MemoryWorkbook } from "../../../src/workbook/memory/MemoryWorkbook";
import { HyperFormulaWorkbook } from "../../../src/workbook/local/HyperFormulaWorkbook";
import { FakeExcel } from "../support/fakeExcel";

/** Three printable pages of 10 rows each (a statement per school), as the statements sheet writes them. */
function pages(count: number): SheetSpec {
  const values = Array.from({ length: count * 10 }, (_, r) => [`page ${Math.floor(r / 10) + 1} line ${(r % 10) + 1}`, r]);
  const print: PrintSetup = {
    area: { row: 0, column: 0, rows: count * 10, columns: 5 },
    pageBreaks: Array.from({ length: count - 1 }, (_, k) => (k + 1) * 10),
    header: { left: "Sample district", center: "School allocation statement", right: "FY 2026-27" },
    footer: { left: "", center: "Page &P of &N", right: "" },
    orientation: "portrait",
    fitToOnePageWide: true,
  };
  return { name: "WSF Statements", blocks: [{ row: 0, column: 0, values }], print };
}

function install(fake: FakeExcel): void {
  (globalThis as unknown as { Excel: unknown }).Excel = { run: fake.run };
}

describe("print setup through the WorkbookPort", () => {
  it("Office: print area, a break above every page after the first, header, footer, orientation and fit, in the write's own round trips", async () => {
    const plain = FakeExcel.withSheets({});
    install(plain);
    await new OfficeWorkbook({ printSetupSupported: () => true }).writeSheet({ ...pages(3), print: undefined });
    const fake = FakeExcel.withSheets({});
    install(fake);
    await new OfficeWorkbook({ printSetupSupported: () => true }).writeSheet(pages(3));
    expect(fake.syncCount).toBe(plain.syncCount);
    expect(fake.printSetups.get("WSF Statements")).toEqual({
      printArea: "A1:E30",
      pageBreaks: ["A11", "A21"],
      headersFooters: { leftHeader: "Sample district", centerHeader: "School allocation statement", rightHeader: "FY 2026-27", leftFooter: "", centerFooter: "Page &P of &N", rightFooter: "" },
      orientation: "Portrait",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
    // A rewrite with fewer pages removes the earlier breaks first.
    await new OfficeWorkbook({ printSetupSupported: () => true }).writeSheet(pages(2));
    expect(fake.printSetups.get("WSF Statements")!.pageBreaks).toEqual(["A11"]);
  });

  it("Office without ExcelApi 1.9: a message naming what is missing, and nothing written", async () => {
    const fake = FakeExcel.withSheets({});
    install(fake);
    const error = await new OfficeWorkbook({ printSetupSupported: () => false }).writeSheet(pages(2)).catch((e) => e);
    expect(error).toBeInstanceOf(PortError);
    expect(error.message).toMatch(/cannot set print areas and page breaks \(ExcelApi 1\.9\), so "WSF Statements" was not written/);
    expect(fake.sheets.map((s) => s.name)).toEqual([]);
  });

  it("memory and playground workbooks keep the setup of the last write, and drop it on a write without one", async () => {
    for (const wb of [new MemoryWorkbook(), new HyperFormulaWorkbook()]) {
      await wb.writeSheet(pages(3));
      expect(wb.printSetup("WSF Statements")).toEqual(pages(3).print);
      await wb.writeSheet({ ...pages(1), print: undefined });
      expect(wb.printSetup("WSF Statements")).toBeNull();
    }
  });
});

describe("statements-sized writes", () => {
  /** Pages as the statements sheet writes them: two blocks a page (title rows, then 24 lines of formulas). */
  function statementPages(count: number): SheetSpec {
    const blocks = Array.from({ length: count }, (_, k) => [
      { row: k * 27, column: 0, headerRow: true, values: [[`=$M$1&": school allocation"`, null, null, null, `Page ${k + 1} of ${count}`], [`="School: "&'Schools'!$B${k + 2}`, null, null, null, null], [null, null, null, null, null]] },
      {
        row: k * 27 + 3,
        column: 0,
        headerRow: true,
        numberFormats: [null, "#,##0.##", "0.00##", "$#,##0.00", "$#,##0;-$#,##0"],
        values: Array.from({ length: 24 }, (_, r) => [`Line ${r}`, `='Schools'!$E${k + 2}`, 1.2, `='WSF Allocation'!$E$2*C${k * 27 + r + 4}`, `='WSF Allocation'!$H${k + 2}`]),
      },
    ]).flat();
    return { name: "WSF Statements", blocks, print: { ...pages(count).print!, area: { row: 0, column: 0, rows: count * 27, columns: 5 }, pageBreaks: Array.from({ length: count - 1 }, (_, k) => (k + 1) * 27) } };
  }

  it("850 statements take the round trips of 10 plus only the chunks the 4 MB write budget needs, each request under Excel on the web's 5 MB", async () => {
    const syncs: number[] = [];
    const totals: number[] = [];
    let largest = 0;
    for (const count of [10, 850]) {
      const fake = FakeExcel.withSheets({});
      install(fake);
      await new OfficeWorkbook({ printSetupSupported: () => true }).writeSheet(statementPages(count));
      syncs.push(fake.syncCount);
      totals.push(fake.requests.reduce((sum, r) => sum + r.bytes, 0));
      largest = Math.max(largest, ...fake.requests.map((r) => r.bytes));
      expect(fake.printSetups.get("WSF Statements")!.pageBreaks).toHaveLength(count - 1);
    }
    // Below the budget the count is constant; above it, one more sync per further 4 MB chunk and no more.
    expect(syncs[1]).toBeGreaterThanOrEqual(syncs[0]);
    expect(syncs[1] - syncs[0]).toBeLessThanOrEqual(Math.ceil(totals[1] / (4 * 1024 * 1024)));
    expect(largest).toBeLessThan(5 * 1024 * 1024);
  });
});
