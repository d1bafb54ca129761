import type { Locator, Page } from "playwright-core";

/* What a person does with the playground's grid, in one place: go to a cell by the name box, type into a
 * cell, read what a cell shows. Every browser test reaches the grid through these steps, so the grid
 * component can change without every test changing with it.
 *
 * The grid is Glide Data Grid: it draws the cells on a canvas and keeps, inside the canvas, an accessibility
 * table of the cells in view (`td[role=gridcell]`, id `glide-cell-<column + 1>-<row>`, the text drawn) for
 * screen readers; the steps read that table. Glide refreshes it 200 ms after the last change (a debounce), so
 * the reading steps wait that long first. Its cell editor is an input labelled "Edit cell B3". */

/**
 * Glide's accessibility table follows the canvas 200 ms after the last change (later on a busy machine): wait
 * until it has not changed for 600 ms.
 */
async function settled(page: Page): Promise<void> {
  const snapshot = () =>
    page.evaluate(() => {
      const table = document.querySelector("[data-grid] table");
      if (!table) return "";
      return [...table.querySelectorAll("td")].map((td) => `${td.id}=${td.getAttribute("aria-selected")}:${td.textContent}`).join("|");
    });
  let last = await snapshot();
  let since = Date.now();
  for (const start = Date.now(); Date.now() - start < 10_000; ) {
    await page.waitForTimeout(150);
    const now = await snapshot();
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= 600) return;
  }
}

/** Column and row (0-based) of an A1 address without sheet. */
export function cellIndex(cell: string): { column: number; row: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(cell.trim());
  if (!m) throw new Error(`"${cell}" is not a cell address`);
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { column: column - 1, row: Number(m[2]) - 1 };
}

/** The grid on screen (the sheet's cells, headers and charts). */
export function grid(page: Page): Locator {
  return page.locator("[data-grid]");
}

/** A cell of the accessibility table: present only while the cell is in view. */
function cellLocator(page: Page, cell: string): Locator {
  const { column, row } = cellIndex(cell);
  return page.locator(`[data-grid] td[role="gridcell"][id="glide-cell-${column + 1}-${row}"]`);
}

/** Goes to a cell or range by the name box and returns the "Selected cell" status line once it names it. */
export async function goTo(page: Page, address: string): Promise<string> {
  const nameBox = page.getByLabel("Name box");
  await nameBox.fill(address);
  await nameBox.press("Enter");
  const cell = address.slice(address.lastIndexOf("!") + 1).split(":")[0];
  const status = page.getByRole("status", { name: "Selected cell" });
  await status.filter({ hasText: `!${cell}:` }).waitFor();
  return status.innerText();
}

/** Waits until the keyboard focus is in the grid (after the name box hands it back, or a click). */
export async function gridHasFocus(page: Page): Promise<void> {
  await page.waitForFunction(() => document.activeElement?.closest("[data-grid]") != null);
}

/** The cell editor, while one is open. */
export function cellEditor(page: Page): Locator {
  return page.locator('input[aria-label^="Edit cell"]');
}

/** Types `text` into a cell (a value or a formula) and presses Enter, as a person does. */
export async function typeIntoCell(page: Page, address: string, text: string): Promise<void> {
  await goTo(page, address);
  await gridHasFocus(page);
  // The first key opens the editor with that character; the rest goes into the editor.
  await page.keyboard.type(text.slice(0, 1) || " ");
  const editor = cellEditor(page);
  await editor.waitFor();
  await editor.fill(text);
  await editor.press("Enter");
  await editor.waitFor({ state: "detached" });
}

/** The text a cell of the sheet on screen shows (formatted as the grid draws it). The cell must be in view. */
export async function cellText(page: Page, cell: string): Promise<string> {
  await settled(page);
  return (await cellLocator(page, cell).textContent({ timeout: 10_000 })) ?? "";
}

/** Goes to the cell (scrolling it into view) and returns the text it shows. */
export async function showCell(page: Page, address: string): Promise<string> {
  await goTo(page, address);
  return cellText(page, address.slice(address.lastIndexOf("!") + 1));
}

/** True when the cell is drawn in the grid's visible part now. */
export async function isCellShown(page: Page, cell: string): Promise<boolean> {
  await settled(page);
  return (await cellLocator(page, cell).count()) > 0;
}

/**
 * True when the cell is selected (the active cell or inside the selected range) and drawn whole inside the grid
 * within 5 s (the grid scrolls to a cell named in the name box once it has drawn a newly opened sheet).
 */
export async function isCellSelectedInView(page: Page, cell: string): Promise<boolean> {
  const check = async () => {
    await settled(page);
    const located = cellLocator(page, cell);
    if ((await located.count()) === 0 || (await located.getAttribute("aria-selected")) !== "true") return false;
    const c = await cellBox(page, cell);
    const g = (await grid(page).boundingBox())!;
    return c.x >= g.x && c.x + c.width <= g.x + g.width + 1 && c.y >= g.y && c.y + c.height <= g.y + g.height + 1;
  };
  for (const start = Date.now(); Date.now() - start < 5_000; ) if (await check()) return true;
  return false;
}

