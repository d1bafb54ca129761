/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { SCENARIOS_SETTING } from "../../src/workbook/shared/settingKeys";
import { chooseSchoolsTable } from "./support/chooseSchoolsTable";
import { renderTaskPane } from "./support/renderTaskPane";
import { schoolsWorkbook } from "./support/schoolsWorkbook";

const LAUSD = "LAUSD-style: flat general fund + need supplements";
const TRANSITION = "Transition over several years";

function region(name: string) {
  return screen.getByRole("region", { name });
}

async function applyLausd(user: UserEvent) {
  await chooseSchoolsTable(user);
  const formula = region("3. Define the formula");
  await user.selectOptions(within(formula).getByRole("combobox", { name: "Start from a preset" }), LAUSD);
  await user.click(within(formula).getByRole("button", { name: "Use preset" }));
  await user.click(screen.getByRole("button", { name: "Apply" }));
  await screen.findByText("Formula applied");
}

const dollars = (x: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(x);

/**
 * Hand calculation (support/schoolsWorkbook.ts, LAUSD-style preset): weighted pupils 102, 214, 342, 480, base
 * 5,000,000 / 1,138 (the prior-year pool); priors 500,000, 1,000,000, 1,500,000, 2,000,000. Adams and Baker
 * lose (targets 448,154.66 and 940,246.92). Closing a third of the gap a year, a loser keeps (2/3)^y of its
 * gap above target: year 1 cost = 2/3 x (51,845.34 + 59,753.08) = 74,398.95; year 2 = 4/9 x 111,598.42.
 */
const base = 5_000_000 / 1_138;
const targets = [102, 214, 342, 480].map((wp) => wp * base);
const loserGap = 500_000 - targets[0] + (1_000_000 - targets[1]);

describe("task pane: transition", () => {
  test("shows the plan's cost per year and writes WSF Transition as PHASEIN chains over the allocation sheet", async () => {
    const wb = schoolsWorkbook();
    const { user } = renderTaskPane(wb);
    await applyLausd(user);
    const step = region(TRANSITION);
    const table = within(step).getByRole("table", { name: "Transition by year" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(3);
    const cells = (r: HTMLElement) => within(r).getAllByRole("cell").map((c) => c.textContent);
    // Every school moves a third of its gap and the targets add up to the priors' 5,000,000, so the total stays 5,000,000.
    expect(cells(rows[0])).toEqual(["1", "$5,000,000", "2", dollars((2 / 3) * loserGap), expect.stringMatching(/^\$/)]);
    expect(cells(rows[1])[3]).toBe(dollars((4 / 9) * loserGap));
    // Cost per weighted pupil (fixed pool): year 1 cost / 1,138 weighted pupils.
    expect(cells(rows[0])[4]).toBe(`$${(((2 / 3) * loserGap) / 1_138).toFixed(2)}`);

    await user.click(within(step).getByRole("button", { name: "Apply transition" }));
    await screen.findByText("Transition written");
    const sheet = await wb.readSheet("WSF Transition");
    const formulas = sheet.formulas;
    const header = formulas.findIndex((r) => r[0] === "School ID");
    expect(formulas[header].slice(0, 8)).toEqual(["School ID", "School", "Prior year", "Formula target", "Year 1 target", "Year 1 amount", "Year 1 change", "Year 1 status"]);
    expect(formulas[header + 1][5]).toBe("=WSF.PHASEIN(C" + (header + 2) + ",E" + (header + 2) + ",$B$5)");
    expect(formulas[header + 1][3]).toBe("='WSF Allocation'!$F2");
    expect(wb.charts.some((c) => c.name === "WSF transition cost by year")).toBe(true);
  });

  test("bad entries get field messages and nothing is written", async () => {
    const wb = schoolsWorkbook();
    const { user } = renderTaskPane(wb);
    await applyLausd(user);
    const step = region(TRANSITION);
    const years = within(step).getByRole("textbox", { name: "Number of years" });
    await user.clear(years);
    await user.type(years, "6");
    expect(within(step).getByText('"6" is not a year count; enter a whole number of years from 2 to 5.')).toBeInTheDocument();
    expect(within(step).getByRole("button", { name: "Apply transition" })).toBeDisabled();
    await user.clear(years);
    await user.type(years, "1");
    expect(within(step).getByText('"1" is not a year count; enter a whole number of years from 2 to 5.')).toBeInTheDocument();
    await user.clear(years);
    await user.type(years, "2");
    const rate = within(step).getByRole("textbox", { name: "Year 2 gap closed (%)" });
    await user.clear(rate);
    await user.type(rate, "150");
    expect(within(step).getByText("150% is outside the range; enter a percentage from 0 to 100 (the share of the gap closed this year).")).toBeInTheDocument();
    expect(within(step).getByRole("button", { name: "Apply transition" })).toBeDisabled();
    await user.clear(rate);
    await user.type(rate, "-5");
    expect(within(step).getByText("-5% is outside the range; enter a percentage from 0 to 100 (the share of the gap closed this year).")).toBeInTheDocument();
    expect((await wb.inspectSheets(["WSF Transition"]))[0].exists).toBe(false);
  });

  test("refuses to write before the allocation sheet exists", async () => {
    const wb = schoolsWorkbook();
    const { user } = renderTaskPane(wb);
    await chooseSchoolsTable(user);
    await user.click(within(region(TRANSITION)).getByRole("button", { name: "Apply transition" }));
    await screen.findByText('No "WSF Allocation" sheet yet');
    expect((await wb.inspectSheets(["WSF Transition"]))[0].exists).toBe(false);
  });

  test("California's rates as a preset; a scenario keeps its plan and restores it", async () => {
    const wb = schoolsWorkbook();
    const { user } = renderTaskPane(wb);
    await applyLausd(user);
    const step = region(TRANSITION);
    await user.selectOptions(within(step).getByRole("combobox", { name: "Gap-closing preset" }), "California's LCFF gap rates (2013-14 on)");
    await user.click(within(step).getByRole("button", { name: "Use rates" }));
    expect(within(step).getByRole("textbox", { name: "Year 1 gap closed (%)" })).toHaveValue("12.0017");
    expect(within(step).getByRole("textbox", { name: "Year 2 gap closed (%)" })).toHaveValue("30.1602");
    expect(within(step).getByRole("textbox", { name: "Year 3 gap closed (%)" })).toHaveValue("52.5576");
    await user.type(within(step).getByRole("textbox", { name: "Year 1 largest loss (%)" }), "2");

    const scenarios = region("6. Scenarios");
    await user.type(within(scenarios).getByRole("textbox", { name: "Scenario name" }), "CA");
    await user.click(within(scenarios).getByRole("button", { name: "Save scenario" }));
    await screen.findByText('Scenario "CA" saved');
    const stored = JSON.parse(wb.settings.get(SCENARIOS_SETTING)!).scenarios[0].transition;
    expect(stored.years.map((y: { rate: number }) => y.rate)).toEqual([0.120017, 0.301602, 0.525576]);
    expect(stored.years[0].maxLoss).toBeCloseTo(0.02, 12);

    const years = within(step).getByRole("textbox", { name: "Number of years" });
    await user.clear(years);
    await user.type(years, "2");
    await user.click(within(scenarios).getByRole("button", { name: "Restore CA" }));
    await waitFor(() => expect(within(region(TRANSITION)).getByRole("textbox", { name: "Number of years" })).toHaveValue("3"));
    expect(within(region(TRANSITION)).getByRole("textbox", { name: "Year 1 largest loss (%)" })).toHaveValue("2");
  });

  test("the WSF Transition sheet is the plan: an edit there reaches the form, a bad cell is named, a reopened workbook opens on the sheet's plan", async () => {
    const wb = schoolsWorkbook();
    const first = renderTaskPane(wb);
    await applyLausd(first.user);
    let step = region(TRANSITION);
    const field = (name: string) => within(region(TRANSITION)).getByRole("textbox", { name });
    await first.user.type(field("Year 1 largest loss (%)"), "2");
    await first.user.click(within(step).getByRole("button", { name: "Apply transition" }));
    await screen.findByText("Transition written");
    expect(within(step).queryByLabelText("Transition not applied")).toBeNull();

    // Rules block (transitionSheet): rate row 5, stop-loss row 6; year 1 in column B, year 2 in C.
    wb.setCell("WSF Transition", 4, 2, 0.5);
    await waitFor(() => expect(field("Year 2 gap closed (%)")).toHaveValue("50"));
    expect(field("Year 1 largest loss (%)")).toHaveValue("2");
    expect(within(region(TRANSITION)).queryByLabelText("Transition not applied")).toBeNull();

    // A stop-loss the amounts use, emptied on the sheet: named, never read as 0.
    wb.setCell("WSF Transition", 5, 1, null);
    const alert = await within(region(TRANSITION)).findByText(/^WSF Transition!B6 is blank, but year 1's amounts use it as the stop-loss/);
    expect(alert).toHaveAttribute("role", "alert");
    expect(field("Year 1 largest loss (%)")).toHaveValue("2");
    wb.setCell("WSF Transition", 5, 1, 0.03);
    await waitFor(() => expect(field("Year 1 largest loss (%)")).toHaveValue("3"));
    expect(within(region(TRANSITION)).queryByRole("alert")).toBeNull();

    // A stop-loss typed where the amounts have none: taken, and the pane says the sheet does not use it yet.
    wb.setCell("WSF Transition", 5, 3, 0.05);
    await within(region(TRANSITION)).findByText("WSF Transition!D6 sets a stop-loss for year 3 that the sheet's amounts do not use yet: apply the transition again to use it.");
    expect(field("Year 3 largest loss (%)")).toHaveValue("5");

    // A change in the form only: the pane says the sheet holds another plan.
    await first.user.clear(field("Year 2 pool growth (%)"));
    await first.user.type(field("Year 2 pool growth (%)"), "1");
    expect(within(region(TRANSITION)).getByLabelText("Transition not applied")).toHaveTextContent("The WSF Transition sheet holds another plan");
    first.unmount();

    // Reopened: the form shows what the sheet says (not the default plan, not the unapplied pool growth).
    renderTaskPane(wb);
    await waitFor(() => expect(field("Year 2 gap closed (%)")).toHaveValue("50"));
    step = region(TRANSITION);
    expect(field("Year 1 gap closed (%)")).toHaveValue("33.3333");
    expect(field("Year 1 largest loss (%)")).toHaveValue("3");
    expect(field("Year 3 largest loss (%)")).toHaveValue("5");
    expect(field("Year 2 pool growth (%)")).toHaveValue("");
    expect(within(step).getByRole("button", { name: "Apply transition again" })).toBeEnabled();
    expect(within(step).queryByLabelText("Transition not applied")).toBeNull();
  });
});
