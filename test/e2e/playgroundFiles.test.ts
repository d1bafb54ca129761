import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { screenshot } from "./browser";
import { playgroundPage } from "./playgroundPage";
import { applyAndWait, cellText, goTo, saveScenario, sheetValues, typeIntoCell } from "./paneSteps";

/* Files and persistence in the playground, walked as a person with clicks and typing: open a district's .csv
 * (file picker) and .xlsx (dropped on the page) whose bad rows are named by sheet and row; apply a formula,
 * save a scenario, edit a parameter by hand, save as .xlsx; the file opens in exceljs with the WSF formulas in
 * Excel's stored form and their values; reset to the sample; open the saved file again and find the same pane
 * state (scenarios, owned sheets, the hand edit); reload and find the work kept; leave with unsaved work and
 * be asked first. Tests run in order on one page. */

jest.setTimeout(90_000);

const playground = playgroundPage({ viewport: { width: 1440, height: 1000 } });

const problemsDialog = () => playground.page.getByRole("dialog").filter({ hasText: "Problems in" });
const status = () => playground.page.getByLabel("Workbook status");

/** The list of problems the dialog shows after opening a file, one line each. */
async function listedProblems(): Promise<string[]> {
  await problemsDialog().waitFor();
  return problemsDialog().getByRole("list", { name: "Problems in the file" }).getByRole("listitem").allInnerTexts();
}

async function closeProblems(): Promise<void> {
  await problemsDialog().getByRole("button", { name: "Close" }).click();
  await problemsDialog().waitFor({ state: "hidden" });
}

/** Confirms the toolbar's "replace the workbook?" dialog (reset, or opening over unsaved work). */
async function confirm(action: string): Promise<void> {
  const dialog = playground.page.getByRole("dialog").filter({ has: playground.page.getByRole("button", { name: action }) });
  await dialog.getByRole("button", { name: action }).click();
  await dialog.waitFor({ state: "hidden" });
}

const OWNED_SHEETS = ["WSF Parameters", "WSF Allocation", "WSF Equity", "WSF Charts", "WSF Explain"];

/** What the pane's workbook says about its sheets and scenarios: the state that must survive a file round trip. */
function paneState(): Promise<{ statuses: unknown; scenarios: string | null; sheets: string[]; owned: Record<string, string> }> {
  return playground.page.evaluate(async (owned) => {
    const wb = (window as any).wsfPlayground;
    return { statuses: await wb.inspectSheets(owned), scenarios: await wb.readScenarioStore(), sheets: wb.visibleSheets(), owned: wb.exportMeta().owned };
  }, OWNED_SHEETS);
}

// A district file as a person might export it: FRL "n/a" in data row 2 (sheet row 3), FRL above enrollment in
// sheet row 5, and an unquoted comma that adds a cell to sheet row 6.
const CSV = [
  "School ID,School,Enrollment,Low income (FRL),Prior-year allocation",
  "A1,Adams Elementary,400,120,3000000",
  "A2,Baker Elementary,350,n/a,2500000",
  'A3,"Carver, Jr. High",500,200,4000000',
  "A4,Dewey Middle,300,310,2000000",
  "A5,Evans, High,200,50,1000000",
].join("\n");

