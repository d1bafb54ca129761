import type { Page } from "playwright-core";

/* What a person does with the playground's grid, in one place: go to a cell by the name box, type into a
 * cell, read what a cell shows. Every browser test reaches the grid through these steps, so the grid
 * component can change without every test changing with it. */

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

/** Types `text` into a cell (a value or a formula) and presses Enter, as a person does. */
export async function typeIntoCell(page: Page, address: string, text: string): Promise<void> {
  await goTo(page, address);
  await page.getByRole("grid").focus();
  await page.keyboard.type(text.slice(0, 1) || " ");
  const editor = page.getByLabel(`Edit cell ${address.slice(address.lastIndexOf("!") + 1)}`);
  await editor.fill(text);
  await editor.press("Enter");
}

/** The text a cell of the sheet on screen shows (formatted as the grid draws it). The cell must be in view. */
export function cellText(page: Page, cell: string): Promise<string> {
  return page.locator(`[role="gridcell"][data-address="${cell}"]`).innerText();
}

/** Goes to the cell (scrolling it into view) and returns the text it shows. */
export async function showCell(page: Page, address: string): Promise<string> {
  await goTo(page, address);
  return cellText(page, address.slice(address.lastIndexOf("!") + 1));
}
