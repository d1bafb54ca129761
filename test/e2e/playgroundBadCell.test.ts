import { runFormula } from "../../src/engine/scenario/runFormula";
import type { StoredScenario } from "../../src/engine/scenario/StoredScenario";
import { readSchools } from "../../src/engine/table/readSchools";
import { screenshot } from "./browser";
import { playgroundPage } from "./playgroundPage";
import { allocationColumn, goTo, saveScenario, sheetValues, storedScenarios, typeIntoCell } from "./paneSteps";
import { schoolsTable } from "./district";

/* The playground's formulas follow Excel where HyperFormula would not (issue 7 item 12, excel-behaviour.md
 * items 3 and 4), walked as a trainer would: apply the LAUSD-style preset, then type text into a school's
 * enrollment cell (Schools!E2). Like Excel, the weighted-pupil spill keeps the bad row to itself and computes
 * every other school (equal to the engine's numbers); everything that needs the pool (the solved base, the
 * formula and protected amounts, per pupil) is an error, never a number computed as if the school were not
 * there. Typing the number back restores every cell. Tests run in order on one page. */

jest.setTimeout(90_000);

const playground = playgroundPage({ viewport: { width: 1440, height: 1000 } });

let applied: StoredScenario;
let firstEnrollment: number;

test("apply the LAUSD-style preset with the base solved from the prior-year pool", async () => {
  const { page, pane } = playground;
  await pane.getByRole("combobox", { name: "Schools table" }).selectOption({ label: "Schools" });
  await pane.getByRole("heading", { name: "2. Map columns" }).waitFor();
  await pane.getByRole("combobox", { name: "Start from a preset" }).selectOption({ label: "LAUSD-style: flat general fund + need supplements" });
  await pane.getByRole("button", { name: "Use preset" }).click();
  await pane.getByRole("radio", { name: "Solve from a pool" }).check();
  await pane.getByRole("button", { name: /^Use prior-year total/ }).click();
  await pane.getByRole("button", { name: /^Apply( again)?$/ }).click();
  await pane.getByLabel("Applied summary").waitFor();
  await page.getByRole("tab", { name: "WSF Allocation", selected: true }).waitFor();
  await saveScenario(pane, "Applied");
  applied = (await storedScenarios(page)).scenarios[0];
  firstEnrollment = (await sheetValues(page, "Schools"))[1][4] as number;
  expect(typeof firstEnrollment).toBe("number");
  await screenshot(page, "bad-cell-before");
});

test("text in Schools!E2: that school's weighted pupils show #VALUE! with the message, the other 849 equal the engine's", async () => {
  const { page } = playground;
  await page.getByRole("tab", { name: "Schools" }).first().click();
  await typeIntoCell(page, "Schools!E2", "twelve");
  await page.getByRole("tab", { name: "WSF Allocation" }).click();

  // The engine's weighted pupils of schools 2..850 do not depend on school 1: the unchanged table gives them.
  const table = schoolsTable();
  const engine = runFormula(applied.spec, readSchools(table.headers, table.rows, applied.mapping).schools);
  const weighted = await allocationColumn(page, "Weighted pupils");
  expect(weighted[0]).toBe("#VALUE!");
  let worst = 0;
  for (let i = 1; i < 850; i++) {
    expect(typeof weighted[i]).toBe("number");
    worst = Math.max(worst, Math.abs((weighted[i] as number) - engine.weightedPupils[i]));
  }
  expect(worst).toBeLessThan(1e-9);
  expect(await goTo(page, "'WSF Allocation'!D2")).toMatch(/#VALUE! WSF\.[A-Z]+: \w+ row 1 .*"twelve", expected a number/);
  expect(await goTo(page, "'WSF Allocation'!D3")).toMatch(/^WSF Allocation!D3: [\d,.]+$/);
  await screenshot(page, "bad-cell-weighted-pupils");
});

test("every cell that needs the pool is an error, never a number computed without the school", async () => {
  const { page } = playground;
  // The solved base reads the weighted-pupil column, which holds an error cell: like Excel, the function is not
  // called and the base is that error without a message; every amount built on the base follows.
  const values = await sheetValues(page, "WSF Allocation");
  expect(values[1][4]).toBe("#VALUE!");
  expect(await goTo(page, "'WSF Allocation'!E2")).toBe("WSF Allocation!E2: #VALUE!");
  for (const header of ["Formula amount", "Protected amount", "Per pupil"]) {
    const column = await allocationColumn(page, header);
    expect(column.filter((v) => typeof v === "number")).toEqual([]);
  }
  // The total row (two rows below the last school) is an error too, not a partial sum.
  const protectedColumn = values[0].indexOf("Protected amount");
  expect(values[852][protectedColumn]).toBe("#VALUE!");
  await page.getByRole("tab", { name: "WSF Allocation" }).click();
  await goTo(page, "'WSF Allocation'!H2");
  await screenshot(page, "bad-cell-allocation");
});

test("typing the enrollment back recomputes every cell to the engine's numbers", async () => {
  const { page } = playground;
  await page.getByRole("tab", { name: "Schools" }).first().click();
  await typeIntoCell(page, "Schools!E2", String(firstEnrollment));
  const table = schoolsTable();
  const engine = runFormula(applied.spec, readSchools(table.headers, table.rows, applied.mapping).schools);
  const amounts = await allocationColumn(page, "Protected amount");
  let worst = 0;
  for (let i = 0; i < 850; i++) {
    expect(typeof amounts[i]).toBe("number");
    worst = Math.max(worst, Math.abs((amounts[i] as number) - engine.protectedAmount[i]));
  }
  expect(worst).toBeLessThan(0.005);
});
