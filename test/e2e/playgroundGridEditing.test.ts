import { screenshot } from "./browser";
import { playgroundPage } from "./playgroundPage";
import { cellEditor, cellText, cellTexts, chooseFromMenu, clickCell, clickHeader, doubleClickCell, dragCells, goTo, gridHasFocus, isCellShown, selectedCellsInView, typeIntoCell } from "./gridSteps";

/* The playground's grid behaves like a spreadsheet, driven with the mouse and the keyboard as a person does:
 * range selection, the keys of Excel, copy and paste as tab-separated text (Excel's clipboard format), cut,
 * Delete, fill down, undo and redo of every edit, rows and columns inserted and deleted with formulas adjusted,
 * and the task pane told of each edit. Expected values are worked out in the comments from the cells typed. */

jest.setTimeout(90_000);

const playground = playgroundPage({
  prepare: (browser) => browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: browser.served.url }),
});

const status = () => playground.page.getByRole("status", { name: "Selected cell" });
const formulaBar = () => playground.page.getByLabel("Formula bar");
const pane = () => playground.page.locator("#taskpane");

/** Waits until the status line names the cell (and, when given, shows that text after it). */
async function statusShows(text: string): Promise<void> {
  await status().filter({ hasText: text }).waitFor();
}

function clipboardText(): Promise<string> {
  return playground.page.evaluate(() => navigator.clipboard.readText());
}

function putOnClipboard(text: string): Promise<void> {
  return playground.page.evaluate((t) => navigator.clipboard.writeText(t), text);
}

test("a new sheet: typing, Tab and Enter move as in Excel; F2 edits the formula; Escape cancels an edit", async () => {
  const { page } = playground;
  await page.getByRole("button", { name: "New sheet" }).click();
  await page.getByRole("tab", { name: "Sheet1", exact: true, selected: true }).waitFor();
  await goTo(page, "A1");
  await gridHasFocus(page);
  // Type 5, Tab: the value is in A1 and B1 is selected; =A1*2 then Enter: B1 = 10, B2 selected.
  await page.keyboard.type("5");
  await cellEditor(page).waitFor();
  await page.keyboard.press("Tab");
  await statusShows("Sheet1!B1:");
  await page.keyboard.type("=");
  await cellEditor(page).waitFor();
  await page.keyboard.type("A1*2");
  await page.keyboard.press("Enter");

  await statusShows("Sheet1!B2:");
  expect(await cellText(page, "B1")).toBe("10");
  // Without an editor open: Shift+Enter goes up, Shift+Tab left, Enter down.
  await page.keyboard.press("Shift+Enter");
  await statusShows("Sheet1!B1: 10");
  await page.keyboard.press("Shift+Tab");
  await statusShows("Sheet1!A1: 5");
  await page.keyboard.press("Enter");
  await statusShows("Sheet1!A2:");
  // F2 on B1 opens the editor on the formula, not the value; Escape leaves the cell as it was.
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowRight");
  await statusShows("Sheet1!B1: 10");
  await page.keyboard.press("F2");
  await cellEditor(page).waitFor();
  expect(await cellEditor(page).inputValue()).toBe("=A1*2");
  await page.keyboard.type("+1", { delay: 40 });
  await page.keyboard.press("Escape");
  await cellEditor(page).waitFor({ state: "detached" });
  expect(await cellText(page, "B1")).toBe("10");
  // A double click on B1 edits its formula too; Escape.
  await doubleClickCell(page, "B1");
  await cellEditor(page).waitFor();
  expect(await cellEditor(page).inputValue()).toBe("=A1*2");
  await page.keyboard.press("Escape");
  await cellEditor(page).waitFor({ state: "detached" });
  // A Shift+click straight after a click elsewhere selects a range and opens no editor.
  await page.getByRole("tab", { name: "Sheet1", exact: true }).click();
  await clickCell(page, "A2", { modifiers: ["Shift"] });
  expect(await selectedCellsInView(page)).toEqual(["A1", "B1", "A2", "B2"]);
  expect(await cellEditor(page).count()).toBe(0);
  await goTo(page, "B1");
  // Typed over with a number, then Escape: the typing is dropped.
  await page.keyboard.type("9");
  await cellEditor(page).waitFor();
  await page.keyboard.type("9", { delay: 40 });
  await page.keyboard.press("Escape");
  await cellEditor(page).waitFor({ state: "detached" });
  expect(await cellText(page, "B1")).toBe("10");
  expect(await formulaBar().inputValue()).toBe("=A1*2");
});

