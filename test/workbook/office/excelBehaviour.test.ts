/**
 * OfficeWorkbook against the behaviours of real Excel that the add-in once broke (excel-behaviour.md
 * items 9 to 12), each reproduced by the fake Excel: spill-filled cells and unquoted sheet names in
 * `Range.formulas`, text turned into formulas, numbers and dates when written, and the 5 MB limit on a
 * request and on a response counted in bytes.
 */
import { CellValue, PortError, SheetSpec } from "../../../src/workbook/WorkbookPort";
import { OfficeWorkbook } from "../../../src/workbook/office/OfficeWorkbook";
import { FAKE_PAYLOAD_LIMIT_BYTES, FakeExcel } from "../support/fakeExcel";

function install(fake: FakeExcel): void {
  (globalThis as unknown as { Excel: unknown }).Excel = { run: fake.run };
}

async function errorOf(promise: Promise<unknown>): Promise<PortError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof PortError) return e;
    throw e;
  }
  throw new Error("expected a PortError");
}

/** A schools sheet of n rows under a header: name, enrollment. */
function schools(n: number): FakeExcel {
  const rows: CellValue[][] = [["School", "Enrollment"]];
  for (let i = 0; i < n; i++) rows.push([`School ${i + 1}`, 300 + i]);
  return FakeExcel.withSheets({ Schools: rows });
}

/**
 * A sheet as the task pane writes it (src/taskpane/sheets/a1.ts quotes every sheet name): per-row
 * formulas in A and B, one spilling formula in C2 with the cells below left blank, and a statistics
 * table spilling from A(n+3), below the block, into cells the add-in never wrote.
 */
function spillingSpec(n: number): SheetSpec {
  const rows: CellValue[][] = [];
  for (let i = 0; i < n; i++) rows.push([`='Schools'!$A${i + 2}`, `='Schools'!$B${i + 2}`, i === 0 ? `=WSF.ALLOCATE('Schools'!$B$2:$B$${n + 1},4140)` : null]);
  return {
    name: "WSF Allocation",
    blocks: [
      { row: 0, column: 0, values: [["School", "Enrollment", "Formula amount"]], headerRow: true },
      { row: 1, column: 0, values: rows },
      { row: n + 2, column: 0, values: [[`=WSF.EQUITYTABLE('WSF Allocation'!$C$2:$C$${n + 1},'Schools'!$B$2:$B$${n + 1})`]] },
    ],
  };
}

/** Recalculation for spillingSpec: ALLOCATE spills n amounts (4140 x enrollment), EQUITYTABLE 3 rows x 2. */
function calculator(fake: FakeExcel, n: number): void {
  fake.calculate = (formula) => {
    if (formula.startsWith("=WSF.ALLOCATE")) return Array.from({ length: n }, (_, i) => [4140 * (300 + i)]);
    if (formula.startsWith("=WSF.EQUITYTABLE")) return [["Mean", 1_300_000], ["CV", 0.0025], ["Gini", 0.0013]];
    const ref = /^=Schools!\$([AB])(\d+)$/.exec(formula);
    if (ref) return fake.valueAt("Schools", Number(ref[2]) - 1, ref[1] === "A" ? 0 : 1);
    return undefined;
  };
}

