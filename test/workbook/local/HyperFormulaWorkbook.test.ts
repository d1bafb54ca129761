import { HyperFormulaWorkbook, parseTypedInput, SCENARIO_SHEET } from "../../../src/workbook/local/HyperFormulaWorkbook";
import { PortError, type ChartSpec } from "../../../src/workbook/WorkbookPort";

/* The browser workbook keeps the ownership rules of every WorkbookPort adapter; the sheet contents below are
 * small hand-made grids, and every expected value is read off them. */

async function rejection(promise: Promise<unknown>): Promise<PortError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(PortError);
    return error as PortError;
  }
  throw new Error("expected a PortError");
}

const schools = {
  name: "Schools",
  blocks: [
    {
      row: 0,
      column: 0,
      values: [
        ["School", "Enrollment", "Dollars"],
        ["A", 100, 1000],
        ["B", 300, 4500],
      ],
      headerRow: true,
      numberFormats: [null, "#,##0", "$#,##0"],
    },
  ],
  table: { name: "Schools", row: 0, column: 0, rows: 3, columns: 3 },
};

describe("HyperFormulaWorkbook as a WorkbookPort", () => {
  test("writeSheet creates an owned sheet and registers its table; readTable returns its rows below the header", async () => {
    const wb = new HyperFormulaWorkbook();
    await wb.writeSheet(schools);
    expect(await wb.inspectSheets(["Schools", "Nope"])).toEqual([
      { name: "Schools", exists: true, owned: true, editedByHand: false },
      { name: "Nope", exists: false, owned: false, editedByHand: false },
    ]);
    const tables = await wb.listTables();
    expect(tables).toEqual([{ id: "Schools", label: "Schools", kind: "table", sheet: "Schools", address: "Schools!A1:C3", headers: ["School", "Enrollment", "Dollars"], rowCount: 2 }]);
    const data = await wb.readTable("Schools");
    expect(data.rows).toEqual([
      ["A", 100, 1000],
      ["B", 300, 4500],
    ]);
    expect([data.firstRow, data.firstColumn]).toEqual([1, 0]);
  });

  test("a person's edit marks the sheet edited by hand; rewriting then needs overwriteHandEdits", async () => {
    const wb = new HyperFormulaWorkbook();
    await wb.writeSheet(schools);
    expect(wb.setCellByUser("Schools", 1, 1, "n/a")).toBeNull();
    expect((await wb.inspectSheets(["Schools"]))[0].editedByHand).toBe(true);
    expect((await rejection(wb.writeSheet(schools))).code).toBe("EDITED_BY_HAND");
    await wb.writeSheet(schools, { overwriteHandEdits: true });
    expect((await wb.inspectSheets(["Schools"]))[0].editedByHand).toBe(false);
    expect((await wb.readTable("Schools")).rows[0][1]).toBe(100);
  });

  test("a hand edit made straight on HyperFormula (the grid's paste, row insertion, undo, a formula replaced by its value) is seen after a status was read", async () => {
    // The fingerprints are kept between calls that change nothing; every change below comes after a status
    // was read (and so kept), and each must still show as a hand edit, then undone, as unedited again.
    const wb = new HyperFormulaWorkbook();
    await wb.writeSheet(schools);
    await wb.writeSheet({ name: "Out", blocks: [{ row: 0, column: 0, values: [["=Schools!B2*2"]] }] });
    const edited = async (name: string) => (await wb.inspectSheets([name]))[0].editedByHand;
    const id = wb.hf.getSheetId("Schools") as number;
    expect(await edited("Schools")).toBe(false);
    wb.hf.copy({ start: { sheet: id, row: 1, col: 0 }, end: { sheet: id, row: 1, col: 2 } });
    expect(await edited("Schools")).toBe(false);
    wb.hf.paste({ sheet: id, row: 5, col: 0 });
    expect(await edited("Schools")).toBe(true);
    wb.hf.undo();
    expect(await edited("Schools")).toBe(false);
    wb.hf.addRows(id, [1, 1]);
    expect(await edited("Schools")).toBe(true);
    wb.hf.undo();
    expect(await edited("Schools")).toBe(false);
    wb.hf.setCellContents({ sheet: id, row: 2, col: 2 }, [[4501]]);
    expect(await edited("Schools")).toBe(true);
    wb.hf.undo();
    expect(await edited("Schools")).toBe(false);
    // The same value, as a constant instead of the formula: no value changes, the content does.
    const out = wb.hf.getSheetId("Out") as number;
    expect(await edited("Out")).toBe(false);
    wb.hf.batch(() => wb.hf.setCellContents({ sheet: out, row: 0, col: 0 }, [[200]]));
    expect(wb.cell("Out", 0, 0).value).toBe(200);
    expect(await edited("Out")).toBe(true);
    wb.hf.renameSheet(id, "Renamed");
    expect((await wb.inspectSheets(["Schools"]))[0].exists).toBe(false);
  });

  test("a recalculated spill is no hand edit: changing the data under an owned sheet's spilling formula keeps it unedited", async () => {
    const wb = new HyperFormulaWorkbook();
    await wb.writeSheet({ name: "Data", blocks: [{ row: 0, column: 0, values: [[1], [2], [3]] }] });
    await wb.writeSheet({ name: "Out", blocks: [{ row: 0, column: 0, values: [["=TRANSPOSE(TRANSPOSE(Data!A1:A3))"]] }] });
    wb.setCellByUser("Data", 2, 0, "30");
    expect(wb.cell("Out", 2, 0)).toEqual({ value: 30, spilled: true });
    expect(await wb.inspectSheets(["Out", "Data"])).toEqual([
      { name: "Out", exists: true, owned: true, editedByHand: false },
      { name: "Data", exists: true, owned: true, editedByHand: true },
    ]);
  });

  test("a sheet the add-in did not create is never written: NOT_OWNED, and its cells stay as they were", async () => {
    const wb = new HyperFormulaWorkbook();
    wb.hf.addSheet("Mine");
    wb.setCellByUser("Mine", 0, 0, "keep me");
    expect((await wb.inspectSheets(["Mine"]))[0]).toEqual({ name: "Mine", exists: true, owned: false, editedByHand: false });
    expect((await rejection(wb.writeSheet({ name: "Mine", blocks: [] }))).code).toBe("NOT_OWNED");
    expect(wb.cell("Mine", 0, 0).value).toBe("keep me");
    const chart: ChartSpec = { sheet: "Mine", dataSheet: "Mine", name: "c", type: "line", title: "t", data: { row: 0, column: 0, rows: 1, columns: 1 }, position: { row: 0, column: 0, rows: 5, columns: 5 } };
    expect((await rejection(wb.createChart(chart))).code).toBe("NOT_OWNED");
  });

  test("a person's new sheet is theirs: named Sheet1, Sheet2..., shown in front, and never written by the add-in", async () => {
    const wb = new HyperFormulaWorkbook();
    await wb.writeSheet(schools);
    expect(wb.addUserSheet()).toBe("Sheet1");
    expect(wb.addUserSheet()).toBe("Sheet2");
    expect(wb.activeSheet).toBe("Sheet2");
    expect(wb.visibleSheets()).toEqual(["Schools", "Sheet1", "Sheet2"]);
    expect((await rejection(wb.writeSheet({ name: "Sheet1", blocks: [] }))).code).toBe("NOT_OWNED");
  });

  test("listTables detects a block under a header row on a sheet without tables", async () => {
    const wb = new HyperFormulaWorkbook();
    wb.hf.addSheet("My data");
    const id = wb.hf.getSheetId("My data")!;
    wb.hf.setCellContents({ sheet: id, row: 2, col: 1 }, [
      ["School", "Pupils"],
      ["X", 10],
      ["Y", 20],
    ]);
    const [info] = await wb.listTables();
    expect(info).toEqual({ id: "'My data'!B3:C5", label: "My data (B3:C5)", kind: "headerRow", sheet: "My data", address: "'My data'!B3:C5", headers: ["School", "Pupils"], rowCount: 2 });
    const data = await wb.readTable(info.id);
    expect(data.rows).toEqual([
      ["X", 10],
      ["Y", 20],
    ]);
    expect([data.firstRow, data.firstColumn]).toEqual([3, 1]);
  });

  test("readSheet returns computed values and the formulas as written", async () => {
    const wb = new HyperFormulaWorkbook();
    await wb.writeSheet({ name: "Calc", blocks: [{ row: 0, column: 0, values: [[2, 3, "=A1*B1"]] }] });
    expect(await wb.readSheet("Calc")).toEqual({ values: [[2, 3, 6]], formulas: [[2, 3, "=A1*B1"]] });
  });

  test("text that looks like a number stays text when the add-in writes it", async () => {
    const wb = new HyperFormulaWorkbook();
    await wb.writeSheet({ name: "T", blocks: [{ row: 0, column: 0, values: [["007", "12%", 7]] }] });
    expect((await wb.readSheet("T")).values).toEqual([["007", "12%", 7]]);
  });

  test("the scenario store round-trips any JSON text and lives on a hidden owned sheet", async () => {
    const wb = new HyperFormulaWorkbook();
    expect(await wb.readScenarioStore()).toBeNull();
    for (const json of ['{"scenarios":[]}', "[1,2]", "123", '"=not a formula"']) {
      await wb.writeScenarioStore(json);
      expect(await wb.readScenarioStore()).toBe(json);
    }
    expect(wb.visibleSheets()).not.toContain(SCENARIO_SHEET);
    expect((await wb.inspectSheets([SCENARIO_SHEET]))[0].owned).toBe(true);
  });

  test("onChange fires for a person's edit on that sheet only, not for the add-in's own writes, until unsubscribed", async () => {
    const wb = new HyperFormulaWorkbook();
    await wb.writeSheet(schools);
    await wb.writeSheet({ name: "Other", blocks: [{ row: 0, column: 0, values: [[1]] }] });
    const calls: string[] = [];
    const stop = await wb.onChange("Schools", () => calls.push("Schools"));
    await wb.onChange("Other", () => calls.push("Other"));
    await wb.writeSheet(schools);
    wb.setCellByUser("Schools", 1, 1, "150");
    stop();
    wb.setCellByUser("Schools", 1, 1, "160");
    expect(calls).toEqual(["Schools"]);
  });

  test("createChart keeps one spec per name and sheet; chartData reads the computed block", async () => {
    const wb = new HyperFormulaWorkbook();
    await wb.writeSheet({ name: "Out", blocks: [{ row: 0, column: 0, values: [["x", "y"], [1, "=A2*10"], [2, "=A3*10"]] }] });
    const spec: ChartSpec = { sheet: "Out", dataSheet: "Out", name: "line", type: "line", title: "First", data: { row: 1, column: 0, rows: 2, columns: 2 }, position: { row: 0, column: 4, rows: 10, columns: 6 } };
    await wb.createChart(spec);
    await wb.createChart({ ...spec, title: "Second" });
    expect(wb.chartsOn("Out").map((c) => c.title)).toEqual(["Second"]);
    expect(wb.chartData(spec)).toEqual([
      [1, 10],
      [2, 20],
    ]);
  });

  test("exportValuesOnly writes owned '<name> (values)' sheets without formulas", async () => {
    const wb = new HyperFormulaWorkbook();
    await wb.writeSheet({ name: "Out", blocks: [{ row: 0, column: 0, values: [[4, "=A1/2"]] }] });
    expect(await wb.exportValuesOnly(["Out"])).toEqual(["Out (values)"]);
    expect(await wb.readSheet("Out (values)")).toEqual({ values: [[4, 2]], formulas: [[4, 2]] });
    expect((await wb.inspectSheets(["Out (values)"]))[0].owned).toBe(true);
  });

  test("selectCell brings the sheet to the front and selects the cell; an unknown sheet is NOT_FOUND", async () => {
    const wb = new HyperFormulaWorkbook();
    await wb.writeSheet(schools);
    await wb.writeSheet({ name: "Out", blocks: [] });
    await wb.selectCell({ sheet: "Schools", row: 2, column: 1 });
    expect(wb.selection).toEqual({ sheet: "Schools", row: 2, column: 1 });
    expect((await rejection(wb.selectCell({ sheet: "Gone", row: 0, column: 0 }))).code).toBe("NOT_FOUND");
    expect((await rejection(wb.readTable("Gone"))).code).toBe("NOT_FOUND");
  });

  test("typing into a spilled cell blocks the spill, as in Excel: the formula's cell shows #SPILL!", async () => {
    const wb = new HyperFormulaWorkbook();
    await wb.writeSheet({ name: "S", blocks: [{ row: 0, column: 0, values: [[1], [2], ["=TRANSPOSE(TRANSPOSE(A1:A2))"]] }] });
    expect(wb.cell("S", 3, 0)).toEqual({ value: 2, spilled: true });
    expect(wb.setCellByUser("S", 3, 0, "5")).toBeNull();
    expect(wb.cell("S", 2, 0).value).toBe("#SPILL!");
    expect(wb.cell("S", 2, 0).formula).toBe("=TRANSPOSE(TRANSPOSE(A1:A2))");
  });

  test("build gives the workbook that writing the same sheets one after the other gives: cells, ownership, tables, looks, active sheet", async () => {
    const out = { name: "Out", blocks: [{ row: 1, column: 1, values: [["=SUM(Schools!B2:B3)", "=TRANSPOSE(Schools!B2:B3)"]], numberFormats: ["#,##0"] }], activate: true };
    // "2024" is a name buildFromSheets would put first (an integer-like key of an object); it must stay last.
    const year = { name: "2024", blocks: [{ row: 0, column: 0, values: [["=Out!B2+1"]] }] };
    const written = new HyperFormulaWorkbook();
    for (const spec of [schools, out, year]) await written.writeSheet(spec);
    const built = HyperFormulaWorkbook.build([schools, out, year]);
    for (const wb of [written, built]) {
      expect(wb.visibleSheets()).toEqual(["Schools", "Out", "2024"]);
      expect(wb.cell("Out", 1, 1).value).toBe(400);
      expect(wb.cell("Out", 1, 3)).toEqual({ value: 300, spilled: true });
      expect(wb.cell("2024", 0, 0).value).toBe(401);
    }
    for (const name of ["Schools", "Out", "2024"]) expect(await built.readSheet(name)).toEqual(await written.readSheet(name));
    expect(built.exportMeta()).toEqual(written.exportMeta());
    expect(await built.inspectSheets(["Schools", "Out", "2024"])).toEqual(await written.inspectSheets(["Schools", "Out", "2024"]));
    expect(built.activeSheet).toBe("Out");
    // Owned as if written: a person's edit is a hand edit, and the add-in may write its sheets again.
    built.setCellByUser("Schools", 1, 1, "150");
    expect(built.cell("Out", 1, 1).value).toBe(450);
    expect((await built.inspectSheets(["Schools"]))[0].editedByHand).toBe(true);
    await built.writeSheet(out);
    expect(() => HyperFormulaWorkbook.build([schools, schools])).toThrow(/given twice/);
  });
});

describe("typed input", () => {
  test("parseTypedInput reads formulas, numbers, percentages, dollars, booleans and text", () => {
    expect(parseTypedInput("=A1+1")).toBe("=A1+1");
    expect(parseTypedInput(" 1,250 ")).toBe(1250);
    expect(parseTypedInput("$4,028.47")).toBeCloseTo(4028.47, 10);
    expect(parseTypedInput("12%")).toBeCloseTo(0.12, 12);
    expect(parseTypedInput("true")).toBe(true);
    expect(parseTypedInput("n/a")).toBe("'n/a");
    expect(parseTypedInput("")).toBeNull();
  });
});
