import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Locator } from "playwright-core";
import { docsImageDir, repoRoot } from "./browser";
import { playgroundPage } from "./playgroundPage";
import { goTo, showCell, typeIntoCell } from "./gridSteps";
import { applyAndWait, resultFigure, saveScenario, until } from "./paneSteps";
import { sampleOf } from "../../src/engine/core/WeightedSample";
import { expenditureLevel } from "../../src/engine/stats";
import { districtColumns, ratio, trainingFigures } from "../engine/sample/trainingFigures";
import { exercise4Figures, EXERCISE4_RESERVATIONS } from "../engine/titleI/exercise4Figures";

/* docs/training.md performed as written, numbered step by numbered step, as a trainee does it: clicks and
 * typing in the task pane and the grid (gridSteps.ts for every grid access), never the workbook API for an
 * action. Every figure the guide quotes is read on the screen, in the place the guide names, and compared
 * with the figure the engine gives (trainingFigures.ts, exercise4Figures.ts; both are recomputed with
 * independent implementations by trainingFigures.test.ts and exercise4.test.ts) and with the text of the
 * guide. The guide's screenshots (docs/img/exercise-*.png) are taken here and nowhere else. Tests run in
 * order on one page, like one trainee's hour. */

jest.setTimeout(180_000);

const guide = readFileSync(path.join(repoRoot, "docs", "training.md"), "utf8");
const f = trainingFigures();
const t4 = exercise4Figures();

const playground = playgroundPage({ viewport: { width: 1440, height: 1000 }, openTimeout: 120_000 });

/** The text of the guide between two headings (an exercise), so a figure is checked where it is quoted. */
function section(from: string, to: string): string {
  const start = guide.indexOf(from);
  const end = guide.indexOf(to, start + 1);
  if (start < 0 || end < 0) throw new Error(`docs/training.md has no section from "${from}" to "${to}"`);
  return guide.slice(start, end);
}
const exercise1 = () => section("## Exercise 1", "## Exercise 2");
const exercise2 = () => section("## Exercise 2", "## Exercise 3");
const exercise3 = () => section("## Exercise 3", "## Exercise 4");
const exercise4 = () => section("## Exercise 4", "## For trainers");

/** Whether the guide's text `where` says `text`, whatever the line breaks. */
function says(where: string, text: string): boolean {
  return where.replace(/\s+/g, " ").includes(text.replace(/\s+/g, " "));
}

/** A figure of trainingFigures: the guide quotes its text in `where`, and returns it for the screen check. */
function quoted(key: string, where: string): string {
  const figure = f[key];
  if (!figure) throw new Error(`trainingFigures has no ${key}`);
  expect({ key, quoted: says(where, figure.text) }).toEqual({ key, quoted: true });
  return figure.text;
}

/** A number as the grid shows it ("0.06750123", "$5,224", "16.4%"), as a number. */
function shownNumber(text: string): number {
  const percent = text.trim().endsWith("%");
  const x = Number(text.replace(/[$,%\s]/g, ""));
  if (!Number.isFinite(x)) throw new Error(`the cell shows "${text}", not a number`);
  return percent ? x / 100 : x;
}

/**
 * A cell of the grid shows the figure the guide quotes: what it shows, rounded as the guide rounds it
 * (`format`, the formatter of trainingFigures), is the guide's text.
 */
async function cellShowsFigure(address: string, key: string, where: string, format: (x: number) => string = (x) => x.toString()): Promise<void> {
  const { page } = playground;
  const text = quoted(key, where);
  const shown = await until(page, () => showCell(page, address), (s) => s !== "" && !s.startsWith("#") && s !== "Loading", `${address}`);
  expect({ address, key, shown: format(shownNumber(shown)) }).toEqual({ address, key, shown: text });
}

// The dashboard ---------------------------------------------------------------------------------------

const dashboard = () => playground.pane.getByRole("region", { name: "5. Equity dashboard" });

/** One line of the equity dashboard: the value shown and the same statistic per weighted pupil. */
function statisticItem(metric: string): Locator {
  return dashboard()
    .getByRole("list", { name: "Equity statistics" })
    .getByRole("listitem")
    .filter({ has: playground.page.getByText(metric, { exact: true }) });
}