describe("hand-edit detection with spills and Excel's sheet-name quoting (excel-behaviour.md items 9, 11)", () => {
  const n = 6;

  it("the fake answers as Excel does: a spill-filled cell reads as its value, a sheet name unquoted where it may be", async () => {
    const fake = schools(n);
    calculator(fake, n);
    install(fake);
    await new OfficeWorkbook().writeSheet(spillingSpec(n));
    expect(fake.formulaAt("WSF Allocation", 1, 0)).toBe("=Schools!$A2");
    expect(fake.formulaAt("WSF Allocation", 1, 2)).toBe("=WSF.ALLOCATE(Schools!$B$2:$B$7,4140)");
    // Rows 3 to 7 of column C were written blank; the spill fills them with values (4140 x 301 = 1,246,140).
    expect(fake.formulaAt("WSF Allocation", 2, 2)).toBe(1_246_140);
    expect(fake.formulaAt("WSF Allocation", n + 3, 1)).toBe(0.0025);
    expect(fake.formulaAt("WSF Allocation", n + 2, 0)).toBe("=WSF.EQUITYTABLE('WSF Allocation'!$C$2:$C$7,Schools!$B$2:$B$7)");
  });

  it("re-applying asks nothing: the sheet is not reported as edited and is rewritten without overwriteHandEdits", async () => {
    const fake = schools(n);
    calculator(fake, n);
    install(fake);
    const wb = new OfficeWorkbook();
    await wb.writeSheet(spillingSpec(n));
    expect(await wb.inspectSheets(["WSF Allocation"])).toEqual([{ name: "WSF Allocation", exists: true, owned: true, editedByHand: false }]);
    await wb.writeSheet(spillingSpec(n));
    expect((await wb.inspectSheets(["WSF Allocation"]))[0].editedByHand).toBe(false);
  });

  it.each([
    ["a value the add-in wrote is changed", 0, 0, "Lincoln"],
    ["a formula the add-in wrote is replaced by a number", 3, 1, 999],
    ["a formula the add-in wrote is cleared", 1, 2, ""],
    ["a formula is typed into a cell a spill fills", 4, 2, "=1+1"],
    ["a formula is typed beside the block", 2, 5, "=SUM(B2:B7)"],
  ])("a real hand edit is still caught: %s", async (_what, row, column, value) => {
    const fake = schools(n);
    calculator(fake, n);
    install(fake);
    const wb = new OfficeWorkbook();
    await wb.writeSheet(spillingSpec(n));
    await fake.editCell("WSF Allocation", row, column, value);
    expect((await wb.inspectSheets(["WSF Allocation"]))[0].editedByHand).toBe(true);
    expect((await errorOf(wb.writeSheet(spillingSpec(n)))).code).toBe("EDITED_BY_HAND");
  });
});

describe("text stays text (excel-behaviour.md item 10)", () => {
  const texts = ["=1+1", "+44 20 7946 0000", "-", "00123", "1/2", "true", "12%"];

  it("the fake turns such text written through formulas or values into formulas, numbers, dates and booleans, as Excel does", async () => {
    const fake = FakeExcel.withSheets({ S: [] });
    install(fake);
    await fake.run(async (context: any) => {
      context.workbook.worksheets.getItem("S").getRange("A1:G1").formulas = [texts];
      context.workbook.worksheets.getItem("S").getRange("A2:G2").values = [texts];
      await context.sync();
    });
    for (const row of [0, 1]) {
      expect(fake.formulaAt("S", row, 0)).toBe("=1+1");
      expect(fake.formulaAt("S", row, 1)).toBe("=+44 20 7946 0000");
      expect(fake.formulaAt("S", row, 2)).toBe("=-");
      expect(fake.formulaAt("S", row, 3)).toBe(123);
      expect(typeof fake.formulaAt("S", row, 4)).toBe("number"); // a date serial
      expect(fake.formulaAt("S", row, 5)).toBe(true);
      expect(fake.formulaAt("S", row, 6)).toBe(0.12);
    }
  });

  it("writeSheet keeps a block's text exactly as given, and the sheet is not then reported as edited", async () => {
    const fake = FakeExcel.withSheets({});
    install(fake);
    const wb = new OfficeWorkbook();
    // "=1+1" is a formula by the port's contract; the rest is text.
    const data = texts.slice(1);
    await wb.writeSheet({ name: "Notes", blocks: [{ row: 0, column: 0, values: [data, [1, 2, null, "=A1", "x", false]] }] });
    data.forEach((text, c) => expect(fake.formulaAt("Notes", 0, c)).toBe(text));
    expect(fake.formulaAt("Notes", 1, 0)).toBe(1);
    expect(fake.formulaAt("Notes", 1, 3)).toBe("=A1");
    expect(fake.formulaAt("Notes", 1, 5)).toBe(false);
    expect((await wb.inspectSheets(["Notes"]))[0].editedByHand).toBe(false);
  });

  it("a values-only export keeps text results as text and numbers as numbers", async () => {
    const fake = FakeExcel.withSheets({});
    install(fake);
    const wb = new OfficeWorkbook();
    await wb.writeSheet({ name: "Out", blocks: [{ row: 0, column: 0, values: [texts.map((_, c) => `=F${c}()`), [1, 2.5, null, null, null, null, null]] }] });
    // What Excel would calculate for each formula: the texts themselves (say, a school's id or phone).
    texts.forEach((text, c) => fake.setFormulaResult("Out", 0, c, text));
    await wb.exportValuesOnly(["Out"]);
    const copy = await wb.readSheet("Out (values)");
    expect(copy.formulas[0]).toEqual(texts);
    expect(copy.values[0]).toEqual(texts);
    expect(copy.formulas[1].slice(0, 2)).toEqual([1, 2.5]);
    expect((await wb.inspectSheets(["Out (values)"]))[0].editedByHand).toBe(false);
  });
});

