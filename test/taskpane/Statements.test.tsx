/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { MemoryWorkbook } from "../../src/workbook/memory/MemoryWorkbook";
import { chooseSchoolsTable } from "./support/chooseSchoolsTable";
import { renderTaskPane } from "./support/renderTaskPane";
import { CLEAN_ROWS, HEADERS } from "./support/schoolsWorkbook";

const STEP = "Statements for schools";

/** The four clean schools with a Region column (North: Adams, Cole; South: Baker, Drew). */
function regionWorkbook(): MemoryWorkbook {
  const headers = [...HEADERS, "Region"];
  const rows = CLEAN_ROWS.map((r, i) => [...r, i % 2 === 0 ? "North" : "South"]);
  return MemoryWorkbook.fromSheets({ Schools: [headers, ...rows] }, { tables: [{ name: "Schools", sheet: "Schools", row: 0, column: 0, rows: 5, columns: headers.length }] });
}

function region(name: string) {
  return screen.getByRole("region", { name });
}

async function applyFormula(user: UserEvent) {
  await chooseSchoolsTable(user);
  await user.click(screen.getByRole("button", { name: "Apply" }));
  await screen.findByText("Formula applied");
}

async function fillSettings(user: UserEvent, cost = "98,500") {
  const step = region(STEP);
  await user.type(within(step).getByRole("textbox", { name: "District name" }), "Sample Unified");
  await user.type(within(step).getByRole("textbox", { name: "Fiscal year" }), "2026-27");
  const box = within(step).getByRole("textbox", { name: "Average cost of a teacher position ($)" });
  await user.clear(box);
  await user.type(box, cost);
}

describe("task pane: statements", () => {
  test("writes one printable page per school, with header, footer and page breaks, and previews a page", async () => {
    const wb = regionWorkbook();
    const { user } = renderTaskPane(wb);
    await applyFormula(user);
    await fillSettings(user);
    const step = region(STEP);
    expect(within(step).getByText("4 statements, one page each")).toBeInTheDocument();
    await user.click(within(step).getByRole("button", { name: "Write statements" }));
    await screen.findByText("Statements written");
    const print = wb.printSetup("WSF Statements")!;
    // Four pages: three breaks; the print area is four page heights of columns A:E.
    expect(print.pageBreaks).toHaveLength(3);
    expect(print.area.rows).toBe(4 * print.pageBreaks[0]);
    expect(print.area.columns).toBe(5);
    expect(print.header).toEqual({ left: "Sample Unified", center: "School allocation statement", right: "Fiscal year 2026-27" });
    expect(print.footer.center).toBe("Page &P of &N");
    const preview = await within(step).findByRole("table", { name: "Statement preview: Adams (A1)" });
    expect(within(preview).getByText("Pupils by category")).toBeInTheDocument();
    expect(within(preview).getByText("Page 1 of 4")).toBeInTheDocument();
    await user.selectOptions(within(step).getByRole("combobox", { name: "Preview the statement of" }), "Drew (D4) (page 4 of 4)");
    expect(within(step).getByRole("table", { name: "Statement preview: Drew (D4)" })).toBeInTheDocument();
  });

  test("the preview follows a person's edit on the parameters sheet instead of going stale", async () => {
    const wb = regionWorkbook();
    const { user } = renderTaskPane(wb);
    await applyFormula(user);
    await fillSettings(user);
    const step = region(STEP);
    await user.click(within(step).getByRole("radio", { name: "One school" }));
    await user.selectOptions(within(step).getByRole("combobox", { name: "School" }), "Baker (B2)");
    await user.click(within(step).getByRole("button", { name: "Write statements" }));
    const preview = await within(step).findByRole("table", { name: "Statement preview: Baker (B2)" });
    // The memory workbook does not calculate: give the final-allocation cell a result, as Excel's
    // recalculation would after the edit, then a person edits the parameters sheet.
    const { formulas } = await wb.readSheet("WSF Statements");
    const finalRow = formulas.findIndex((r) => r[0] === "Final allocation");
    wb.setFormulaResult("WSF Statements", finalRow, 4, 1_234_567);
    expect(within(preview).queryByText("$1,234,567")).toBeNull();
    wb.setCell("WSF Parameters", 0, 5, "a person's note");
    expect(await within(step).findByText("$1,234,567")).toBeInTheDocument();
  });

  test("one school, or the schools of a filter: as many pages as schools chosen", async () => {
    const wb = regionWorkbook();
    const { user } = renderTaskPane(wb);
    await applyFormula(user);
    await fillSettings(user);
    const step = region(STEP);
    await user.click(within(step).getByRole("radio", { name: "One school" }));
    await user.selectOptions(within(step).getByRole("combobox", { name: "School" }), "Cole (C3)");
    await user.click(within(step).getByRole("button", { name: "Write statements" }));
    await screen.findByText("Statements written");
    expect(wb.printSetup("WSF Statements")!.pageBreaks).toEqual([]);
    const { formulas } = await wb.readSheet("WSF Statements");
    expect(formulas[1][0]).toBe(`="School: "&'Schools'!$B4&" ("&'Schools'!$A4&")"`);

    await user.click(within(step).getByRole("radio", { name: "Schools of a filter" }));
    await user.selectOptions(within(step).getByRole("combobox", { name: "Filter column" }), "Region");
    await user.selectOptions(within(step).getByRole("combobox", { name: "Filter value" }), "South");
    expect(within(step).getByText("2 statements, one page each")).toBeInTheDocument();
    await user.click(within(step).getByRole("button", { name: "Write statements again" }));
    await screen.findByRole("table", { name: "Statement preview: Baker (B2)" });
    expect(wb.printSetup("WSF Statements")!.pageBreaks).toHaveLength(1);
  });

  test("a teacher cost of 0 or text, or a missing district, gets a field message and nothing is written", async () => {
    const wb = regionWorkbook();
    const { user } = renderTaskPane(wb);
    await applyFormula(user);
    await fillSettings(user, "0");
    const step = region(STEP);
    expect(within(step).getByText("Enter the average cost of a teacher position: dollars above 0.")).toBeInTheDocument();
    expect(within(step).getByRole("button", { name: "Write statements" })).toBeDisabled();
    const box = within(step).getByRole("textbox", { name: "Average cost of a teacher position ($)" });
    await user.clear(box);
    await user.type(box, "a lot");
    expect(within(step).getByText('"a lot" is not a number; enter the dollars of salary and benefits, e.g. 98,500.')).toBeInTheDocument();
    await user.clear(within(step).getByRole("textbox", { name: "District name" }));
    expect(within(step).getByText("Enter the district's name; it heads every statement.")).toBeInTheDocument();
    expect((await wb.inspectSheets(["WSF Statements"]))[0].exists).toBe(false);
  });
});
