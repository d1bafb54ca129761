import type { Page } from "playwright-core";
import { sampleOf } from "../../src/engine/core/WeightedSample";
import { byGroup } from "../../src/engine/stats/byGroup";
import { lorenz } from "../../src/engine/stats/lorenz";
import { openPlayground, screenshot, type OpenPlayground } from "./browser";
import { columnOf, schoolsTable } from "./district";

/* The playground's own workbook in Chromium: it opens with the sample district, scrolls 850 schools with a
 * virtualised grid, and WSF formulas typed into cells evaluate (spilling) to what the engine computes in node.
 * Exercise 3 of docs/training.md ("array the data") is done here and photographed for the docs. */

jest.setTimeout(60_000);

let browser: OpenPlayground;
let page: Page;

beforeAll(async () => {
  browser = await openPlayground();
  page = browser.page;
}, 90_000);

afterAll(async () => {
  await browser?.close();
});

afterEach(() => {
  if (browser) expect(browser.problems).toEqual([]);
});

/** Goes to a cell through the name box, as a person would, and returns the status line's text for it. */
async function goTo(address: string): Promise<string> {
  const nameBox = page.getByLabel("Name box");
  await nameBox.fill(address);
  await nameBox.press("Enter");
  const status = page.getByRole("status", { name: "Selected cell" });
  await status.filter({ hasText: `${address.includes("!") ? address : `!${address}:`}` }).waitFor();
  return status.innerText();
}

/** Types into the selected cell: focus the grid, type (which opens the cell editor), Enter. */
async function typeIntoCell(address: string, text: string): Promise<void> {
  await goTo(address);
  await page.getByRole("grid").focus();
  await page.keyboard.type(text.slice(0, 1));
  const editor = page.getByLabel(`Edit cell ${address}`);
  await editor.fill(text);
  await editor.press("Enter");
}

/** A cell's computed value, read from the browser workbook itself (full precision, unlike the grid's text). */
function valueAt(sheet: string, row: number, column: number): Promise<unknown> {
  return page.evaluate(([s, r, c]) => (window as any).wsfPlayground.cell(s, r, c).value, [sheet, row, column] as const);
}

test("the page opens on the sample district: title, Schools tab, 850 schools, the task pane beside the grid", async () => {
  expect(await page.title()).toBe("WSF playground");
  await expect(page.getByRole("tab", { name: "Schools", selected: true }).count()).resolves.toBe(1);
  await expect(page.getByRole("heading", { name: "Weighted student funding" }).count()).resolves.toBe(1);
  // Row 851 holds the 850th school (row 1 is the header).
  expect(await goTo("A851")).toBe("Schools!A851: S0850");
  // Virtualised: far fewer rows in the DOM than the sheet has.
  const rowsInDom = await page.getByRole("row").count();
  expect(rowsInDom).toBeGreaterThan(10);
  expect(rowsInDom).toBeLessThan(120);
  await screenshot(page, "opened-on-sample-district");
});

test("scrolling to the bottom of 850 schools renders the rows there", async () => {
  await page.getByRole("grid").evaluate((grid) => (grid.scrollTop = grid.scrollHeight));
  await page.locator('[role="gridcell"][data-address="A851"]').waitFor();
  expect(await page.locator('[role="gridcell"][data-address="A851"]').innerText()).toBe("S0850");
  expect(await page.locator('[role="gridcell"][data-address="A2"]').count()).toBe(0);
});

test("exercise 3: WSF.BYGROUP typed into a new sheet spills ten poverty deciles equal to the engine's", async () => {
  await page.getByRole("button", { name: "New sheet" }).click();
  await page.getByRole("tab", { name: "Sheet1", selected: true }).waitFor();
  await typeIntoCell("A1", "=WSF.BYGROUP(Schools!S2:S851,Schools!T2:T851,Schools!E2:E851,10)");

  const table = schoolsTable();
  const sample = sampleOf(columnOf(table, "Total per pupil"), columnOf(table, "Enrollment"));
  const deciles = byGroup(sample, Float64Array.from(columnOf(table, "FRL share")), 10);
  for (let g = 0; g < 10; g++) {
    expect(await valueAt("Sheet1", g, 0)).toBe(g + 1);
    expect(await valueAt("Sheet1", g, 3)).toBeCloseTo(deciles[g].pupils, 6);
    expect(await valueAt("Sheet1", g, 4)).toBeCloseTo(deciles[g].mean, 6);
  }
  // The formula bar shows the formula of the spill's corner, the status line the value of a spilled cell.
  await goTo("A1");
  expect(await page.getByLabel("Formula bar").inputValue()).toBe("=WSF.BYGROUP(Schools!S2:S851,Schools!T2:T851,Schools!E2:E851,10)");
  expect(await goTo("A10")).toBe("Sheet1!A10: 10");
  expect(await page.getByLabel("Formula bar").inputValue()).toBe("10");
});

test("exercise 3: WSF.LORENZ spills 851 points from (0, 0) to (1, 1) matching the engine's curve", async () => {
  await typeIntoCell("G1", "=WSF.LORENZ(Schools!S2:S851,Schools!E2:E851)");
  const table = schoolsTable();
  const curve = lorenz(sampleOf(columnOf(table, "Total per pupil"), columnOf(table, "Enrollment")));
  expect(curve.pupilShare.length).toBe(851);
  for (const i of [0, 1, 425, 850]) {
    expect(await valueAt("Sheet1", i, 6)).toBeCloseTo(curve.pupilShare[i], 12);
    expect(await valueAt("Sheet1", i, 7)).toBeCloseTo(curve.valueShare[i], 12);
  }
  await goTo("A1");
  await screenshot(page, "exercise-3-array");
});

test("a bad input shows #VALUE! in the cell and the function's message in the status line", async () => {
  await typeIntoCell("K1", "=WSF.GINI(Schools!S2:S851,Schools!B2:B851)");
  // Column B holds school names, not pupils: the message names the function, the argument and the row.
  const firstName = schoolsTable().rows[0][1];
  expect(await goTo("K1")).toBe(`Sheet1!K1: #VALUE! WSF.GINI: pupils row 1 is "${firstName}", expected a number`);
  expect(await page.locator('[role="gridcell"][data-address="K1"]').innerText()).toBe("#VALUE!");
  await screenshot(page, "bad-input-message");
});