test("range selection by the mouse (drag, Shift+click) and the keyboard (Shift+arrows, Ctrl+Shift+Down); Home, Ctrl+arrows, Ctrl+End as in Excel", async () => {
  const { page } = playground;
  await page.getByRole("tab", { name: "Schools", exact: true }).click();
  await goTo(page, "B3");
  await gridHasFocus(page);
  await clickCell(page, "C5", { modifiers: ["Shift"] });
  expect(await selectedCellsInView(page)).toEqual(["B3", "C3", "B4", "C4", "B5", "C5"]);
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Shift+ArrowLeft");
  // B3:C5 grown one row down and shrunk one column: B3:B6, with B3 still the active cell.
  expect(await selectedCellsInView(page)).toEqual(["B3", "B4", "B5", "B6"]);
  await statusShows("Schools!B3:");
  await screenshot(page, "grid-range-selection");
  // A drag with the mouse from B3 to D6 selects B3:D6, B3 the active cell (a click on a tab less than half a second
  // before must not make the grid take the release for a double click and open an editor).
  await page.getByRole("tab", { name: "Schools", exact: true }).click();
  await dragCells(page, "B3", "D6");
  expect(await selectedCellsInView(page)).toEqual(["B3", "C3", "D3", "B4", "C4", "D4", "B5", "C5", "D5", "B6", "C6", "D6"]);
  await statusShows("Schools!B3:");
  expect(await cellEditor(page).count()).toBe(0);
  // Home: column A of the row. Ctrl+Down: the last school (row 851, the header is row 1); Ctrl+Up: back to A1.
  await page.keyboard.press("Home");
  await statusShows("Schools!A3: S0002");
  await page.keyboard.press("Control+ArrowDown");
  await statusShows("Schools!A851: S0850");
  expect(await isCellShown(page, "A851")).toBe(true);
  await page.keyboard.press("Control+ArrowUp");
  await statusShows("Schools!A1: School ID");
  // Ctrl+Right from A1: the last header; End then Left: back to A1 (Excel's End mode).
  await page.keyboard.press("Control+ArrowRight");
  const lastHeader = (await status().innerText()).replace(/^Schools!([A-Z]+)1: .*$/, "$1");
  expect(lastHeader).toMatch(/^[A-Z]+$/);
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft");
  await statusShows("Schools!A1:");
  // Ctrl+Shift+Down from A1 selects the whole column of school IDs down to A851.
  await page.keyboard.press("Control+Shift+ArrowDown");
  await statusShows("Schools!A1:");
  await goTo(page, "A845");
  expect(await selectedCellsInView(page)).toEqual(["A845"]);
  // Ctrl+End: the last used cell, row 851 and the last header's column.
  await page.keyboard.press("Control+End");
  await statusShows(`Schools!${lastHeader}851:`);
});

test("the name box selects a range, scrolls to it and gives the focus back to the grid", async () => {
  const { page } = playground;
  await goTo(page, "Schools!B840:C845");
  expect(await selectedCellsInView(page)).toEqual(["B840", "C840", "B841", "C841", "B842", "C842", "B843", "C843", "B844", "C844", "B845", "C845"]);
  await gridHasFocus(page);
  // Unhappy: not an address. The message says so and the selection stays.
  const box = page.getByLabel("Name box");
  await box.fill("B0");
  await box.press("Enter");
  await statusShows('"B0" is not a cell or range address');
  await box.press("Escape");
  await gridHasFocus(page);
});

