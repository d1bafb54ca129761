import { columnsToMapping, mappingToColumns, parseScenarioFile, serializeScenarioFile } from "../../../src/engine/scenario/scenarioFile";
import { runFormula } from "../../../src/engine/scenario/runFormula";
import { needSpec, threeSchools } from "./threeSchools";

describe("scenario files", () => {
  const headers = ["School ID", "Enrollment", "FRL", "EL", "Prior year"];
  const mapping = { id: 0, enrollment: 1, frl: 2, el: 3, prior: 4, grades: [], counts: [] };

  it("round-trips a formula and its columns by header, and the read formula computes the same base", () => {
    const text = serializeScenarioFile({ name: "Need", spec: needSpec(660_000), savedAt: "2026-11-28T12:00:00.000Z", columns: mappingToColumns(headers, mapping) });
    const parsed = parseScenarioFile(text, headers);
    if (!parsed.ok) throw new Error(parsed.problems.join("; "));
    expect(parsed.scenario.name).toBe("Need");
    expect(parsed.scenario.columns).toEqual({ id: "School ID", enrollment: "Enrollment", frl: "FRL", el: "EL", prior: "Prior year", grades: [], counts: [] });
    expect(columnsToMapping(parsed.scenario.columns!, headers)).toEqual({ mapping, missing: [] });
    // threeSchools: 660 weighted pupils, so a $660,000 pool is $1,000 per weighted pupil (hand calculation).
    expect(runFormula(parsed.scenario.spec, threeSchools()).base).toBeCloseTo(1000, 9);
  });

  it("matches headers loosely and lists the ones a table lacks", () => {
    expect(columnsToMapping({ enrollment: "ENROLLMENT ", frl: "Poverty", grades: [], counts: ["EL"] }, headers)).toEqual({
      mapping: { enrollment: 1, grades: [], counts: [3] },
      missing: ["Poverty"],
    });
  });

  it("names the field of every problem", () => {
    const spec = { ...needSpec(1000), categoryWeights: [{ header: "FRL", label: "Low income", weight: -1 }] };
    const bad = JSON.stringify({ format: "wsf-scenario", version: 1, name: "", savedAt: "yesterday", spec, columns: { frl: 3, grades: "K-5", colour: "red" } });
    const parsed = parseScenarioFile(bad);
    expect(parsed).toEqual({
      ok: false,
      problems: [
        "name is missing, expected the scenario's name",
        'savedAt is "yesterday", expected a date such as 2026-11-28T12:00:00.000Z',
        "spec: categoryWeights 1 (Low income): weight is -1, expected a number >= 0",
        "columns.frl is 3, expected a column header",
        'columns.grades is "K-5", expected a list of column headers',
        "columns.colour is not a column role (expected one of id, name, enrollment, frl, el, sped, foster, unduplicated, prior, region, level, grades, counts)",
      ],
    });
  });

  it("says what the file is when it is not a scenario file of this version", () => {
    expect(parseScenarioFile("{ nope")).toMatchObject({ ok: false, problems: [expect.stringMatching(/^the file is not valid JSON/)] });
    expect(parseScenarioFile("[1]")).toEqual({ ok: false, problems: ["the file does not hold a JSON object"] });
    expect(parseScenarioFile('{"format":"wsf-scenarios","version":2,"scenarios":[]}').ok).toBe(false);
    expect(parseScenarioFile('{"format":"other"}')).toEqual({ ok: false, problems: ['format is "other", expected "wsf-scenario"'] });
    expect(parseScenarioFile('{"format":"wsf-scenario","version":3}')).toEqual({
      ok: false,
      problems: ["version is 3: this file was written by a newer version of WSF (this one reads version 2); update to use it"],
    });
    expect(parseScenarioFile('{"format":"wsf-scenario","version":1,"name":"X"}')).toEqual({ ok: false, problems: ["spec is missing, expected the formula"] });
  });

  it("checks the formula's columns against the table when the headers are given", () => {
    const text = serializeScenarioFile({ name: "Need", spec: needSpec(1000) });
    expect(parseScenarioFile(text, ["Enrollment", "FRL"])).toEqual({ ok: false, problems: ['spec: categoryWeights 2 (English learners): column "EL" is not in the schools table'] });
    expect(parseScenarioFile(`\ufeff${text}`).ok).toBe(true);
  });
});