/** The cells in view that are selected, as A1 addresses in reading order. */
export async function selectedCellsInView(page: Page): Promise<string[]> {
  await settled(page);
  return page.evaluate(() => {
    const letters = (c: number) => {
      let s = "";
      for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      return s;
    };
    const cells = [...document.querySelectorAll('[data-grid] td[role="gridcell"][aria-selected="true"]')].map((td) => {
      const [, c, r] = /glide-cell-(\d+)-(\d+)/.exec(td.id)!.map(Number);
      return { c: c - 1, r };
    });
    return cells
      .filter((x) => x.c >= 0)
      .sort((a, b) => a.r - b.r || a.c - b.c)
      .map((x) => `${letters(x.c)}${x.r + 1}`);
  });
}

/** Where a cell is drawn on the page (viewport pixels), from the grid's column widths and scroll position. */
export async function cellBox(page: Page, cell: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const { column, row } = cellIndex(cell);
  const box = await page.evaluate(([c, r]) => (window as any).wsfGrid?.bounds(c, r) ?? null, [column, row] as const);
  if (!box) throw new Error(`The grid does not say where ${cell} is drawn`);
  return box;
}

/** Clicks a cell, as a person does (the cell must be in view); `modifiers` for Shift+click. */
export async function clickCell(page: Page, cell: string, options: { modifiers?: ("Shift" | "Control")[]; button?: "left" | "right" } = {}): Promise<void> {
  const box = await cellBox(page, cell);
  for (const key of options.modifiers ?? []) await page.keyboard.down(key);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: options.button });
  for (const key of options.modifiers ?? []) await page.keyboard.up(key);
}

/** Clicks a row header ("3") or a column header ("B"), as a person does; a right click opens the grid's menu. */
export async function clickHeader(page: Page, header: string, options: { modifiers?: ("Shift" | "Control")[]; button?: "left" | "right" } = {}): Promise<void> {
  const isRow = /^\d+$/.test(header);
  const [column, row] = isRow ? [-1, Number(header) - 1] : [cellIndex(`${header}1`).column, -1];
  const box = await page.evaluate(([c, r]) => (window as any).wsfGrid?.bounds(c, r) ?? null, [column, row] as const);
  if (!box) throw new Error(`The grid does not say where the header ${header} is drawn`);
  for (const key of options.modifiers ?? []) await page.keyboard.down(key);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: options.button });
  for (const key of options.modifiers ?? []) await page.keyboard.up(key);
}

/** Chooses an item of the grid's right-click menu. */
export async function chooseFromMenu(page: Page, item: string | RegExp): Promise<void> {
  await page.getByRole("menuitem", { name: item }).click();
  await page.getByRole("menu").waitFor({ state: "detached" });
}

/** How many rows of cells the grid has drawn (and put in its accessibility table): the rows in view, not the sheet's. */
export async function drawnRowCount(page: Page): Promise<number> {
  await settled(page);
  return page.locator('[data-grid] table tbody tr[role="row"]').count();
}

/**
 * The texts a block of cells shows, row by row, read in one go from the grid once it has settled (all of the
 * block must be in view): `cellTexts(page, "A1:D6")`.
 */
export async function cellTexts(page: Page, range: string): Promise<string[][]> {
  const [from, to = from] = range.split(":");
  const a = cellIndex(from);
  const b = cellIndex(to);
  await settled(page);
  return page.evaluate(
    ([top, left, bottom, right]) => {
      const rows: (string | null)[][] = [];
      for (let r = top; r <= bottom; r++) {
        const line: (string | null)[] = [];
        for (let c = left; c <= right; c++) line.push(document.querySelector(`[data-grid] td[role="gridcell"][id="glide-cell-${c + 1}-${r}"]`)?.textContent ?? null);
        rows.push(line);
      }
      return rows;
    },
    [Math.min(a.row, b.row), Math.min(a.column, b.column), Math.max(a.row, b.row), Math.max(a.column, b.column)] as const,
  ).then((rows) => {
    const missing = rows.flatMap((line, r) => line.flatMap((text, c) => (text === null ? [`row ${r + 1} column ${c + 1} of ${range}`] : [])));
    if (missing.length > 0) throw new Error(`Not in view: ${missing.join(", ")}`);
    return rows as string[][];
  });
}

/** Drags the mouse from the middle of one cell to the middle of another, as a person selects a range. */
export async function dragCells(page: Page, from: string, to: string): Promise<void> {
  const a = await cellBox(page, from);
  const b = await cellBox(page, to);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

/** Double-clicks a cell, as a person does to edit it (the cell must be in view). */
export async function doubleClickCell(page: Page, cell: string): Promise<void> {
  const box = await cellBox(page, cell);
  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
}
