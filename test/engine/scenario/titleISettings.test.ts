import { parseScenarioFile, serializeScenarioFile } from "../../../src/engine/scenario/scenarioFile";
import { parseScenarioStore } from "../../../src/engine/scenario/parseScenarioStore";
import { serializeScenarioStore } from "../../../src/engine/scenario/serializeScenarioStore";
import type { StoredScenario } from "../../../src/engine/scenario/StoredScenario";
import type { TitleISettings } from "../../../src/engine/scenario/TitleISettings";
import { titleISettingsProblems } from "../../../src/engine/scenario/titleISettingsProblems";
import { needSpec } from "./threeSchools";

/* The Title I choices in the one scenario model: checked field by field, carried by scenario files
 * (version 2) and the workbook's store (version 3), and older files and stores still read. */

const headers = ["School ID", "Enrollment", "FRL", "EL", "Level", "Staff FTE", "Salaries"];
const settings: TitleISettings = {
  columns: { lowIncome: "FRL", enrollment: "Enrollment", gradeSpan: "Level", privateSchool: null, staff: "Staff FTE", salaries: null },
  method: "35",
  districtAllocation: 4_100_000,
  reservations: { equitable: 100_000, parent: 41_000, homeless: 20_000, neglected: 5_300, administration: 20_000 },
  allocation: { mode: "perchild", perChild: 700 },
  skipped: [{ row: 2, school: "S2", reason: "State compensatory program" }],
  comparability: { tolerance: 0.1, smallSchool: 100 },
};

describe("titleISettingsProblems", () => {
  it("finds nothing wrong with whole settings whose columns the table has", () => {
    expect(titleISettingsProblems(settings, headers)).toEqual([]);
    expect(titleISettingsProblems({ ...settings, allocation: { mode: "pool" }, skipped: [], comparability: { tolerance: 0, smallSchool: null } }, headers)).toEqual([]);
  });

  it("names the field of every problem", () => {
    const bad = {
      ...settings,
      columns: { ...settings.columns, lowIncome: "", staff: "Teachers", colour: "red" },
      method: "all",
      districtAllocation: -1,
      reservations: { ...settings.reservations, parent: "lots" },
      allocation: { mode: "perchild", perChild: -5 },
      skipped: [{ row: 0, school: 7, reason: "" }, "S3"],
      comparability: { tolerance: 10, smallSchool: -1 },
    };
    expect(titleISettingsProblems(bad, headers)).toEqual([
      'titleI.columns.lowIncome is "", expected a column header',
      'titleI.columns.staff: column "Teachers" is not in the schools table',
      "titleI.columns.colour is not a Title I column (expected one of lowIncome, enrollment, gradeSpan, privateSchool, staff, salaries)",
      'titleI.method is "all", expected "district", "35" or "span"',
      "titleI.districtAllocation is -1, expected dollars >= 0",
      'titleI.reservations.parent is "lots", expected dollars >= 0',
      "titleI.allocation.perChild is -5, expected dollars >= 0 per low-income child",
      "titleI.skipped 1: row is 0, expected a data row number >= 1",
      "titleI.skipped 1: school is 7, expected the school's id as text, or null",
      "titleI.skipped 1: reason is missing, expected why the school is skipped",
      'titleI.skipped 2 is "S3", expected { "row", "school", "reason" }',
      "titleI.comparability.tolerance is 10, expected a share from 0 to 1 (0.1 for 10%)",
      "titleI.comparability.smallSchool is -1, expected a number of pupils >= 0, or null",
    ]);
  });

  it("needs a grade span column for the span method, reservations within the allocation, and a known mode", () => {
    expect(titleISettingsProblems({ ...settings, method: "span", columns: { ...settings.columns, gradeSpan: null } })).toEqual(['titleI.columns.gradeSpan is missing, needed by the method "span" (within grade spans)']);
    // 100,000 + 41,000 + 20,000 + 5,300 + 20,000 = 186,300 reserved.
    expect(titleISettingsProblems({ ...settings, districtAllocation: 100_000 })).toEqual(["titleI.reservations add up to 186300, more than the districtAllocation 100000"]);
    expect(titleISettingsProblems({ ...settings, allocation: { mode: "bands" } })).toEqual(['titleI.allocation.mode is "bands", expected "pool" or "perchild"']);
    expect(titleISettingsProblems("35%")).toEqual(['titleI is "35%", expected an object of Title I choices']);
  });
});

