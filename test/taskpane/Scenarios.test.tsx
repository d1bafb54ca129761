/** @jest-environment jsdom */
import { act, screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { SCENARIOS_SETTING } from "../../src/workbook/shared/settingKeys";
import type { MemoryWorkbook } from "../../src/workbook/memory/MemoryWorkbook";
import { chooseSchoolsTable } from "./support/chooseSchoolsTable";
import { renderTaskPane } from "./support/renderTaskPane";
import { schoolsWorkbook } from "./support/schoolsWorkbook";

const LAUSD = "LAUSD-style: flat general fund + need supplements";

function region(name: string) {
  return screen.getByRole("region", { name });
}

async function saveAs(user: UserEvent, name: string) {
  const scenarios = region("6. Scenarios");
  const box = within(scenarios).getByRole("textbox", { name: "Scenario name" });
  await user.clear(box);
  await user.type(box, name);
  await user.click(within(scenarios).getByRole("button", { name: "Save scenario" }));
}

function storedNames(wb: MemoryWorkbook): string[] {
  return JSON.parse(wb.settings.get(SCENARIOS_SETTING) ?? "{}").scenarios.map((s: { name: string }) => s.name);
}

function baseShown(): string {
  return within(screen.getByLabelText("Formula result")).getByText("Base per weighted pupil").nextElementSibling?.textContent ?? "";
}

const dollars = (x: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(x);

describe("task pane: scenarios", () => {
  test("save, compare, restore and delete", async () => {
    const wb = schoolsWorkbook();
    const { user } = renderTaskPane(wb);
    await chooseSchoolsTable(user);
    await saveAs(user, "Flat");
    await screen.findByText('Scenario "Flat" saved');
    const formula = region("3. Define the formula");
    await user.selectOptions(within(formula).getByRole("combobox", { name: "Start from a preset" }), LAUSD);
    await user.click(within(formula).getByRole("button", { name: "Use preset" }));
    await saveAs(user, "Need");
    await screen.findByText('Scenario "Need" saved');
    expect(storedNames(wb)).toEqual(["Flat", "Need"]);
    const list = within(region("6. Scenarios")).getByRole("list", { name: "Saved scenarios" });
    expect(within(list).getAllByRole("listitem").map((li) => li.firstElementChild?.textContent)).toEqual(["Flat", "Need"]);

    // Compare. Flat (solved from the 5,000,000 prior pool over 1,000 pupils) gives each school its prior:
    // 500,000, 1,000,000, 1,500,000, 2,000,000. Need gives weighted pupils 102, 214, 342, 480 x base 5,000,000/1,138.
    const scenarios = region("6. Scenarios");
    await user.selectOptions(within(scenarios).getByRole("combobox", { name: "Compare A" }), "Flat");
    await user.selectOptions(within(scenarios).getByRole("combobox", { name: "Compare B" }), "Need");
    const base = 5_000_000 / 1_138;
    const need = [102, 214, 342, 480].map((wp) => wp * base);
    const flat = [500_000, 1_000_000, 1_500_000, 2_000_000];
    const gains = need.map((x, i) => x - flat[i]);
    // Cole and Drew gain; Adams and Baker lose; with the same pool both totals are 111,599.30.
    const gained = gains.filter((g) => g > 0).reduce((a, b) => a + b, 0);
    const lost = -gains.filter((g) => g < 0).reduce((a, b) => a + b, 0);
    expect(gained).toBeCloseTo(111_599.30, 1);
    expect(within(scenarios).getByText(`2 schools gain ${dollars(gained)} in all under "Need".`)).toBeInTheDocument();
    // Baker loses 59,754 of 1,000,000 (6.0%) and Adams 51,845 of 500,000 (10.4%): both more than 5%.
    expect(within(scenarios).getByText(`2 schools lose ${dollars(lost)} in all under "Need"; 2 of them lose more than 5%.`)).toBeInTheDocument();
    const listed = within(within(scenarios).getByRole("table", { name: "Schools compared" })).getAllByRole("row").slice(1);
    // Every school, largest loss first: Baker -59,754, Adams -51,845, Cole +2,636, Drew +108,963.
    expect(listed.map((r) => within(r).getAllByRole("cell")[0].firstElementChild?.textContent)).toEqual(["Baker", "Adams", "Cole", "Drew"]);
    expect(listed[3]).toHaveTextContent(`+${dollars(gains[3])}`);
    // Under each name, its amounts under A and B.
    expect(within(listed[3]).getAllByRole("cell")[0]).toHaveTextContent(`DrewA $2,000,000, B ${dollars(need[3])}`);
    expect(listed[3]).toHaveTextContent(`+${((gains[3] / 2_000_000) * 100).toFixed(1)}%`);
    expect(listed[0]).toHaveTextContent(`-${dollars(-gains[1])}`);
    // Neither formula has protection: no floor, no stop-loss, no gain cap, said once per side.
    expect(within(scenarios).getAllByText(/No school is held at a stop-loss floor\. No stop-loss\. No gain cap\./)).toHaveLength(2);
    // Both saved scenarios run again on today's table, which has not changed since they were saved.
    expect(within(scenarios).getByText(/^"Need": recomputed on today's table: the same figures as when it was saved on .+ \(base \$4,393\.67, total \$5,000,000\)\.$/)).toBeInTheDocument();

    await user.click(within(scenarios).getByRole("button", { name: "Restore Flat" }));
    await screen.findByText('Scenario "Flat" restored');
    expect(baseShown()).toBe("$5,000.00");

    await user.click(within(scenarios).getByRole("button", { name: "Delete Need" }));
    await screen.findByText('Scenario "Need" deleted');
    expect(storedNames(wb)).toEqual(["Flat"]);
  });

  test("comparing shows what a protection rule costs", async () => {
    const { user } = renderTaskPane(schoolsWorkbook());
    await chooseSchoolsTable(user);
    const formula = region("3. Define the formula");
    await user.selectOptions(within(formula).getByRole("combobox", { name: "Start from a preset" }), LAUSD);
    await user.click(within(formula).getByRole("button", { name: "Use preset" }));
    await saveAs(user, "Need");
    await screen.findByText('Scenario "Need" saved');
    await user.type(within(formula).getByRole("textbox", { name: "Largest loss (%)" }), "1");
    const scenarios = region("6. Scenarios");
    await user.selectOptions(within(scenarios).getByRole("combobox", { name: "Compare A" }), "Need");
    await user.selectOptions(within(scenarios).getByRole("combobox", { name: "Compare B" }), "Current formula");
    // Hand calculation (FormulaAndApply test): with a 1% stop-loss Adams, Baker and Cole sit at 99% of prior
    // (495,000, 990,000, 1,485,000). Without the rule they get 102b, 214b and 342b (b = 5,000,000/1,138):
    // 448,154.66, 940,246.05 and 1,502,636.20. The rule helps Adams and Baker (Cole gets less with it, paying for
    // the floors through the lower base), so it moves 495,000 + 990,000 - 316b = 1,485,000 - 1,388,400.70 = 96,599.30.
    const moved = 1_485_000 - (316 * 5_000_000) / 1_138;
    expect(moved).toBeCloseTo(96_599.3, 1);
    // The others pay it: Cole and Drew get 96,599.30 less in all (a fixed pool).
    const expected = `Stop-loss 1.0%, compared with the same formula without the stop-loss: 2 schools get ${dollars(moved)} more; the other 2 schools get ${dollars(moved)} less in all (base $4,229.17 with it, $4,393.67 without).`;
    const line = within(within(scenarios).getByRole("list", { name: "What protection costs" })).getByText((_, element) => element?.tagName === "LI" && (element.textContent ?? "").startsWith("the current formula:"));
    expect(line).toHaveTextContent(expected);
    // The floor top-up is the other question, answered at this base (2,030,000 / 480 = 4,229.1667): Adams
    // 495,000 - 102b = 63,625, Baker 990,000 - 214b = 84,958.33, Cole 1,485,000 - 342b = 38,625; in all 187,208.33,
    // 3.7% of 5,000,000. It is more than the 96,599 the stop-loss moves, because it is counted from the lower base.
    const b = 2_030_000 / 480;
    const topUp = 495_000 - 102 * b + (990_000 - 214 * b) + (1_485_000 - 342 * b);
    expect(topUp).toBeCloseTo(187_208.33, 2);
    expect(line).toHaveTextContent(`3 schools held at their floor; floor top-up ${dollars(topUp)} (3.7% of the total): what the schools held at their stop-loss floor get above the formula at this base.`);
  });

  test("a damaged store is reported in the message bar, and saving keeps the damaged text aside, untouched", async () => {
    const wb = schoolsWorkbook(undefined, { [SCENARIOS_SETTING]: "{ not json" });
    const { user } = renderTaskPane(wb);
    await screen.findByText("Some saved scenarios could not be read");
    expect(screen.getByText(/the stored text is damaged/)).toBeInTheDocument();
    await chooseSchoolsTable(user);
    // The rest of the pane still works: the formula runs and can be saved.
    expect(baseShown()).toBe("$5,000.00");
    await user.click(screen.getByRole("button", { name: "Dismiss message" }));
    await saveAs(user, "Flat");
    await screen.findByText('Scenario "Flat" saved');
    expect(screen.getByText(/What could not be read is kept aside in the store, untouched/)).toBeInTheDocument();
    expect(storedNames(wb)).toEqual(["Flat"]);
    expect(JSON.parse(wb.settings.get(SCENARIOS_SETTING) as string).setAside).toEqual(["{ not json"]);
  });

  test("one damaged scenario is left out by name; the others load", async () => {
    const wb = schoolsWorkbook();
    const first = renderTaskPane(wb);
    await chooseSchoolsTable(first.user);
    await saveAs(first.user, "Flat");
    await screen.findByText('Scenario "Flat" saved');
    first.unmount();

    const store = JSON.parse(wb.settings.get(SCENARIOS_SETTING) as string);
    const broken = JSON.parse(JSON.stringify(store.scenarios[0]));
    broken.name = "Broken";
    broken.spec.base = { mode: "fixed", amount: -5 };
    store.scenarios.push(broken);
    wb.settings.set(SCENARIOS_SETTING, JSON.stringify(store));

    const second = renderTaskPane(wb);
    await screen.findByText("Some saved scenarios could not be read");
    await chooseSchoolsTable(second.user);
    expect(screen.getByText(/Scenario "Broken" was left out: base amount is -5/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("button", { name: "Restore Flat" })).toBeInTheDocument());
    expect(screen.queryByRole("button", { name: "Restore Broken" })).not.toBeInTheDocument();
  });

  test("final years: two saved plans of one formula compare where each ends; a side without a plan is refused in words", async () => {
    const wb = schoolsWorkbook();
    const first = renderTaskPane(wb);
    await chooseSchoolsTable(first.user);
    const formula = region("3. Define the formula");
    await first.user.selectOptions(within(formula).getByRole("combobox", { name: "Start from a preset" }), LAUSD);
    await first.user.click(within(formula).getByRole("button", { name: "Use preset" }));
    await saveAs(first.user, "Fast");
    await screen.findByText('Scenario "Fast" saved');
    first.unmount();

    // The same formula with two plans: "Fast" closes the whole gap each year, "Slow" a third of it each year.
    const rule = (rate: number) => ({ rate, maxLoss: null, maxGain: null, poolGrowth: null });
    const store = JSON.parse(wb.settings.get(SCENARIOS_SETTING) as string);
    store.scenarios[0].transition = { years: [rule(1), rule(1)], projectedEnrollment: [null, null] };
    const slow = JSON.parse(JSON.stringify(store.scenarios[0]));
    slow.name = "Slow";
    slow.transition = { years: [rule(1 / 3), rule(1 / 3)], projectedEnrollment: [null, null] };
    store.scenarios.push(slow);
    wb.settings.set(SCENARIOS_SETTING, JSON.stringify(store));

    const { user } = renderTaskPane(wb);
    await chooseSchoolsTable(user);
    const scenarios = region("6. Scenarios");
    await user.selectOptions(within(scenarios).getByRole("combobox", { name: "Compare A" }), "Fast");
    await user.selectOptions(within(scenarios).getByRole("combobox", { name: "Compare B" }), "Slow");
    await user.click(within(scenarios).getByRole("switch", { name: "Compare the final year of each transition plan" }));
    const where = within(scenarios).getByRole("list", { name: "Where the figures come from" });
    expect(where).toHaveTextContent("Shown in year 2, the last of its transition plan.");
    // Hand calculation: the formula gives Adams 102b with b = 5,000,000 / 1,138 (see "comparing shows what a
    // protection rule costs"). "Fast" ends on it; "Slow" closes a third of the gap twice, so it ends at
    // prior + (1 - (2/3)^2) x (target - prior) = 500,000 + 5/9 x (448,154.66 - 500,000) = 471,197.03.
    const target = (102 * 5_000_000) / 1_138;
    const ended = 500_000 + (5 / 9) * (target - 500_000);
    expect(ended).toBeCloseTo(471_197.03, 2);
    expect(within(scenarios).getByText(`A ${dollars(target)}, B ${dollars(ended)}`)).toBeInTheDocument();

    // The formula in the pane has no saved plan: the comparison says so instead of mixing years.
    await user.selectOptions(within(scenarios).getByRole("combobox", { name: "Compare B" }), "Current formula");
    expect(within(scenarios).getByRole("alert")).toHaveTextContent("the current formula has no transition plan saved with it");
  });

  test("the comparison sorts, filters and counts every school; the loss share is typed as a per cent", async () => {
    const { user } = renderTaskPane(schoolsWorkbook());
    await chooseSchoolsTable(user);
    await saveAs(user, "Flat");
    await screen.findByText('Scenario "Flat" saved');
    const formula = region("3. Define the formula");
    await user.selectOptions(within(formula).getByRole("combobox", { name: "Start from a preset" }), LAUSD);
    await user.click(within(formula).getByRole("button", { name: "Use preset" }));
    await saveAs(user, "Need");
    await screen.findByText('Scenario "Need" saved');
    const scenarios = region("6. Scenarios");
    await user.selectOptions(within(scenarios).getByRole("combobox", { name: "Compare A" }), "Flat");
    await user.selectOptions(within(scenarios).getByRole("combobox", { name: "Compare B" }), "Need");
    const names = () => within(within(scenarios).getByRole("table", { name: "Schools compared" })).getAllByRole("row").slice(1).map((r) => within(r).getAllByRole("cell")[0].firstElementChild?.textContent);

    // Sort by school name, then the other way.
    await user.click(within(scenarios).getByRole("button", { name: "School" }));
    expect(names()).toEqual(["Adams", "Baker", "Cole", "Drew"]);
    await user.click(within(scenarios).getByRole("button", { name: "School" }));
    expect(names()).toEqual(["Drew", "Cole", "Baker", "Adams"]);
    // Sort by change %: Adams -10.4%, Baker -6.0%, Cole +0.2%, Drew +5.4%.
    await user.click(within(scenarios).getByRole("button", { name: "Change %" }));
    expect(names()).toEqual(["Adams", "Baker", "Cole", "Drew"]);

    // Lose more than 10%: only Adams (51,845 of 500,000 = 10.4%).
    const share = within(scenarios).getByRole("textbox", { name: "Loss share to count (%)" });
    await user.clear(share);
    await user.type(share, "10");
    expect(within(scenarios).getByText(/2 schools lose \$[\d,]+ in all under "Need"; 1 of them lose more than 10%\./)).toBeInTheDocument();
    await user.selectOptions(within(scenarios).getByRole("combobox", { name: "Show" }), "Schools that lose more than 10%");
    expect(names()).toEqual(["Adams"]);
    expect(within(scenarios).getByLabelText("Rows shown")).toHaveTextContent("Schools 1-1 of 1 (of 4 in all).");
    await user.selectOptions(within(scenarios).getByRole("combobox", { name: "Show" }), "Schools that gain");
    expect(names()).toEqual(["Cole", "Drew"]);
    await user.selectOptions(within(scenarios).getByRole("combobox", { name: "Show" }), "Every school");
    await user.type(within(scenarios).getByRole("textbox", { name: "Find a school" }), "dr");
    expect(names()).toEqual(["Drew"]);

    // A share that is not a per cent says so and counts at 5% meanwhile.
    await user.clear(share);
    await user.type(share, "abc");
    expect(within(scenarios).getByText("Give a per cent from 0 to 100, e.g. 5.")).toBeInTheDocument();
    expect(within(scenarios).getByText(/; 2 of them lose more than 5%\./)).toBeInTheDocument();
  });

  test("a saved scenario compared after the table changed says it was recomputed and what it gave when saved", async () => {
    const wb = schoolsWorkbook();
    const { user } = renderTaskPane(wb);
    await chooseSchoolsTable(user);
    const formula = region("3. Define the formula");
    await user.selectOptions(within(formula).getByRole("combobox", { name: "Start from a preset" }), LAUSD);
    await user.click(within(formula).getByRole("button", { name: "Use preset" }));
    await saveAs(user, "Need");
    await screen.findByText('Scenario "Need" saved');
    // Drew's enrollment 400 -> 500: weighted pupils 480 -> 580, total 1,238; the pool stays 5,000,000, so the
    // base is 5,000,000 / 1,238 = 4,038.77 today against 5,000,000 / 1,138 = 4,393.67 when saved.
    act(() => wb.setCell("Schools", 4, 2, 500));
    const scenarios = region("6. Scenarios");
    await user.selectOptions(within(scenarios).getByRole("combobox", { name: "Compare A" }), "Need");
    await user.selectOptions(within(scenarios).getByRole("combobox", { name: "Compare B" }), "Need");
    await waitFor(() =>
      expect(
        within(scenarios).getAllByText(/^"Need": recomputed on today's table: base \$4,038\.77, total \$5,000,000 over 4 schools\. When it was saved on .+ it gave base \$4,393\.67, total \$5,000,000 over 4 schools: the table has changed since\.$/),
      ).toHaveLength(2),
    );
    expect(5_000_000 / 1_238).toBeCloseTo(4038.77, 2);
  });
});
