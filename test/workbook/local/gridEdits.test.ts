import { HyperFormulaWorkbook } from "../../../src/workbook/local/HyperFormulaWorkbook";

/* A person's edits beyond one cell in the browser workbook (paste, clear, fill down, cut, rows and columns,
 * undo and redo). The grids are small and hand-made; every expected value is worked out in the comment
 * beside it from those grids, as Excel gives it. */

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
        ["Total", "=SUM(B2:B3)", "=SUM(C2:C3)"],
      ],
      headerRow: true,
      numberFormats: [null, "#,##0", "$#,##0"],
    },
  ],
  table: { name: "Schools", row: 0, column: 0, rows: 3, columns: 3 },
};

async function setUp() {
  const wb = new HyperFormulaWorkbook();
  await wb.writeSheet(schools);
  const changes: string[] = [];
  await wb.onChange("Schools", () => changes.push("Schools"));
  return { wb, changes, value: (row: number, column: number) => wb.cell("Schools", row, column).value, formula: (row: number, column: number) => wb.cell("Schools", row, column).formula };
}

test("a pasted block of text goes in as typed (numbers, $ and %, formulas), tells the pane once, and one Ctrl+Z takes it all back", async () => {
  const { wb, changes, value } = await setUp();
  expect(wb.setBlockByUser("Schools", 1, 1, [["150", "$2,000"], ["=B2*2"]])).toBeNull();
  expect(changes).toEqual(["Schools"]);
  expect(value(1, 1)).toBe(150);
  expect(value(1, 2)).toBe(2000);
  expect(value(2, 1)).toBe(300); // =B2*2 with B2 = 150
  expect(value(2, 2)).toBeNull(); // the ragged second row is padded with an empty cell, as Excel pastes it
  expect(value(3, 1)).toBe(450); // SUM(B2:B3) = 150 + 300
  expect(wb.undoByUser()).toBeNull();
  expect(changes).toEqual(["Schools", "Schools"]);
  expect([value(1, 1), value(1, 2), value(2, 1), value(2, 2), value(3, 1)]).toEqual([100, 1000, 300, 4500, 400]);
  expect(wb.redoByUser()).toBeNull();
  expect([value(1, 1), value(2, 2)]).toEqual([150, null]);
  expect(wb.redoByUser()).toBe("There is nothing to redo.");
});

test("Delete clears a range; undo brings the values back", async () => {
  const { wb, value } = await setUp();
  expect(wb.clearByUser("Schools", 1, 1, 2, 2)).toBeNull();
  expect([value(1, 1), value(2, 2), value(3, 1)]).toEqual([null, null, 0]);
  wb.undoByUser();
  expect([value(1, 1), value(2, 2), value(3, 1)]).toEqual([100, 4500, 400]);
});

test("fill down copies the top row's formula with relative references, in one undo step", async () => {
  const { wb, value, formula } = await setUp();
  wb.setCellByUser("Schools", 1, 3, "=B2*10");
  // D2:D3 filled down: D3 = B3*10 = 3000. A one-row selection (D4) fills from the row above: D4 = B4*10 = 4000.
  expect(wb.fillDownByUser("Schools", 1, 3, 2, 1)).toBeNull();
  expect(formula(2, 3)).toBe("=B3*10");
  expect(value(2, 3)).toBe(3000);
  expect(wb.fillDownByUser("Schools", 3, 3, 1, 1)).toBeNull();
  expect(value(3, 3)).toBe(4000);
  wb.undoByUser();
  expect(value(3, 3)).toBeNull();
  expect(value(2, 3)).toBe(3000);
  expect(wb.fillDownByUser("Schools", 0, 0, 1, 1)).toBe("There is no row above row 1 to fill down from.");
});

test("a long fill down (40 rows) gives each row its own reference and undoes in one step", async () => {
  const { wb, value } = await setUp();
  wb.setCellByUser("Schools", 10, 5, "=ROW()*2");
  expect(wb.fillDownByUser("Schools", 10, 5, 40, 1)).toBeNull();
  for (let r = 10; r < 50; r++) expect(value(r, 5)).toBe((r + 1) * 2);
  wb.undoByUser();
  expect(value(11, 5)).toBeNull();
  expect(value(10, 5)).toBe(22);
});

test("a range copied inside the workbook pastes with its formulas adjusted; a cut range moves", async () => {
  const { wb, value, formula } = await setUp();
  const block = { sheet: "Schools", row: 3, column: 1, rows: 1, columns: 2 };
  expect(wb.pasteRangeByUser(block, { sheet: "Schools", row: 5, column: 1 }, false)).toBeNull();
  expect(formula(5, 1)).toBe("=SUM(B4:B5)"); // two rows down from =SUM(B2:B3)
  expect(value(5, 1)).toBe(400); // B4 = 400, B5 empty
  wb.undoByUser();
  expect(value(5, 1)).toBeNull();
  // Cut B2 to E2: SUM(B2:B3) no longer holds 100 (B2 is empty), and the moved cell keeps its value.
  expect(wb.pasteRangeByUser({ sheet: "Schools", row: 1, column: 1, rows: 1, columns: 1 }, { sheet: "Schools", row: 1, column: 4 }, true)).toBeNull();
  expect([value(1, 1), value(1, 4)]).toEqual([null, 100]);
  wb.undoByUser();
  expect([value(1, 1), value(1, 4), value(3, 1)]).toEqual([100, null, 400]);
});

