import { openPlayground, screenshot } from "./browser";
import { playgroundPage } from "./playgroundPage";
import { cellEditor, cellText, gridHasFocus, isCellSelectedInView } from "./gridSteps";

/* The playground shell around the grid, walked with clicks and typing: the name box goes to a cell or range
 * that is off screen (or outside the used range of a small sheet) and hands the focus back to the grid, so the
 * next formula typed goes into the cell; a formula the parser cannot read says why in words; the sheet tab strip
 * scrolls inside the workbook and never runs over the task pane, at 1280 x 720 and at 200% zoom. */

jest.setTimeout(60_000);

const playground = playgroundPage({ viewport: { width: 1280, height: 720 } });

const selectedStatus = () => playground.page.getByRole("status", { name: "Selected cell" });

async function nameBox(text: string): Promise<void> {
  const box = playground.page.getByLabel("Name box");
  await box.click();
  await box.fill(text);
  await box.press("Enter");
}

test("the name box scrolls to W1 and P30 on the small Eight schools sheet, and the next typing goes into the cell", async () => {
  const { page } = playground;
  await page.getByRole("tab", { name: "Eight schools" }).click();
  await nameBox("W1");
  await selectedStatus().filter({ hasText: "Eight schools!W1:" }).waitFor();
  expect(await isCellSelectedInView(page, "W1")).toBe(true);
  // The focus is back on the grid: typing starts an edit of W1, not of the name box.
  await gridHasFocus(page);
  await page.keyboard.type("=");
  await cellEditor(page).waitFor();
  await page.keyboard.type("1+2", { delay: 40 });
  await page.keyboard.press("Enter");
  expect(await cellText(page, `W1`)).toBe("3");
  expect(await page.getByLabel("Name box").inputValue()).toBe("W2");

  await nameBox("P30");
  await selectedStatus().filter({ hasText: "Eight schools!P30:" }).waitFor();
  expect(await isCellSelectedInView(page, "P30")).toBe(true);
  await screenshot(page, "name-box-p30");
});

test("the name box takes a range and a sheet: Schools!B840:C845 selects B840 in view on the Schools sheet", async () => {
  const { page } = playground;
  await nameBox("Schools!B840:C845");
  await selectedStatus().filter({ hasText: "Schools!B840:" }).waitFor();
  await page.getByRole("tab", { name: "Schools", selected: true }).waitFor();
  expect(await isCellSelectedInView(page, "B840")).toBe(true);
  expect(await isCellSelectedInView(page, "C845")).toBe(true);
  await gridHasFocus(page);
});

test("a name box entry that is not an address says so and leaves the selection where it was", async () => {
  await nameBox("Schools!B2");
  await nameBox("not a cell");
  expect(await selectedStatus().innerText()).toBe('"not a cell" is not a cell or range address such as B12, A1:C5 or Schools!C5.');
  await nameBox("Nowhere!A1");
  expect(await selectedStatus().innerText()).toBe('There is no sheet "Nowhere".');
});

test("a formula missing its closing parenthesis says so in words, not in the parser's tokens", async () => {
  const { page } = playground;
  await page.getByRole("tab", { name: "Eight schools" }).click();
  await nameBox("W5");
  // Once the grid shows W5 (a person types into the cell they see).
  expect(await isCellSelectedInView(page, "W5")).toBe(true);
  await gridHasFocus(page);
  await page.keyboard.type("=");
  await cellEditor(page).waitFor();
  await page.keyboard.type("SUM(1,2", { delay: 40 });
  await page.keyboard.press("Enter");
  await nameBox("W5");
  const text = await selectedStatus().innerText();
  expect(text).toContain("This formula cannot be read: a closing parenthesis is missing.");
  expect(text).not.toMatch(/RParen|token/i);
  await screenshot(page, "formula-error-in-words");
});

/** Right edge of the tab strip and left edge of the task pane, in CSS pixels. */
function edges(): Promise<{ strip: number; pane: number; scrollable: boolean }> {
  return playground.page.evaluate(() => {
    const strip = document.querySelector('[role="tablist"][aria-label="Sheets"]') as HTMLElement;
    const pane = document.getElementById("taskpane")!;
    return { strip: strip.getBoundingClientRect().right, pane: pane.getBoundingClientRect().left, scrollable: strip.scrollWidth > strip.clientWidth };
  });
}

test("with 14 sheets the tab strip scrolls inside the workbook at 1280 x 720, and the new sheet's tab is in view", async () => {
  const { page } = playground;
  for (let k = 0; k < 12; k++) await page.getByRole("button", { name: "New sheet" }).click();
  await page.getByRole("tab", { name: "Sheet12", selected: true }).waitFor();
  const { strip, pane, scrollable } = await edges();
  expect(strip).toBeLessThanOrEqual(pane);
  expect(scrollable).toBe(true);
  const tab = await page.getByRole("tab", { name: "Sheet12" }).boundingBox();
  expect(tab!.x + tab!.width).toBeLessThanOrEqual(pane);
  await screenshot(page, "tab-strip-1280x720");
  // The first tab is reachable by scrolling the strip, as a person would with the wheel or the scrollbar.
  await page.getByRole("tab", { name: "Schools" }).first().scrollIntoViewIfNeeded();
  await page.getByRole("tab", { name: "Schools" }).first().click();
  await page.getByRole("tab", { name: "Schools", selected: true }).waitFor();
  expect((await edges()).strip).toBeLessThanOrEqual(pane);
});

test("at 200% zoom (1280 x 720 screen, 640 x 360 CSS pixels) the tab strip still stays left of the task pane", async () => {
  const zoomed = await openPlayground({ width: 640, height: 360 });
  try {
    // Chromium's page zoom at 200% halves the CSS viewport and doubles the device pixels.
    const cdp = await zoomed.context.newCDPSession(zoomed.page);
    await cdp.send("Emulation.setDeviceMetricsOverride", { width: 640, height: 360, deviceScaleFactor: 2, mobile: false });
    const p = zoomed.page;
    for (let k = 0; k < 12; k++) await p.getByRole("button", { name: "New sheet" }).click();
    await p.getByRole("tab", { name: "Sheet12", selected: true }).waitFor();
    const box = await p.evaluate(() => {
      const strip = document.querySelector('[role="tablist"][aria-label="Sheets"]') as HTMLElement;
      const pane = document.getElementById("taskpane")!;
      const right = (label: string) => (document.querySelector(`[aria-label="${label}"]`) as HTMLElement).getBoundingClientRect().right;
      return { strip: strip.getBoundingClientRect().right, add: right("New sheet"), formulaBar: right("Formula bar"), pane: pane.getBoundingClientRect().left };
    });
    expect(box.strip).toBeLessThanOrEqual(box.pane);
    expect(box.add).toBeLessThanOrEqual(box.pane);
    expect(box.formulaBar).toBeLessThanOrEqual(box.pane);
    const tab = await p.getByRole("tab", { name: "Sheet12" }).boundingBox();
    expect(tab!.x + tab!.width).toBeLessThanOrEqual(box.pane);
    await screenshot(p, "tab-strip-200-percent");
    expect(zoomed.problems).toEqual([]);
  } finally {
    await zoomed.close();
  }
});
