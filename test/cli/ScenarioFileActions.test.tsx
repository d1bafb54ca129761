/** @jest-environment jsdom */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { screen, waitFor, within } from "@testing-library/react";
import { SCENARIOS_SETTING } from "../../src/workbook/shared/settingKeys";
import { chooseSchoolsTable } from "../taskpane/support/chooseSchoolsTable";
import { renderTaskPane } from "../taskpane/support/renderTaskPane";
import { CLEAN_ROWS, HEADERS, schoolsWorkbook } from "../taskpane/support/schoolsWorkbook";
import { csvText, wsf } from "./support";

const LAUSD = "LAUSD-style: flat general fund + need supplements";

/**
 * What the pane hands to the browser's download: the Blob given to URL.createObjectURL, and the file name of
 * the link it clicks (jsdom cannot navigate, so the click itself is recorded instead).
 */
function captureDownloads(): Blob[] & { names?: string[] } {
  const blobs: Blob[] & { names?: string[] } = [];
  blobs.names = [];
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    blobs.names!.push(this.download);
  });
  Object.defineProperty(URL, "createObjectURL", { configurable: true, value: (blob: Blob) => (blobs.push(blob), "blob:wsf-test") });
  Object.defineProperty(URL, "revokeObjectURL", { configurable: true, value: () => undefined });
  return blobs;
}

function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

describe("scenario files between the task pane and the command line", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "wsf-pane-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("the LAUSD-style formula exported from the pane, run by wsf allocate, gives the pane's base; the file imports back", async () => {
    const downloads = captureDownloads();
    const wb = schoolsWorkbook();
    const { user } = renderTaskPane(wb);
    await chooseSchoolsTable(user);
    const formula = screen.getByRole("region", { name: "3. Define the formula" });
    await user.selectOptions(within(formula).getByRole("combobox", { name: "Start from a preset" }), LAUSD);
    await user.click(within(formula).getByRole("button", { name: "Use preset" }));
    // Hand figure (schoolsWorkbook): weighted pupils 1,000 + 0.2 x 510 FRL + 0.2 x 180 EL = 1,138 share the
    // 5,000,000 prior-year pool, so the base is 5,000,000 / 1,138 = 4,393.67 per weighted pupil.
    const base = 5_000_000 / 1_138;
    await waitFor(() => expect(within(screen.getByLabelText("Formula result")).getByText("Base per weighted pupil").nextElementSibling?.textContent).toContain("4,393.67"));

    const scenarios = screen.getByRole("region", { name: "6. Scenarios" });
    await user.click(within(scenarios).getByRole("button", { name: "Export .json" }));
    await screen.findByText('Scenario file "LAUSD-style.json" exported');
    expect(downloads).toHaveLength(1);
    expect(downloads.names).toEqual(["LAUSD-style.json"]);
    const text = await blobText(downloads[0]);
    const file = JSON.parse(text);
    expect(file.titleI).toBeUndefined(); // the Title I step was not used: no choices go into the file
    expect(file).toMatchObject({ format: "wsf-scenario", version: 2, name: "LAUSD-style", columns: { id: "School ID", enrollment: "Enrollment", frl: "Free and reduced lunch", el: "English learners" } });

    const scenarioPath = join(dir, "LAUSD-style.json");
    const schoolsPath = join(dir, "schools.csv");
    await writeFile(scenarioPath, text);
    await writeFile(schoolsPath, csvText(HEADERS, CLEAN_ROWS));
    const run = await wsf("allocate", schoolsPath, "--scenario", scenarioPath);
    expect(run.code).toBe(0);
    const [header, ...lines] = run.out.trim().split(/\r?\n/);
    const column = header.split(",").indexOf("Base per weighted pupil");
    expect(Number(lines[0].split(",")[column])).toBeCloseTo(base, 9);

    // Imported back, it joins the saved scenarios (stored in the workbook) under its name.
    const input = within(scenarios).getByLabelText("Scenario file to import");
    await user.upload(input, new File([text.replace('"name": "LAUSD-style"', '"name": "From file"')], "from-file.json", { type: "application/json" }));
    await screen.findByText('Scenario "From file" imported');
    expect(JSON.parse(wb.settings.get(SCENARIOS_SETTING) ?? "{}").scenarios.map((s: { name: string }) => s.name)).toEqual(["From file"]);
  });

  test("a damaged scenario file is refused with the field named, and nothing is stored", async () => {
    const wb = schoolsWorkbook();
    const { user } = renderTaskPane(wb);
    await chooseSchoolsTable(user);
    const scenarios = screen.getByRole("region", { name: "6. Scenarios" });
    const bad = JSON.stringify({ format: "wsf-scenario", version: 1, name: "Bad", spec: { version: 1, base: { mode: "fixed", amount: 100 }, gradeWeights: [], categoryWeights: [{ header: "Poverty", label: "Poverty", weight: 0.2 }], concentration: [], fixed: { mode: "none" }, protection: { maxLoss: null, maxGain: null } } });
    await user.upload(within(scenarios).getByLabelText("Scenario file to import"), new File([bad], "bad.json", { type: "application/json" }));
    await screen.findByText('"bad.json" cannot be imported');
    expect(screen.getByText(/spec: categoryWeights 1 \(Poverty\): column "Poverty" is not in the schools table/)).toBeInTheDocument();
    expect(wb.settings.get(SCENARIOS_SETTING)).toBeUndefined();
  });
});
