/** @jest-environment jsdom */
import { act, screen, waitFor, within } from "@testing-library/react";
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

    // A dollar total: divided by enrollment by default, and the pane says so.
    expect(within(dashboard()).getByLabelText("What is measured")).toHaveTextContent("Measured: Unrestricted spending divided by Enrollment, school by school (it is a total for the school).");
    expect(within(dashboard()).getByRole("switch", { name: "Divide by enrollment" })).toBeChecked();
    expect(within(dashboard()).getByText("8 schools measured.")).toBeInTheDocument();
    const cv = line("Coefficient of variation");
    expect(cv).toHaveTextContent(four(0.015368));
    expect(cv).toHaveTextContent("A typical school sits 1.5% away from the average.");
    // Benchmarks are context with a source, never a verdict.
    expect(cv).toHaveTextContent("Context: Often quoted: 0.10 or less among pupils of equal need (horizontal equity).");
    expect(cv).toHaveTextContent("Source: Odden & Picus, School Finance: A Policy Perspective.");
    // Statistics to 3-4 significant digits: 0.007487 shows as 0.00749.
    expect(line("Gini coefficient")).toHaveTextContent(/^Gini coefficient0\.00749/);
    expect(line("Federal range ratio")).toHaveTextContent("This is the Impact Aid disparity test: a state passes when the ratio among its districts is 25% or less. It tests districts in a state, not the schools of one district");
    expect(within(dashboard()).queryByText(/^(Pass|Fail)$/)).not.toBeInTheDocument();
    // Dollars to the dollar: the pupil-weighted mean of E5's unrestricted per pupil is 26,913,500 / 4,155 = 6,477.38.
    expect(line("Mean")).toHaveTextContent(/^Mean\$6,477.*The average pupil's school gets \$6,477\.$/);
    // The federal range ratio is a share, shown as per cent.
    expect(line("Federal range ratio").firstElementChild?.textContent).toMatch(/^Federal range ratio\d+\.\d%/);
    // No FRL count is mapped in E5 (it has an FRL share), so the poverty statistics are not listed.
    expect(within(dashboard()).getByText(/Map a low-income \(FRL\) column/)).toBeInTheDocument();
    expect(screen.queryByText("Correlation with poverty")).not.toBeInTheDocument();
  });

  test("bug 6: a column already per pupil is measured as it is, never divided again, and gives the same CV as the total divided", async () => {
    // E5 with its unrestricted per pupil as numbers (as Excel's recalculation gives the helper column).
    const e5 = eightSchoolDistrict();
    const perPupil = e5.rows.map((r) => (r[3] as number) / (r[1] as number));
    const headers = ["School", "Enrollment", "Unrestricted spending", "Unrestricted per pupil", "FRL share"];
    const rows = e5.rows.map((r, i) => [r[0], r[1], r[3], perPupil[i], r[2]]);
    const wb = MemoryWorkbook.fromSheets({ Schools: [headers, ...rows] }, { tables: [{ name: "Schools", sheet: "Schools", row: 0, column: 0, rows: 9, columns: headers.length }] });
    const { user } = renderTaskPane(wb);
    await chooseSchoolsTable(user);
    await screen.findByRole("region", { name: "5. Equity dashboard" });
    const value = within(dashboard()).getByRole("combobox", { name: "Value to measure" });
    await user.selectOptions(value, "Unrestricted per pupil");
    expect(within(dashboard()).getByLabelText("What is measured")).toHaveTextContent("Measured: Unrestricted per pupil as it is: it is already per pupil, so nothing is divided.");
    const divide = within(dashboard()).getByRole("switch", { name: "Divide by enrollment" });
    expect(divide).not.toBeChecked();
    expect(divide).toBeDisabled();
    const e5Cv = naiveCv(perPupil, e5.rows.map((r) => r[1] as number));
    expect(e5Cv).toBeCloseTo(0.015368, 6);
    expect(line("Coefficient of variation")).toHaveTextContent(four(e5Cv));
    expect(line("Mean")).toHaveTextContent("The average pupil's school gets $6,477.");
    // A share is never divided either.
    await user.selectOptions(value, "FRL share");
    expect(within(dashboard()).getByLabelText("What is measured")).toHaveTextContent("Measured: FRL share as it is: it is a share, so nothing is divided.");
    // The total is divided by default, and the person may switch it off (then it is measured in dollars per school).
    await user.selectOptions(value, "Unrestricted spending");
    expect(line("Coefficient of variation")).toHaveTextContent(four(e5Cv));
    await user.click(within(dashboard()).getByRole("switch", { name: "Divide by enrollment" }));
    expect(within(dashboard()).getByLabelText("What is measured")).toHaveTextContent("Measured: Unrestricted spending as it is, not divided by Enrollment.");
    const spending = e5.rows.map((r) => r[3] as number);
    expect(line("Coefficient of variation")).toHaveTextContent(four(naiveCv(spending, e5.rows.map((r) => r[1] as number))));
  });

  test("a school whose row cannot be read stops the dashboard with the row's message instead of measuring the others", async () => {
    const wb = new MemoryWorkbook();
    const { user } = renderTaskPane(wb);
    await user.click(await screen.findByRole("button", { name: "Insert 8-school sample" }));
    await screen.findByRole("region", { name: "5. Equity dashboard" });
    await user.selectOptions(within(dashboard()).getByRole("combobox", { name: "Value to measure" }), "Unrestricted spending");
    expect(within(dashboard()).getByText("8 schools measured.")).toBeInTheDocument();
    const before = line("Coefficient of variation").textContent;

    // Text in S1's enrollment (Schools!B2): statistics over the 7 other schools would be the district's figures
    // without S1, a silently wrong number; the dashboard names the cell instead.
    act(() => wb.setCell("Schools", 1, 1, "abc"));
    await waitFor(() => expect(within(dashboard()).getByText(/^Not measured: Schools table: Enrollment row 1 \(sheet row 2\) is "abc"/)).toBeInTheDocument());
    expect(within(dashboard()).queryByRole("list", { name: "Equity statistics" })).not.toBeInTheDocument();
    expect(within(dashboard()).queryByText(/schools measured\./)).not.toBeInTheDocument();

    // Fixing the cell measures all eight again, to the same figure (E5's CV 0.015368).
    act(() => wb.setCell("Schools", 1, 1, eightSchoolDistrict().rows[0][1] as number));
    await waitFor(() => expect(within(dashboard()).getByText("8 schools measured.")).toBeInTheDocument());
    expect(line("Coefficient of variation").textContent).toBe(before);
    expect(line("Coefficient of variation")).toHaveTextContent(four(0.015368));
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
    // Vertical equity: per weighted pupil every school gets the base, so the CV is 0 (never "-0").
    expect(within(line("Coefficient of variation")).getByLabelText("Coefficient of variation per weighted pupil")).toHaveTextContent(/^per weighted pupil: 0$/);
    expect(within(line("Mean")).getByLabelText("Mean per weighted pupil")).toHaveTextContent(`per weighted pupil: $${Math.round(base).toLocaleString("en-US")}`);
    // Poverty shares 0.10, 0.25, 0.50, 0.75 rise with the per-pupil amounts: a strong positive correlation.
    expect(line("Correlation with poverty")).toHaveTextContent("a strong relation; higher-poverty schools tend to get more");
  });

  test("bug 7: the flat preset prints no -0 and says the money does not change with poverty", async () => {
    const { user } = renderTaskPane(schoolsWorkbook());
    await chooseSchoolsTable(user);
    const formula = screen.getByRole("region", { name: "3. Define the formula" });
    await user.selectOptions(within(formula).getByRole("combobox", { name: "Start from a preset" }), "Flat per pupil");
    await user.click(within(formula).getByRole("button", { name: "Use preset" }));
    await waitFor(() => expect(line("Mean")).toHaveTextContent("$5,000"));
    expect(within(dashboard()).queryByText(/-\$?0(?![.\d])/)).not.toBeInTheDocument();
    expect(dashboard().textContent).not.toMatch(/-\$?0(?![.,\d])/);
    expect(line("Mean log deviation")).toHaveTextContent(/^Mean log deviation0/);
    expect(line("Slope on poverty")).toHaveTextContent("The amount does not change with poverty (under $1 per 10 points on the fitted line).");
  });
});
