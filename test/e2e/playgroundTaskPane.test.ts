import { runFormula } from "../../src/engine/scenario/runFormula";
import type { FormulaSpec } from "../../src/engine/scenario/FormulaSpec";
import type { StoredScenario } from "../../src/engine/scenario/StoredScenario";
import { readSchools } from "../../src/engine/table/readSchools";
import { formatCell } from "../../src/playground/grid/formatCell";
import { screenshot } from "./browser";
import { playgroundPage } from "./playgroundPage";
import { allocationColumn, applyAndWait, cellText, goTo, saveScenario, savedScenarios, sheetValues, typeIntoCell } from "./paneSteps";
import { schoolsTable } from "./district";

/* The real task pane driving the playground's workbook in Chromium, the way a trainer runs exercises 1 and 2
 * of docs/training.md: pick the table, map columns, apply a preset, check the allocation cells against the
 * engine's runFormula in node, change a weight on the parameters sheet and watch the cells recalculate,
 * save and compare two scenarios, and feed a bad cell. Tests run in order on one page. */

jest.setTimeout(60_000);

const playground = playgroundPage({ viewport: { width: 1440, height: 1000 } });

/** The engine's run of a spec on the sample district as node reads it, with the page's own column mapping. */
function engineRun(scenario: StoredScenario, spec: FormulaSpec = scenario.spec) {
  const table = schoolsTable();
  const read = readSchools(table.headers, table.rows, scenario.mapping);
  expect(read.schools.length).toBe(850);
  return runFormula(spec, read.schools);
}

function expectAmountsClose(actual: unknown[], expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    expect(typeof actual[i]).toBe("number");
    worst = Math.max(worst, Math.abs((actual[i] as number) - expected[i]));
  }
  // To the cent: the cells and runFormula are the same engine reached two ways.
  expect(worst).toBeLessThan(0.005);
}

test("pick the Schools table; the columns are mapped from their headers", async () => {
  const { page, pane } = playground;
  await pane.getByRole("combobox", { name: "Schools table" }).selectOption({ label: "Schools" });
  await pane.getByText("850 rows, 22 columns").waitFor();
  await pane.getByRole("heading", { name: "2. Map columns" }).waitFor();
  // Enrollment and the prior-year allocation are found by header (suggestMapping).
  const enrollment = pane.getByRole("combobox", { name: /^Enrollment/ });
  expect(await enrollment.locator("option:checked").innerText()).toBe("Enrollment");
  await screenshot(page, "mapped-columns");
});

test("apply the LAUSD-style preset with the base solved from the prior-year pool; every allocation cell equals runFormula", async () => {
  const { page, pane } = playground;
  await pane.getByRole("combobox", { name: "Start from a preset" }).selectOption({ label: "LAUSD-style: flat general fund + need supplements" });
  await pane.getByRole("button", { name: "Use preset" }).click();
  await pane.getByRole("radio", { name: "Solve from a pool" }).check();
  await pane.getByRole("button", { name: /^Use prior-year total/ }).click();
  const summary = await applyAndWait(page, pane);
  expect(summary).toMatch(/^Applied: base \$[\d,]+\.\d\d, total \$[\d,]+/);
  await page.getByRole("tab", { name: "WSF Allocation", selected: true }).waitFor();

  await saveScenario(pane, "Weighted");
  const [weighted] = await savedScenarios(page);
  expect(weighted.spec.base.mode).toBe("solve");
  const run = engineRun(weighted);
  expectAmountsClose(await allocationColumn(page, "Protected amount"), run.protectedAmount);
  expectAmountsClose(await allocationColumn(page, "Formula amount"), run.formulaAmount);
  // The grid shows H2 the way the sheet formats it.
  expect(await cellText(page, `H2`)).toBe(formatCell(run.protectedAmount[0], "$#,##0"));
  // The pool is spent to the cent (SOLVEBASE), and the summary says so.
  const total = (await allocationColumn(page, "Protected amount")).reduce((s: number, v) => s + (v as number), 0);
  expect(Math.abs(total - (weighted.spec.base as { pool: number }).pool)).toBeLessThan(0.01);
});

test("exercise 1: the equity dashboard reads the applied allocation", async () => {
  const { page, pane } = playground;
  await pane.getByRole("heading", { name: "5. Equity dashboard" }).scrollIntoViewIfNeeded();
  const statistics = pane.getByRole("list", { name: "Equity statistics" });
  await statistics.waitFor();
  expect(await statistics.getByRole("listitem").count()).toBeGreaterThan(3);
  await page.getByRole("tab", { name: "WSF Charts" }).click();
  await page.getByRole("img", { name: /^Chart: / }).first().waitFor();
  await screenshot(page, "exercise-1-equity");
});

