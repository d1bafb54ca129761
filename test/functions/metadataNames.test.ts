/**
 * Excel's naming rules for custom functions (excel-behaviour.md item 1, from
 * learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming) on every function of the BUILT
 * dist/functions.json, each rule written out here independently of scripts/check-function-metadata.cjs
 * (which `npm run validate` runs); the script is then shown to catch a name made to break each rule.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { readFunctionsJson } from "../support/excelRuntime";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const rules = require("../../scripts/check-function-metadata.cjs") as {
  XLM_FUNCTIONS: Set<string>;
  functionMetadataProblems: (metadata: unknown) => string[];
};

const functions = readFunctionsJson().functions;
const identifiers = functions.flatMap((f) => [["id", f.id] as const, ["name", f.name] as const]);

/** Column letters to a number: A = 1, Z = 26, AA = 27, XFD = 16,384 (Excel's last column). */
const columnNumber = (letters: string) => [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

describe("every function in dist/functions.json follows Excel's naming rules", () => {
  it("has the 36 functions, COEFVAR among them and no CV (two characters is too short)", () => {
    expect(functions).toHaveLength(36);
    expect(functions.map((f) => f.id)).toContain("COEFVAR");
    expect(functions.map((f) => f.id)).not.toContain("CV");
  });

  it.each(identifiers)("%s %s starts with a letter and has at least three characters", (_kind, text) => {
    expect(text).toMatch(/^\p{L}/u);
    expect(text.length).toBeGreaterThanOrEqual(3);
  });

  it.each(functions.map((f) => [f.id]))("id %s uses only A-Z, 0-9, _ and .", (id) => {
    expect(id).toMatch(/^[A-Z0-9_.]+$/);
  });

  it.each(functions.map((f) => [f.name]))("name %s uses only letters, _ and .", (name) => {
    expect(name).toMatch(/^[\p{L}_.]+$/u);
  });

  it.each(identifiers)("%s %s does not read as an A1 or R1C1 cell reference", (_kind, text) => {
    const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(text);
    if (a1) expect(columnNumber(a1[1]) > 16_384 || Number(a1[2]) < 1 || Number(a1[2]) > 1_048_576).toBe(true);
    const r1c1 = /^R(\d+)C(\d+)$/i.exec(text);
    if (r1c1) expect(Number(r1c1[1]) > 1_048_576 || Number(r1c1[2]) > 16_384 || Number(r1c1[1]) < 1 || Number(r1c1[2]) < 1).toBe(true);
  });

  it.each(identifiers)("%s %s is not an Excel 4.0 macro function", (_kind, text) => {
    expect(rules.XLM_FUNCTIONS.has(text.toUpperCase())).toBe(false);
  });

  it("ids are unique", () => {
    expect(new Set(functions.map((f) => f.id)).size).toBe(functions.length);
  });
});

describe("scripts/check-function-metadata.cjs (npm run validate)", () => {
  const one = (id: string, name = id) => ({ functions: [{ id, name }] });

  it("finds nothing wrong with the built functions.json", () => {
    expect(rules.functionMetadataProblems(readFunctionsJson())).toEqual([]);
  });

  it.each([
    ["CV", "must be at least three characters long"],
    ["1ST", "must start with a letter"],
    ["_ABC", "must start with a letter"],
    ["CO-VAR", 'may use only A-Z, 0-9, "_" and "."'],
    ["coefvar", 'may use only A-Z, 0-9, "_" and "."'],
    ["AB12", "reads as a cell reference"],
    ["XFD1048576", "reads as a cell reference"],
    ["R1C1", "reads as a cell reference"],
    ["R1048576C16384", "reads as a cell reference"],
    ["RUN", "is an Excel 4.0 macro function"],
    ["ECHO", "is an Excel 4.0 macro function"],
    ["GET.CELL", "is an Excel 4.0 macro function"],
  ])("reports id %s: %s", (id, problem) => {
    expect(rules.functionMetadataProblems(one(id)).join("\n")).toContain(problem);
  });

  it("accepts names just past the cell-reference range (XFE1, A1048577) and R1C1-like text beyond the sheet", () => {
    for (const id of ["XFE1", "AAAA1", "A1048577", "R1C16385"]) expect(rules.functionMetadataProblems(one(id, "FINE"))).toEqual([]);
  });

  it("reports a name that breaks a rule even when the id is fine, and a duplicate id", () => {
    expect(rules.functionMetadataProblems(one("COEFVAR", "C2"))).toEqual([
      'function "COEFVAR": name "C2" must be at least three characters long',
      'function "COEFVAR": name "C2" may use only letters, "_" and "."',
      'function "COEFVAR": name "C2" reads as a cell reference',
    ]);
    expect(rules.functionMetadataProblems({ functions: [{ id: "GINI", name: "GINI" }, { id: "GINI", name: "GINI" }] })).toEqual(['function "GINI": id is used twice']);
  });

  it("runs as part of npm run validate", () => {
    const root = path.resolve(__dirname, "../..");
    const out = execFileSync("node", [path.join(root, "scripts/validate-manifest.mjs")], { cwd: root, encoding: "utf8" });
    expect(out).toContain("follows Excel's naming rules");
  });
});
