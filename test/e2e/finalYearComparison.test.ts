import { planTransition } from "../../src/engine/transition/planTransition";
import { screenshot } from "./browser";
import { playgroundPage } from "./playgroundPage";
import { sheetValues } from "./paneSteps";

/* Issue 11: "the comparison can compare the final year". On a 40-school district (?schools=40) a budget
 * analyst applies a formula, plans two transitions of it (one third of the gap a year for two years, then
 * the whole gap at once), saves each as a scenario and compares where they end. The amounts on the page are
 * checked against the engine's plan computed here from the page's own allocation sheet. */

jest.setTimeout(120_000);

const playground = playgroundPage({ viewport: { width: 1440, height: 1000 }, query: "?schools=40", openTimeout: 120_000 });

const section = (name: string) => playground.pane.getByRole("region", { name });
const dollars = (x: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(x);

async function planAndSave(rate: string, name: string): Promise<void> {
  const step = section("Transition over several years");
  await step.getByRole("textbox", { name: "Number of years" }).fill("2");
  for (const k of [1, 2]) await step.getByRole("textbox", { name: `Year ${k} gap closed (%)` }).fill(rate);
  const scenarios = section("6. Scenarios");
  await scenarios.getByRole("textbox", { name: "Scenario name" }).fill(name);
  await scenarios.getByRole("button", { name: "Save scenario" }).click();
  await scenarios.getByRole("list", { name: "Saved scenarios" }).getByText(name, { exact: true }).waitFor();
}

test("two saved transition plans of one formula are compared in their final year, to the dollar", async () => {
  const { page, pane } = playground;
  await pane.getByRole("combobox", { name: "Schools table" }).selectOption({ label: "Schools" });
  await pane.getByText("40 rows, 22 columns").waitFor();
  await pane.getByRole("combobox", { name: "Start from a preset" }).selectOption({ label: "LAUSD-style: flat general fund + need supplements" });
  await pane.getByRole("button", { name: "Use preset" }).click();
  await pane.getByRole("button", { name: "Apply", exact: true }).click();
  await pane.getByLabel("Applied summary").waitFor();

  await planAndSave("33.3333", "Thirds");
  await planAndSave("100", "At once");

  const scenarios = section("6. Scenarios");
  await scenarios.getByRole("combobox", { name: "Compare A" }).selectOption({ label: "At once" });
  await scenarios.getByRole("combobox", { name: "Compare B" }).selectOption({ label: "Thirds" });
  await scenarios.getByRole("switch", { name: "Compare the final year of each transition plan" }).check();
  await scenarios.getByText("Shown in year 2, the last of its transition plan.").first().waitFor();

  // The engine's plan from the page's allocation sheet: prior (G) and formula amount (F) of the first school.
  const allocation = await sheetValues(page, "WSF Allocation");
  const head = allocation[0] as string[];
  const col = (prefix: string) => head.findIndex((h) => h.startsWith(prefix));
  const schools = allocation.slice(1, 41);
  const prior = schools.map((r) => (typeof r[col("Prior year")] === "number" ? (r[col("Prior year")] as number) : NaN));
  const target = schools.map((r) => r[col("Formula amount")] as number);
  const rule = (rate: number) => ({ rate, maxLoss: null, maxGain: null, poolGrowth: null });
  const thirds = planTransition({ prior, target, years: [rule(0.333333), rule(0.333333)] }).years[1].amount;
  // "At once" ends on the formula amount; "Thirds" at prior + (1 - (2/3)^2) x the gap, about 5/9 of it.
  const name = String(schools[0][head.indexOf("School")]);
  await scenarios.getByRole("textbox", { name: "Find a school" }).fill(name);
  const row = scenarios.getByRole("table", { name: "Schools compared" }).getByRole("row").filter({ hasText: name }).first();
  await row.scrollIntoViewIfNeeded();
  await screenshot(page, "final-year-comparison");
  await row.getByText(`A ${dollars(target[0])}, B ${dollars(thirds[0])}`).waitFor();
});