describe("the 5 MB limit counts bytes, not cells (excel-behaviour.md item 12)", () => {
  it("the fake refuses a request over 5 MB and applies nothing of it", async () => {
    const fake = FakeExcel.withSheets({ S: [] });
    install(fake);
    const big = Array.from({ length: 60_000 }, (_, i) => [`row ${i} ${"x".repeat(80)}`]);
    await expect(
      fake.run(async (context: any) => {
        context.workbook.worksheets.getItem("S").getRange("A1:A60000").values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.formulaAt("S", 0, 0)).toBe("");
  });

  // Building and serialising 10 MB of cells takes a few seconds; on a loaded 2-core machine it once took longer
  // than jest's 20 s default (load average 8.5), so these two get a minute.
  const LARGE_PAYLOAD_TIMEOUT_MS = 60_000;

  it("reads back formulas naming a 31-character sheet in responses each under 5 MB", async () => {
    // 15,000 rows x 8 formulas of about 90 bytes each (two references to the long name): 10.8 MB of
    // formulas, where 100,000 cells in one response would be over 9 MB.
    const long = "WSF Allocation (values) FY25-26";
    expect(long).toHaveLength(31);
    const fake = FakeExcel.withSheets({ [long]: [["x"]] });
    install(fake);
    const rows: CellValue[][] = [];
    for (let r = 2; r < 15_002; r++) rows.push(Array.from({ length: 8 }, (_, c) => `='${long}'!$A${r}+'${long}'!$A${r + c}`));
    const wb = new OfficeWorkbook();
    await wb.writeSheet({ name: "Long refs", blocks: [{ row: 0, column: 0, values: rows }] });
    expect(fake.formulaAt("Long refs", 0, 0)).toBe(`='${long}'!$A2+'${long}'!$A2`);
    const before = fake.requests.length;
    expect((await wb.inspectSheets(["Long refs"]))[0].editedByHand).toBe(false);
    const sheet = await wb.readSheet("Long refs");
    expect(sheet.formulas[14_999][7]).toBe(`='${long}'!$A15001+'${long}'!$A15008`);
    const reads = fake.requests.slice(before);
    expect(reads.some((r) => r.responseBytes > 3_000_000)).toBe(true);
    for (const r of fake.requests) expect({ refused: r.refused, under: r.responseBytes <= FAKE_PAYLOAD_LIMIT_BYTES && r.bytes <= FAKE_PAYLOAD_LIMIT_BYTES }).toEqual({ refused: undefined, under: true });
  }, LARGE_PAYLOAD_TIMEOUT_MS);

  it("reads a table whose text is longer than estimated: Excel refuses the response, the read is retried in halves", async () => {
    // 20,000 rows x 3 cells of 100 characters: about 6.3 MB of values, estimated at 40 bytes a cell (2.4 MB).
    const rows: CellValue[][] = [["A", "B", "C"]];
    for (let i = 0; i < 20_000; i++) rows.push([0, 1, 2].map((c) => `${i}:${c}:${"y".repeat(95)}`));
    const fake = FakeExcel.withSheets({ Notes: rows });
    install(fake);
    const data = await new OfficeWorkbook().readTable("Notes!A1:C20001");
    expect(data.rows).toHaveLength(20_000);
    expect(data.rows[12_345][2]).toBe(`12345:2:${"y".repeat(95)}`);
    expect(fake.requests.filter((r) => r.refused === "ResponsePayloadSizeLimitExceeded").length).toBeGreaterThan(0);
  }, LARGE_PAYLOAD_TIMEOUT_MS);
});