test("copy and paste as tab-separated text: a block from Excel pastes here, a block copied here pastes into Excel; cut moves", async () => {
  const { page } = playground;
  await page.getByRole("tab", { name: "Sheet1", exact: true }).click();
  // What Excel puts on the clipboard for a 3 x 2 block formatted as currency and with thousands separators.
  await putOnClipboard("Name\tPupils\r\nA\t1,200\r\nB\t$300\r\n");
  await goTo(page, "D1");
  await page.keyboard.press("Control+v");
  await statusShows("Sheet1!D1: Name");
  expect(await selectedCellsInView(page)).toEqual(["D1", "E1", "D2", "E2", "D3", "E3"]);
  // Numbers arrive as numbers: E4 = E2 + E3 = 1,200 + 300.
  await typeIntoCell(page, "E4", "=E2+E3");
  expect(await cellText(page, "E4")).toBe("1500");
  await screenshot(page, "grid-pasted-from-excel");
  // Copy D1:E4 back out: Excel's format, the values as shown, the formula as its value.
  await goTo(page, "D1:E4");
  await page.keyboard.press("Control+c");
  expect(await clipboardText()).toBe("Name\tPupils\r\nA\t1200\r\nB\t300\r\n\t1500\r\n");
  // Pasted inside the playground, a copied formula keeps its relative references: E4 =E2+E3 to H5 gives =H3+H4.
  await goTo(page, "E4");
  await page.keyboard.press("Control+c");
  await goTo(page, "H5");
  await page.keyboard.press("Control+v");
  await statusShows("Sheet1!H5: 0");
  expect(await formulaBar().inputValue()).toBe("=H3+H4");
  // Cut D2:E3 and paste at G10: the block moves (E2 to H10, E3 to H11) and E4's =E2+E3 follows it: =H10+H11, 1500.
  await goTo(page, "D2:E3");
  await page.keyboard.press("Control+x");
  await goTo(page, "G10");
  await page.keyboard.press("Control+v");
  await statusShows("Sheet1!G10: A");
  await goTo(page, "E4");
  expect(await formulaBar().inputValue()).toBe("=H10+H11");
  expect(await cellText(page, "E4")).toBe("1500");
  expect(await cellText(page, "D2")).toBe("");
  // Unhappy: a block that does not fit right of the last column is refused in words, nothing written.
  await putOnClipboard("1\t2\t3\r\n");
  await goTo(page, "ALL1");
  await page.keyboard.press("Control+v");
  await statusShows("do not fit below and right of the selected cell");
});

test("Delete clears a range, Ctrl+D fills down with relative references; Ctrl+Z undoes each, Ctrl+Y and Ctrl+Shift+Z redo", async () => {
  const { page } = playground;
  await page.getByRole("tab", { name: "Sheet1", exact: true }).click();
  await typeIntoCell(page, "A2", "6");
  await typeIntoCell(page, "A3", "7");
  // B1 = A1*2 (from the first test); B1:B3 filled down: B2 = A2*2 = 12, B3 = A3*2 = 14.
  await goTo(page, "B1");
  await clickCell(page, "B3", { modifiers: ["Shift"] });
  await page.keyboard.press("Control+d");
  await goTo(page, "B3");
  expect(await formulaBar().inputValue()).toBe("=A3*2");
  expect([await cellText(page, "B2"), await cellText(page, "B3")]).toEqual(["12", "14"]);
  // Delete on A1:A2: B1 and B2 now double an empty cell, 0.
  await goTo(page, "A1:A2");
  await page.keyboard.press("Delete");
  expect([await cellText(page, "A1"), await cellText(page, "B1"), await cellText(page, "B2")]).toEqual(["", "0", "0"]);
  // Undo the delete, then the fill; redo the fill with Ctrl+Y, undo it again, redo with Ctrl+Shift+Z.
  await page.keyboard.press("Control+z");
  expect([await cellText(page, "A1"), await cellText(page, "B1"), await cellText(page, "B2")]).toEqual(["5", "10", "12"]);
  await page.keyboard.press("Control+z");
  expect([await cellText(page, "B2"), await cellText(page, "B3")]).toEqual(["", ""]);
  await page.keyboard.press("Control+y");
  expect([await cellText(page, "B2"), await cellText(page, "B3")]).toEqual(["12", "14"]);
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Control+Shift+Z");
  expect(await cellText(page, "B3")).toBe("14");
  // Undo a paste: the pasted block goes, the cells under it come back.
  await putOnClipboard("x\ty\r\n");
  await goTo(page, "A1");
  await page.keyboard.press("Control+v");
  expect(await cellText(page, "B1")).toBe("y");
  await page.keyboard.press("Control+z");
  expect([await cellText(page, "A1"), await cellText(page, "B1")]).toEqual(["5", "10"]);
});

