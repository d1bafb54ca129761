import { PortError, SheetSpec } from "../../../src/workbook/WorkbookPort";
import { MemoryWorkbook } from "../../../src/workbook/memory/MemoryWorkbook";

const schoolsSheet = [
  ["Sample district, FY2025", null, null],
  [null, null, null],
  ["School", "Enrollment", "FRL"],
  ["Lincoln Elementary", 420, 310],
  ["Roosevelt Middle", 610, 280],
];

const allocationSpec: SheetSpec = {
  name: "WSF Allocation",
  blocks: [
    { row: 0, column: 0, values: [["School", "Allocation"]], headerRow: true },
    { row: 1, column: 0, values: [["Lincoln Elementary", "=B2*2"], ["Roosevelt Middle", 1500]], numberFormats: [null, "$#,##0"] },
  ],
};

async function errorCode(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (e) {
    return e instanceof PortError ? e.code : `not a PortError: ${String(e)}`;
  }
}

describe("MemoryWorkbook tables", () => {
  it("lists an Excel table by name with its headers and data row count", async () => {
    const wb = MemoryWorkbook.fromSheets(
      { Data: [["School", "Pupils"], ["A", 1], ["B", 2], ["C", 3]] },
      { tables: [{ name: "Schools", sheet: "Data", row: 0, column: 0, rows: 4, columns: 2 }] },
    );
    expect(await wb.listTables()).toEqual([
      { id: "Schools", label: "Schools", kind: "table", sheet: "Data", address: "Data!A1:B4", headers: ["School", "Pupils"], rowCount: 3 },
    ]);
  });

  it("detects the header row under a title on a sheet without tables, and reads the block back by its id", async () => {
    const wb = MemoryWorkbook.fromSheets({ Schools: schoolsSheet });
    const [info] = await wb.listTables();
    // Header on sheet row 3 (0-based 2), data to row 5: A3:C5, 2 data rows.
    expect(info).toMatchObject({ id: "Schools!A3:C5", kind: "headerRow", headers: ["School", "Enrollment", "FRL"], rowCount: 2 });
    const data = await wb.readTable(info.id);
    expect(data.rows).toEqual([
      ["Lincoln Elementary", 420, 310],
      ["Roosevelt Middle", 610, 280],
    ]);
    expect([data.firstRow, data.firstColumn]).toEqual([3, 0]);
    expect(data.info.headers).toEqual(["School", "Enrollment", "FRL"]);
  });

  it("reads a table's formula cells as their stored result, else as formula text", async () => {
    const wb = MemoryWorkbook.fromSheets(
      { Data: [["School", "WP"], ["A", "=WSF.WEIGHTEDPUPILS(C2:D2,F1:G1)"], ["B", "=WSF.WEIGHTEDPUPILS(C3:D3,F1:G1)"]] },
      { tables: [{ name: "T", sheet: "Data", row: 0, column: 0, rows: 3, columns: 2 }] },
    );
    wb.setFormulaResult("Data", 1, 1, 512.5);
    const data = await wb.readTable("T");
    expect(data.rows).toEqual([
      ["A", 512.5],
      ["B", "=WSF.WEIGHTEDPUPILS(C3:D3,F1:G1)"],
    ]);
  });

  it("says NOT_FOUND for a table id that no longer resolves", async () => {
    const wb = MemoryWorkbook.fromSheets({ Schools: schoolsSheet });
    expect(await errorCode(wb.readTable("Gone"))).toBe("NOT_FOUND");
    expect(await errorCode(wb.readTable("Missing!A1:B2"))).toBe("NOT_FOUND");
  });
});

