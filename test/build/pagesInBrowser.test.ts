/**
 * The add-in's own pages in Chromium, as a person in Excel would meet them when something is missing:
 * the task pane in a webview too old for the bundles, the task pane in an Excel without a requirement set,
 * and the support page the manifest's SupportUrl names. Office itself is stubbed (no Excel runs here): the
 * office.js URL of Microsoft's CDN is answered with a stand-in that reports the host's requirement sets.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { distDir, openBrowser, screenshot, serveDist, type Browser, type Served } from "../e2e/browser";

jest.setTimeout(120_000);

let served: Served;
let browser: Browser;

/** An office.js stand-in in Excel's shared runtime: CustomFunctions, and Office.onReady with `unsupported` sets missing. */
function officeStub(unsupported: string[]): string {
  return `window.CustomFunctions = { associate: function () {}, Error: function (code, message) { this.code = code; this.message = message; }, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" } };
  window.Office = {
    onReady: function (callback) { setTimeout(function () { callback({ host: "Excel", platform: "PC" }); }, 0); return Promise.resolve({ host: "Excel" }); },
    context: { requirements: { isSetSupported: function (name, version) { return ${JSON.stringify(unsupported)}.indexOf(name + " " + version) < 0; } } }
  };`;
}

beforeAll(async () => {
  for (const file of ["taskpane.html", "taskpane.js", "functions.js", "support.html"]) {
    if (!existsSync(path.join(distDir, file))) throw new Error(`dist/${file} is missing: build first (npx webpack --mode production).`);
  }
  served = await serveDist();
});

afterAll(async () => {
  await served?.close();
});

beforeEach(async () => {
  browser = await openBrowser({ width: 360, height: 640 });
});

afterEach(async () => {
  await browser?.close();
});

async function openPane(unsupported: string[] = [], beforeScripts?: string): Promise<void> {
  await browser.context.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: officeStub(unsupported) }));
  if (beforeScripts) await browser.page.addInitScript(beforeScripts);
  await browser.page.goto(`${served.url}/taskpane.html`);
}

test("a webview too old for the add-in shows the sentence, not a blank pane", async () => {
  // An engine without Object.entries (ES2017) and without String.prototype.padStart: the bundles cannot run there.
  await openPane([], "delete Object.entries; delete String.prototype.padStart;");
  const message = browser.page.locator("#wsf-too-old");
  await message.waitFor({ state: "visible" });
  expect(await message.innerText()).toContain("This version of Excel is too old for the Weighted Student Funding add-in.");
  expect(await browser.page.locator("#root").isVisible()).toBe(false);
  await screenshot(browser.page, "taskpane-too-old");
});

test("an Excel without ExcelApi 1.8 gets a sentence naming what is missing; the pane does not start", async () => {
  await openPane(["ExcelApi 1.8"]);
  const alert = browser.page.locator("#root [role=alert]");
  await alert.waitFor({ state: "visible" });
  const text = await alert.innerText();
  expect(text).toContain("This version of Excel lacks features the Weighted Student Funding add-in needs: ExcelApi 1.8 (charts with series, trendlines and number formats, and change events).");
  expect(text).not.toContain("CustomFunctionsRuntime");
  expect(await browser.page.locator("#wsf-too-old").isVisible()).toBe(false);
  expect(browser.problems).toEqual([]);
  await screenshot(browser.page, "taskpane-missing-requirement-set");
});

test("the support page reads as a page of its own", async () => {
  await browser.page.setViewportSize({ width: 900, height: 1400 });
  await browser.page.goto(`${served.url}/support.html`);
  for (const heading of ["What the add-in does", "Where your data stays", "Common questions", "How to report a problem"]) {
    expect(await browser.page.getByRole("heading", { name: heading }).isVisible()).toBe(true);
  }
  expect(browser.problems).toEqual([]);
  await screenshot(browser.page, "support-page");
});