test("rows and columns: inserted and deleted from the right-click menu and the headers, formulas adjusted as Excel adjusts them, undone", async () => {
  const { page } = playground;
  await page.getByRole("tab", { name: "Sheet1", exact: true }).click();
  // A1:A3 = 5, 6, 7 and A5 = SUM(A1:A3) = 18.
  await typeIntoCell(page, "A5", "=SUM(A1:A3)");
  expect(await cellText(page, "A5")).toBe("18");
  // Right-click A2, insert a row above: the sum moves to A6 and covers A1:A4, still 18.
  await goTo(page, "A2");
  await clickCell(page, "A2", { button: "right" });
  // The picture once the menu has faded in (Fluent animates its opening).
  const menu = page.getByRole("menu");
  await menu.waitFor();
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  await screenshot(page, "grid-context-menu");
  await chooseFromMenu(page, "Insert 1 row above");
  await goTo(page, "A6");
  expect(await formulaBar().inputValue()).toBe("=SUM(A1:A4)");
  expect(await cellText(page, "A6")).toBe("18");
  // Right-click the header of row 1 and delete it: the 5 goes, the sum (now A5) is 6 + 7 = 13.
  await clickHeader(page, "1", { button: "right" });
  await chooseFromMenu(page, "Delete row 1");
  await goTo(page, "A5");
  expect(await formulaBar().inputValue()).toBe("=SUM(A1:A3)");
  expect(await cellText(page, "A5")).toBe("13");
  // Undo the row deletion: the 5 is back and the sum is 18 again.
  await page.keyboard.press("Control+z");
  expect(await cellText(page, "A6")).toBe("18");
  expect(await cellText(page, "A1")).toBe("5");
  // A column inserted left of A from its header: the numbers move to B, the sum with them.
  await clickHeader(page, "A", { button: "right" });
  await chooseFromMenu(page, "Insert 1 column left");
  await goTo(page, "B6");
  expect(await formulaBar().inputValue()).toBe("=SUM(B1:B4)");
  // Deleting column B (the numbers and the sum): the sum's cell is gone, the column of B1 * 2 (now C) shows #REF!.
  await clickHeader(page, "B", { button: "right" });
  await chooseFromMenu(page, "Delete column B");
  await goTo(page, "B1");
  expect(await cellText(page, "B1")).toBe("#REF!");
  await page.keyboard.press("Control+z");
  expect(await cellText(page, "C1")).toBe("10");
});

test("the task pane is told of every grid edit: a row inserted in the schools table shows as 851 rows, undo brings back 850", async () => {
  const { page } = playground;
  await pane().getByRole("combobox", { name: "Schools table" }).selectOption({ label: "Schools" });
  await pane().getByText("850 rows, 22 columns").waitFor();
  await page.getByRole("tab", { name: "Schools", exact: true }).click();
  await goTo(page, "A10");
  await clickHeader(page, "10", { button: "right" });
  await chooseFromMenu(page, "Insert 1 row above");
  await pane().getByText("851 rows, 22 columns").waitFor();
  await screenshot(page, "grid-row-inserted-pane-told");
  await page.keyboard.press("Control+z");
  await pane().getByText("850 rows, 22 columns").waitFor();
  // A paste over a school's enrollment and its undo reach the pane the same way: the problem comes and goes.
  await pane().getByRole("combobox", { name: "Start from a preset" }).selectOption({ label: "LAUSD-style: flat general fund + need supplements" });
  await pane().getByRole("button", { name: "Use preset" }).click();
  await putOnClipboard("x\r\n");
  await goTo(page, "E2");
  await page.keyboard.press("Control+v");
  const problem = pane().getByRole("list", { name: "Data problems" }).getByText(/"x"/);
  await problem.first().waitFor();
  await page.keyboard.press("Control+z");
  await problem.first().waitFor({ state: "detached" });
  expect(await cellText(page, "E2")).toBe("453");
});