test("inserting and deleting rows adjusts formulas and the table as Excel does; undo puts both back", async () => {
  const { wb, value, formula, changes } = await setUp();
  // A row inserted inside the table (before row 3): the total's range grows to B2:B4, the table to 4 rows.
  expect(wb.insertLinesByUser("Schools", "rows", 2, 1)).toBeNull();
  expect(formula(4, 1)).toBe("=SUM(B2:B4)");
  expect(wb.tableNamed("Schools")).toMatchObject({ row: 0, rows: 4 });
  expect(wb.look("Schools").formats.find((f) => f.column === 1)).toMatchObject({ fromRow: 1, toRow: 4 });
  expect(wb.look("Schools").boldRows.has(0)).toBe(true);
  wb.setCellByUser("Schools", 2, 1, "50");
  expect(value(4, 1)).toBe(450); // 100 + 50 + 300
  // Deleting school A's row (row 2): SUM(B2:B3) over the two left, 50 + 300.
  expect(wb.deleteLinesByUser("Schools", "rows", 1, 1)).toBeNull();
  expect(formula(3, 1)).toBe("=SUM(B2:B3)");
  expect(value(3, 1)).toBe(350);
  expect(wb.tableNamed("Schools")).toMatchObject({ row: 0, rows: 3 });
  expect(changes.length).toBe(3);
  // Undo the deletion, the typed 50 and the insertion: back to the start.
  wb.undoByUser();
  expect(value(1, 0)).toBe("A");
  expect(wb.tableNamed("Schools")).toMatchObject({ rows: 4 });
  wb.undoByUser();
  wb.undoByUser();
  expect(formula(3, 1)).toBe("=SUM(B2:B3)");
  expect(value(3, 1)).toBe(400);
  expect(wb.tableNamed("Schools")).toMatchObject({ row: 0, rows: 3 });
  expect(wb.undoByUser()).toBe("There is nothing to undo.");
});

test("deleting a column a formula points at gives #REF!, as Excel; inserting a column moves the table right", async () => {
  const { wb, value } = await setUp();
  expect(wb.insertLinesByUser("Schools", "columns", 0, 1)).toBeNull();
  expect(wb.tableNamed("Schools")).toMatchObject({ column: 1, columns: 3 });
  expect(value(3, 2)).toBe(400);
  expect(wb.deleteLinesByUser("Schools", "columns", 1, 3)).toBeNull();
  expect(wb.tableNamed("Schools")).toBeUndefined();
  wb.undoByUser();
  expect(wb.tableNamed("Schools")).toMatchObject({ column: 1, columns: 3 });
  wb.setCellByUser("Schools", 5, 0, "=D2");
  wb.deleteLinesByUser("Schools", "columns", 3, 1);
  expect(wb.cell("Schools", 5, 0).value).toBe("#REF!");
});

test("an edit of a sheet the add-in owns is a hand edit; undoing it makes the sheet the add-in's again", async () => {
  const { wb } = await setUp();
  wb.setBlockByUser("Schools", 1, 1, [["1", "2"]]);
  expect((await wb.inspectSheets(["Schools"]))[0].editedByHand).toBe(true);
  wb.undoByUser();
  expect((await wb.inspectSheets(["Schools"]))[0].editedByHand).toBe(false);
});

test("Ctrl+Z never undoes the add-in's own writes: a write clears what could be undone", async () => {
  const { wb, value } = await setUp();
  expect(wb.undoByUser()).toBe("There is nothing to undo.");
  wb.setCellByUser("Schools", 1, 1, "7");
  await wb.writeSheet(schools, { overwriteHandEdits: true });
  expect(wb.undoByUser()).toBe("There is nothing to undo.");
  expect(value(1, 1)).toBe(100);
});

test("a paste into a spilled result blocks the spill (#SPILL!, as Excel); undo lets it spill again", async () => {
  const { wb, value } = await setUp();
  wb.setCellByUser("Schools", 6, 0, "=SEQUENCE(3)");
  expect(value(7, 0)).toBe(2);
  expect(wb.setBlockByUser("Schools", 7, 0, [["9"]])).toBeNull();
  expect([value(6, 0), value(7, 0)]).toEqual(["#SPILL!", 9]);
  wb.undoByUser();
  expect([value(6, 0), value(7, 0), value(8, 0)]).toEqual([1, 2, 3]);
});