test("open a .csv with the file picker: the data is in a sheet named after the file, bad rows named by sheet and row", async () => {
  const { page } = playground;
  await page.getByRole("button", { name: "Open file..." }).click();
  // The toolbar button opens the hidden file input; give it the file as the picker would.
  await page.getByLabel("Open a workbook file").setInputFiles({ name: "district.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  const problems = await listedProblems();
  await screenshot(page, "open-csv-problems");
  expect(problems).toEqual([
    expect.stringMatching(/^Sheet "district", row 6: Row 6 has 6 cells where the header row has 5/),
    expect.stringMatching(/^Sheet "district", row 3: .*Low income \(FRL\).*"n\/a"/),
    expect.stringMatching(/^Sheet "district", row 5: .*Low income \(FRL\).*(more|above|exceeds|greater)/i),
    ...problems.slice(3),
  ]);
  // Nothing dropped: row 6 keeps all six cells; the quoted comma stays inside the name.
  await closeProblems();
  await page.getByRole("tab", { name: "district", selected: true }).waitFor();
  expect(await cellText(page, "B4")).toBe("Carver, Jr. High");
  expect(await cellText(page, "F6")).toBe("1000000");
  expect(await cellText(page, "D3")).toBe("n/a");
  expect(await status().innerText()).toBe("district.csv");
});

/** A workbook as Excel saves one: a title above the header, a bad enrollment, a WSF formula and a formula this playground does not know. */
async function districtXlsx(): Promise<Buffer> {
  const file = new ExcelJS.Workbook();
  const sheet = file.addWorksheet("Budget 2025");
  sheet.getCell("A1").value = "North district, budget 2025";
  sheet.getRow(3).values = ["School ID", "School", "Enrollment", "Low income (FRL)"];
  sheet.getRow(4).values = ["N1", "North Elementary", 420, 210];
  sheet.getRow(5).values = ["N2", "Hill Middle", -5, 0];
  sheet.getRow(6).values = ["N3", "River High", 900, 300];
  // Pupil-weighted mean FRL share of the valid rows, as Excel stores an add-in's function (excel-behaviour.md item 8).
  sheet.getCell("F3").value = "Mean";
  sheet.getCell("F4").value = { formula: "_xldudf_WSF_MEAN(D4:D6,C4:C6)", result: 0 } as ExcelJS.CellValue;
  sheet.getCell("F5").value = { formula: "_xlfn.NOSUCHFUNCTION(1)", result: 7 } as ExcelJS.CellValue;
  return Buffer.from(await file.xlsx.writeBuffer());
}

test("drop an .xlsx on the page: its sheet opens, the bad row and the formula it cannot calculate are named by sheet and row", async () => {
  const { page } = playground;
  const bytes = [...(await districtXlsx())];
  const dataTransfer = await page.evaluateHandle((data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], "north.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    return transfer;
  }, bytes);
  await page.dispatchEvent("#workbook", "dragenter", { dataTransfer });
  await page.getByText("Drop an .xlsx or .csv file to open it").waitFor();
  await screenshot(page, "drop-file-overlay");
  await page.dispatchEvent("#workbook", "drop", { dataTransfer });
  const problems = await listedProblems();
  await screenshot(page, "open-xlsx-problems");
  expect(problems).toContainEqual(expect.stringMatching(/^Sheet "Budget 2025", row 5: .*Enrollment.*-5/));
  expect(problems).toContainEqual(expect.stringMatching(/^Sheet "Budget 2025", row 5: Cell F5: =NOSUCHFUNCTION\(1\) gives #NAME\? here.*the file had 7/));
  await closeProblems();
  await page.getByRole("tab", { name: "Budget 2025", selected: true }).waitFor();
  // The WSF formula calculates here, and with the negative pupil count the cell says which row is wrong.
  await goTo(page, "F4");
  expect(await page.getByLabel("Formula bar").inputValue()).toBe("=WSF.MEAN(D4:D6,C4:C6)");
  expect(await page.getByRole("status", { name: "Selected cell" }).innerText()).toMatch(/#VALUE!.*row 2/);
  // Fix the bad cell. The pupil-weighted mean of column D by hand: (210 x 420 + 0 x 0 + 300 x 900) / (420 + 0 + 900).
  await typeIntoCell(page, "C5", "0");
  await page.waitForFunction(() => (window as any).wsfPlayground.cell("Budget 2025", 4, 2).value === 0);
  // The workbook recalculates after the edit is committed: wait for the number instead of reading at once.
  await page.waitForFunction(() => typeof (window as any).wsfPlayground.cell("Budget 2025", 3, 5).value === "number");
  const mean = await page.evaluate(() => (window as any).wsfPlayground.cell("Budget 2025", 3, 5).value);
  expect(mean).toBeCloseTo((210 * 420 + 300 * 900) / 1320, 9);
});

let beforeSave: Awaited<ReturnType<typeof paneState>>;
let allocationBefore: unknown[][];
let savedPath: string;

test("on the sample district: apply a formula, save a scenario, change a weight by hand, save as .xlsx", async () => {
  const { page, pane } = playground;
  await page.getByRole("button", { name: "Reset to sample district" }).click();
  await confirm("Reset");
  await page.getByText("The sample district is loaded.").waitFor();
  await page.getByRole("tab", { name: "Schools", selected: true }).waitFor();
  await pane.getByRole("combobox", { name: "Schools table" }).selectOption({ label: "Schools" });
  await pane.getByText("850 rows, 22 columns").waitFor();
  await pane.getByRole("combobox", { name: "Start from a preset" }).selectOption({ label: "LAUSD-style: flat general fund + need supplements" });
  await pane.getByRole("button", { name: "Use preset" }).click();
  await applyAndWait(page, pane);
  await saveScenario(pane, "Weighted");
  // A hand edit on the parameters sheet: the pane must still know it after the round trip.
  await page.getByRole("tab", { name: "WSF Parameters" }).click();
  const parameters = await sheetValues(page, "WSF Parameters");
  const row = parameters.findIndex((line) => typeof line[1] === "number" && line[1] > 0 && line[1] < 5);
  await typeIntoCell(page, `'WSF Parameters'!B${row + 1}`, "1.1");
  await page.getByRole("tab", { name: "WSF Allocation" }).click();
  expect(await status().innerText()).toMatch(/changes not saved in a file/);

  beforeSave = await paneState();
  expect((beforeSave.statuses as { name: string; editedByHand: boolean }[]).find((s) => s.name === "WSF Parameters")?.editedByHand).toBe(true);
  expect(beforeSave.scenarios).toContain('"Weighted"');
  allocationBefore = await sheetValues(page, "WSF Allocation");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Save as .xlsx" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("sample-district.xlsx");
  // Playwright keeps a download under a generated name; give it back the name the browser offered.
  savedPath = path.join(mkdtempSync(path.join(os.tmpdir(), "wsf-saved-")), file.suggestedFilename());
  await file.saveAs(savedPath);
  await page.getByText("Saved as sample-district.xlsx").waitFor();
  expect(await status().innerText()).toBe("sample-district.xlsx");
  await screenshot(page, "saved-as-xlsx");
});

test("the saved file opens in exceljs: WSF formulas in Excel's stored form, each with the value the playground computed; settings on a very hidden sheet", async () => {
  const file = new ExcelJS.Workbook();
  await file.xlsx.load(readFileSync(savedPath) as unknown as ArrayBuffer);
  expect(file.worksheets.map((s) => s.name)).toEqual([...beforeSave.sheets, "WSF_Settings"]);
  const allocation = file.getWorksheet("WSF Allocation")!;
  let wsfFormulas = 0;
  let compared = 0;
  allocation.eachRow((row, r) =>
    row.eachCell((cell, c) => {
      const value = cell.value as { formula?: string; result?: unknown } | null;
      const expected = allocationBefore[r - 1]?.[c - 1];
      if (value && typeof value === "object" && "formula" in value && value.formula) {
        expect(value.formula).not.toMatch(/\bWSF\./);
        if (value.formula.includes("_xldudf_WSF_")) wsfFormulas++;
        if (typeof expected === "number") {
          expect(value.result).toBeCloseTo(expected, 6);
          compared++;
        }
      } else if (typeof expected === "number" && typeof cell.value === "number") {
        // A cell of a spilled range: the value the playground showed.
        expect(cell.value).toBeCloseTo(expected, 6);
        compared++;
      }
    }),
  );
  expect(wsfFormulas).toBeGreaterThan(3);
  // Every numeric cell of the 850 schools' allocation came through.
  expect(compared).toBeGreaterThan(850 * 5);
  const settings = file.getWorksheet("WSF_Settings")!;
  expect(settings.state).toBe("veryHidden");
  const keys: Record<string, string> = {};
  settings.eachRow((row, r) => {
    if (r === 1) return;
    let text = "";
    for (let c = 2; c <= row.cellCount; c++) text += String(row.getCell(c).value ?? "");
    keys[String(row.getCell(1).value)] = text;
  });
  expect(keys["wsf.scenarios"]).toBe(beforeSave.scenarios);
  // The ownership tags: the add-in's sheets with the fingerprints of what it last wrote (the hand edit is detected against them).
  const { WSF_Scenarios: scenarioPrint, ...sheetPrints } = beforeSave.owned;
  expect(scenarioPrint).toBeDefined();
  expect(JSON.parse(keys["wsf.ownedSheets"])).toEqual(sheetPrints);
  expect(Object.keys(sheetPrints)).toEqual(expect.arrayContaining(OWNED_SHEETS.filter((s) => beforeSave.sheets.includes(s))));
  // The Schools table is an Excel table again.
  expect(Object.keys((file.getWorksheet("Schools") as any).tables)).toEqual(["Schools"]);
});

test("reset, then open the saved file: the same sheets, values, scenarios and the pane's ownership state (the hand edit included)", async () => {
  const { page, pane } = playground;
  await page.getByRole("button", { name: "Reset to sample district" }).click();
  await confirm("Reset");
  // (A role query skips the page behind a closing dialog, so wait for the reset's own words, not for a tab to go.)
  await page.getByText("The sample district is loaded.").waitFor();
  expect(await status().innerText()).toBe("Sample district");
  expect((await paneState()).sheets).toEqual(["Schools", "Eight schools"]);
  expect((await paneState()).scenarios).toBeNull();

  await page.getByLabel("Open a workbook file").setInputFiles(savedPath);
  await page.getByText("Opened sample-district.xlsx").waitFor().catch(async (error) => {
    await screenshot(page, "reopen-failed");
    throw error;
  });
  expect(await paneState()).toEqual(beforeSave);
  expect(await sheetValues(page, "WSF Allocation")).toEqual(allocationBefore);
  // The pane lists the saved scenario again once the table is chosen.
  await pane.getByRole("combobox", { name: "Schools table" }).selectOption({ label: "Schools" });
  await pane.getByRole("list", { name: "Saved scenarios" }).getByText("Weighted", { exact: true }).waitFor();
  await screenshot(page, "reopened-xlsx");
});

test("the work survives a reload: a typed cell, the scenarios and the ownership state are back", async () => {
  const { page, pane } = playground;
  await page.getByRole("tab", { name: "Schools" }).first().click();
  await typeIntoCell(page, "Schools!W2", "kept across reloads");
  const state = await paneState();
  await page.evaluate(() => (window as any).wsfSession.flush());
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === "true");
  expect(await page.evaluate(() => (window as any).wsfPlayground.cell("Schools", 1, 22).value)).toBe("kept across reloads");
  expect(await paneState()).toEqual(state);
  expect(await status().innerText()).toMatch(/^sample-district\.xlsx - changes not saved in a file/);
  // The spilling formulas fill their ranges again: the allocation is what it was before the reload.
  expect(await sheetValues(page, "WSF Allocation")).toEqual(allocationBefore);
  await pane.getByRole("combobox", { name: "Schools table" }).selectOption({ label: "Schools" });
  await pane.getByRole("list", { name: "Saved scenarios" }).getByText("Weighted", { exact: true }).waitFor();
});

test("leaving the page with unsaved work asks first (beforeunload)", async () => {
  const { page } = playground;
  // Chromium asks only after the person has interacted with the page.
  await page.getByRole("tab", { name: "Schools" }).first().click();
  await typeIntoCell(page, "Schools!W3", "unsaved");
  const dialog = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const shown = await dialog;
  expect(shown.type()).toBe("beforeunload");
  await shown.dismiss();
  expect(page.isClosed()).toBe(false);
});