describe("MemoryWorkbook ownership", () => {
  it("creates, tags and rewrites its own sheet; a fresh sheet is owned and not edited", async () => {
    const wb = MemoryWorkbook.fromSheets({ Schools: schoolsSheet });
    expect(await wb.inspectSheets(["WSF Allocation"])).toEqual([{ name: "WSF Allocation", exists: false, owned: false, editedByHand: false }]);
    await wb.writeSheet(allocationSpec);
    expect(await wb.inspectSheets(["WSF Allocation"])).toEqual([{ name: "WSF Allocation", exists: true, owned: true, editedByHand: false }]);
    expect(JSON.parse(wb.settings.get("wsf.ownedSheets") ?? "{}")).toHaveProperty(["WSF Allocation"]);
    await wb.writeSheet(allocationSpec);
    expect(wb.getCell("WSF Allocation", 1, 1)).toMatchObject({ formula: "=B2*2", numberFormat: "$#,##0" });
    expect(wb.getCell("WSF Allocation", 0, 0)).toMatchObject({ value: "School", bold: true });
  });

  it("refuses to write over a sheet it did not create (NOT_OWNED), even with overwriteHandEdits", async () => {
    const wb = MemoryWorkbook.fromSheets({ Schools: schoolsSheet });
    const code = await errorCode(wb.writeSheet({ ...allocationSpec, name: "Schools" }, { overwriteHandEdits: true }));
    expect(code).toBe("NOT_OWNED");
    expect(wb.getCell("Schools", 3, 0).value).toBe("Lincoln Elementary");
  });

  it("notices a hand edit through the fingerprint and refuses to overwrite it unless told to", async () => {
    const wb = MemoryWorkbook.fromSheets({});
    await wb.writeSheet(allocationSpec);
    wb.setCell("WSF Allocation", 2, 1, 1600);
    expect((await wb.inspectSheets(["WSF Allocation"]))[0].editedByHand).toBe(true);
    expect(await errorCode(wb.writeSheet(allocationSpec))).toBe("EDITED_BY_HAND");
    expect(wb.getCell("WSF Allocation", 2, 1).value).toBe(1600);
    await wb.writeSheet(allocationSpec, { overwriteHandEdits: true });
    expect(wb.getCell("WSF Allocation", 2, 1).value).toBe(1500);
    expect((await wb.inspectSheets(["WSF Allocation"]))[0].editedByHand).toBe(false);
  });

  it("does not count typing back the same content, or a computed result, as an edit", async () => {
    const wb = MemoryWorkbook.fromSheets({});
    await wb.writeSheet(allocationSpec);
    wb.setCell("WSF Allocation", 2, 1, 1500);
    wb.setFormulaResult("WSF Allocation", 1, 1, 840);
    expect((await wb.inspectSheets(["WSF Allocation"]))[0].editedByHand).toBe(false);
  });

  it("counts clearing a cell as an edit", async () => {
    const wb = MemoryWorkbook.fromSheets({});
    await wb.writeSheet(allocationSpec);
    wb.setCell("WSF Allocation", 1, 0, null);
    expect((await wb.inspectSheets(["WSF Allocation"]))[0].editedByHand).toBe(true);
  });

  it("replaces the previous contents: cells of a longer earlier write do not survive", async () => {
    const wb = MemoryWorkbook.fromSheets({});
    await wb.writeSheet({ name: "Out", blocks: [{ row: 0, column: 0, values: [[1], [2], [3]] }] });
    await wb.writeSheet({ name: "Out", blocks: [{ row: 0, column: 0, values: [[9]] }] });
    expect((await wb.readSheet("Out")).values).toEqual([[9]]);
  });

  it("registers a table written with the sheet and lists it", async () => {
    const wb = MemoryWorkbook.fromSheets({});
    await wb.writeSheet({ ...allocationSpec, table: { name: "WsfAllocation", row: 0, column: 0, rows: 3, columns: 2 } });
    expect((await wb.listTables()).map((t) => [t.id, t.kind, t.rowCount])).toEqual([["WsfAllocation", "table", 2]]);
  });
});

