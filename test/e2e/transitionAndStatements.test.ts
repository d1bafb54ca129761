import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { planTransition } from "../../src/engine/transition/planTransition";
import { screenshot, screenshotDir } from "./browser";
import { playgroundPage } from "./playgroundPage";
import { sheetValues, typeIntoCell } from "./paneSteps";

/* The transition and statements steps in the playground, driven as a budget analyst would on a 40-school
 * district (?schools=40): apply the formula, plan three years with California's gap rates and a stop-loss,
 * check the WSF Transition sheet against the engine's plan computed in node from the page's own allocation
 * sheet; then write statements for the high schools, print the page to PDF (the playground's print
 * stylesheet), count its pages, render page 1 to PNG with pdftoppm and read its text with pdftotext. */

jest.setTimeout(120_000);

const playground = playgroundPage({ viewport: { width: 1440, height: 1000 }, query: "?schools=40", openTimeout: 120_000 });

const section = (name: string) => playground.pane.getByRole("region", { name });

const californiaPlan = [0.120017, 0.301602, 0.525576].map((rate) => ({ rate, maxLoss: 0.02, maxGain: null, poolGrowth: null }));

/**
 * The engine's plan from the allocation sheet the page computed (prior, formula amount, weighted pupils),
 * compared with what the WSF Transition sheet's formulas show: every amount to the cent, every status, and
 * each year's cost and protected count.
 */
async function expectTransitionMatchesEngine() {
  // The engine's plan from the allocation sheet the page computed: prior (G), formula amount (F), weighted pupils (D).
  const allocation = await sheetValues(playground.page, "WSF Allocation");
  const head = allocation[0] as string[];
  const col = (prefix: string) => head.findIndex((h) => h.startsWith(prefix));
  const schools = allocation.slice(1, 41);
  const prior = schools.map((r) => (typeof r[col("Prior year")] === "number" ? (r[col("Prior year")] as number) : NaN));
  const target = schools.map((r) => r[col("Formula amount")] as number);
  const weightedPupils = schools.map((r) => r[col("Weighted pupils")] as number);
  const plan = planTransition({ prior, target, weightedPupils, years: californiaPlan });

  const sheet = await sheetValues(playground.page, "WSF Transition");
  const header = sheet.findIndex((r) => r[0] === "School ID");
  const columns = sheet[header] as string[];
  plan.years.forEach((year, k) => {
    const amount = columns.indexOf(`Year ${k + 1} amount`);
    const status = columns.indexOf(`Year ${k + 1} status`);
    let worst = 0;
    year.amount.forEach((x, i) => {
      worst = Math.max(worst, Math.abs((sheet[header + 1 + i][amount] as number) - x));
      expect(sheet[header + 1 + i][status]).toBe(year.protected[i] ? "Protected" : year.heldBack[i] ? "Phasing in" : "At target");
    });
    expect(worst).toBeLessThan(0.005);
    const summary = sheet.find((r) => r[0] === `Year ${k + 1}`)!;
    expect(Math.abs((summary[1] as number) - year.cost)).toBeLessThan(0.01);
    expect(summary[4]).toBe(year.protectedCount);
  });
  return plan;
}

/** The statement page of the first high school against the allocation sheet: its final amount and teacher positions. */
async function expectFirstStatementMatchesAllocation(): Promise<number> {
  const schoolsSheet = await sheetValues(playground.page, "Schools");
  const level = (schoolsSheet[0] as string[]).indexOf("Level");
  const firstHigh = schoolsSheet.findIndex((r, i) => i > 0 && r[level] === "High");
  const allocation = await sheetValues(playground.page, "WSF Allocation");
  const final = allocation[firstHigh][(allocation[0] as string[]).indexOf("Protected amount")] as number;
  const statements = await sheetValues(playground.page, "WSF Statements");
  const finalRow = statements.findIndex((r) => r[0] === "Final allocation");
  expect(statements[finalRow][4]).toBe(final);
  const teachers = statements.find((r) => typeof r[0] === "string" && r[0].startsWith("This buys about"))!;
  expect(teachers[0]).toBe(`This buys about ${(final / 98_500).toFixed(1)} teacher positions at the district's average cost of a position:`);
  return final;
}

