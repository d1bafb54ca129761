import { screenshot } from "./browser";
import { playgroundPage } from "./playgroundPage";

/* The playground's first screen, walked as a first-time visitor: it greets with the three things to do and
 * the next click for each; a choice closes it and is remembered across a reload; "Start / Help" brings it back;
 * "Open a file..." goes straight to the file picker. */

jest.setTimeout(60_000);

const playground = playgroundPage({ viewport: { width: 1280, height: 720 }, firstScreen: true });

const firstScreen = () => playground.page.getByRole("dialog", { name: "Start" });

test("a first visit opens on the three choices, each with its next click", async () => {
  const { page } = playground;
  await firstScreen().waitFor();
  const choices = [
    ["Explore the sample district", "Explore the sample", /choose the table Schools, pick a preset and press Apply/],
    ["Open your district's file", "Open a file...", /\.xlsx workbook or a \.csv file.*drop the file on the page/],
    ["Follow the training exercises", "Start exercise 1", /Exercise 1 starts in the task pane/],
  ] as const;
  for (const [region, button, text] of choices) {
    const section = firstScreen().getByRole("region", { name: region });
    expect(await section.innerText()).toMatch(text);
    expect(await section.getByRole("button", { name: button }).isVisible()).toBe(true);
  }
  await page.waitForTimeout(300); // the dialog's entrance animation
  await screenshot(page, "playground-first-screen", "docs");
});

test("choosing 'Explore the sample' closes it, and it stays closed after a reload", async () => {
  const { page } = playground;
  await firstScreen().getByRole("button", { name: "Explore the sample" }).click();
  await firstScreen().waitFor({ state: "hidden" });
  // The sample is there, behind it.
  await page.getByRole("tab", { name: "Schools", selected: true }).waitFor();
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === "true");
  await page.getByRole("tab", { name: "Schools", selected: true }).waitFor();
  await page.waitForTimeout(500);
  expect(await firstScreen().count()).toBe(0);
});

test("'Start / Help' brings it back; 'Start exercise 1' closes it and puts the focus on the task pane's table choice", async () => {
  const { page } = playground;
  await page.getByRole("button", { name: "Start / Help" }).click();
  await firstScreen().waitFor();
  await firstScreen().getByRole("button", { name: "Start exercise 1" }).click();
  await firstScreen().waitFor({ state: "hidden" });
  await page.waitForFunction(() => document.activeElement?.closest("#taskpane") !== null && document.activeElement?.tagName === "SELECT");
  expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).getAttribute("aria-label") ?? document.activeElement?.id)).toBeTruthy();
});

test("'Open a file...' on the first screen opens the file picker", async () => {
  const { page } = playground;
  await page.getByRole("button", { name: "Start / Help" }).click();
  await firstScreen().waitFor();
  const chooser = page.waitForEvent("filechooser");
  await firstScreen().getByRole("button", { name: "Open a file..." }).click();
  const picker = await chooser;
  expect(picker.isMultiple()).toBe(false);
  await firstScreen().waitFor({ state: "hidden" });
});

test("Close (or Escape) dismisses it without a choice", async () => {
  const { page } = playground;
  await page.getByRole("button", { name: "Start / Help" }).click();
  await firstScreen().waitFor();
  await page.keyboard.press("Escape");
  await firstScreen().waitFor({ state: "hidden" });
});