test("after Apply, Ctrl+Z has nothing to undo (never the add-in's work); a paste on the allocation sheet is a hand edit until undone", async () => {
  const { page } = playground;
  const summary = pane().getByLabel("Applied summary");
  await pane().getByRole("button", { name: /^Apply( again)?$/ }).click();
  await summary.waitFor();
  await page.getByRole("tab", { name: "WSF Allocation", exact: true, selected: true }).waitFor();
  await goTo(page, "'WSF Allocation'!D2");
  await page.keyboard.press("Control+z");
  await statusShows("There is nothing to undo.");
  await putOnClipboard("1\r\n");
  await goTo(page, "'WSF Allocation'!D2");
  await page.keyboard.press("Control+v");
  await pane().getByRole("button", { name: /^Apply( again)?$/ }).click();
  const dialog = page.locator('[role="dialog"], [role="alertdialog"]').filter({ hasText: "Replace your hand edits?" });
  await dialog.waitFor();
  expect(await dialog.innerText()).toContain('"WSF Allocation"');
  await screenshot(page, "grid-paste-is-hand-edit");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await dialog.waitFor({ state: "hidden" });
  // Undone, the sheet is the add-in's again: Apply writes without asking.
  await goTo(page, "'WSF Allocation'!D2");
  await page.keyboard.press("Control+z");
  const before = await summary.innerText();
  await pane().getByRole("button", { name: /^Apply( again)?$/ }).click();
  for (let waited = 0; waited < 20_000 && (await summary.innerText()) === before; waited += 100) {
    expect(await dialog.isVisible()).toBe(false);
    await page.waitForTimeout(100);
  }
  expect(await dialog.isVisible()).toBe(false);
});

/** A block of distinct texts, "A1v" in A1 and so on, 8 rows by 6 columns (A1:F8). */
const BLOCK = Array.from({ length: 8 }, (_, r) => Array.from({ length: 6 }, (_, c) => `${"ABCDEF"[c]}${r + 1}v`));
const tsv = (lines: string[][]) => lines.map((l) => l.join("\t")).join("\r\n") + "\r\n";
/** BLOCK with the cells of `range` (inside A1:F8) changed by `change(text, row, column)`. */
function blockWith(range: string, change: (text: string, row: number, column: number) => string): string[][] {
  const [a, b = a] = range.split(":").map((x) => ({ column: x.charCodeAt(0) - 65, row: Number(x.slice(1)) - 1 }));
  return BLOCK.map((line, r) => line.map((text, c) => (r >= a.row && r <= b.row && c >= a.column && c <= b.column ? change(text, r, c) : text)));
}

/** Types an address into the name box and presses Enter; the next key follows at once, as a fast typist's does. */
async function nameBoxEnter(address: string): Promise<void> {
  const box = playground.page.getByLabel("Name box");
  await box.fill(address);
  await box.press("Enter");
}

