/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { MemoryWorkbook } from "../../src/workbook/memory/MemoryWorkbook";
import { SCENARIOS_SETTING } from "../../src/workbook/shared/settingKeys";
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
    // The pane followed the amount typed on the sheet, so Apply wrote it back: the sheet is the truth.
    await waitFor(() => expect(screen.queryByRole("alertdialog", { hidden: true })).not.toBeInTheDocument());
    await waitFor(() => expect(within(region).getByRole("textbox", { name: "District Title I allocation" })).toHaveValue("95000"));
    expect(wb.getCell("WSF Title I", 3, 1).value).toBe(95_000);
  });

  test("a fixed amount per child pays children x the amount and shows what is left of the pool", async () => {
    const { user } = renderTaskPane(schoolsWorkbook());
    await chooseSchoolsTable(user);
    await enterAllocation(user, "90000");
    const region = titleIRegion();
    await user.selectOptions(within(region).getByRole("combobox", { name: "Pay served schools" }), "perchild");
    // No amount yet: the field says what to enter, nothing is allocated and Apply waits.
    expect(await within(region).findByText("Enter the dollars per low-income child, e.g. 700.")).toBeInTheDocument();
    expect(within(region).getByText("Enter the dollars per low-income child to see the allocations.")).toBeInTheDocument();
    expect(within(region).getByRole("button", { name: "Apply Title I" })).toBeDisabled();
    const box = within(region).getByRole("textbox", { name: "Dollars per low-income child" });
    await user.type(box, "abc");
    expect(await within(region).findByText('"abc" is not a number; enter dollars per low-income child, e.g. 700.')).toBeInTheDocument();
    await user.clear(box);
    await user.type(box, "0");
    expect(await within(region).findByText("Enter dollars per low-income child above 0.")).toBeInTheDocument();
    // $500 x 450 children = $225,000, more than the $90,000 pool.
    await user.clear(box);
    await user.type(box, "500");
    expect(await within(region).findByText("$500.00 per child for the 450 low-income children served costs $225,000.00, $135,000.00 more than the pool of $90,000.00: lower the amount per child, serve fewer schools or add to the pool.")).toBeInTheDocument();
    // $150: Drew 300 x 150 = $45,000, Cole 150 x 150 = $22,500; $67,500 of the $90,000 pool.
    await user.clear(box);
    await user.type(box, "150");
    await waitFor(() => expect(rankedRows()[0]).toEqual(["1", "Drew", "75.0%", "May serve", "Served", "$45,000"]));
    expect(rankedRows()[1]).toEqual(["2", "Cole", "50.0%", "May serve", "Served", "$22,500"]);
    expect(within(region).getByLabelText("Title I summary")).toHaveTextContent("450 low-income children, $150.00 per child ($67,500 allocated, $22,500 of the pool left)");
    expect(within(region).getByRole("button", { name: "Apply Title I" })).toBeEnabled();
  });

  test("the choices are saved with a scenario and come back when it is restored", async () => {
    const wb = schoolsWorkbook();
    const { user } = renderTaskPane(wb);
    await chooseSchoolsTable(user);
    await enterAllocation(user, "90000");
    const region = titleIRegion();
    await user.selectOptions(within(region).getByRole("combobox", { name: "Ranking method" }), "district");
    await user.selectOptions(within(region).getByRole("combobox", { name: "Pay served schools" }), "perchild");
    await user.type(within(region).getByRole("textbox", { name: "Dollars per low-income child" }), "250");
    await user.selectOptions(within(region).getByRole("combobox", { name: "Skip a school" }), "1. Drew (75.0%)");
    await user.type(within(region).getByRole("textbox", { name: "Reason" }), "State compensatory program");
    await user.click(within(region).getByRole("button", { name: "Skip school" }));
    const scenarios = screen.getByRole("region", { name: "6. Scenarios" });
    await user.type(within(scenarios).getByRole("textbox", { name: "Scenario name" }), "With Title I");
    await user.click(within(scenarios).getByRole("button", { name: "Save scenario" }));
    await screen.findByText('Scenario "With Title I" saved');
    const stored = JSON.parse(wb.settings.get(SCENARIOS_SETTING)!).scenarios[0].titleI;
    expect(stored).toMatchObject({ method: "district", districtAllocation: 90_000, allocation: { mode: "perchild", perChild: 250 }, skipped: [{ row: 4, school: "D4", reason: "State compensatory program" }] });
    expect(stored.columns).toMatchObject({ lowIncome: "Free and reduced lunch", enrollment: "Enrollment" });

    // Change everything, then restore.
    await user.selectOptions(within(region).getByRole("combobox", { name: "Ranking method" }), "35");
    await user.selectOptions(within(region).getByRole("combobox", { name: "Pay served schools" }), "pool");
    await enterAllocation(user, "1000");
    await user.click(within(region).getByRole("button", { name: "Serve Drew again" }));
    await user.click(within(scenarios).getByRole("button", { name: "Restore With Title I" }));
    await waitFor(() => expect(within(region).getByRole("combobox", { name: "Ranking method" })).toHaveValue("district"));
    expect(within(region).getByRole("combobox", { name: "Pay served schools" })).toHaveValue("perchild");
    expect(within(region).getByRole("textbox", { name: "Dollars per low-income child" })).toHaveValue("250");
    expect(within(region).getByRole("textbox", { name: "District Title I allocation" })).toHaveValue("90000");
    // Drew skipped; under the district rate (51%) nobody else is eligible, so nothing is allocated.
    expect(rankedRows()[0]).toEqual(["1", "Drew", "75.0%", "May serve", "Skipped", ""]);
    expect(within(region).getByText(/^No school is served: every eligible school is skipped/)).toBeInTheDocument();
  });

  test("reopening the workbook opens the Title I step on the applied choices, with the sheet's edits read over them", async () => {
    const wb = schoolsWorkbook();
    const first = renderTaskPane(wb);
    await chooseSchoolsTable(first.user);
    await enterAllocation(first.user, "90000");
    let region = titleIRegion();
    await first.user.selectOptions(within(region).getByRole("combobox", { name: "Pay served schools" }), "perchild");
    await first.user.type(within(region).getByRole("textbox", { name: "Dollars per low-income child" }), "150");
    await first.user.click(within(region).getByRole("button", { name: "Apply Title I" }));
    await screen.findByText("Title I applied");
    expect(JSON.parse(wb.settings.get(SCENARIOS_SETTING)!).appliedTitleI).toMatchObject({ tableId: "Schools", settings: { allocation: { mode: "perchild", perChild: 150 } } });
    first.unmount();

    // While the pane is closed, a person changes the amount per child (B17) and adds a skip reason on the sheet.
    wb.setCell("WSF Title I", 16, 1, 160);
    wb.setCell("WSF Title I", 18 + 2, 9, "Comparable state money");
    const second = renderTaskPane(wb);
    await chooseSchoolsTable(second.user);
    region = titleIRegion();
    await waitFor(() => expect(within(region).getByRole("textbox", { name: "Dollars per low-income child" })).toHaveValue("160"));
    expect(within(region).getByRole("textbox", { name: "District Title I allocation" })).toHaveValue("90000");
    expect(within(region).getByRole("button", { name: "Apply Title I again" })).toBeInTheDocument();
    // Row 3 (Cole) is skipped by the reason typed on the sheet: Drew alone, 300 x $160 = $48,000.
    await waitFor(() => expect(rankedRows()[0]).toEqual(["1", "Drew", "75.0%", "May serve", "Served", "$48,000"]));
    expect(rankedRows()[1]).toEqual(["2", "Cole", "50.0%", "May serve", "Skipped", "$0"]);
    // The pane and the sheet agree; an edit in the pane after Apply says the sheet is now out of date.
    expect(within(region).queryByLabelText("Title I sheet out of date")).not.toBeInTheDocument();
    const box = within(region).getByRole("textbox", { name: "Dollars per low-income child" });
    await second.user.clear(box);
    await second.user.type(box, "170");
    expect(await within(region).findByLabelText("Title I sheet out of date")).toHaveTextContent("The WSF Title I sheet still shows the choices applied last");
    await second.user.clear(box);
    await second.user.type(box, "160");
    await waitFor(() => expect(within(region).queryByLabelText("Title I sheet out of date")).not.toBeInTheDocument());
  });

  test("after Apply the pane follows an edit on the Title I sheet: the amount per child typed there", async () => {
    const wb = schoolsWorkbook();
    const { user } = renderTaskPane(wb);
    await chooseSchoolsTable(user);
    await enterAllocation(user, "90000");
    const region = titleIRegion();
    await user.selectOptions(within(region).getByRole("combobox", { name: "Pay served schools" }), "perchild");
    await user.type(within(region).getByRole("textbox", { name: "Dollars per low-income child" }), "150");
    await user.click(within(region).getByRole("button", { name: "Apply Title I" }));
    await screen.findByText("Title I applied");
    wb.setCell("WSF Title I", 16, 1, 120);
    await waitFor(() => expect(within(region).getByRole("textbox", { name: "Dollars per low-income child" })).toHaveValue("120"));
    // Drew 300 x $120 = $36,000; the pane and the sheet agree.
    await waitFor(() => expect(rankedRows()[0]).toEqual(["1", "Drew", "75.0%", "May serve", "Served", "$36,000"]));
    expect(within(region).queryByLabelText("Title I sheet out of date")).not.toBeInTheDocument();

    // The amount cleared on the sheet (its allocations read #VALUE!): the pane names the cell instead of showing $120 in silence.
    wb.setCell("WSF Title I", 16, 1, null);
    const problem = await within(region).findByText("WSF Title I!B17 is blank: enter the dollars per low-income child (above 0).");
    expect(problem).toHaveAttribute("role", "alert");
    expect(await screen.findByText("The Title I sheet has a cell it cannot use")).toBeInTheDocument();
    // A reservation typed as text (the pool's SUM would skip it) is named too; a cleared reservation is none.
    wb.setCell("WSF Title I", 16, 1, 110);
    wb.setCell("WSF Title I", 9, 1, "5k");
    await within(region).findByText("WSF Title I!B10 is \"5k\": enter the reserved dollars (0 or more), or leave it blank for none.");
    expect(within(region).queryByText(/^WSF Title I!B17/)).not.toBeInTheDocument();
    wb.setCell("WSF Title I", 9, 1, null);
    await waitFor(() => expect(within(region).queryByRole("alert")).not.toBeInTheDocument());
    await waitFor(() => expect(within(region).getByRole("textbox", { name: "Dollars per low-income child" })).toHaveValue("110"));
    expect(screen.queryByText("The Title I sheet has a cell it cannot use")).not.toBeInTheDocument();
  });

  test("no school eligible: the pane says the pool is not allocated instead of showing $0 everywhere", async () => {
    const rows = CLEAN_ROWS.map((r) => [...r.slice(0, 3), 0, ...r.slice(4)]);
    const { user } = renderTaskPane(schoolsWorkbook(rows));
    await chooseSchoolsTable(user);
    await enterAllocation(user, "90000");
    expect(await within(titleIRegion()).findByText(/^No school is served: /)).toBeInTheDocument();
    expect(within(titleIRegion()).getByLabelText("Title I summary")).toHaveTextContent("0 of 4 schools served, 0 low-income children; every served school");
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
