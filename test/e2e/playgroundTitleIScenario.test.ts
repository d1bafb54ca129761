import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { main, type CliIo } from "../../src/cli/wsf";
import { silentProgress } from "../../src/cli/progress";
import { exercise4Figures, EXERCISE4_RESERVATIONS } from "../engine/titleI/exercise4Figures";
import { screenshot } from "./browser";
import { playgroundPage } from "./playgroundPage";
import { sheetValues } from "./paneSteps";

/* The Title I step's allocation modes and its choices as part of a scenario, walked in Chromium on the
 * playground as a budget officer would: a fixed amount per low-income child (typed wrong, too large for
 * the pool, then one that fits), Apply, an edit after Apply (the pane says the sheet is out of date), a
 * reload (the step comes back on the applied choices), then Export .json and Save as .xlsx, and the
 * command line run on both files writes a WSF Title I sheet with the playground's allocations to the cent. */

jest.setTimeout(180_000);

const figures = exercise4Figures();
const FIRST = 18;
const COL = { lowIncome: 3, served: 8, allocation: 11 };
// A whole-dollar amount per child the pool pays for under the 35% rule (every served school is at or above
// 35%, so the 125% rule does not apply): the pool's share per child, rounded down, less $5.
const perChild = Math.floor(figures.pool / figures.thirtyFive.children) - 5;
const dir = mkdtempSync(path.join(os.tmpdir(), "wsf-titlei-e2e-"));

const playground = playgroundPage({ viewport: { width: 1440, height: 1000 } });

const step = () => playground.pane.getByRole("region", { name: "8. Title I" });

async function fillAmounts(): Promise<void> {
  await step().getByRole("textbox", { name: "District Title I allocation" }).fill(String(figures.allocation));
  const labels = { equitable: "Equitable services (private schools)", parent: "Parent and family engagement", homeless: "Homeless children", neglected: "Neglected children", administration: "Administration" };
  for (const [key, label] of Object.entries(labels)) {
    await step().getByRole("textbox", { name: `Reserved: ${label}` }).fill(String(EXERCISE4_RESERVATIONS[key as keyof typeof labels]));
  }
}