async function statistic(metric: string): Promise<{ shown: string | null; vertical: string | null; text: string }> {
  const text = await statisticItem(metric).innerText();
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  expect(lines[0]).toBe(metric);
  const shown = lines[1].startsWith("per weighted pupil:") ? null : lines[1];
  const vertical = lines.find((l) => l.startsWith("per weighted pupil:"))?.slice("per weighted pupil: ".length) ?? null;
  return { shown, vertical, text };
}

async function measure(value: string): Promise<string> {
  await dashboard().getByRole("combobox", { name: "Value to measure" }).selectOption({ label: value });
  return dashboard().getByLabel("What is measured").innerText();
}

/** The dashboard line of `metric` shows the guide's figure `key`, quoted in exercise 1. */
async function dashboardShows(metric: string, key: string): Promise<void> {
  const text = quoted(key, exercise1());
  await until(playground.page, async () => (await statistic(metric)).shown, (s) => s === text, `the dashboard's ${metric} (${key})`);
}

const textbox = (name: string | RegExp) => playground.pane.getByRole("textbox", { name });

async function usePreset(label: string): Promise<void> {
  const { pane } = playground;
  await pane.getByRole("combobox", { name: "Start from a preset" }).selectOption({ label });
  await pane.getByRole("button", { name: "Use preset" }).click();
  await pane.getByRole("radio", { name: "Solve from a pool" }).check();
  const pool = pane.getByRole("button", { name: /^Use prior-year total/ });
  expect(await pool.innerText()).toBe(`Use prior-year total (${quoted("pool", exercise1())})`);
  await pool.click();
}

async function openScratchSheet(): Promise<void> {
  const { page } = playground;
  await page.getByRole("button", { name: "New sheet" }).click();
  await page.getByRole("tab", { name: "Sheet1", selected: true }).waitFor();
}

/** Opens a sheet at its A1, by the name box (gridSteps), as a person may type 'WSF Title I'!A1. */
async function toSheet(name: string): Promise<void> {
  await goTo(playground.page, `${/^\w+$/.test(name) ? name : `'${name}'`}!A1`);
}

/** Types the formula the guide gives, after checking that the guide gives exactly this formula. */
async function typeGuideFormula(address: string, formula: string, where: string): Promise<void> {
  expect({ formula, inGuide: says(where, `\`${formula}\``) }).toEqual({ formula, inGuide: true });
  await typeIntoCell(playground.page, address, formula);
}

/**
 * Before a picture: scrolls the pane so `target` sits `margin` px under the pane's sticky title, and moves the
 * mouse off the page's content, so a picture shows the same thing on every run (no hover highlight).
 */
