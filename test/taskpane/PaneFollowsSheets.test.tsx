/** @jest-environment jsdom */
import { act, screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { parseScenarioStore } from "../../src/engine/scenario/parseScenarioStore";
import { NOTICE_MS } from "../../src/taskpane/messages/useMessageState";
import type { MemoryWorkbook } from "../../src/workbook/memory/MemoryWorkbook";
import { SCENARIOS_SETTING } from "../../src/workbook/shared/settingKeys";
import { chooseSchoolsTable } from "./support/chooseSchoolsTable";
import { renderTaskPane } from "./support/renderTaskPane";
import { schoolsWorkbook } from "./support/schoolsWorkbook";

/* Issue 8, bugs 1, 3, 4, 5 and 13 as a person meets them in the pane (the browser tests replay the same steps
 * in the playground). The four clean schools of support/schoolsWorkbook.ts: enrollment 100, 200, 300, 400;
 * FRL 10, 50, 150, 300 (510); EL 0, 20, 60, 100 (180); prior 5,000,000 in all. */

const LAUSD = "LAUSD-style: flat general fund + need supplements";
const money = (x: number) => `$${x.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
/** LAUSD-style (FRL 0.20, EL 0.20) on the clean table: 1,000 + 102 + 36 = 1,138 weighted pupils. */
const LAUSD_BASE = 5_000_000 / 1_138;

const formula = () => screen.getByRole("region", { name: "3. Define the formula" });
const box = (name: string) => within(formula()).getByRole("textbox", { name });
function baseShown(): string {
  return within(screen.getByLabelText("Formula result")).getByText("Base per weighted pupil").nextElementSibling?.textContent ?? "";
}

async function applyLausd(user: UserEvent, wb: MemoryWorkbook): Promise<void> {
  await chooseSchoolsTable(user);
  await user.selectOptions(within(formula()).getByRole("combobox", { name: "Start from a preset" }), LAUSD);
  await user.click(within(formula()).getByRole("button", { name: "Use preset" }));
  await user.click(screen.getByRole("button", { name: "Apply" }));
  await screen.findByText("Formula applied");
  expect(wb.sheetNames()).toContain("WSF Parameters");
}

async function parameterRow(wb: MemoryWorkbook, label: string): Promise<number> {
  const values = (await wb.readSheet("WSF Parameters")).values;
  const row = values.findIndex((r) => r[0] === label);
  expect(row).toBeGreaterThan(0);
  return row;
}

describe("bug 1: editing the schools table never resets the person's formula", () => {
  test("a changed enrollment keeps preset, weights and pool; a bad cell stops the preview without touching the pool; fixing it brings the preview back", async () => {
    const wb = schoolsWorkbook();
    const { user } = renderTaskPane(wb);
    await applyLausd(user, wb);
    expect(baseShown()).toBe(money(LAUSD_BASE));

    // Adams's enrollment 100 -> 110: 1,010 + 102 + 36 = 1,148 weighted pupils; the pool stays 5,000,000.
    act(() => wb.setCell("Schools", 1, 2, 110));
    await waitFor(() => expect(baseShown()).toBe(money(5_000_000 / 1_148)));
    expect(box("Low income (FRL) (Free and reduced lunch)")).toHaveValue("0.2");
    expect(box("English learners")).toHaveValue("0.2");
    expect(box("Pool to distribute ($)")).toHaveValue("5000000");
    expect(screen.getByLabelText("Formula name")).toHaveTextContent("This formula: LAUSD-style.");

    // Text in the cell: the data problem is listed, the preview says why it has no figures, nothing is reset.
    act(() => wb.setCell("Schools", 1, 2, "abc"));
    const result = await screen.findByText(/^No result while the schools table has a problem/);
    expect(result).toHaveTextContent('Enrollment row 1 (sheet row 2) is "abc"');
    expect(box("Pool to distribute ($)")).toHaveValue("5000000");
    expect(box("Low income (FRL) (Free and reduced lunch)")).toHaveValue("0.2");
    expect(screen.getByRole("button", { name: "Apply again" })).toBeDisabled();
    // The sheets show errors meanwhile, and the pane says so beside Apply.
    expect(screen.getByLabelText("Applied summary")).toHaveTextContent("The base and every amount on the sheets are errors until the schools table is fixed (1 problem;");

    act(() => wb.setCell("Schools", 1, 2, 100));
    await waitFor(() => expect(baseShown()).toBe(money(LAUSD_BASE)));
    expect(screen.getByLabelText("Applied summary")).toHaveTextContent(`Applied: base ${money(LAUSD_BASE)}, total $5,000,000`);
  });
});

describe("bug 3: after Apply the parameters sheet is the formula", () => {
  test("a weight changed on the sheet comes back into the pane, its figures and a saved scenario", async () => {
    const wb = schoolsWorkbook();
    const { user } = renderTaskPane(wb);
    await applyLausd(user, wb);
    const frl = await parameterRow(wb, "Low income (FRL)");
    act(() => wb.setCell("WSF Parameters", frl, 1, 0.45));
    // FRL 0.45: 1,000 + 0.45 x 510 + 0.2 x 180 = 1,265.5 weighted pupils.
    await waitFor(() => expect(box("Low income (FRL) (Free and reduced lunch)")).toHaveValue("0.45"));
    expect(baseShown()).toBe(money(5_000_000 / 1_265.5));
    expect(screen.getByLabelText("Applied summary")).toHaveTextContent(`Applied: base ${money(5_000_000 / 1_265.5)}`);
    expect(screen.getByLabelText("Applied summary")).toHaveTextContent("On the sheets: LAUSD-style, edited.");
    expect(screen.queryByRole("status", { name: "Not applied" })).not.toBeInTheDocument();

    const scenarios = screen.getByRole("region", { name: "6. Scenarios" });
    await user.type(within(scenarios).getByRole("textbox", { name: "Scenario name" }), "From the sheet");
    await user.click(within(scenarios).getByRole("button", { name: "Save scenario" }));
    await screen.findByText('Scenario "From the sheet" saved');
    const stored = parseScenarioStore(wb.settings.get(SCENARIOS_SETTING) ?? null);
    expect(stored.scenarios[0].spec.categoryWeights.find((c) => c.label === "Low income (FRL)")?.weight).toBe(0.45);
    expect(stored.scenarios[0].summary?.base).toBeCloseTo(5_000_000 / 1_265.5, 6);
    // Saving a scenario keeps the record of the applied formula.
    expect(stored.applied?.scenario.spec.name).toBe("LAUSD-style");
  });

  test("a cell the formula cannot use is named, and the pane keeps the last formula it could read", async () => {
    const wb = schoolsWorkbook();
    const { user } = renderTaskPane(wb);
    await applyLausd(user, wb);
    const el = await parameterRow(wb, "English learners");
    act(() => wb.setCell("WSF Parameters", el, 1, "lots"));
    const problem = await screen.findByLabelText("Parameters sheet problems");
    expect(problem).toHaveTextContent(`WSF Parameters!B${el + 1} is "lots": enter a weight of 0 or more.`);
    expect(box("English learners")).toHaveValue("0.2");
    act(() => wb.setCell("WSF Parameters", el, 1, 0.3));
    await waitFor(() => expect(screen.queryByLabelText("Parameters sheet problems")).not.toBeInTheDocument());
    expect(box("English learners")).toHaveValue("0.3");
  });
});

describe("bug 4: labels say what is on the sheet", () => {
  test("an edited preset is applied as 'LAUSD-style, edited', and the pane says plainly what it holds that is not applied", async () => {
    const wb = schoolsWorkbook();
    const { user } = renderTaskPane(wb);
    await applyLausd(user, wb);
    expect(screen.queryByRole("status", { name: "Not applied" })).not.toBeInTheDocument();
    await user.type(box("Largest loss (%)"), "5");
    expect(screen.getByLabelText("Formula name")).toHaveTextContent("This formula: LAUSD-style, edited");
    expect(screen.getByRole("status", { name: "Not applied" })).toHaveTextContent(
      "Not applied yet: the pane holds “LAUSD-style, edited”, which differs from what the sheets hold (“LAUSD-style”).",
    );
    await user.click(screen.getByRole("button", { name: "Apply again" }));
    await waitFor(() => expect(wb.getCell("WSF Parameters", 1, 1).value).toBe("LAUSD-style, edited"));
    await waitFor(() => expect(screen.queryByRole("status", { name: "Not applied" })).not.toBeInTheDocument());
    expect(screen.getByLabelText("Applied summary")).toHaveTextContent("On the sheets: LAUSD-style, edited.");
  });
});

describe("bug 5: a reopened workbook opens the pane on the applied formula", () => {
  test("remounting over the same workbook chooses the table, restores the mapping and formula, and reads what the sheet says now", async () => {
    const wb = schoolsWorkbook();
    const first = renderTaskPane(wb);
    await applyLausd(first.user, wb);
    first.unmount();
    // While the pane is closed, a person changes the EL weight on the sheet.
    const el = await parameterRow(wb, "English learners");
    wb.setCell("WSF Parameters", el, 1, 0.5);

    renderTaskPane(wb);
    await screen.findByRole("region", { name: "3. Define the formula" });
    expect(screen.getByRole("combobox", { name: "Schools table" })).toHaveValue("Schools");
    await waitFor(() => expect(box("English learners")).toHaveValue("0.5"));
    expect(box("Low income (FRL) (Free and reduced lunch)")).toHaveValue("0.2");
    expect(box("Pool to distribute ($)")).toHaveValue("5000000");
    // 1,000 + 102 + 0.5 x 180 = 1,192 weighted pupils.
    expect(baseShown()).toBe(money(5_000_000 / 1_192));
    expect(screen.getByLabelText("Applied summary")).toHaveTextContent(`Applied: base ${money(5_000_000 / 1_192)}`);
    expect(screen.getByLabelText("Applied summary")).toHaveTextContent("On the sheets: LAUSD-style, edited.");
    expect(screen.getByRole("button", { name: "Apply again" })).toBeEnabled();
  });
});

describe("bug 13: notices", () => {
  test("a success notice goes by itself and sits outside the sticky top; an error stays until dealt with", async () => {
    const wb = schoolsWorkbook();
    const { user } = renderTaskPane(wb);
    await applyLausd(user, wb);
    const notice = screen.getByText("Formula applied");
    expect(notice.closest("h1")).toBeNull();
    expect(screen.getByRole("heading", { name: "Weighted student funding" }).parentElement?.contains(notice)).toBe(false);
    await waitFor(() => expect(screen.queryByText("Formula applied")).not.toBeInTheDocument(), { timeout: NOTICE_MS + 3000 });

    const el = await parameterRow(wb, "English learners");
    act(() => wb.setCell("WSF Parameters", el, 1, "lots"));
    const error = await screen.findByText("The parameters sheet has a cell the formula cannot use");
    expect(screen.getByRole("heading", { name: "Weighted student funding" }).parentElement?.contains(error)).toBe(true);
    await act(() => new Promise((r) => setTimeout(r, NOTICE_MS + 500)));
    expect(screen.getByText("The parameters sheet has a cell the formula cannot use")).toBeInTheDocument();
    act(() => wb.setCell("WSF Parameters", el, 1, 0.2));
    await waitFor(() => expect(screen.queryByText("The parameters sheet has a cell the formula cannot use")).not.toBeInTheDocument());
  }, 30_000);
});
