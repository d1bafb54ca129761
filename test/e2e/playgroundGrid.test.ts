import { sampleOf } from "../../src/engine/core/WeightedSample";
import { byGroup } from "../../src/engine/stats/byGroup";
import { lorenz } from "../../src/engine/stats/lorenz";
import { screenshot } from "./browser";
import { playgroundPage } from "./playgroundPage";
import { cellText, drawnRowCount, goTo, gridHasFocus, isCellShown, typeIntoCell } from "./gridSteps";
import { columnOf, schoolsTable } from "./district";

/* The playground's own workbook in Chromium: it opens with the sample district, scrolls 850 schools with a
 * virtualised grid, and WSF formulas typed into cells evaluate (spilling) to what the engine computes in node.
 * Exercise 3 of docs/training.md ("array the data") is done here and photographed for the docs. */

jest.setTimeout(60_000);

const playground = playgroundPage();

/** A cell's computed value, read from the browser workbook itself (full precision, unlike the grid's text). */
function valueAt(sheet: string, row: number, column: number): Promise<unknown> {
  return playground.page.evaluate(([s, r, c]) => (window as any).wsfPlayground.cell(s, r, c).value, [sheet, row, column] as const);
}

test("the page opens on the sample district: title, Schools tab, 850 schools, the task pane beside the grid", async () => {
  const { page } = playground;
  expect(await page.title()).toBe("WSF playground");
  await expect(page.getByRole("tab", { name: "Schools", selected: true }).count()).resolves.toBe(1);
  await expect(page.getByRole("heading", { name: "Weighted student funding" }).count()).resolves.toBe(1);
  // Row 851 holds the 850th school (row 1 is the header).
  expect(await goTo(page, "A851")).toBe("Schools!A851: S0850");
  // Virtualised: far fewer rows in the DOM than the sheet has.
  const rowsInDom = await drawnRowCount(page);
  expect(rowsInDom).toBeGreaterThan(10);
  expect(rowsInDom).toBeLessThan(120);
  await screenshot(page, "opened-on-sample-district");
});

test("scrolling to the bottom of 850 schools renders the rows there", async () => {
  const { page } = playground;
  // Ctrl+Down from A1, as in Excel: the last school, drawn; the first rows are no longer drawn.
  await goTo(page, "A1");
  await gridHasFocus(page);
  await page.keyboard.press("Control+ArrowDown");
  await page.getByRole("status", { name: "Selected cell" }).filter({ hasText: "Schools!A851:" }).waitFor();
  expect(await cellText(page, `A851`)).toBe("S0850");
  expect(await isCellShown(page, "A2")).toBe(false);
});

test("exercise 3: WSF.BYGROUP typed into a new sheet spills ten poverty deciles equal to the engine's", async () => {
  const { page } = playground;
  await page.getByRole("button", { name: "New sheet" }).click();
  await page.getByRole("tab", { name: "Sheet1", selected: true }).waitFor();
  await typeIntoCell(page, "A1", "=WSF.BYGROUP(Schools!S2:S851,Schools!T2:T851,Schools!E2:E851,10)");

  const table = schoolsTable();
  const sample = sampleOf(columnOf(table, "Total per pupil"), columnOf(table, "Enrollment"));
  const deciles = byGroup(sample, Float64Array.from(columnOf(table, "FRL share")), 10);
  for (let g = 0; g < 10; g++) {
    expect(await valueAt("Sheet1", g, 0)).toBe(g + 1);
    expect(await valueAt("Sheet1", g, 3)).toBeCloseTo(deciles[g].pupils, 6);
    expect(await valueAt("Sheet1", g, 4)).toBeCloseTo(deciles[g].mean, 6);
  }
  // The formula bar shows the formula of the spill's corner, the status line the value of a spilled cell.
  await goTo(page, "A1");
  expect(await page.getByLabel("Formula bar").inputValue()).toBe("=WSF.BYGROUP(Schools!S2:S851,Schools!T2:T851,Schools!E2:E851,10)");
  expect(await goTo(page, "A10")).toBe("Sheet1!A10: 10");
  expect(await page.getByLabel("Formula bar").inputValue()).toBe("10");
});

test("exercise 3: WSF.LORENZ spills 851 points from (0, 0) to (1, 1) matching the engine's curve", async () => {
  const { page } = playground;
  await typeIntoCell(page, "G1", "=WSF.LORENZ(Schools!S2:S851,Schools!E2:E851)");
  const table = schoolsTable();
  const curve = lorenz(sampleOf(columnOf(table, "Total per pupil"), columnOf(table, "Enrollment")));
  expect(curve.pupilShare.length).toBe(851);
  for (const i of [0, 1, 425, 850]) {
    expect(await valueAt("Sheet1", i, 6)).toBeCloseTo(curve.pupilShare[i], 12);
    expect(await valueAt("Sheet1", i, 7)).toBeCloseTo(curve.valueShare[i], 12);
  }
  await goTo(page, "A1");
  await screenshot(page, "exercise-3-array");
});

test("a bad input shows #VALUE! in the cell and the function's message in the status line", async () => {
  const { page } = playground;
  await typeIntoCell(page, "K1", "=WSF.GINI(Schools!S2:S851,Schools!B2:B851)");
  // Column B holds school names, not pupils: the message names the function, the argument and the row.
  const firstName = schoolsTable().rows[0][1];
  expect(await goTo(page, "K1")).toBe(`Sheet1!K1: #VALUE! WSF.GINI: pupils row 1 is "${firstName}", expected a number`);
  expect(await cellText(page, `K1`)).toBe("#VALUE!");
  await screenshot(page, "bad-input-message");
});
