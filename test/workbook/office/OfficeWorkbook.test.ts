import { CellValue, ChartSpec, PortError, SheetSpec } from "../../../src/workbook/WorkbookPort";
import { OfficeWorkbook } from "../../../src/workbook/office/OfficeWorkbook";
import { EXCEL_WEB_PAYLOAD_LIMIT_BYTES } from "../../../src/workbook/shared/limits";
import { FakeExcel } from "../support/fakeExcel";

/** A district sheet with a title row above the header, and the same data as an Excel table on another sheet. */
function district(schools: number): FakeExcel {
  const rows: CellValue[][] = [["Sample district, FY2025", null, null, null], ["School", "Enrollment", "FRL", "EL"]];
  const tableRows: CellValue[][] = [["School", "Enrollment", "FRL", "EL"]];
  for (let i = 0; i < schools; i++) {
    const row = [`School ${i + 1}`, 300 + (i % 700), 100 + (i % 200), 20 + (i % 50)];
    rows.push(row);
    tableRows.push(row);
  }
  return FakeExcel.withSheets({ Schools: rows, Data: tableRows }, [{ name: "SchoolsTable", sheet: "Data", row: 0, column: 0, rows: schools + 1, columns: 4 }]);
}

/** An allocation sheet of one row per school, 12 columns, with formulas, as the task pane writes it. */
function allocationSpec(schools: number, name = "WSF Allocation"): SheetSpec {
  const header = ["School", "Enrollment", "FRL", "EL", "WP", "Base", "Fixed", "Formula", "Prior", "Floor", "Allocation", "Per pupil"];
  const values: CellValue[][] = [header];
  for (let i = 0; i < schools; i++) {
    const r = i + 2;
    values.push([`School ${i + 1}`, 300 + (i % 700), 100 + (i % 200), 20 + (i % 50), `=B${r}+0.25*C${r}+0.4*D${r}`, 4140, 225000, `=E${r}*F${r}+G${r}`, 1_500_000 + i, `=I${r}*0.95`, `=MAX(H${r},J${r})`, `=K${r}/B${r}`]);
  }
  return { name, blocks: [{ row: 0, column: 0, values, headerRow: true, numberFormats: [null, "0", "0", "0", "0.00", "$#,##0", "$#,##0", "$#,##0", "$#,##0", "$#,##0", "$#,##0", "$#,##0.00"] }] };
}

function install(fake: FakeExcel): void {
  (globalThis as unknown as { Excel: unknown }).Excel = { run: fake.run };
}

