/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { MemoryWorkbook } from "../../src/workbook/memory/MemoryWorkbook";
import { chooseSchoolsTable } from "./support/chooseSchoolsTable";
import { openDialog } from "./support/openDialog";
import { renderTaskPane } from "./support/renderTaskPane";
import { CLEAN_ROWS, HEADERS, schoolsWorkbook } from "./support/schoolsWorkbook";

/**
 * The Title I step over the four clean schools (support/schoolsWorkbook.ts). Hand calculation: poverty rates
 * Adams 10/100 = 10%, Baker 50/200 = 25%, Cole 150/300 = 50%, Drew 300/400 = 75% (not above 75%, so not
 * "Must serve"); district rate 510 / 1,000 = 51%. Under the 35% rule Cole and Drew are eligible (450
 * children); a $90,000 allocation with nothing reserved is $200 per child: Cole $30,000, Drew $60,000.
 */
// The whole pane renders 850-row lists in other suites on a shared machine; typing in jsdom is slow.
jest.setTimeout(60_000);

function titleIRegion() {
  return screen.getByRole("region", { name: "8. Title I" });
}

async function enterAllocation(user: UserEvent, amount: string) {
  const box = within(titleIRegion()).getByRole("textbox", { name: "District Title I allocation" });
  await user.clear(box);
  await user.type(box, amount);
}

function rankedRows(): string[][] {
  const table = within(titleIRegion()).getByRole("table", { name: "Ranked schools" });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((tr) => within(tr).getAllByRole("cell").map((td) => td.textContent ?? ""));
}

