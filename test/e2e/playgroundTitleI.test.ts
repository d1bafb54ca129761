import { exercise4Figures, EXERCISE4_RESERVATIONS } from "../engine/titleI/exercise4Figures";
import { screenshot } from "./browser";
import { playgroundPage } from "./playgroundPage";
import { goTo, sheetValues, typeIntoCell } from "./paneSteps";

/* Exercise 4 of docs/training.md ("Rank and serve") performed in Chromium on the playground, as a trainer
 * would: pick the table, open step 8, type the allocation and the reservations, read the ranked list under
 * the 35% rule and the district rate, skip a school with (and without) a reason, apply, check the WSF Title I
 * and WSF Comparability cells against the engine's figures (exercise4Figures.ts), edit a count on the
 * Schools sheet and watch the sheet recalculate, put text in a count, and re-apply over a hand edit. */

jest.setTimeout(90_000);

const figures = exercise4Figures();
/** 0-based sheet row of the first school on WSF Title I, and the columns the sheet builder uses. */
const FIRST = 18;
const COL = { rate: 5, status: 7, served: 8, reason: 9, perChild: 10, allocation: 11 };

const playground = playgroundPage({ viewport: { width: 1440, height: 1000 } });

const step = () => playground.pane.getByRole("region", { name: "8. Title I" });

async function summary(): Promise<string> {
  return step().getByLabel("Title I summary").innerText();
}