describe("scenario files carry the Title I choices (version 2)", () => {
  it("round-trips them", () => {
    const text = serializeScenarioFile({ name: "With Title I", spec: needSpec(660_000), savedAt: "2026-11-29T04:00:00.000Z", titleI: settings });
    expect(JSON.parse(text).version).toBe(2);
    const parsed = parseScenarioFile(text, headers);
    if (!parsed.ok) throw new Error(parsed.problems.join("; "));
    expect(parsed.scenario.titleI).toEqual(settings);
  });

  it("reads a version 1 file written before Title I choices existed, as it was saved", () => {
    // A file as the add-in exported it before this change (format version 1, no titleI).
    const v1 = `{
  "format": "wsf-scenario",
  "version": 1,
  "name": "FY26",
  "savedAt": "2026-11-28T12:00:00.000Z",
  "spec": { "version": 1, "name": "FY26", "base": { "mode": "fixed", "amount": 4140 }, "gradeWeights": [], "categoryWeights": [{ "header": "FRL", "label": "Low income", "weight": 0.2 }],
            "concentration": [], "fixed": { "mode": "none" }, "protection": { "maxLoss": null, "maxGain": null } },
  "columns": { "id": "School ID", "enrollment": "Enrollment", "frl": "FRL", "grades": [], "counts": [] }
}`;
    const parsed = parseScenarioFile(v1, headers);
    if (!parsed.ok) throw new Error(parsed.problems.join("; "));
    expect(parsed.scenario.version).toBe(2);
    expect(parsed.scenario.titleI).toBeUndefined();
    expect(parsed.scenario.spec.base).toEqual({ mode: "fixed", amount: 4140 });
    expect(parsed.scenario.columns?.frl).toBe("FRL");
  });

  it("refuses a file whose Title I choices are wrong, naming each field, and checks their columns against the table", () => {
    const text = serializeScenarioFile({ name: "Bad", spec: needSpec(1), titleI: { ...settings, allocation: { mode: "perchild", perChild: Number.NaN } } });
    expect(parseScenarioFile(text)).toEqual({ ok: false, problems: ["titleI.allocation.perChild is null, expected dollars >= 0 per low-income child"] });
    const elsewhere = parseScenarioFile(serializeScenarioFile({ name: "Elsewhere", spec: needSpec(1), titleI: settings }), ["School ID", "Enrollment", "FRL", "EL", "Prior year"]);
    expect(elsewhere.ok ? [] : elsewhere.problems).toEqual(['titleI.columns.gradeSpan: column "Level" is not in the schools table', 'titleI.columns.staff: column "Staff FTE" is not in the schools table']);
  });
});

describe("the workbook's store carries them (version 3)", () => {
  const stored = (name: string, titleI?: TitleISettings): StoredScenario => ({
    name,
    savedAt: "2026-11-29T04:00:00.000Z",
    spec: needSpec(660_000),
    mapping: { id: 0, enrollment: 1, frl: 2, grades: [], counts: [] },
    tableId: "Schools",
    summary: null,
    ...(titleI ? { titleI } : {}),
  });

  it("round-trips a scenario with Title I choices, one without, and the record of the choices last applied", () => {
    const json = serializeScenarioStore([stored("With", settings), stored("Without")], [], null, { tableId: "Schools", settings });
    expect(JSON.parse(json).version).toBe(3);
    const parsed = parseScenarioStore(json);
    expect(parsed.problems).toEqual([]);
    expect(parsed.scenarios).toEqual([stored("With", settings), stored("Without")]);
    expect(parsed.appliedTitleI).toEqual({ tableId: "Schools", settings });
  });

  it("reads a version 2 store written before Title I choices existed", () => {
    const v2 = JSON.stringify({ format: "wsf-scenarios", version: 2, scenarios: [stored("Old")] });
    const parsed = parseScenarioStore(v2);
    expect(parsed.problems).toEqual([]);
    expect(parsed.scenarios).toEqual([stored("Old")]);
    expect(parsed.appliedTitleI).toBeNull();
  });

  it("leaves out a scenario whose Title I choices are damaged (kept aside), and reports a damaged record", () => {
    const damaged = { ...stored("Damaged"), titleI: { ...settings, method: 35 } };
    const parsed = parseScenarioStore(JSON.stringify({ format: "wsf-scenarios", version: 3, scenarios: [damaged, stored("Fine")], appliedTitleI: { settings } }));
    expect(parsed.scenarios.map((s) => s.name)).toEqual(["Fine"]);
    expect(parsed.setAside).toEqual([damaged]);
    expect(parsed.problems).toEqual([
      'Scenario "Damaged" was left out: its titleI.method is 35, expected "district", "35" or "span".',
      "The record of the Title I choices last applied could not be read (it does not say which table it was applied to); the Title I step opens without it. Apply Title I again to record it.",
    ]);
    expect(parsed.appliedTitleI).toBeNull();
  });
});