async function showInPane(target: Locator, margin = 12): Promise<void> {
  await target.evaluate((element, space) => {
    element.scrollIntoView({ block: "start" });
    let scroller = element.parentElement;
    while (scroller && !(scroller.scrollHeight > scroller.clientHeight && /(auto|scroll)/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
    // The pane's title stays on top of what scrolls (sticky): leave its height, plus a margin, above the target.
    const title = element.closest("main")?.firstElementChild;
    if (scroller) scroller.scrollTop -= (title?.getBoundingClientRect().height ?? 0) + space;
  }, margin);
  await playground.page.mouse.move(1, 1);
}

/**
 * One of the guide's pictures, docs/img/<name>.png, with CSS transitions finished and no text caret, so a
 * run leaves the picture byte for byte as it was unless the product changed (a button's focus fading out
 * after a click would otherwise differ from run to run).
 */
async function guidePicture(name: string): Promise<void> {
  mkdirSync(docsImageDir, { recursive: true });
  await playground.page.screenshot({ path: path.join(docsImageDir, `${name}.png`), animations: "disabled", caret: "hide" });
}

// -----------------------------------------------------------------------------------------------------

test("the sample district: 850 schools", async () => {
  const { pane } = playground;
  const intro = section("## The sample district", "## Exercise 1");
  await pane.getByRole("combobox", { name: "Schools table" }).selectOption({ label: "Schools" });
  await pane.getByText(`${quoted("schools", intro)} rows, 22 columns`).waitFor();
});

test("warm-up: the eight schools of worked example E5, on the trainee's own sheet", async () => {
  const { page } = playground;
  const intro = section("## The sample district", "## Exercise 1");
  await openScratchSheet();
  await typeGuideFormula("A5", "=WSF.MEAN('Eight schools'!H2:H9,'Eight schools'!B2:B9)", intro);
  await typeGuideFormula("A6", "=WSF.COEFVAR('Eight schools'!H2:H9,'Eight schools'!B2:B9)", intro);
  // domain.md, worked example E5: pupil-weighted total per pupil, mean 8,414.8014, CV 0.118753.
  const mean = shownNumber(await until(page, () => showCell(page, "Sheet1!A5"), (v) => v !== "" && !v.startsWith("#"), "A5"));
  const cv = shownNumber(await showCell(page, "Sheet1!A6"));
  expect(mean).toBeCloseTo(8414.8014, 3);
  expect(cv).toBeCloseTo(0.118753, 5);
  expect(intro).toContain(`$${mean.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`);
  expect(intro).toContain(cv.toFixed(4));
});

test("exercise 1, step 1: the column mapping found enrollment, the grade bands, the need counts and last year's allocation", async () => {
  const { pane } = playground;
  const mapping = pane.getByRole("region", { name: "2. Map columns" });
  const picked = (name: string) => mapping.getByRole("combobox", { name: new RegExp(`^${name.replace(/[()]/g, "\\$&")}`) }).locator("option:checked").innerText();
  expect(await picked("Enrollment")).toBe("Enrollment");
  expect(await picked("Low income (FRL) pupils")).toBe("Low income (FRL)");
  expect(await picked("English learners")).toBe("English learners");
  expect(await picked("Special education")).toBe("Special education");
  expect(await picked("Foster youth")).toBe("Foster youth");
  expect(await picked("Prior-year allocation")).toBe("Prior-year allocation");
  const bands = await mapping.getByRole("list", { name: "Grade-band columns" }).innerText();
  for (const band of ["Grades K-3", "Grades 4-6", "Grades 7-8", "Grades 9-12"]) expect(bands).toContain(band);
});

test("exercise 1, step 2: the dashboard on unrestricted, then total per pupil, and the formula route", async () => {
  const measured = await measure("Unrestricted per pupil");
  expect(says(exercise1(), `"${measured.replace(/^Measured: /, "").replace(/\.$/, "")}"`)).toBe(true);
  await dashboardShows("Mean", "unrestrictedMean");
  await dashboardShows("Coefficient of variation", "unrestrictedCv");
  await dashboardShows("Gini coefficient", "unrestrictedGini");
  await dashboardShows("Correlation with poverty", "unrestrictedCorrelation");
  const words = await statistic("Correlation with poverty");
  expect(words.text).toContain("no relation");
  // A dollar total is divided by enrollment, and the pane says so: the same mean as the per pupil column.
  expect(await measure("Unrestricted spending")).toBe("Measured: Unrestricted spending divided by Enrollment, school by school (it is a total for the school).");
  expect(says(exercise1(), "only a dollar total such as *Unrestricted spending* is divided by enrollment, and the pane says so")).toBe(true);
  await dashboardShows("Mean", "unrestrictedMean");

  await measure("Total per pupil");
  await dashboardShows("Mean", "totalMean");
  await dashboardShows("Coefficient of variation", "totalCv");
  await dashboardShows("Gini coefficient", "totalGini");
  await dashboardShows("Correlation with poverty", "totalCorrelation");
  await dashboardShows("Progressivity (highest / lowest poverty quartile)", "totalProgressivity");
  await dashboardShows("McLoone index", "totalMcLoone");

  // The formula route, on the trainee's own sheet.
  await toSheet("Sheet1");
  const e1 = exercise1();
  await typeGuideFormula("A1", "=WSF.COEFVAR(Schools!S2:S851,Schools!E2:E851)", e1);
  await typeGuideFormula("A2", "=WSF.GINI(Schools!S2:S851,Schools!E2:E851)", e1);
  await typeGuideFormula("A3", "=WSF.CORRELATION(Schools!S2:S851,Schools!T2:T851,Schools!E2:E851)", e1);
  await cellShowsFigure("Sheet1!A1", "totalCv", e1, ratio);
  await cellShowsFigure("Sheet1!A2", "totalGini", e1, ratio);
  await cellShowsFigure("Sheet1!A3", "totalCorrelation", e1, ratio);
});

test("exercise 1, step 3: the flat preset spreads last year's pool equally", async () => {
  const { page, pane } = playground;
  await usePreset("Flat per pupil");
  await applyAndWait(page, pane);
  const e1 = exercise1();
  expect(await resultFigure(pane, "Base per weighted pupil")).toBe(quoted("flatPerPupil", e1));
  expect(await resultFigure(pane, "Weighted pupils")).toBe(quoted("pupils", section("## The sample district", "## Exercise 1")));
  expect(await measure("Allocation per pupil (this formula)")).toBe("Measured: The formula's allocation per pupil: each school's amount divided by its enrollment.");
  await dashboardShows("Mean", "flatMean");
  for (const metric of ["Coefficient of variation", "Gini coefficient"]) expect((await statistic(metric)).shown).toBe("0");
  expect((await statistic("Progressivity (highest / lowest poverty quartile)")).shown).toBe("1");
  expect((await statistic("Correlation with poverty")).text).toContain("every pupil has the same value, so the correlation is undefined");
  expect(says(e1, "every pupil has the same value, so the correlation is undefined")).toBe(true);
});

test("exercise 1, step 4: the LAUSD-style weights, the same pool, saved as Weighted", async () => {
  const { page, pane } = playground;
  await usePreset("LAUSD-style: flat general fund + need supplements");
  expect(await textbox("Low income (FRL)").inputValue()).toBe("0.2");
  expect(await textbox("English learners").inputValue()).toBe("0.2");
  expect(await textbox("Foster youth").inputValue()).toBe("0.2");
  expect(await textbox("Special education").inputValue()).toBe("1");
  // The grade bands are left blank: each enrolled pupil counts once.
  for (const band of ["Grades K-3", "Grades 4-6", "Grades 7-8", "Grades 9-12"]) expect(await textbox(band).inputValue()).toBe("");
  await pane.getByText("Leave every band blank to count each enrolled pupil once").waitFor();
  await applyAndWait(page, pane);
  const e1 = exercise1();
  expect(await resultFigure(pane, "Weighted pupils")).toBe(quoted("weightedPupils", e1));
  expect(await resultFigure(pane, "Base per weighted pupil")).toBe(quoted("baseOpen", e1));
  expect(await measure("Allocation per pupil (this formula)")).toContain("allocation per pupil");
  await dashboardShows("Mean", "weightedMean");
  await dashboardShows("Coefficient of variation", "weightedCv");
  await dashboardShows("Gini coefficient", "weightedGini");
  await dashboardShows("Correlation with poverty", "weightedCorrelation");
  await dashboardShows("Progressivity (highest / lowest poverty quartile)", "weightedProgressivity");
  // The benchmarks are context with their source, as the guide says.
  expect((await statistic("Coefficient of variation")).text).toContain("Context: Often quoted: 0.10 or less among pupils of equal need");
  expect((await statistic("McLoone index")).text).toContain("Context: Often quoted: 0.95 or more among pupils of equal need");
  expect(e1).toContain('"CV 0.10 or less"');
  expect(e1).toContain('"McLoone 0.95 or more"');
  // Per weighted pupil the weighted formula is exactly flat.
  expect((await statistic("Coefficient of variation")).vertical).toBe("0");
  expect((await statistic("Gini coefficient")).vertical).toBe("0");
  await saveScenario(pane, "Weighted");
  await toSheet("WSF Allocation");
  // The picture shows the dashboard from the CV down to the progressivity, each with its per weighted pupil figure.
  await showInPane(statisticItem("Coefficient of variation"));
  await guidePicture("exercise-1-equity");
});

test("exercise 2, steps 1-2: restore Weighted; who gains and who loses more than 5% against last year", async () => {
  const { page, pane } = playground;
  await pane.getByRole("button", { name: "Restore Weighted" }).click();
  const e2 = exercise2();
  await until(page, () => resultFigure(pane, "Base per weighted pupil"), (v) => v === quoted("baseOpen", e2), "the base after restoring Weighted");
  await toSheet("Sheet1");
  await typeGuideFormula("B1", `=COUNTIF('WSF Allocation'!I2:I851,">0")`, e2);
  await typeGuideFormula("B2", `=SUMPRODUCT(--('WSF Allocation'!I2:I851<-0.05*'WSF Allocation'!G2:G851))`, e2);
  await cellShowsFigure("Sheet1!B1", "gainers", e2);
  await cellShowsFigure("Sheet1!B2", "losersOverStopLoss", e2);
});

test("exercise 2, step 3: a 5% stop-loss, applied and saved", async () => {
  const { page, pane } = playground;
  await textbox(/^Largest loss/).fill("5");
  await applyAndWait(page, pane);
  const e2 = exercise2();
  expect(await resultFigure(pane, "Base per weighted pupil")).toBe(quoted("baseProtected", e2));
  const floor = await resultFigure(pane, "Schools at their floor (stop-loss)");
  expect(floor.startsWith(`${quoted("floored", e2)}; floor top-up ${quoted("floorCost", e2)}`)).toBe(true);
  await saveScenario(pane, "Weighted + 5% stop-loss");
  // The poverty of the schools held at their floor, against the district's.
  await toSheet("Sheet1");
  await typeGuideFormula("B3", `=SUMPRODUCT(('WSF Allocation'!H2:H851>'WSF Allocation'!F2:F851)*Schools!J2:J851)/SUMPRODUCT(('WSF Allocation'!H2:H851>'WSF Allocation'!F2:F851)*Schools!E2:E851)`, e2);
  await typeGuideFormula("B4", "=SUM(Schools!J2:J851)/SUM(Schools!E2:E851)", e2);
  const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
  await cellShowsFigure("Sheet1!B3", "flooredMeanFrl", e2, percent);
  await cellShowsFigure("Sheet1!B4", "districtMeanFrl", e2, percent);
});

test("exercise 2, step 4: the comparison shows who is protected, who pays and what it costs", async () => {
  const { page, pane } = playground;
  const e2 = exercise2();
  await pane.getByRole("combobox", { name: "Compare A" }).selectOption({ label: "Weighted" });
  await pane.getByRole("combobox", { name: "Compare B" }).selectOption({ label: "Weighted + 5% stop-loss" });
  const comparison = pane.getByLabel("Comparison");
  const provenance = await comparison.getByRole("list", { name: "Where the figures come from" }).innerText();
  for (const name of ["Weighted", "Weighted + 5% stop-loss"]) expect(provenance).toMatch(new RegExp(`"${name.replace("+", "\\+")}": recomputed on today's table: the same figures as when it was saved on `));
  expect(says(e2, "The comparison says that a saved scenario is recomputed on today's table, and what it gave when it was saved if the table has changed since.")).toBe(true);
  const who = await comparison.getByRole("list", { name: "Who gains and who loses" }).innerText();
  expect(who).toContain(`Base ${quoted("baseOpen", e2)} against ${quoted("baseProtected", e2)}.`);
  expect(who).toContain(`${quoted("payersHelped", e2)} schools gain ${quoted("ruleMoved", e2)} in all under "Weighted + 5% stop-loss".`);
  expect(who).toContain(`${quoted("payers", e2)} schools lose ${quoted("payersLose", e2)} in all under "Weighted + 5% stop-loss"; 0 of them lose more than 5%.`);
  const costs = await comparison.getByRole("list", { name: "What protection costs" }).innerText();
  expect(costs).toContain(`${quoted("floored", e2)} schools held at their floor; floor top-up ${quoted("floorCost", e2)} (${quoted("floorCostShare", e2)} of the total)`);
  expect(costs).toContain(`${quoted("payersHelped", e2)} schools get ${quoted("ruleMoved", e2)} more; the other ${quoted("payers", e2)} schools get ${quoted("payersLose", e2)} less in all`);

  // Sorted by Change %, the school that loses most loses the base's drop, 2.3%.
  await comparison.getByRole("columnheader", { name: "Change %" }).click();
  const table = comparison.getByRole("table", { name: "Schools compared" });
  await until(page, () => table.getByRole("row").nth(1).getByRole("cell").nth(2).innerText(), (v) => v === `-${quoted("baseDropShare", e2)}`, "the largest loss in per cent");

  // One school that pays.
  const name = quoted("exampleName", e2);
  await comparison.getByRole("textbox", { name: "Find a school" }).fill(name);
  await comparison.getByLabel("Rows shown").filter({ hasText: /^Schools 1-1 of 1 / }).waitFor();
  const row = table.getByRole("row").nth(1);
  expect(await row.getByRole("cell").nth(0).innerText()).toContain(name);
  expect(await row.getByRole("cell").nth(1).innerText()).toBe(`-${quoted("exampleCost", e2)}`);
  await comparison.getByRole("textbox", { name: "Find a school" }).fill("");
  // From the counts down (the lines above them carry the date the scenarios were saved, which would change the picture daily).
  await showInPane(comparison.getByRole("list", { name: "Who gains and who loses" }), 0);
  await guidePicture("exercise-2-protection");
});

test("exercise 3, step 1: per pupil by poverty decile, typed, and the charts sheet", async () => {
  const { page } = playground;
  const e3 = exercise3();
  await toSheet("Sheet1");
  await typeGuideFormula("D1", "=WSF.BYGROUP(Schools!S2:S851,Schools!T2:T851,Schools!E2:E851,10)", e3);
  await typeGuideFormula("D12", "=WSF.BYGROUP(Schools!R2:R851,Schools!T2:T851,Schools!E2:E851,10)", e3);
  const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
  const dollars = (x: number) => `$${Math.round(x).toLocaleString("en-US")}`;
  for (let g = 1; g <= 10; g++) {
    await cellShowsFigure(`Sheet1!E${g}`, `decile${g}Min`, e3, percent);
    await cellShowsFigure(`Sheet1!F${g}`, `decile${g}Max`, e3, percent);
    await cellShowsFigure(`Sheet1!H${g}`, `decile${g}Total`, e3, dollars);
    await cellShowsFigure(`Sheet1!H${g + 11}`, `decile${g}Unrestricted`, e3, dollars);
  }
  await typeGuideFormula("J1", "=H10/H1", e3);
  await cellShowsFigure("Sheet1!J1", "decileRatio", e3, (x) => x.toFixed(2));
  await toSheet("WSF Charts");
  await page.getByRole("img", { name: /^Chart: / }).first().waitFor();
  expect(await showCell(page, "'WSF Charts'!B2")).toMatch(/^[+-]\d+\.\d%$/);
});

test("exercise 3, step 2: the Low and High spenders, counted and listed with FILTER", async () => {
  const { page } = playground;
  const e3 = exercise3();
  await toSheet("Sheet1");
  await typeGuideFormula("K1", "=WSF.EXPENDITURELEVEL(Schools!R2:R851,Schools!T2:T851,Schools!E2:E851)", e3);
  await typeGuideFormula("J3", `=COUNTIF(K1:K850,"Low")`, e3);
  await typeGuideFormula("J4", `=COUNTIF(K1:K850,"High")`, e3);
  await cellShowsFigure("Sheet1!J3", "lowSpenders", e3);
  await cellShowsFigure("Sheet1!J4", "highSpenders", e3);
  await typeGuideFormula("J5", `=SUMPRODUCT((K1:K850="High")*('WSF Allocation'!H2:H851>'WSF Allocation'!F2:F851))`, e3);
  await cellShowsFigure("Sheet1!J5", "flooredHighSpenders", e3);
  await typeGuideFormula("M1", `=FILTER(Schools!B2:B851,K1:K850<>"Typical")`, e3);
  await typeGuideFormula("N1", `=FILTER(Schools!T2:T851,K1:K850<>"Typical")`, e3);
  await typeGuideFormula("O1", `=FILTER(Schools!R2:R851,K1:K850<>"Typical")`, e3);
  await typeGuideFormula("P1", `=FILTER(K1:K850,K1:K850<>"Typical")`, e3);
  // The filtered list has one row per flagged school, in the table's order; the pair of exercise 3 is in it.
  const d = districtColumns();
  const levels = expenditureLevel(sampleOf(d.unrestrictedPerPupil, d.enrollment), Float64Array.from(d.frlShare), 0.1);
  const flagged = levels.map((l, i) => (l === "Typical" ? -1 : i)).filter((i) => i >= 0);
  const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
  const dollars = (x: number) => `$${Math.round(x).toLocaleString("en-US")}`;
  for (const [tag, level] of [["Low", "Low"], ["High", "High"]] as const) {
    const k = flagged.indexOf(f[`pair${tag}Name`].value) + 1;
    expect(k).toBeGreaterThan(0);
    expect(await showCell(page, `Sheet1!M${k}`)).toBe(quoted(`pair${tag}Name`, e3));
    await cellShowsFigure(`Sheet1!N${k}`, `pair${tag}Frl`, e3, percent);
    await cellShowsFigure(`Sheet1!O${k}`, `pair${tag}PerPupil`, e3, dollars);
    expect(await showCell(page, `Sheet1!P${k}`)).toBe(level);
  }
  expect(await showCell(page, `Sheet1!M${flagged.length}`)).not.toBe("");
  expect(await showCell(page, `Sheet1!M${flagged.length + 1}`)).toBe("");
});

test("exercise 3, step 3: the Lorenz curve, read at 20% and 50% of the pupils", async () => {
  const { page } = playground;
  const e3 = exercise3();
  await typeGuideFormula("R1", "=WSF.LORENZ(Schools!S2:S851,Schools!E2:E851)", e3);
  await typeGuideFormula("U1", "=INDEX(S1:S851,MATCH(0.2,R1:R851,1))", e3);
  await typeGuideFormula("U2", "=INDEX(S1:S851,MATCH(0.5,R1:R851,1))", e3);
  const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
  await cellShowsFigure("Sheet1!U1", "lorenzBottom20", e3, percent);
  await cellShowsFigure("Sheet1!U2", "lorenzBottom50", e3, percent);
  await goTo(page, "Sheet1!D1");
  await page.mouse.move(1, 1);
  await guidePicture("exercise-3-array");
});

const titleI = () => playground.pane.getByRole("region", { name: "8. Title I" });
const count = (x: number) => x.toLocaleString("en-US");
const cents = (x: number) => `$${x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
/** A figure of exercise4Figures, quoted in exercise 4 as `text`. */
function quoted4(text: string): string {
  expect({ text, quoted: says(exercise4(), text) }).toEqual({ text, quoted: true });
  return text;
}

test("exercise 4, step 1: the Title I columns are picked", async () => {
  const step = titleI();
  await step.scrollIntoViewIfNeeded();
  const picked = async (name: string) => step.getByRole("combobox", { name, exact: true }).locator("option:checked").innerText();
  expect(await picked("Low-income children")).toBe("Low income (FRL)");
  expect(await picked("Pupils enrolled")).toBe("Enrollment");
  expect(await picked("Grade span")).toBe("Level");
  expect(await picked("Instructional staff FTE (comparability)")).toBe("Instructional staff FTE");
  expect(await picked("State/local salaries (comparability)")).toBe("State/local salaries");
});

test("exercise 4, steps 2-3: the 35% rule serves 784 schools, the district rate 570 at more per child", async () => {
  const step = titleI();
  await step.getByRole("combobox", { name: "Ranking method" }).selectOption({ value: "35" });
  await step.getByRole("textbox", { name: "District Title I allocation" }).fill(String(t4.allocation));
  expect(exercise4()).toContain(`**$${count(t4.allocation)}**`);
  const labels = { equitable: "Equitable services (private schools)", parent: "Parent and family engagement", homeless: "Homeless children", neglected: "Neglected children", administration: "Administration" };
  for (const [key, label] of Object.entries(labels)) {
    const amount = EXERCISE4_RESERVATIONS[key as keyof typeof labels];
    quoted4(`$${count(amount)}`);
    await step.getByRole("textbox", { name: `Reserved: ${label}` }).fill(String(amount));
  }
  const summary = step.getByLabel("Title I summary");
  const t = t4.thirtyFive;
  await summary.filter({ hasText: `${t.served} of 850 schools served` }).waitFor();
  expect(await summary.innerText()).toBe(
    `Pool for schools ${quoted4(`$${count(t4.pool)}`)}; ${t.served} of 850 schools served, ${count(t.children)} low-income children, ${cents(t.perChild)} per child; every served school is at or above 35%, so the 125% rule does not apply.`,
  );
  quoted4(`${t.mayServe} more schools **may** be served: ${t.served} schools, ${count(t.children)} low-income children`);
  quoted4(cents(t.perChild));
  const table = step.getByRole("table", { name: "Ranked schools" });
  expect(await table.getByRole("cell", { name: "Must serve", exact: true }).count()).toBe(t.mustServe);
  expect(await table.getByRole("cell", { name: "May serve", exact: true }).count()).toBe(t.mayServe);
  quoted4(`${t.mustServe} schools are above 75%`);

  await step.getByRole("combobox", { name: "Ranking method" }).selectOption({ value: "district" });
  const d = t4.district;
  await summary.filter({ hasText: `${d.served} of 850 schools served` }).waitFor();
  expect(await summary.innerText()).toContain(`${d.served} of 850 schools served, ${count(d.children)} low-income children, ${cents(d.perChild)} per child`);
  quoted4(`serves the ${d.served} schools above it: ${count(d.children)} children, ${cents(d.perChild)} per child`);
});

test("exercise 4, step 4: apply Title I; the checks; the Title I schools that are not comparable", async () => {
  const { page, pane } = playground;
  await titleI().getByRole("button", { name: "Apply Title I" }).click();
  await pane.getByText("Title I applied").waitFor();
  await page.getByRole("tab", { name: "WSF Title I", selected: true }).waitFor();
  await goTo(page, "'WSF Title I'!A1");
  await showInPane(titleI().getByLabel("Ranking method"));
  await guidePicture("exercise-4-title-i");
  expect(await showCell(page, "'WSF Title I'!A14")).toBe("Check: allocations add up to the pool");
  expect(await showCell(page, "'WSF Title I'!B14")).toBe("OK");
  expect(await showCell(page, "'WSF Title I'!A15")).toBe("Check: every school above 75% served");
  expect(await showCell(page, "'WSF Title I'!B15")).toBe("OK");
  await toSheet("WSF Comparability");
  expect(await showCell(page, "'WSF Comparability'!I7")).toBe("Ratio test");
  expect(await showCell(page, "'WSF Comparability'!N7")).toBe("Spending test");
  await toSheet("Sheet1");
  const e4 = exercise4();
  await typeGuideFormula("J7", `=COUNTIF('WSF Comparability'!I8:I857,"Not comparable")`, e4);
  await typeGuideFormula("J8", `=COUNTIF('WSF Comparability'!N8:N857,"Not comparable")`, e4);
  const d = t4.district;
  expect(await showCell(page, "Sheet1!J7")).toBe(String(d.ratioNotComparable));
  expect(await showCell(page, "Sheet1!J8")).toBe(String(d.spendingNotComparable));
  quoted4(`${d.ratioNotComparable} of the ${d.served} Title I schools`);
  quoted4(`and ${d.spendingNotComparable} spend less than 90%`);
});

test("exercise 4, step 5: a school not served, its count raised to its enrollment, must be served", async () => {
  const { page, pane } = playground;
  // The school not served with the highest low-income share (WSF Title I lists the schools in the table's order from row 19).
  const rate = t4.lowIncome.map((c, i) => c / t4.enrollment[i]);
  const notServed = t4.district.allocations.map((a, i) => i).filter((i) => t4.district.allocations[i] === 0);
  const target = notServed.reduce((best, i) => (rate[i] > rate[best] ? i : best), notServed[0]);
  const titleRow = 19 + target;
  await toSheet("WSF Title I");
  expect(await showCell(page, `'WSF Title I'!B${titleRow}`)).toBe(t4.names[target]);
  const before = await showCell(page, `'WSF Title I'!H${titleRow}`);
  expect(before).not.toBe("Must serve");
  await toSheet("Schools");
  expect(await showCell(page, `Schools!E${target + 2}`)).toBe(count(t4.enrollment[target]));
  await typeIntoCell(page, `Schools!J${target + 2}`, String(t4.enrollment[target]));
  await toSheet("WSF Title I");
  await until(page, () => showCell(page, `'WSF Title I'!H${titleRow}`), (v) => v === "Must serve", "the status after the edit");
  // Exercise 2's comparison, still open, now says the table has changed since its scenarios were saved.
  const provenance = pane.getByLabel("Comparison").getByRole("list", { name: "Where the figures come from" });
  await until(page, () => provenance.innerText(), (v) => (v.match(/the table has changed since/g) ?? []).length === 2, "the comparison's provenance after the edit");
  expect(shownNumber(await showCell(page, `'WSF Title I'!F${titleRow}`))).toBe(1);
  expect(shownNumber(await showCell(page, `'WSF Title I'!L${titleRow}`))).toBeGreaterThan(0);
  await toSheet("Schools");
  await typeIntoCell(page, `Schools!J${target + 2}`, String(t4.lowIncome[target]));
  await toSheet("WSF Title I");
  await until(page, () => showCell(page, `'WSF Title I'!H${titleRow}`), (v) => v === before, "the status once the count is back");
  await until(page, () => provenance.innerText(), (v) => (v.match(/the same figures as when it was saved/g) ?? []).length === 2, "the comparison's provenance once the count is back");
});
