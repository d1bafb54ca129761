/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import type { MemoryWorkbook } from "../../src/workbook/memory/MemoryWorkbook";
import type { CellValue } from "../../src/workbook/WorkbookPort";
import { chooseSchoolsTable } from "./support/chooseSchoolsTable";
import { openDialog } from "./support/openDialog";
import { renderTaskPane } from "./support/renderTaskPane";
import { CLEAN_ROWS, HEADERS, schoolsWorkbook } from "./support/schoolsWorkbook";

const LAUSD = "LAUSD-style: flat general fund + need supplements";

/**
 * Hand calculation for the four clean schools (support/schoolsWorkbook.ts). Every school has a prior amount,
 * so the presets solve the base from the prior-year pool 500,000 + 1,000,000 + 1,500,000 + 2,000,000 = 5,000,000.
 * Flat: 1,000 pupils -> base 5,000,000 / 1,000 = $5,000.00.
 * LAUSD-style (FRL 0.20, EL 0.20): weighted pupils 100 + 2 + 0 = 102, 200 + 10 + 4 = 214, 300 + 30 + 12 = 342,
 * 400 + 60 + 20 = 480; sum 1,138; base 5,000,000 / 1,138 = 4,393.6731...
 */
const LAUSD_BASE = 5_000_000 / 1_138;

function formulaRegion() {
  return screen.getByRole("region", { name: "3. Define the formula" });
}

async function usePreset(user: UserEvent, label: string) {
  const formula = formulaRegion();
  await user.selectOptions(within(formula).getByRole("combobox", { name: "Start from a preset" }), label);
  await user.click(within(formula).getByRole("button", { name: "Use preset" }));
}

function resultFigure(term: string): string {
  const list = screen.getByLabelText("Formula result");
  const dt = within(list).getByText(term);
  return dt.nextElementSibling?.textContent ?? "";
}

async function readSheet(wb: MemoryWorkbook, name: string): Promise<{ values: CellValue[][]; formulas: CellValue[][] }> {
  return wb.readSheet(name);
}

function rowStarting(grid: CellValue[][], label: string): number {
  return grid.findIndex((row) => row[0] === label);
}

describe("task pane: defining the formula", () => {
  test("starts from the flat preset, solved from the prior-year pool", async () => {
    const { user } = renderTaskPane(schoolsWorkbook());
    await chooseSchoolsTable(user);
    expect(resultFigure("Base per weighted pupil")).toBe("$5,000.00");
    expect(resultFigure("Total allocated")).toBe("$5,000,000");
    expect(resultFigure("Schools")).toBe("4");
  });

  test("a preset fills the weights; the result follows the hand calculation", async () => {
    const { user } = renderTaskPane(schoolsWorkbook());
    await chooseSchoolsTable(user);
    await usePreset(user, LAUSD);
    const formula = formulaRegion();
    expect(within(formula).getByRole("textbox", { name: "Low income (FRL) (Free and reduced lunch)" })).toHaveValue("0.2");
    expect(within(formula).getByRole("textbox", { name: "English learners" })).toHaveValue("0.2");
    expect(resultFigure("Base per weighted pupil")).toBe(`$${LAUSD_BASE.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`);
    expect(resultFigure("Weighted pupils")).toBe("1,138");
  });

  test("fields explain bad entries where they were typed, and Apply waits for them", async () => {
    const { user } = renderTaskPane(schoolsWorkbook());
    await chooseSchoolsTable(user);
    const formula = formulaRegion();
    const pool = within(formula).getByRole("textbox", { name: "Pool to distribute ($)" });
    await user.clear(pool);
    await user.type(pool, "lots");
    expect(within(formula).getByText('"lots" is not a number; enter the pool in dollars.')).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Apply" })).toBeDisabled();

    await user.clear(pool);
    await user.type(pool, "$2,000,000");
    // 2,000,000 over 1,000 flat pupils: base $2,000.00.
    expect(resultFigure("Base per weighted pupil")).toBe("$2,000.00");

    await user.click(within(formula).getByRole("button", { name: "Add concentration rule" }));
    const rule = within(formula).getByRole("group", { name: "Concentration rule 1" });
    const threshold = within(rule).getByRole("textbox", { name: "Threshold (% of enrollment)" });
    await user.clear(threshold);
    await user.type(threshold, "120");
    expect(within(rule).getByText("Enter a number of at most 100.")).toBeInTheDocument();
    await user.selectOptions(within(rule).getByRole("combobox", { name: "Applies to" }), "Ramp from the threshold to an upper share");
    await user.clear(threshold);
    await user.type(threshold, "40");
    await user.type(within(rule).getByRole("textbox", { name: "Full weight at (%)" }), "30");
    expect(within(rule).getByText(/Enter a share above the threshold/)).toBeInTheDocument();
  });

  test("protection: a 1% stop-loss under the LAUSD-style weights floors the schools that would lose more", async () => {
    const { user } = renderTaskPane(schoolsWorkbook());
    await chooseSchoolsTable(user);
    await usePreset(user, LAUSD);
    // Without protection: Adams 102 x 4,393.67 = 448,155 (-10.4% vs 500,000) and Baker 214 x 4,393.67 = 940,246 (-6.0%)
    // lose; Cole 342 x 4,393.67 = 1,502,636 (+0.2%) and Drew 480 x 4,393.67 = 2,108,963 (+5.4%) gain. A 1% stop-loss
    // floors Adams at 495,000 and Baker at 990,000; the pool is fixed, so the other two share 3,515,000 over
    // 342 + 480 = 822 weighted pupils: base 4,276.16, Cole 1,462,445 (-2.5%, so floored too at 1,485,000) ...
    // the solver settles with three floors: Drew alone gets 5,000,000 - 495,000 - 990,000 - 1,485,000 = 2,030,000.
    await user.type(within(formulaRegion()).getByRole("textbox", { name: "Largest loss (%)" }), "1");
    expect(resultFigure("Schools at their floor (stop-loss)")).toMatch(/^3; floor top-up \$[\d,]+, what the schools held at their stop-loss floor get above the formula at this base$/);
    expect(resultFigure("Total allocated")).toBe("$5,000,000");
    // Drew: base x 480 = 2,030,000 -> base 4,229.17.
    expect(resultFigure("Base per weighted pupil")).toBe(`$${(2_030_000 / 480).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`);
  });
});