const money = (x: number) => `$${x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

test("a fixed amount per child: a typo and an amount the pool cannot pay are explained; one that fits is applied", async () => {
  const { page, pane } = playground;
  await pane.getByRole("combobox", { name: "Schools table" }).selectOption({ label: "Schools" });
  await step().scrollIntoViewIfNeeded();
  await fillAmounts();
  await step().getByRole("combobox", { name: "Pay served schools" }).selectOption({ value: "perchild" });
  const box = step().getByRole("textbox", { name: "Dollars per low-income child" });
  await box.click();
  await page.keyboard.type("7oo");
  await step().getByText('"7oo" is not a number; enter dollars per low-income child, e.g. 700.').waitFor();
  expect(await step().getByRole("button", { name: "Apply Title I" }).isDisabled()).toBe(true);
  await box.scrollIntoViewIfNeeded();
  await screenshot(page, "title-i-per-child-typo");

  await box.fill("");
  await box.type("5000");
  const over = step().getByText(/^\$5,000\.00 per child for the .* low-income children served costs .* more than the pool of /);
  await over.waitFor();
  expect(await over.innerText()).toContain(`more than the pool of ${money(figures.pool)}: lower the amount per child, serve fewer schools or add to the pool.`);
  await screenshot(page, "title-i-per-child-over-pool");

  await box.fill("");
  await box.type(String(perChild));
  const allocated = perChild * figures.thirtyFive.children;
  await step().getByLabel("Title I summary").filter({ hasText: `${money(perChild)} per child` }).waitFor();
  expect(await step().getByLabel("Title I summary").innerText()).toContain(
    `${figures.thirtyFive.served} of 850 schools served, ${figures.thirtyFive.children.toLocaleString("en-US")} low-income children, ${money(perChild)} per child ($${allocated.toLocaleString("en-US")} allocated, $${(figures.pool - allocated).toLocaleString("en-US")} of the pool left)`,
  );
  await step().getByRole("button", { name: "Apply Title I" }).click();
  await pane.getByText("Title I applied").waitFor();
  const values = await sheetValues(page, "WSF Title I");
  expect(values[16][1]).toBe(perChild);
  expect(values[13][1]).toBe(`OK: ${figures.pool - allocated} of the pool not allocated`);
  let served = 0;
  for (let i = 0; i < 850; i++) {
    const row = values[FIRST + i];
    expect(row[COL.allocation]).toBe(row[COL.served] === 1 ? (row[COL.lowIncome] as number) * perChild : 0);
    served += row[COL.served] === 1 ? 1 : 0;
  }
  expect(served).toBe(figures.thirtyFive.served);
  await screenshot(page, "title-i-per-child-sheet");
});

test("an edit in the pane after Apply says the sheet is out of date until it is applied again or undone", async () => {
  const { page } = playground;
  const box = step().getByRole("textbox", { name: "Dollars per low-income child" });
  await box.fill(String(perChild + 10));
  const note = step().getByLabel("Title I sheet out of date");
  await note.waitFor();
  expect(await note.innerText()).toBe("The WSF Title I sheet still shows the choices applied last, not the ones above: apply again to update it.");
  await note.scrollIntoViewIfNeeded();
  await screenshot(page, "title-i-out-of-date");
  await box.fill(String(perChild));
  await note.waitFor({ state: "detached" });
});

test("after a reload the Title I step opens on the applied choices", async () => {
  const { page, pane } = playground;
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 60_000 });
  await pane.getByRole("combobox", { name: "Schools table" }).selectOption({ label: "Schools" });
  await step().scrollIntoViewIfNeeded();
  const box = step().getByRole("textbox", { name: "Dollars per low-income child" });
  await box.waitFor();
  expect(await box.inputValue()).toBe(String(perChild));
  expect(await step().getByRole("textbox", { name: "District Title I allocation" }).inputValue()).toBe(String(figures.allocation));
  expect(await step().getByRole("combobox", { name: "Pay served schools" }).inputValue()).toBe("perchild");
  expect(await step().getByRole("button", { name: "Apply Title I again" }).count()).toBe(1);
  expect(await step().getByLabel("Title I sheet out of date").count()).toBe(0);
  await screenshot(page, "title-i-after-reload");
});

test("a scenario exported from the pane with its Title I choices, run by wsf on the saved workbook, gives the same Title I allocation", async () => {
  const { page, pane } = playground;
  const scenarios = pane.getByRole("region", { name: "6. Scenarios" });
  await scenarios.scrollIntoViewIfNeeded();
  let download = page.waitForEvent("download");
  await scenarios.getByRole("button", { name: "Export .json" }).click();
  let file = await download;
  const json = path.join(dir, file.suggestedFilename());
  await file.saveAs(json);
  await screenshot(page, "title-i-scenario-exported");
  download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Save as .xlsx" }).click();
  file = await download;
  const saved = path.join(dir, "saved.xlsx");
  await file.saveAs(saved);

  const out = path.join(dir, "cli.xlsx");
  let err = "";
  const io: CliIo = { out: () => undefined, err: (t) => void (err += t), progress: () => silentProgress };
  expect(await main(["allocate", saved, "--sheet", "Schools", "--scenario", json, "--out", out], io)).toBe(0);
  expect(err).toContain(`${money(perChild)} per child`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  const sheet = book.getWorksheet("WSF Title I")!;
  const values = await sheetValues(page, "WSF Title I");
  for (let i = 0; i < 850; i++) {
    const cell = sheet.getRow(FIRST + i + 1).getCell(COL.allocation + 1).value as ExcelJS.CellFormulaValue;
    expect(cell.formula).toMatch(/^INDEX\(_xldudf_WSF_TITLEIALLOCATE\(/);
    // exceljs reads a cached 0 back as no value.
    expect(Math.round(((cell.result as number) ?? 0) * 100)).toBe(Math.round((values[FIRST + i][COL.allocation] as number) * 100));
  }
});
