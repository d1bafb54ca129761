/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import { eightSchoolDistrict } from "../../src/engine/sample/eightSchoolDistrict";
import { MemoryWorkbook } from "../../src/workbook/memory/MemoryWorkbook";
import { chooseSchoolsTable } from "./support/chooseSchoolsTable";
import { renderTaskPane } from "./support/renderTaskPane";
import { schoolsWorkbook } from "./support/schoolsWorkbook";

function dashboard() {
  return screen.getByRole("region", { name: "5. Equity dashboard" });
}

/** The dashboard line of a metric: its name, shown value, badge and sentences. */
function line(metric: string): HTMLElement {
  const items = within(within(dashboard()).getByRole("list", { name: "Equity statistics" })).getAllByRole("listitem");
  const found = items.find((li) => li.firstElementChild?.firstElementChild?.textContent === metric);
  if (!found) throw new Error(`no dashboard line for ${metric}`);
  return found;
}

/** Independent naive coefficient of variation: population sigma over mean, weights w (all 1 = unweighted). */
function naiveCv(x: number[], w: number[]): number {
  const W = w.reduce((a, b) => a + b, 0);
  const mean = x.reduce((a, xi, i) => a + w[i] * xi, 0) / W;
  const variance = x.reduce((a, xi, i) => a + w[i] * (xi - mean) ** 2, 0) / W;
  return Math.sqrt(variance) / mean;
}

const four = (x: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 }).format(x);

describe("task pane: equity dashboard", () => {
  test("E5 (domain.md section 4): unrestricted spending per pupil, pupil-weighted, CV 0.015368 and Gini 0.007487", async () => {
    const { user } = renderTaskPane(new MemoryWorkbook());
    await user.click(await screen.findByRole("button", { name: "Insert 8-school sample" }));
    await screen.findByRole("region", { name: "5. Equity dashboard" });
    await user.selectOptions(within(dashboard()).getByRole("combobox", { name: "Value to measure" }), "Unrestricted spending");

    expect(within(dashboard()).getByText("8 schools measured.")).toBeInTheDocument();
    const cv = line("Coefficient of variation");
    expect(cv).toHaveTextContent(four(0.015368));
    expect(within(cv).getByText("Pass")).toBeInTheDocument();
    expect(cv).toHaveTextContent("A typical school sits 1.5% away from the average.");
    expect(cv).toHaveTextContent("Benchmark: 0.10 or less");
    expect(line("Gini coefficient")).toHaveTextContent(four(0.007487));
    expect(within(line("McLoone index")).getByText(/Pass|Fail/)).toBeInTheDocument();
    expect(within(line("Federal range ratio")).getByText(/Pass|Fail/)).toBeInTheDocument();
    // No FRL count is mapped in E5 (it has an FRL share), so the poverty statistics are not listed.
    expect(within(dashboard()).getByText(/Map a low-income \(FRL\) column/)).toBeInTheDocument();
    expect(screen.queryByText("Correlation with poverty")).not.toBeInTheDocument();
  });

  test("switching pupil weighting off measures every school once (checked against a naive CV)", async () => {
    const { user } = renderTaskPane(new MemoryWorkbook());
    await user.click(await screen.findByRole("button", { name: "Insert 8-school sample" }));
    await screen.findByRole("region", { name: "5. Equity dashboard" });
    await user.selectOptions(within(dashboard()).getByRole("combobox", { name: "Value to measure" }), "Unrestricted spending");
    await user.click(within(dashboard()).getByRole("switch", { name: "Pupil-weighted" }));
    const rows = eightSchoolDistrict().rows;
    const perPupil = rows.map((r) => (r[3] as number) / (r[1] as number));
    expect(line("Coefficient of variation")).toHaveTextContent(four(naiveCv(perPupil, perPupil.map(() => 1))));
  });

  test("the allocation per pupil is measured by default, with the poverty statistics when FRL is mapped", async () => {
    const { user } = renderTaskPane(schoolsWorkbook());
    await chooseSchoolsTable(user);
    const formula = screen.getByRole("region", { name: "3. Define the formula" });
    await user.selectOptions(within(formula).getByRole("combobox", { name: "Start from a preset" }), "LAUSD-style: flat general fund + need supplements");
    await user.click(within(formula).getByRole("button", { name: "Use preset" }));
    // LAUSD-style on the four schools: per pupil = base x (102/100, 214/200, 342/300, 480/400) with base 5,000,000/1,138;
    // pupil-weighted mean = 5,000,000 / 1,000 = $5,000; CV by hand (see naiveCv) = 0.054567.
    const base = 5_000_000 / 1_138;
    const perPupil = [1.02, 1.07, 1.14, 1.2].map((r) => r * base);
    expect(line("Mean")).toHaveTextContent("The average pupil's school gets $5,000.");
    const cv = naiveCv(perPupil, [100, 200, 300, 400]);
    expect(cv).toBeCloseTo(0.054567, 5);
    expect(line("Coefficient of variation")).toHaveTextContent(four(cv));
    expect(within(line("Coefficient of variation")).getByText("Pass")).toBeInTheDocument();
    // Poverty shares 0.10, 0.25, 0.50, 0.75 rise with the per-pupil amounts: a positive correlation.
    expect(line("Correlation with poverty")).toHaveTextContent("higher-poverty schools tend to get more");
  });
});