const cents = (x: number) => `$${x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

test("step 8 opens with the columns picked from the mapping and the headers", async () => {
  const { pane } = playground;
  await pane.getByRole("combobox", { name: "Schools table" }).selectOption({ label: "Schools" });
  await step().scrollIntoViewIfNeeded();
  const picked = async (name: string) => step().getByRole("combobox", { name, exact: true }).locator("option:checked").innerText();
  expect(await picked("Low-income children")).toBe("Low income (FRL)");
  expect(await picked("Pupils enrolled")).toBe("Enrollment");
  expect(await picked("Grade span")).toBe("Level");
  expect(await picked("Instructional staff FTE (comparability)")).toBe("Instructional staff FTE");
  expect(await picked("State/local salaries (comparability)")).toBe("State/local salaries");
});

test("exercise 4 steps 2-3: the 35% rule serves 784 schools, the district rate 570 at more per child", async () => {
  const { page } = playground;
  await step().getByRole("textbox", { name: "District Title I allocation" }).fill(String(figures.allocation));
  const labels = { equitable: "Equitable services (private schools)", parent: "Parent and family engagement", homeless: "Homeless children", neglected: "Neglected children", administration: "Administration" };
  for (const [key, label] of Object.entries(labels)) {
    await step().getByRole("textbox", { name: `Reserved: ${label}` }).fill(String(EXERCISE4_RESERVATIONS[key as keyof typeof labels]));
  }
  const t = figures.thirtyFive;
  await step().getByLabel("Title I summary").filter({ hasText: `${t.served} of 850 schools served` }).waitFor();
  expect(await summary()).toContain(`Pool for schools $${figures.pool.toLocaleString("en-US")}; ${t.served} of 850 schools served, ${t.children.toLocaleString("en-US")} low-income children, ${cents(t.perChild)} per child`);
  expect(await summary()).toContain("the 125% rule does not apply");
  const table = step().getByRole("table", { name: "Ranked schools" });
  expect(await table.getByRole("row").nth(1).getByRole("cell").nth(3).innerText()).toBe("Must serve");
  expect(await table.getByRole("cell", { name: "May serve", exact: true }).count()).toBe(t.mayServe);

  await step().getByRole("combobox", { name: "Ranking method" }).selectOption({ value: "district" });
  const d = figures.district;
  await step().getByLabel("Title I summary").filter({ hasText: `${d.served} of 850 schools served` }).waitFor();
  expect(await summary()).toContain(`${d.children.toLocaleString("en-US")} low-income children, ${cents(d.perChild)} per child`);
  await step().getByLabel("Title I summary").scrollIntoViewIfNeeded();
  await screenshot(page, "exercise-4-title-i");
});

test("skipping a school needs a reason; a skipped school is listed and can be served again", async () => {
  const { page } = playground;
  const table = step().getByRole("table", { name: "Ranked schools" });
  const topName = await table.getByRole("row").nth(1).getByRole("cell").nth(1).innerText();
  const skipBox = step().getByRole("combobox", { name: "Skip a school" });
  const option = await skipBox.locator("option").nth(1).innerText();
  await skipBox.selectOption({ label: option });
  await step().getByRole("button", { name: "Skip school" }).click();
  await step().getByText("Give the reason for skipping the school").waitFor();
  await step().getByRole("textbox", { name: "Reason" }).fill("Comparable state and local money");
  await step().getByRole("button", { name: "Skip school" }).click();
  await step().getByRole("list", { name: "Skipped schools" }).getByText(`${topName}: Comparable state and local money`).waitFor();
  await step().getByLabel("Title I summary").filter({ hasText: `${figures.district.served - 1} of 850 schools served` }).waitFor();
  await screenshot(page, "title-i-skipped-school");
  await step().getByRole("button", { name: `Serve ${topName} again` }).click();
  await step().getByLabel("Title I summary").filter({ hasText: `${figures.district.served} of 850 schools served` }).waitFor();
});

test("Apply writes WSF Title I and WSF Comparability; every allocation equals the engine's to the cent", async () => {
  const { page, pane } = playground;
  await step().getByRole("button", { name: "Apply Title I" }).click();
  await pane.getByText("Title I applied").waitFor();
  await page.getByRole("tab", { name: "WSF Title I", selected: true }).waitFor();
  const values = await sheetValues(page, "WSF Title I");
  expect(values[10][1]).toBe(figures.pool);
  expect(values[13][1]).toBe("OK");
  expect(values[14][1]).toBe("OK");
  let worst = 0;
  figures.district.allocations.forEach((a, i) => (worst = Math.max(worst, Math.abs((values[FIRST + i][COL.allocation] as number) - a))));
  expect(worst).toBeLessThan(0.005);
  const comparability = await sheetValues(page, "WSF Comparability");
  const header = comparability[6];
  const verdicts = (title: string) => comparability.slice(7, 857).map((row) => row[header.indexOf(title)]);
  expect(verdicts("Ratio test").filter((v) => v === "Not comparable").length).toBe(figures.district.ratioNotComparable);
  expect(verdicts("Spending test").filter((v) => v === "Not comparable").length).toBe(figures.district.spendingNotComparable);
  await screenshot(page, "title-i-sheet");
  await page.getByRole("tab", { name: "WSF Comparability" }).click();
  await screenshot(page, "comparability-sheet");
});

test("editing a low-income count on the Schools sheet recalculates rank, status, served and every allocation", async () => {
  const { page } = playground;
  // The poorest school not served: raise its low-income count to its enrollment (100%), so it ranks first.
  const rate = figures.lowIncome.map((c, i) => c / figures.enrollment[i]);
  const notServed = figures.district.allocations.map((a, i) => i).filter((i) => figures.district.allocations[i] === 0);
  const target = notServed.reduce((best, i) => (rate[i] > rate[best] ? i : best), notServed[0]);
  await page.getByRole("tab", { name: "Schools" }).first().click();
  await typeIntoCell(page, `Schools!J${target + 2}`, String(figures.enrollment[target]));
  const values = await sheetValues(page, "WSF Title I");
  const row = values[FIRST + target];
  expect(row[COL.rate]).toBe(1);
  expect(row[COL.status]).toBe("Must serve");
  expect(row[COL.served]).toBe(1);
  const children = figures.district.children + figures.enrollment[target];
  expect(row[COL.perChild] as number).toBeCloseTo(figures.pool / children, 6);
  const total = values.slice(FIRST, FIRST + 850).reduce((s, r) => s + (r[COL.allocation] as number), 0);
  expect(Math.abs(total - figures.pool)).toBeLessThan(0.01);
  await page.getByRole("tab", { name: "WSF Title I" }).click();
  await screenshot(page, "title-i-after-count-edit");
  // Put the count back.
  await page.getByRole("tab", { name: "Schools" }).first().click();
  await typeIntoCell(page, `Schools!J${target + 2}`, String(figures.lowIncome[target]));
});

test("text in a low-income cell: the rate shows #VALUE! naming the row, no allocation is a silent number", async () => {
  const { page } = playground;
  await typeIntoCell(page, "Schools!J5", "n/a");
  const values = await sheetValues(page, "WSF Title I");
  expect(values[FIRST + 3][COL.rate]).toBe("#VALUE!");
  const status = await goTo(page, `'WSF Title I'!F${FIRST + 4}`);
  expect(status).toContain('WSF.TITLEIRANK: lowIncome row 4 is "n/a", expected a number');
  // Every rank depends on every rate, so no allocation is shown as a number.
  expect(values.slice(FIRST, FIRST + 850).filter((r) => typeof r[COL.allocation] === "number").length).toBe(0);
  await screenshot(page, "title-i-bad-count");
  await page.getByRole("tab", { name: "Schools" }).first().click();
  await typeIntoCell(page, "Schools!J5", String(figures.lowIncome[3]));
  const fixed = await sheetValues(page, "WSF Title I");
  expect(Math.abs((fixed[FIRST][COL.allocation] as number) - figures.district.allocations[0])).toBeLessThan(0.005);
});

test("a reservation typed on the sheet recalculates and the pane follows it; Apply again asks before replacing the hand edit", async () => {
  const { page, pane } = playground;
  await page.getByRole("tab", { name: "WSF Title I" }).click();
  await typeIntoCell(page, "'WSF Title I'!B10", "8500000");
  const edited = await sheetValues(page, "WSF Title I");
  expect(edited[10][1]).toBe(figures.pool - 1_000_000);
  // The sheet is the truth once written: the pane takes the amount typed there.
  const administration = step().getByRole("textbox", { name: "Reserved: Administration" });
  await page.waitForFunction((box) => (box as HTMLInputElement).value === "8500000", await administration.elementHandle());
  await step().getByLabel("Title I summary").filter({ hasText: `Pool for schools $${(figures.pool - 1_000_000).toLocaleString("en-US")}` }).waitFor();
  await step().getByRole("button", { name: "Apply Title I again" }).click();
  const dialog = page.locator('[role="dialog"], [role="alertdialog"]').filter({ hasText: "Replace your hand edits?" });
  await dialog.waitFor();
  await dialog.getByRole("button", { name: "Replace" }).click({ force: true });
  await dialog.waitFor({ state: "hidden" });
  await pane.getByText("Title I applied").waitFor();
  const values = await sheetValues(page, "WSF Title I");
  expect(values[10][1]).toBe(figures.pool - 1_000_000);
  // Typed back in the pane and applied: the sheet follows the pane.
  await administration.fill(String(EXERCISE4_RESERVATIONS.administration));
  await step().getByLabel("Title I sheet out of date").waitFor();
  await step().getByRole("button", { name: "Apply Title I again" }).click();
  await pane.getByText("Title I applied").waitFor();
  expect((await sheetValues(page, "WSF Title I"))[10][1]).toBe(figures.pool);
});