describe("task pane: applying to the workbook", () => {
  async function applied(wb = schoolsWorkbook()) {
    const view = renderTaskPane(wb);
    await chooseSchoolsTable(view.user);
    await usePreset(view.user, LAUSD);
    await view.user.click(screen.getByRole("button", { name: "Apply" }));
    await screen.findByText("Formula applied");
    return { wb, ...view };
  }

  test("writes the parameters, allocation (as WSF formulas), equity and explain sheets and three charts", async () => {
    const { wb } = await applied();
    expect(wb.sheetNames()).toEqual(["Schools", "WSF Parameters", "WSF Allocation", "WSF Equity", "WSF Charts", "WSF Explain"]);
    const params = await readSheet(wb, "WSF Parameters");
    expect(params.values[rowStarting(params.values, "Pool to allocate")][1]).toBe(5_000_000);
    const allocationFormulas = (await readSheet(wb, "WSF Allocation")).formulas.flat().filter((f): f is string => typeof f === "string" && f.startsWith("="));
    for (const fn of ["WSF.WEIGHTEDPUPILS", "WSF.SOLVEBASE", "WSF.ALLOCATE", "WSF.PROTECT", "WSF.PERPUPIL"]) {
      expect(allocationFormulas.some((f) => f.includes(`${fn}(`))).toBe(true);
    }
    expect((await readSheet(wb, "WSF Equity")).formulas.flat().some((f) => String(f).startsWith("=WSF.EQUITYTABLE("))).toBe(true);
    expect((await readSheet(wb, "WSF Explain")).formulas.flat().some((f) => String(f).startsWith("=SUMPRODUCT("))).toBe(true);
    expect(wb.charts.map((c) => c.name)).toEqual(["WSF per pupil by poverty decile", "WSF Lorenz curve", "WSF per pupil vs poverty"]);
    expect(wb.activeSheet).toBe("WSF Allocation");
    expect(screen.getByLabelText("Applied summary")).toHaveTextContent(`Applied: base $${LAUSD_BASE.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}, total $5,000,000, 0 schools floored, 0 schools capped.`);
  });

  test("show the math follows the school picked", async () => {
    const { wb, user } = await applied();
    await user.selectOptions(screen.getByRole("combobox", { name: "Show the math for" }), "Cole (C3)");
    await user.click(screen.getByRole("button", { name: "Show the math" }));
    await screen.findByText("Show the math written");
    // Cole is data row 3: sheet row 4 of "Schools" (header in row 1).
    const formulas = (await readSheet(wb, "WSF Explain")).formulas.flat().map(String);
    expect(formulas.some((f) => /'?Schools'?!\$[A-Z]+4\b/.test(f))).toBe(true);
    expect(formulas.some((f) => /'?Schools'?!\$[A-Z]+2\b/.test(f))).toBe(false);
    expect(wb.activeSheet).toBe("WSF Explain");
  });

  test("re-applying after a hand edit asks first; Cancel keeps the edit, Replace rewrites in place, keeping the pool the sheet says", async () => {
    const { wb, user } = await applied();
    const values = (await readSheet(wb, "WSF Parameters")).values;
    const poolRow = rowStarting(values, "Pool to allocate");
    // Two hand edits: the pool (a parameter: the pane follows it) and a note beside it (not a parameter).
    wb.setCell("WSF Parameters", poolRow, 1, 6_000_000);
    wb.setCell("WSF Parameters", poolRow, 3, "my note");
    const pool = within(formulaRegion()).getByRole("textbox", { name: "Pool to distribute ($)" });
    await waitFor(() => expect(pool).toHaveValue("6000000"));

    // The success notice shows before the busy flag clears; a disabled button would ignore the click.
    await waitFor(() => expect(screen.getByRole("button", { name: "Apply again" })).toBeEnabled());
    await user.click(screen.getByRole("button", { name: "Apply again" }));
    let dialog = await openDialog("Replace your hand edits?");
    expect(dialog).toHaveTextContent('"WSF Parameters" was edited by hand');
    await user.click(within(dialog).getByRole("button", { name: "Cancel", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).not.toBeInTheDocument());
    expect(wb.getCell("WSF Parameters", poolRow, 3).value).toBe("my note");
    expect(screen.getByText("Nothing was written")).toBeInTheDocument();

    await waitFor(() => expect(screen.getByRole("button", { name: "Apply again" })).toBeEnabled());
    await user.click(screen.getByRole("button", { name: "Apply again" }));
    dialog = await openDialog("Replace your hand edits?");
    await user.click(within(dialog).getByRole("button", { name: "Replace", hidden: true }));
    await screen.findByText("Formula applied");
    expect(wb.getCell("WSF Parameters", poolRow, 3).value).not.toBe("my note");
    expect(wb.getCell("WSF Parameters", poolRow, 1).value).toBe(6_000_000);
    expect(wb.sheetNames().filter((n) => n.startsWith("WSF"))).toHaveLength(5);
    expect(wb.charts).toHaveLength(3);
  });

  test("a person's own sheet with an output name stops the apply with a message and nothing is written", async () => {
    const { MemoryWorkbook } = await import("../../src/workbook/memory/MemoryWorkbook");
    const wb = MemoryWorkbook.fromSheets(
      { Schools: [HEADERS, ...CLEAN_ROWS], "WSF Equity": [["my notes"]] },
      { tables: [{ name: "Schools", sheet: "Schools", row: 0, column: 0, rows: CLEAN_ROWS.length + 1, columns: HEADERS.length }] },
    );
    const { user } = renderTaskPane(wb);
    await chooseSchoolsTable(user);
    await user.click(screen.getByRole("button", { name: "Apply" }));
    await screen.findByText("A sheet name is taken");
    expect(screen.getByText(/"WSF Equity", which the add-in did not create.*Rename or move that sheet/)).toBeInTheDocument();
    expect(wb.sheetNames()).toEqual(["Schools", "WSF Equity"]);
    expect(wb.getCell("WSF Equity", 0, 0).value).toBe("my notes");
  });

  test("exports values-only copies of the output sheets", async () => {
    const { wb, user } = await applied();
    // The in-memory workbook does not calculate: store what Excel would compute for the base cell (E2).
    expect(wb.getCell("WSF Allocation", 1, 4).formula).toMatch(/^=WSF\.SOLVEBASE\(/);
    wb.setFormulaResult("WSF Allocation", 1, 4, LAUSD_BASE);
    await user.click(screen.getByRole("button", { name: "Export values-only copies" }));
    await screen.findByText("Values-only copies written");
    const copies = ["WSF Parameters", "WSF Allocation", "WSF Equity", "WSF Charts", "WSF Explain"].map((n) => `${n} (values)`);
    for (const copy of copies) expect(wb.sheetNames()).toContain(copy);
    const copy = "WSF Allocation (values)";
    expect(wb.getCell(copy, 1, 4)).toMatchObject({ value: LAUSD_BASE, formula: null });
    const { values } = await readSheet(wb, copy);
    values.forEach((row, r) => row.forEach((_, c) => expect(wb.getCell(copy, r, c).formula).toBeNull()));
  });
});
