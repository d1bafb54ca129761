import type { Locator, Page } from "playwright-core";
import { parseScenarioStore } from "../../src/engine/scenario/parseScenarioStore";
import type { StoredScenario } from "../../src/engine/scenario/StoredScenario";
import { screenshot } from "./browser";

export { goTo, typeIntoCell, cellText, showCell } from "./gridSteps";

/* What a person does in the playground, shared by the browser tests of the pane and its sheets: go to a
 * cell by the name box, type into it, apply (confirming the hand-edit question), save a scenario; and what
 * the tests read from the page to compare in node: a sheet as the workbook computed it, the scenario store. */

/** A sheet's values as the browser workbook computed them, read in the page and compared in node. */
export function sheetValues(page: Page, sheet: string): Promise<unknown[][]> {
  return page.evaluate((name) => (window as any).wsfPlayground.readSheet(name).then((s: { values: unknown[][] }) => s.values), sheet);
}

/** The page's scenario store, parsed as the pane parses it (its problems included). */
export async function storedScenarios(page: Page) {
  const json = await page.evaluate(() => (window as any).wsfPlayground.readScenarioStore());
  return parseScenarioStore(json);
}

/** Clicks Apply and waits until the applied summary changes, confirming "Replace your hand edits?" if asked. */
export async function applyAndWait(page: Page, pane: Locator): Promise<string> {
  const summary = pane.getByLabel("Applied summary");
  const before = (await summary.count()) > 0 ? await summary.innerText() : "";
  await pane.getByRole("button", { name: /^Apply( again)?$/ }).click();
  const dialog = page.locator('[role="dialog"], [role="alertdialog"]').filter({ hasText: "Replace your hand edits?" });
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (await dialog.isVisible()) {
      await dialog.getByRole("button", { name: "Replace" }).click({ force: true });
      await dialog.waitFor({ state: "hidden" });
    } else if ((await summary.count()) > 0 && (await summary.innerText()) !== before) return summary.innerText();
    await page.waitForTimeout(100);
  }
  await screenshot(page, "apply-did-not-finish");
  throw new Error(`the applied summary did not change from "${before}" within 30 s`);
}

/** Waits until `read` returns something `accept` takes (the workbook and the pane settle asynchronously). */
export async function until<T>(page: Page, read: () => Promise<T>, accept: (value: T) => boolean, what: string, ms = 15_000): Promise<T> {
  let last: T | undefined;
  for (let waited = 0; waited <= ms; waited += 100) {
    last = await read();
    if (accept(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`${what}: still ${JSON.stringify(last)} after ${ms} ms`);
}

/** The figure beside `term` in the pane's formula result. */
export async function resultFigure(pane: Locator, term: string): Promise<string> {
  const list = pane.getByLabel("Formula result");
  return list.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]").innerText();
}

export const money = (x: number) => `$${x.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
export const isError = (v: unknown) => typeof v === "string" && /^#[A-Z/0!?]+[!?A]?$/.test(v);

/** The saved scenarios of the page's scenario store, checked to parse without a problem. */
export async function savedScenarios(page: Page): Promise<StoredScenario[]> {
  const parsed = await storedScenarios(page);
  expect(parsed.problems).toEqual([]);
  return parsed.scenarios;
}

/** Column `header` of the allocation sheet, the sample district's 850 schools from row 2. */
export async function allocationColumn(page: Page, header: string): Promise<unknown[]> {
  const values = await sheetValues(page, "WSF Allocation");
  const column = values[0].indexOf(header);
  expect(column).toBeGreaterThanOrEqual(0);
  return values.slice(1, 851).map((row) => row[column]);
}

/** Saves the pane's current formula as a scenario named `name` and waits until the saved list shows it. */
export async function saveScenario(pane: Locator, name: string): Promise<void> {
  await pane.getByRole("textbox", { name: "Scenario name" }).fill(name);
  await pane.getByRole("button", { name: "Save scenario" }).click();
  await pane.getByRole("list", { name: "Saved scenarios" }).getByText(name, { exact: true }).waitFor();
}