test("a key pressed straight after the name box's Enter acts on the range named and on nothing else: Delete, Ctrl+C, Ctrl+X, Ctrl+V, Ctrl+D, typing", async () => {
  const { page } = playground;
  await page.getByRole("button", { name: "New sheet" }).click();
  await page.getByRole("tab", { name: "Sheet2", exact: true, selected: true }).waitFor();
  await putOnClipboard(tsv(BLOCK));
  await goTo(page, "A1");
  await page.keyboard.press("Control+v");
  await statusShows("Sheet2!A1: A1v");
  expect(await cellTexts(page, "A1:F8")).toEqual(BLOCK);
  // Delete, the selection before made by a click (the focus on the grid) or by the name box (the focus on the
  // accessibility table's element of that cell, for up to 200 ms after): only the named range is cleared, never
  // the cell selected before. Each is undone before the next.
  const trials: { before: string; by: "click" | "name box"; named: string }[] = [
    { before: "D6", by: "click", named: "A2:B3" },
    { before: "B2", by: "name box", named: "E7:F8" },
    { before: "F1", by: "click", named: "C4" },
    { before: "A8", by: "name box", named: "B1:C2" },
    { before: "E3", by: "click", named: "A6:A8" },
    { before: "C7", by: "name box", named: "D2:F2" },
  ];
  for (const { before, by, named } of trials) {
    if (by === "click") await clickCell(page, before);
    else await nameBoxEnter(before);
    await statusShows(`Sheet2!${before}: ${before}v`);
    await nameBoxEnter(named);
    await page.keyboard.press("Delete");
    await statusShows(`Sheet2!${named.split(":")[0]}:`);
    expect({ before, named, cells: await cellTexts(page, "A1:F8") }).toEqual({ before, named, cells: blockWith(named, () => "") });
    await page.keyboard.press("Control+z");
    expect(await cellTexts(page, "A1:F8")).toEqual(BLOCK);
  }
  // Ctrl+C straight after the name box: the range named, as Excel puts it on the clipboard.
  await clickCell(page, "F8");
  await statusShows("Sheet2!F8: F8v");
  await nameBoxEnter("B2:C3");
  await page.keyboard.press("Control+c");
  await statusShows("Sheet2!B2: B2v");
  expect(await clipboardText()).toBe("B2v\tC2v\r\nB3v\tC3v\r\n");
  // Ctrl+V straight after the name box: pasted at the cell named (E5), not at B2. Undone.
  await nameBoxEnter("E5");
  await page.keyboard.press("Control+v");
  await statusShows("Sheet2!E5: B2v");
  expect(await cellTexts(page, "A1:F8")).toEqual(blockWith("E5:F6", (_, r, c) => BLOCK[r - 3][c - 3]));
  await page.keyboard.press("Control+z");
  expect(await cellTexts(page, "A1:F8")).toEqual(BLOCK);
  // Ctrl+D straight after the name box: C3:D5 takes C3 and D3 down (texts, copied as they are). Undone.
  await nameBoxEnter("C3:D5");
  await page.keyboard.press("Control+d");
  await statusShows("Sheet2!C3: C3v");
  expect(await cellTexts(page, "A1:F8")).toEqual(blockWith("C3:D5", (_, _r, c) => BLOCK[2][c]));
  await page.keyboard.press("Control+z");
  expect(await cellTexts(page, "A1:F8")).toEqual(BLOCK);
  // Ctrl+X straight after the name box, then Ctrl+V straight after the next: A7:B8 moves to D1:E2. Undone.
  await nameBoxEnter("A7:B8");
  await page.keyboard.press("Control+x");
  await statusShows("Sheet2!A7: A7v");
  await nameBoxEnter("D1");
  await page.keyboard.press("Control+v");
  await statusShows("Sheet2!D1: A7v");
  const moved = blockWith("D1:E2", (_, r, c) => BLOCK[r + 6][c - 3]).map((line, r) => line.map((text, c) => (r >= 6 && c <= 1 ? "" : text)));
  expect(await cellTexts(page, "A1:F8")).toEqual(moved);
  await page.keyboard.press("Control+z");
  expect(await cellTexts(page, "A1:F8")).toEqual(BLOCK);
  // Typing straight after the name box goes into the cell named.
  await clickCell(page, "A1");
  await nameBoxEnter("F4");
  await page.keyboard.type("typed");
  await page.keyboard.press("Enter");
  await statusShows("Sheet2!F5: F5v");
  expect(await cellTexts(page, "A1:F8")).toEqual(blockWith("F4", () => "typed"));
  await page.keyboard.press("Control+z");
  expect(await cellTexts(page, "A1:F8")).toEqual(BLOCK);
});