describe("task pane: Title I", () => {
  test("ranks by the 35% rule, serves the eligible schools and spreads the pool per low-income child", async () => {
    const { user } = renderTaskPane(schoolsWorkbook());
    await chooseSchoolsTable(user);
    const region = titleIRegion();
    expect(within(region).getByRole("combobox", { name: "Low-income children" })).toHaveDisplayValue("Free and reduced lunch");
    expect(within(region).getByRole("combobox", { name: "Pupils enrolled" })).toHaveDisplayValue("Enrollment");
    await enterAllocation(user, "90,000");
    await waitFor(() => expect(rankedRows()[0]).toEqual(["1", "Drew", "75.0%", "May serve", "Served", "$60,000"]));
    expect(rankedRows().slice(1)).toEqual([
      ["2", "Cole", "50.0%", "May serve", "Served", "$30,000"],
      ["3", "Baker", "25.0%", "Not eligible", "No", "$0"],
      ["4", "Adams", "10.0%", "Not eligible", "No", "$0"],
    ]);
    expect(within(region).getByLabelText("Title I summary")).toHaveTextContent("2 of 4 schools served, 450 low-income children, $200.00 per child; every served school is at or above 35%");
  });

  test("the district method serves only schools at or above 51%; a reservation shrinks the pool", async () => {
    const { user } = renderTaskPane(schoolsWorkbook());
    await chooseSchoolsTable(user);
    await user.selectOptions(within(titleIRegion()).getByRole("combobox", { name: "Ranking method" }), "district");
    await enterAllocation(user, "90000");
    await user.type(within(titleIRegion()).getByRole("textbox", { name: "Reserved: Administration" }), "6000");
    // Drew alone (75% >= 51%): pool 84,000 over 300 children = $280.
    await waitFor(() => expect(within(titleIRegion()).getByLabelText("Title I summary")).toHaveTextContent("Pool for schools $84,000; 1 of 4 schools served, 300 low-income children, $280.00 per child"));
  });

  test("skips a school by hand only with a reason, and serves it again", async () => {
    const { user } = renderTaskPane(schoolsWorkbook());
    await chooseSchoolsTable(user);
    await enterAllocation(user, "90000");
    const region = titleIRegion();
    await user.selectOptions(within(region).getByRole("combobox", { name: "Skip a school" }), "1. Drew (75.0%)");
    await user.click(within(region).getByRole("button", { name: "Skip school" }));
    expect(await within(region).findByText("Give the reason for skipping the school (e.g. it gets comparable state and local money).")).toBeInTheDocument();
    await user.type(within(region).getByRole("textbox", { name: "Reason" }), "State compensatory program");
    await user.click(within(region).getByRole("button", { name: "Skip school" }));
    // Cole alone: 90,000 / 150 = $600 per child.
    await waitFor(() => expect(rankedRows()[0]).toEqual(["1", "Drew", "75.0%", "May serve", "Skipped", "$0"]));
    expect(rankedRows()[1]).toEqual(["2", "Cole", "50.0%", "May serve", "Served", "$90,000"]);
    await user.click(within(region).getByRole("button", { name: "Serve Drew again" }));
    await waitFor(() => expect(rankedRows()[0][4]).toBe("Served"));
  });

  test("Apply writes the WSF Title I sheet of formulas with the skip reasons; re-applying after a hand edit asks first", async () => {
    const wb = schoolsWorkbook();
    const { user } = renderTaskPane(wb);
    await chooseSchoolsTable(user);
    await enterAllocation(user, "90000");
    const region = titleIRegion();
    await user.selectOptions(within(region).getByRole("combobox", { name: "Skip a school" }), "2. Cole (50.0%)");
    await user.type(within(region).getByRole("textbox", { name: "Reason" }), "Comparable state money");
    await user.click(within(region).getByRole("button", { name: "Skip school" }));
    await user.click(within(region).getByRole("button", { name: "Apply Title I" }));
    expect(await screen.findByText("Title I applied")).toBeInTheDocument();
    const sheet = await wb.readSheet("WSF Title I");
    expect(sheet.formulas[18][5]).toBe("=WSF.TITLEIRANK('Schools'!$D$2:$D$5,'Schools'!$C$2:$C$5,'WSF Title I'!$B$3)");
    expect(String(sheet.formulas[18][11])).toMatch(/^=WSF\.TITLEIALLOCATE\(/);
    expect(sheet.values[20][9]).toBe("Comparable state money");
    expect(sheet.values[3][1]).toBe(90_000);
    await expect(wb.readSheet("WSF Comparability")).rejects.toThrow();

    wb.setCell("WSF Title I", 3, 1, 95_000);
    await waitFor(() => expect(within(region).getByRole("button", { name: "Apply Title I again" })).toBeEnabled());
    await user.click(within(region).getByRole("button", { name: "Apply Title I again" }));
    let dialog = await openDialog("Replace your hand edits?");
    expect(dialog).toHaveTextContent('"WSF Title I" was edited by hand');
    await user.click(within(dialog).getByRole("button", { name: "Cancel", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).not.toBeInTheDocument());
    expect(screen.getByText("Nothing was written")).toBeInTheDocument();
    expect(wb.getCell("WSF Title I", 3, 1).value).toBe(95_000);

    await waitFor(() => expect(within(region).getByRole("button", { name: "Apply Title I again" })).toBeEnabled());
    await user.click(within(region).getByRole("button", { name: "Apply Title I again" }));
    dialog = await openDialog("Replace your hand edits?");
    await user.click(within(dialog).getByRole("button", { name: "Replace", hidden: true }));
    await screen.findByText("Title I applied");
    expect(wb.getCell("WSF Title I", 3, 1).value).toBe(90_000);
  });

  test("refuses to write over a sheet of the same name that the add-in did not create", async () => {
    const wb = MemoryWorkbook.fromSheets(
      { Schools: [HEADERS, ...CLEAN_ROWS], "WSF Title I": [["my own notes"]] },
      { tables: [{ name: "Schools", sheet: "Schools", row: 0, column: 0, rows: CLEAN_ROWS.length + 1, columns: HEADERS.length }] },
    );
    const { user } = renderTaskPane(wb);
    await chooseSchoolsTable(user);
    await user.click(within(titleIRegion()).getByRole("button", { name: "Apply Title I" }));
    expect(await screen.findByText("A sheet name is taken")).toBeInTheDocument();
    expect((await wb.readSheet("WSF Title I")).values[0][0]).toBe("my own notes");
  });

  test("a count above enrollment is listed by row and no allocation is shown", async () => {
    const rows = CLEAN_ROWS.map((r) => [...r]);
    rows[1][3] = 250;
    const { user } = renderTaskPane(schoolsWorkbook(rows));
    await chooseSchoolsTable(user);
    await enterAllocation(user, "90000");
    const problems = await within(titleIRegion()).findByRole("list", { name: "Title I problems" });
    expect(problems).toHaveTextContent("Title I: lowIncome row 2 is 250, more than the 200 enrolled");
    expect(within(titleIRegion()).getByText("Fix the rows listed first: every rank and allocation depends on them.")).toBeInTheDocument();
  });
});