describe("MemoryWorkbook sheets, charts, selection, settings", () => {
  it("reads a sheet from A1 to the end of its used range: values show stored results, formulas show formulas", async () => {
    const wb = MemoryWorkbook.fromSheets({});
    await wb.writeSheet(allocationSpec);
    wb.setFormulaResult("WSF Allocation", 1, 1, 840);
    expect(await wb.readSheet("WSF Allocation")).toEqual({
      values: [["School", "Allocation"], ["Lincoln Elementary", 840], ["Roosevelt Middle", 1500]],
      formulas: [["School", "Allocation"], ["Lincoln Elementary", "=B2*2"], ["Roosevelt Middle", 1500]],
    });
  });

  it("replaces a chart of the same name instead of stacking a copy", async () => {
    const wb = MemoryWorkbook.fromSheets({});
    await wb.writeSheet(allocationSpec);
    const chart = {
      sheet: "WSF Allocation",
      dataSheet: "WSF Allocation",
      name: "PerPupilByPoverty",
      type: "xyScatter" as const,
      title: "Per pupil by poverty",
      data: { row: 1, column: 0, rows: 2, columns: 2 },
      position: { row: 0, column: 4, rows: 15, columns: 8 },
    };
    await wb.createChart(chart);
    await wb.createChart({ ...chart, title: "Per pupil vs poverty", trendlineSeries: [0] });
    expect(wb.charts).toHaveLength(1);
    expect(wb.charts[0]).toMatchObject({ title: "Per pupil vs poverty", trendlineSeries: [0] });
  });

  it("puts charts only on its own sheets", async () => {
    const wb = MemoryWorkbook.fromSheets({ Schools: schoolsSheet });
    const chart = { sheet: "Schools", dataSheet: "Schools", name: "c", type: "line" as const, title: "t", data: { row: 3, column: 1, rows: 2, columns: 2 }, position: { row: 0, column: 5, rows: 10, columns: 6 } };
    expect(await errorCode(wb.createChart(chart))).toBe("NOT_OWNED");
  });

  it("selects a cell and brings its sheet to the front; a missing sheet is NOT_FOUND", async () => {
    const wb = MemoryWorkbook.fromSheets({ Schools: schoolsSheet });
    await wb.selectCell({ sheet: "Schools", row: 3, column: 1 });
    expect(wb.selection).toEqual({ sheet: "Schools", row: 3, column: 1 });
    expect(wb.activeSheet).toBe("Schools");
    expect(await errorCode(wb.selectCell({ sheet: "Nope", row: 0, column: 0 }))).toBe("NOT_FOUND");
  });

  it("round-trips the scenario store, null before anything is saved", async () => {
    const wb = MemoryWorkbook.fromSheets({});
    expect(await wb.readScenarioStore()).toBeNull();
    const store = JSON.stringify({ version: 2, scenarios: [{ name: "Flat", base: 4140 }] });
    await wb.writeScenarioStore(store);
    expect(await wb.readScenarioStore()).toBe(store);
  });

  it("exports a values-only copy of an owned sheet as a new owned sheet", async () => {
    const wb = MemoryWorkbook.fromSheets({});
    await wb.writeSheet(allocationSpec);
    wb.setFormulaResult("WSF Allocation", 1, 1, 840);
    expect(await wb.exportValuesOnly(["WSF Allocation"])).toEqual(["WSF Allocation (values)"]);
    const copy = await wb.readSheet("WSF Allocation (values)");
    expect(copy.formulas).toEqual([["School", "Allocation"], ["Lincoln Elementary", 840], ["Roosevelt Middle", 1500]]);
    expect((await wb.inspectSheets(["WSF Allocation (values)"]))[0]).toMatchObject({ owned: true, editedByHand: false });
    // Exporting again replaces the untouched copy; after a hand edit of the copy it refuses.
    await expect(wb.exportValuesOnly(["WSF Allocation"])).resolves.toEqual(["WSF Allocation (values)"]);
    wb.setCell("WSF Allocation (values)", 1, 1, 0);
    expect(await errorCode(wb.exportValuesOnly(["WSF Allocation"]))).toBe("EDITED_BY_HAND");
  });

  it("refuses to export a sheet it did not write", async () => {
    const wb = MemoryWorkbook.fromSheets({ Schools: schoolsSheet });
    expect(await errorCode(wb.exportValuesOnly(["Schools"]))).toBe("NOT_OWNED");
  });

  it("calls change listeners on hand edits of their sheet only, until unsubscribed", async () => {
    const wb = MemoryWorkbook.fromSheets({ Schools: schoolsSheet, Other: [[1]] });
    const calls: string[] = [];
    const stop = await wb.onChange("Schools", () => calls.push("schools"));
    await wb.onChange("Other", () => calls.push("other"));
    wb.setCell("Schools", 3, 1, 421);
    stop();
    wb.setCell("Schools", 3, 1, 422);
    wb.setCell("Other", 0, 0, 2);
    expect(calls).toEqual(["schools", "other"]);
  });
});
