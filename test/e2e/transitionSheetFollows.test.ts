import type { Locator } from "playwright-core";
import { screenshot } from "./browser";
import { playgroundPage } from "./playgroundPage";
import { showCell, typeIntoCell } from "./gridSteps";

/* The "WSF Transition" sheet is the plan once it is written (design.md, "One truth for the formula"), walked
 * as a budget analyst would on the sample district: apply a formula and a three-year transition with a
 * stop-loss; change a rule by typing on the sheet and see the pane's form follow; empty a stop-loss the
 * amounts use and read the pane's message naming the cell; put it back; reload the page and find the form on
 * the sheet's plan, not on the default. Rules block (transitionSheet): rate row 5, stop-loss row 6, years in
 * columns B, C, D. */

jest.setTimeout(120_000);

// The sample district as a person opens it (no ?schools=N, which starts afresh on every load): the work is kept across a reload.
const playground = playgroundPage({ viewport: { width: 1440, height: 1000 }, openTimeout: 120_000 });

const step = () => playground.pane.getByRole("region", { name: "Transition over several years" });
const field = (name: string) => step().getByRole("textbox", { name });

test("a transition applied with a 2% stop-loss in year 1", async () => {
  const { page, pane } = playground;
  await pane.getByRole("combobox", { name: "Schools table" }).selectOption({ label: "Schools" });
  await pane.getByRole("combobox", { name: "Start from a preset" }).selectOption({ label: "LAUSD-style: flat general fund + need supplements" });
  await pane.getByRole("button", { name: "Use preset" }).click();
  await pane.getByRole("button", { name: "Apply", exact: true }).click();
  await pane.getByLabel("Applied summary").waitFor();
  await field("Year 1 largest loss (%)").fill("2");
  await step().getByRole("button", { name: "Apply transition" }).click();
  await pane.getByText("Transition written").waitFor();
  await page.getByRole("tab", { name: "WSF Transition", selected: true }).waitFor();
  expect(await showCell(page, "'WSF Transition'!B6")).toBe("2.00%");
  expect(await step().getByLabel("Transition not applied").count()).toBe(0);
});

test("a rate typed on the sheet reaches the pane's form; the pane does not call it unapplied", async () => {
  const { page } = playground;
  await typeIntoCell(page, "'WSF Transition'!C5", "50%");
  await expectValue(field("Year 2 gap closed (%)"), "50");
  expect(await showCell(page, "'WSF Transition'!C5")).toBe("50.00%");
  expect(await step().getByLabel("Transition not applied").count()).toBe(0);
});

test("a stop-loss the amounts use, emptied on the sheet, is named in the pane; typed back, the message goes", async () => {
  const { page } = playground;
  await typeIntoCell(page, "'WSF Transition'!B6", "");
  const alert = step().getByRole("alert").filter({ hasText: "WSF Transition!B6 is blank, but year 1's amounts use it as the stop-loss" });
  await alert.waitFor();
  await step().scrollIntoViewIfNeeded();
  await screenshot(page, "transition-sheet-blank-stop-loss");
  await typeIntoCell(page, "'WSF Transition'!B6", "3%");
  await expectValue(field("Year 1 largest loss (%)"), "3");
  await alert.waitFor({ state: "detached" });
});

test("after a reload the form shows the sheet's plan", async () => {
  const { page, pane } = playground;
  await page.evaluate(() => (window as any).wsfSession.flush());
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === "true");
  await pane.getByRole("combobox", { name: "Schools table" }).selectOption({ label: "Schools" });
  await expectValue(field("Year 2 gap closed (%)"), "50");
  expect(await field("Year 1 largest loss (%)").inputValue()).toBe("3");
  expect(await field("Year 1 gap closed (%)").inputValue()).toBe("33.3333");
  await step().getByRole("button", { name: "Apply transition again" }).waitFor();
  await step().scrollIntoViewIfNeeded();
  await screenshot(page, "transition-after-reload");
});

/** Waits until the field shows `value` (the pane reads the sheet back after each edit), then checks it. */
async function expectValue(input: Locator, value: string): Promise<void> {
  const until = Date.now() + 10_000;
  let shown = await input.inputValue();
  while (shown !== value && Date.now() < until) {
    await playground.page.waitForTimeout(100);
    shown = await input.inputValue();
  }
  expect(shown).toBe(value);
}