test("apply the formula (LAUSD-style, solved from the prior-year pool)", async () => {
  const { pane } = playground;
  await pane.getByRole("combobox", { name: "Schools table" }).selectOption({ label: "Schools" });
  await pane.getByText("40 rows, 22 columns").waitFor();
  await pane.getByRole("combobox", { name: "Start from a preset" }).selectOption({ label: "LAUSD-style: flat general fund + need supplements" });
  await pane.getByRole("button", { name: "Use preset" }).click();
  await pane.getByRole("radio", { name: "Solve from a pool" }).check();
  await pane.getByRole("button", { name: /^Use prior-year total/ }).click();
  await pane.getByRole("button", { name: "Apply", exact: true }).click();
  await pane.getByLabel("Applied summary").waitFor();
});

test("a year count of 7 and a rate of 120% get field messages; Apply transition waits", async () => {
  const { page } = playground;
  const step = section("Transition over several years");
  const years = step.getByRole("textbox", { name: "Number of years" });
  await years.fill("7");
  await step.getByText('"7" is not a year count; enter a whole number of years from 2 to 5.').waitFor();
  expect(await step.getByRole("button", { name: "Apply transition" }).isDisabled()).toBe(true);
  await years.fill("3");
  const rate = step.getByRole("textbox", { name: "Year 2 gap closed (%)" });
  await rate.fill("120");
  await step.getByText("120% is outside the range; enter a percentage from 0 to 100 (the share of the gap closed this year).").waitFor();
  await step.scrollIntoViewIfNeeded();
  await screenshot(page, "transition-bad-rate");
  expect(await step.getByRole("button", { name: "Apply transition" }).isDisabled()).toBe(true);
  expect(await page.evaluate(() => (window as any).wsfPlayground.visibleSheets())).not.toContain("WSF Transition");
});

test("California's rates with a 2% stop-loss: WSF Transition equals the engine's plan over the page's allocation sheet", async () => {
  const { page, pane } = playground;
  const step = section("Transition over several years");
  await step.getByRole("combobox", { name: "Gap-closing preset" }).selectOption({ label: "California's LCFF gap rates (2013-14 on)" });
  await step.getByRole("button", { name: "Use rates" }).click();
  expect(await step.getByRole("textbox", { name: "Year 2 gap closed (%)" }).inputValue()).toBe("30.1602");
  for (const k of [1, 2, 3]) await step.getByRole("textbox", { name: `Year ${k} largest loss (%)` }).fill("2");
  await step.getByRole("button", { name: "Apply transition" }).click();
  await pane.getByText("Transition written").waitFor();
  await page.getByRole("tab", { name: "WSF Transition", selected: true }).waitFor();
  await screenshot(page, "transition-sheet");

  const plan = await expectTransitionMatchesEngine();
  // The pane shows the same yearly cost.
  const firstYear = await step.getByRole("table", { name: "Transition by year" }).getByRole("row").nth(1).getByRole("cell").nth(3).innerText();
  expect(firstYear).toBe(new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(plan.years[0].cost));
  // The cost chart sits on the sheet.
  expect(await page.evaluate(() => (window as any).wsfPlayground.chartsOn("WSF Transition").map((c: { name: string }) => c.name))).toEqual(["WSF transition cost by year"]);
});