/** Round trips (context.sync calls) and Excel.run calls used by one port call on a fresh fake. */
async function cost(fake: FakeExcel, call: (wb: OfficeWorkbook) => Promise<unknown>): Promise<{ syncs: number; runs: number }> {
  install(fake);
  const before = { syncs: fake.syncCount, runs: fake.runs };
  await call(new OfficeWorkbook());
  return { syncs: fake.syncCount - before.syncs, runs: fake.runs - before.runs };
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

describe("OfficeWorkbook round trips do not grow with the number of schools", () => {
  const sizes = [10, 5000];

  it("listTables: one Excel.run and the same number of syncs for 10 and 5,000 schools", async () => {
    const costs = await Promise.all(sizes.map(async (n) => cost(district(n), (wb) => wb.listTables())));
    expect(costs[0]).toEqual(costs[1]);
    expect(costs[0].runs).toBe(1);
    expect(costs[0].syncs).toBeLessThanOrEqual(3);
  });

  it("readTable (an Excel table and a header-row block): the same syncs for 10 and 5,000 schools", async () => {
    for (const id of ["SchoolsTable", "Schools!A2:D"]) {
      const costs: { syncs: number; runs: number }[] = [];
      for (const n of sizes) {
        const fake = district(n);
        const tableId = id.endsWith(":D") ? `Schools!A2:D${n + 2}` : id;
        costs.push(await cost(fake, (wb) => wb.readTable(tableId)));
      }
      expect(costs[0]).toEqual(costs[1]);
      expect(costs[0].runs).toBe(1);
    }
  });

  it("writeSheet (a new sheet, then a rewrite of its own sheet): the same syncs for 10 and 5,000 schools", async () => {
    const first: number[] = [];
    const again: number[] = [];
    for (const n of sizes) {
      const fake = district(n);
      first.push((await cost(fake, (wb) => wb.writeSheet(allocationSpec(n)))).syncs);
      again.push((await cost(fake, (wb) => wb.writeSheet(allocationSpec(n)))).syncs);
    }
    expect(first[0]).toBe(first[1]);
    expect(again[0]).toBe(again[1]);
  });

  it("inspectSheets: the same syncs for 10 and 5,000 schools", async () => {
    const costs: number[] = [];
    for (const n of sizes) {
      const fake = district(n);
      install(fake);
      await new OfficeWorkbook().writeSheet(allocationSpec(n));
      costs.push((await cost(fake, (wb) => wb.inspectSheets(["WSF Allocation", "WSF Parameters", "Schools"]))).syncs);
    }
    expect(costs[0]).toBe(costs[1]);
  });
});

describe("OfficeWorkbook writes large blocks under Excel on the web's 5 MB request limit", () => {
  it("splits 100,000 rows x 12 columns into several requests, each under 5 MB, every row written once in order", async () => {
    const fake = FakeExcel.withSheets({});
    install(fake);
    const rows = 100_000;
    const values: CellValue[][] = [];
    for (let i = 0; i < rows; i++) values.push([i, `School ${i}`, ...Array.from({ length: 10 }, (_, c) => 1000 * c + i / 7)]);
    await new OfficeWorkbook().writeSheet({ name: "Big", blocks: [{ row: 0, column: 0, values }] });

    // No formulas: the rows go through `values`, the text column first formatted as text.
    const writing = fake.requests.filter((r) => r.writes.some((w) => w.property === "values"));
    expect(writing.length).toBeGreaterThan(1);
    for (const request of fake.requests) expect(request.bytes).toBeLessThan(EXCEL_WEB_PAYLOAD_LIMIT_BYTES);
    expect(fake.numberFormatAt("Big", 5, 1)).toBe("@");
    expect(fake.numberFormatAt("Big", 5, 2)).toBe("General");

    const writtenIds: number[] = [];
    let nextRow = 0;
    for (const request of writing) {
      for (const w of request.writes.filter((x) => x.property === "values")) {
        expect(w.row).toBe(nextRow); // each chunk starts where the previous one ended
        expect(w.columns).toBe(12);
        for (const row of w.value as CellValue[][]) writtenIds.push(row[0] as number);
        nextRow += w.rows;
      }
    }
    expect(writtenIds).toHaveLength(rows);
    for (let i = 0; i < rows; i++) if (writtenIds[i] !== i) throw new Error(`row ${i} written as ${writtenIds[i]}`);
    expect(fake.formulaAt("Big", 99_999, 1)).toBe("School 99999");
  });
});

describe("OfficeWorkbook ownership", () => {
  it("refuses to overwrite a sheet it did not create (NOT_OWNED) and leaves it untouched", async () => {
    const fake = district(10);
    install(fake);
    const error = await errorOf(new OfficeWorkbook().writeSheet({ ...allocationSpec(3), name: "Schools" }, { overwriteHandEdits: true }));
    expect(error.code).toBe("NOT_OWNED");
    expect(error.message).toContain("Rename or delete the sheet 'Schools'");
    expect(fake.formulaAt("Schools", 2, 0)).toBe("School 1");
    expect(fake.requests.flatMap((r) => r.writes)).toEqual([]);
  });

  it("tags what it creates, detects a hand edit, refuses EDITED_BY_HAND, and overwrites when told to", async () => {
    const fake = district(10);
    install(fake);
    const wb = new OfficeWorkbook();
    await wb.writeSheet(allocationSpec(10));
    expect(await wb.inspectSheets(["WSF Allocation"])).toEqual([{ name: "WSF Allocation", exists: true, owned: true, editedByHand: false }]);
    expect(JSON.parse(String(fake.settings.get("wsf.ownedSheets")))).toHaveProperty(["WSF Allocation"]);

    await fake.editCell("WSF Allocation", 3, 5, 5000); // a person changes one school's base
    expect((await wb.inspectSheets(["WSF Allocation"]))[0].editedByHand).toBe(true);
    const error = await errorOf(wb.writeSheet(allocationSpec(10)));
    expect(error.code).toBe("EDITED_BY_HAND");
    expect(fake.formulaAt("WSF Allocation", 3, 5)).toBe(5000);

    await wb.writeSheet(allocationSpec(10), { overwriteHandEdits: true });
    expect(fake.formulaAt("WSF Allocation", 3, 5)).toBe(4140);
    expect((await wb.inspectSheets(["WSF Allocation"]))[0].editedByHand).toBe(false);
  });

  it("rewrites its own sheet in place: shorter output leaves no stale rows, number formats and table are set", async () => {
    const fake = district(10);
    install(fake);
    const wb = new OfficeWorkbook();
    await wb.writeSheet({ ...allocationSpec(10), table: { name: "WsfAllocation", row: 0, column: 0, rows: 11, columns: 12 } });
    await wb.writeSheet({ ...allocationSpec(4), table: { name: "WsfAllocation", row: 0, column: 0, rows: 5, columns: 12 } });
    expect(fake.formulaAt("WSF Allocation", 6, 0)).toBe("");
    expect(fake.formulaAt("WSF Allocation", 4, 10)).toBe("=MAX(H5,J5)");
    expect(fake.numberFormatAt("WSF Allocation", 1, 5)).toBe("$#,##0");
    expect(fake.tables.filter((t) => t.name === "WsfAllocation")).toEqual([{ name: "WsfAllocation", sheet: "WSF Allocation", row: 0, column: 0, rows: 5, columns: 12 }]);
  });

  it("reports a missing sheet as free and an untagged one as not owned", async () => {
    install(district(3));
    expect(await new OfficeWorkbook().inspectSheets(["Nope", "Schools"])).toEqual([
      { name: "Nope", exists: false, owned: false, editedByHand: false },
      { name: "Schools", exists: true, owned: false, editedByHand: false },
    ]);
  });
});

describe("OfficeWorkbook tables and sheets", () => {
  it("lists the Excel table and the header-row block under the title row", async () => {
    install(district(3));
    const tables = await new OfficeWorkbook().listTables();
    expect(tables).toEqual([
      { id: "SchoolsTable", label: "SchoolsTable", kind: "table", sheet: "Data", address: "Data!A1:D4", headers: ["School", "Enrollment", "FRL", "EL"], rowCount: 3 },
      { id: "Schools!A2:D5", label: "Schools (A2:D5)", kind: "headerRow", sheet: "Schools", address: "Schools!A2:D5", headers: ["School", "Enrollment", "FRL", "EL"], rowCount: 3 },
    ]);
  });

  it("reads a header-row block by its id: headers, data rows and where the data starts", async () => {
    install(district(3));
    const data = await new OfficeWorkbook().readTable("Schools!A2:D5");
    expect(data.info.headers).toEqual(["School", "Enrollment", "FRL", "EL"]);
    expect(data.rows).toEqual([
      ["School 1", 300, 100, 20],
      ["School 2", 301, 101, 21],
      ["School 3", 302, 102, 22],
    ]);
    expect([data.firstRow, data.firstColumn]).toEqual([2, 0]);
  });

  it("reads 5,000 schools whole through a small read budget, in order", async () => {
    // 40,000 estimated bytes per response at 40 bytes a value: 5,001 rows x 4 columns are read in slices of 250 rows.
    const fake = district(5000);
    install(fake);
    const data = await new OfficeWorkbook({ readBudgetBytes: 40_000 }).readTable("SchoolsTable");
    expect(fake.requests.length).toBeGreaterThan(20);
    expect(data.rows).toHaveLength(5000);
    expect(data.rows[4999][0]).toBe("School 5000");
  });

  it("says NOT_FOUND for a table that is gone", async () => {
    install(district(3));
    expect((await errorOf(new OfficeWorkbook().readTable("Gone"))).code).toBe("NOT_FOUND");
  });

  it("reads a sheet from A1: formulas as written", async () => {
    install(district(3));
    const wb = new OfficeWorkbook();
    await wb.writeSheet({ name: "Out", blocks: [{ row: 1, column: 1, values: [["x", "=B2"]] }] });
    const sheet = await wb.readSheet("Out");
    expect(sheet.formulas).toEqual([
      ["", "", ""],
      ["", "x", "=B2"],
    ]);
  });
});

describe("OfficeWorkbook scenarios, charts, selection, events, export", () => {
  it("round-trips the scenario store through workbook settings, which a new session reads back", async () => {
    const fake = district(3);
    install(fake);
    expect(await new OfficeWorkbook().readScenarioStore()).toBeNull();
    const store = JSON.stringify({ version: 2, scenarios: [{ name: "LAUSD-style", base: 4140 }] });
    await new OfficeWorkbook().writeScenarioStore(store);
    expect(fake.settings.get("wsf.scenarios")).toBe(store);
    expect(await new OfficeWorkbook().readScenarioStore()).toBe(store);
  });

  it("creates a named chart with a trendline and replaces it on a second call", async () => {
    const fake = district(3);
    install(fake);
    const wb = new OfficeWorkbook();
    await wb.writeSheet({ name: "WSF Charts", blocks: [{ row: 0, column: 0, values: [["Poverty", "This year", "Last year"], [0.2, 9000, 8800], [0.5, 10000, 9900], [0.8, 12000, 11000]] }] });
    const chart: ChartSpec = {
      sheet: "WSF Charts",
      dataSheet: "WSF Charts",
      name: "PerPupilVsPoverty",
      type: "xyScatter",
      title: "Per pupil vs poverty",
      data: { row: 0, column: 0, rows: 4, columns: 3 },
      trendlineSeries: [0],
      xAxisTitle: "Poverty share",
      yAxisTitle: "Dollars per pupil",
      position: { row: 0, column: 5, rows: 15, columns: 8 },
    };
    await wb.createChart(chart);
    await wb.createChart({ ...chart, title: "Per pupil vs poverty (FY2025)" });
    expect(fake.charts).toHaveLength(1);
    expect(fake.charts[0]).toEqual({
      sheet: "WSF Charts",
      name: "PerPupilVsPoverty",
      type: "XYScatter",
      title: "Per pupil vs poverty (FY2025)",
      series: [
        // The header row (row 1) names the columns; the points are rows 2 to 4.
        { values: "'WSF Charts'!B2:B4", xValues: "'WSF Charts'!A2:A4", trendlines: ["Linear"], name: "This year" },
        { values: "'WSF Charts'!C2:C4", xValues: "'WSF Charts'!A2:A4", trendlines: [], name: "Last year" },
      ],
      categoryAxisTitle: "Poverty share",
      valueAxisTitle: "Dollars per pupil",
      position: ["F1", "M15"],
    });
  });

  it("sends axis number formats, value labels and the legend the chart asks for (ExcelApi 1.8)", async () => {
    const fake = district(3);
    install(fake);
    const wb = new OfficeWorkbook();
    await wb.writeSheet({ name: "WSF Charts", blocks: [{ row: 0, column: 0, values: [["Share of pupils", "Lorenz curve", "Line of equality"], [0, 0, 0], [0.5, 0.4, 0.5], [1, 1, 1]] }] });
    await wb.createChart({
      sheet: "WSF Charts",
      dataSheet: "WSF Charts",
      name: "Lorenz",
      type: "xyScatterLines",
      title: "Lorenz curve",
      data: { row: 0, column: 0, rows: 4, columns: 3 },
      xAxisNumberFormat: "0%",
      yAxisNumberFormat: "0%",
      dataLabelsNumberFormat: "0.0%",
      legend: true,
      position: { row: 3, column: 0, rows: 16, columns: 8 },
    });
    expect(fake.charts[0]).toMatchObject({
      categoryAxisNumberFormat: "0%",
      valueAxisNumberFormat: "0%",
      legend: { visible: true, position: "Bottom" },
      series: [
        { name: "Lorenz curve", dataLabels: "0.0%" },
        { name: "Line of equality", dataLabels: "0.0%" },
      ],
      position: ["A4", "H19"],
    });
  });

  it("will not draw on a sheet it does not own", async () => {
    install(district(3));
    const chart: ChartSpec = { sheet: "Schools", dataSheet: "Schools", name: "c", type: "line", title: "t", data: { row: 2, column: 1, rows: 3, columns: 2 }, position: { row: 0, column: 6, rows: 10, columns: 6 } };
    expect((await errorOf(new OfficeWorkbook().createChart(chart))).code).toBe("NOT_OWNED");
  });

  it("selects a cell on its sheet and brings the sheet to the front", async () => {
    const fake = district(3);
    install(fake);
    await new OfficeWorkbook().selectCell({ sheet: "Schools", row: 4, column: 2 });
    expect(fake.selection).toEqual({ sheet: "Schools", address: "C5" });
    expect(fake.activeSheet).toBe("Schools");
  });

  it("calls the listener when a person edits the sheet, until unsubscribed", async () => {
    const fake = district(3);
    install(fake);
    let calls = 0;
    const stop = await new OfficeWorkbook().onChange("Schools", () => calls++);
    await fake.editCell("Schools", 2, 1, 999);
    stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.handlerCount("Schools")).toBe(0);
    await fake.editCell("Schools", 2, 1, 998);
    expect(calls).toBe(1);
  });

  it("exports a values-only copy: no formulas, number formats kept, tagged as the add-in's", async () => {
    const fake = district(3);
    install(fake);
    const wb = new OfficeWorkbook();
    await wb.writeSheet(allocationSpec(2));
    // What Excel would calculate for the first school's allocation: =MAX(H2,J2) with H2 = 4140 x WP + 225000.
    fake.setFormulaResult("WSF Allocation", 1, 10, 1_863_450);
    expect(await wb.exportValuesOnly(["WSF Allocation"])).toEqual(["WSF Allocation (values)"]);
    const copy = await wb.readSheet("WSF Allocation (values)");
    expect(copy.formulas.flat().some((f) => typeof f === "string" && f.startsWith("="))).toBe(false);
    expect(copy.formulas[1][5]).toBe(4140);
    expect(copy.formulas[1][10]).toBe(1_863_450);
    expect(fake.numberFormatAt("WSF Allocation (values)", 1, 5)).toBe("$#,##0");
    expect((await wb.inspectSheets(["WSF Allocation (values)"]))[0]).toMatchObject({ owned: true, editedByHand: false });
  });
});

