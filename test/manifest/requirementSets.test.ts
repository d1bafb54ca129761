/**
 * Requirement sets (excel-behaviour.md item 15): the list beside the Office adapter names every Office
 * API member the Office-facing code uses, with the set its declaration gives it, and manifest.xml
 * declares the highest version of each set the code needs. Checked by `npm run validate`
 * (scripts/requirement-sets.cjs), tested here against the real code and against broken lists.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { missingRequirementSetsMessage, OFFICE_APIS, OFFICE_SOURCES, REQUIRED_SETS } from "../../src/workbook/office/requirementSets";

const root = path.resolve(__dirname, "../..");
const manifest = readFileSync(path.join(root, "manifest.xml"), "utf8");

// eslint-disable-next-line @typescript-eslint/no-require-imports
const checker = require("../../scripts/requirement-sets.cjs") as {
  requirementSetProblems: (root: string, xml: string, list?: unknown) => { problems: string[]; notes: string[] };
  declaredSets: (xml: string) => Map<string, string>;
};

const list = { OFFICE_APIS, OFFICE_SOURCES, REQUIRED_SETS };
const check = (xml: string, apis = OFFICE_APIS, required = REQUIRED_SETS) => checker.requirementSetProblems(root, xml, { OFFICE_APIS: apis, OFFICE_SOURCES, REQUIRED_SETS: required });

describe("requirement sets", () => {
  jest.setTimeout(120_000);

  it("the list matches the code and manifest.xml declares what it needs: ExcelApi 1.8, CustomFunctionsRuntime 1.3, SharedRuntime 1.1", () => {
    expect(checker.requirementSetProblems(root, manifest, list).problems).toEqual([]);
    expect(Object.fromEntries(checker.declaredSets(manifest))).toEqual({ ExcelApi: "1.8", CustomFunctionsRuntime: "1.3", SharedRuntime: "1.1" });
  });

  it("the manifest as it was (SharedRuntime 1.1 only) is refused, naming the APIs that need more", () => {
    const old = manifest.replace(/\s*<Set Name="ExcelApi"[^>]*\/>/, "").replace(/\s*<Set Name="CustomFunctionsRuntime"[^>]*\/>/, "");
    const problems = check(old).problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/declares no ExcelApi, but the code needs ExcelApi 1\.8 \(Excel\.\w+\.\w+\)/);
    expect(problems[1]).toMatch(/declares no CustomFunctionsRuntime, but the code needs CustomFunctionsRuntime 1\.3/);
    expect(check(manifest.replace('<Set Name="ExcelApi" MinVersion="1.8"/>', '<Set Name="ExcelApi" MinVersion="1.7"/>')).problems).toEqual([
      expect.stringContaining("the manifest declares ExcelApi 1.7, but the code needs ExcelApi 1.8"),
    ]);
  });

  it("an API the code uses but the list leaves out is reported with the file and its set", () => {
    const problems = check(manifest, OFFICE_APIS.filter((a) => a.api !== "Excel.Worksheet.onChanged")).problems;
    expect(problems).toEqual(["src/workbook/office/OfficeWorkbook.ts uses Excel.Worksheet.onChanged (ExcelApi 1.7), which is not listed in src/workbook/office/requirementSets.ts; add it with that set"]);
  });

  it("a set written down wrong is reported against the declaration (the list cannot understate a set)", () => {
    const wrong = OFFICE_APIS.map((a) => (a.api === "Excel.ChartSeries.setValues" ? { ...a, set: { name: "ExcelApi" as const, version: "1.1" } } : a));
    expect(check(manifest, wrong).problems).toEqual(["src/workbook/office/requirementSets.ts lists Excel.ChartSeries.setValues as ExcelApi 1.1, but its declaration says ExcelApi 1.7"]);
  });

  it("a guarded entry needs its isSetSupported check in the code; REQUIRED_SETS must follow the list", () => {
    const guarded = OFFICE_APIS.map((a) => (a.api === "Excel.Worksheet.onChanged" ? { ...a, guarded: true } : a));
    expect(check(manifest, guarded).problems).toEqual(['Excel.Worksheet.onChanged is listed as guarded, but src/workbook/office/OfficeWorkbook.ts never checks isSetSupported("ExcelApi", "1.7")']);
    const stale = REQUIRED_SETS.map((s) => (s.name === "ExcelApi" ? { ...s, version: "1.4" } : s));
    expect(check(manifest, OFFICE_APIS, stale).problems).toEqual([expect.stringContaining("REQUIRED_SETS in src/workbook/office/requirementSets.ts says ExcelApi 1.4, but the code needs ExcelApi 1.8")]);
  });
});

describe("missingRequirementSetsMessage", () => {
  it("says nothing where every set is supported", () => {
    expect(missingRequirementSetsMessage(() => true)).toBeNull();
  });

  it("names the missing sets and what they are for, and says the workbook is unchanged", () => {
    const message = missingRequirementSetsMessage((name, version) => !(name === "ExcelApi" && version === "1.8"));
    expect(message).toContain("ExcelApi 1.8 (charts with series, trendlines and number formats, and change events)");
    expect(message).not.toContain("CustomFunctionsRuntime");
    expect(message).toContain("Your workbook has not been changed.");
  });
});