test("change a weight on the parameters sheet: the allocation cells recalculate to runFormula with that weight", async () => {
  const { page } = playground;
  const [weighted] = await savedScenarios(page);
  const need = weighted.spec.categoryWeights[0];
  const parameters = await sheetValues(page, "WSF Parameters");
  const row = parameters.findIndex((line) => line[0] === need.label && typeof line[1] === "number");
  expect(row).toBeGreaterThan(0);
  const newWeight = need.weight + 0.25;
  await page.getByRole("tab", { name: "WSF Parameters" }).click();
  await typeIntoCell(page, `'WSF Parameters'!B${row + 1}`, String(newWeight));

  const changed: FormulaSpec = { ...weighted.spec, categoryWeights: weighted.spec.categoryWeights.map((c) => (c.header === need.header ? { ...c, weight: newWeight } : c)) };
  const before = engineRun(weighted);
  const after = engineRun(weighted, changed);
  expect(after.base).not.toBeCloseTo(before.base, 2);
  expectAmountsClose(await allocationColumn(page, "Protected amount"), after.protectedAmount);
  await screenshot(page, "weight-changed-on-parameters-sheet");
});

test("exercise 2: a 5% stop-loss, saved and compared with the weighted scenario, shows what protection costs", async () => {
  const { page, pane } = playground;
  await pane.getByRole("button", { name: "Restore Weighted" }).click();
  await pane.getByRole("textbox", { name: /^Largest loss/ }).fill("5");
  await applyAndWait(page, pane);
  await saveScenario(pane, "Weighted + 5% stop-loss");
  const scenarios = await savedScenarios(page);
  const protectedScenario = scenarios.find((s) => s.name === "Weighted + 5% stop-loss")!;
  expect(protectedScenario.spec.protection.maxLoss).toBeCloseTo(0.05, 12);
  const run = engineRun(protectedScenario);
  expect(run.floored.filter(Boolean).length).toBeGreaterThan(0);
  expectAmountsClose(await allocationColumn(page, "Protected amount"), run.protectedAmount);

  await pane.getByRole("combobox", { name: "Compare A" }).selectOption({ label: "Weighted" });
  await pane.getByRole("combobox", { name: "Compare B" }).selectOption({ label: "Weighted + 5% stop-loss" });
  const comparison = pane.getByLabel("Comparison");
  await comparison.getByRole("heading", { name: "What protection costs" }).scrollIntoViewIfNeeded();
  const text = await comparison.innerText();
  const weightedRun = engineRun(scenarios.find((s) => s.name === "Weighted")!);
  const losers = weightedRun.protectedAmount.filter((a, i) => run.protectedAmount[i] < a - 0.005).length;
  expect(text).toContain(`${losers} ${losers === 1 ? "school loses" : "schools lose"}`);
  await page.getByRole("tab", { name: "WSF Allocation" }).click();
  await screenshot(page, "exercise-2-protection");
});

test("text in an enrollment cell: the allocation shows #VALUE! with the message, and the pane lists the problem by row", async () => {
  const { page, pane } = playground;
  await page.getByRole("tab", { name: "Schools" }).first().click();
  await typeIntoCell(page, "Schools!E5", "n/a");
  const values = await sheetValues(page, "WSF Allocation");
  let errorCell: string | null = null;
  // Column by column: the weighted-pupil column (D) holds the row's own error with its message; the solved
  // base (E2) and what follows hold the propagated error, which carries none (as in Excel).
  for (let c = 0; c < values[0].length && errorCell === null; c++) {
    for (let r = 0; r < values.length && errorCell === null; r++) if (values[r][c] === "#VALUE!") errorCell = `'WSF Allocation'!${String.fromCharCode(65 + c)}${r + 1}`;
  }
  expect(errorCell).not.toBeNull();
  const status = await goTo(page, errorCell!);
  expect(status).toMatch(/#VALUE! WSF\.[A-Z]+: \w+ row 4 is "n\/a", expected a number/);

  // Re-reading the table lists the problem with its row; selecting it goes to the cell.
  const picker = pane.getByRole("combobox", { name: "Schools table" });
  await picker.selectOption({ value: "" });
  await picker.selectOption({ label: "Schools" });
  const problems = pane.getByRole("list", { name: "Data problems" });
  const problem = problems.getByRole("button", { name: /row 4 \(sheet row 5\) is "n\/a"/ });
  await problem.click();
  expect(await page.getByRole("status", { name: "Selected cell" }).innerText()).toBe("Schools!E5: n/a");
  await screenshot(page, "bad-enrollment-cell");
});