test("statements: a teacher cost of 0 is refused; the high schools get one page each; the PDF has those pages and reads right", async () => {
  const { page, pane } = playground;
  const step = section("Statements for schools");
  await step.scrollIntoViewIfNeeded();
  await step.getByRole("radio", { name: "Schools of a filter" }).check();
  await step.getByRole("combobox", { name: "Filter column" }).selectOption({ label: "Level" });
  await step.getByRole("combobox", { name: "Filter value" }).selectOption({ label: "High" });
  await step.getByRole("textbox", { name: "District name" }).fill("Sample Unified");
  await step.getByRole("textbox", { name: "Fiscal year" }).fill("2026-27");
  const cost = step.getByRole("textbox", { name: "Average cost of a teacher position ($)" });
  await cost.fill("0");
  await step.getByText("Enter the average cost of a teacher position: dollars above 0.").waitFor();
  expect(await step.getByRole("button", { name: "Write statements" }).isDisabled()).toBe(true);
  await cost.fill("98,500");
  const count = Number((await step.getByText(/statements?, one page each$/).innerText()).split(" ")[0]);
  expect(count).toBeGreaterThan(1);
  await step.getByRole("button", { name: "Write statements" }).click();
  await pane.getByText("Statements written").waitFor();
  const preview = step.getByRole("table", { name: /^Statement preview: / });
  await preview.waitFor();
  await preview.scrollIntoViewIfNeeded();
  await screenshot(page, "statements-preview");

  // The first high school's figures as the allocation sheet has them, to find on the printed page.
  const schoolsSheet = await sheetValues(page, "Schools");
  const level = (schoolsSheet[0] as string[]).indexOf("Level");
  const firstHigh = schoolsSheet.findIndex((r, i) => i > 0 && r[level] === "High");
  expect(schoolsSheet.filter((r, i) => i > 0 && r[level] === "High").length).toBe(count);
  const allocation = await sheetValues(page, "WSF Allocation");
  const protectedColumn = (allocation[0] as string[]).indexOf("Protected amount");
  const name = String(allocation[firstHigh][1]);
  const final = allocation[firstHigh][protectedColumn] as number;

  // Print as the browser does (the playground's print stylesheet; beforeprint loads the statements).
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.locator('#print section[aria-label="Printed page 1"]').waitFor({ state: "attached" });
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "Letter", printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: "screen" });
  mkdirSync(screenshotDir, { recursive: true });
  const pdfFile = path.join(screenshotDir, "statements.pdf");
  writeFileSync(pdfFile, pdf);
  const info = execFileSync("pdfinfo", [pdfFile], { encoding: "utf8" });
  expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(count);
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdfFile, path.join(screenshotDir, "statement-page-1")]);
  const text = execFileSync("pdftotext", ["-layout", "-f", "1", "-l", "1", pdfFile, "-"], { encoding: "utf8" });
  expect(text).toContain("Sample Unified: school allocation, fiscal year 2026-27");
  expect(text).toContain(`School: ${name}`);
  expect(text).toContain("Pupils by category");
  expect(text).toContain(`Page 1 of ${count}`);
  expect(text).toContain(new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(final));
  expect(text).toContain(`This buys about ${(final / 98_500).toFixed(1)} teacher positions`);
  const last = execFileSync("pdftotext", ["-layout", "-f", String(count), "-l", String(count), pdfFile, "-"], { encoding: "utf8" });
  expect(last).toContain(`Page ${count} of ${count}`);
});

test("after a weight is changed on the parameters sheet, the transition and the statements follow (never stale)", async () => {
  const { page } = playground;
  const before = await expectFirstStatementMatchesAllocation();
  const parameters = await sheetValues(page, "WSF Parameters");
  const row = parameters.findIndex((line) => line[0] === "Low income (FRL)" && typeof line[1] === "number");
  expect(row).toBeGreaterThan(0);
  await page.getByRole("tab", { name: "WSF Parameters" }).click();
  await typeIntoCell(page, `'WSF Parameters'!B${row + 1}`, "0.45");
  const after = await expectFirstStatementMatchesAllocation();
  expect(after).not.toBeCloseTo(before, 0);
  // The pane's preview follows too (it read the page when written; the edit makes it read again).
  const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
  await section("Statements for schools").getByRole("table", { name: /^Statement preview: / }).getByText(dollars.format(after), { exact: true }).first().waitFor();
  await expectTransitionMatchesEngine();
  await page.getByRole("tab", { name: "WSF Statements" }).click();
  await screenshot(page, "statements-after-weight-edit");
});