describe("OfficeWorkbook and the WSF_Settings sheet of a file saved by the playground", () => {
  // A store longer than one cell (30,000 characters a piece), cut so that its second piece starts with
  // "-12": Excel would turn that piece into a number, or "=..." into a formula, unless the cell is text.
  const filler = "x".repeat(30_000 - '{"scenarios":["'.length);
  const store = `{"scenarios":["${filler}-12,=SUM(1)"]}`;
  const owned = JSON.stringify({ "WSF Allocation": "fingerprint-from-the-playground" });

  function savedByPlayground(): FakeExcel {
    return FakeExcel.withSheets({
      Schools: [["School", "Enrollment"], ["S1", 100]],
      "WSF Allocation": [["School"], ["S1"]],
      WSF_Settings: [
        ["Setting", "Value (JSON; a long value continues in the cells to its right)"],
        ["wsf.scenarios", store.slice(0, 30_000), store.slice(30_000)],
        ["wsf.ownedSheets", owned],
        ["wsf.playground", '{"tables":[]}'],
      ],
    });
  }

  it("reads the scenarios and the ownership tags from the sheet when Excel's settings hold none", async () => {
    const fake = savedByPlayground();
    install(fake);
    const wb = new OfficeWorkbook();
    expect(await wb.readScenarioStore()).toBe(store);
    // The settings sheet is never offered as a table of schools.
    expect((await wb.listTables()).map((t) => t.sheet)).toEqual(["Schools"]);
    // The sheet's tag makes WSF Allocation the add-in's own (its fingerprint no longer matches: edited);
    // Schools stays the person's.
    expect(await wb.inspectSheets(["WSF Allocation", "Schools"])).toEqual([
      { name: "WSF Allocation", exists: true, owned: true, editedByHand: true },
      { name: "Schools", exists: true, owned: false, editedByHand: false },
    ]);
  });

  it("Excel's own setting wins over the sheet when both are there", async () => {
    const fake = savedByPlayground();
    fake.settings.set("wsf.scenarios", '{"scenarios":[]}');
    install(fake);
    expect(await new OfficeWorkbook().readScenarioStore()).toBe('{"scenarios":[]}');
  });

  it("saving scenarios writes Excel's setting and the sheet's row, as text, with the old second piece cleared", async () => {
    const fake = savedByPlayground();
    install(fake);
    const shorter = '{"scenarios":[]}';
    await new OfficeWorkbook().writeScenarioStore(shorter);
    expect(fake.settings.get("wsf.scenarios")).toBe(shorter);
    expect(fake.valueAt("WSF_Settings", 1, 0)).toBe("wsf.scenarios");
    expect(fake.valueAt("WSF_Settings", 1, 1)).toBe(shorter);
    expect(fake.valueAt("WSF_Settings", 1, 2) ?? "").toBe("");
    // The other rows are untouched.
    expect(fake.valueAt("WSF_Settings", 2, 1)).toBe(owned);
    expect(fake.valueAt("WSF_Settings", 3, 1)).toBe('{"tables":[]}');

    // And the long store goes back as two text pieces, the second still "-12,..." and not a number.
    await new OfficeWorkbook().writeScenarioStore(store);
    expect(fake.numberFormatAt("WSF_Settings", 1, 2)).toBe("@");
    expect(fake.valueAt("WSF_Settings", 1, 2)).toBe(store.slice(30_000));
    expect(await new OfficeWorkbook().readScenarioStore()).toBe(store);
  });

  it("writing an owned sheet updates the tag on the sheet too, so the playground reopens the file on the new fingerprint", async () => {
    const fake = savedByPlayground();
    install(fake);
    await new OfficeWorkbook().writeSheet(allocationSpec(3), { overwriteHandEdits: true });
    const inSettings = JSON.parse(String(fake.settings.get("wsf.ownedSheets")));
    expect(JSON.parse(String(fake.valueAt("WSF_Settings", 2, 1)))).toEqual(inSettings);
    expect(inSettings["WSF Allocation"]).not.toBe("fingerprint-from-the-playground");
  });

  it("a file without the sheet: two round trips (sheet names, then the setting) and no such sheet is made", async () => {
    const fake = district(3);
    const { syncs } = await cost(fake, (wb) => wb.writeScenarioStore('{"scenarios":[]}'));
    expect(syncs).toBe(2);
    expect(fake.sheetNames()).not.toContain("WSF_Settings");
  });
});
