/**
 * The XML manifest, validated offline as `npm run validate` does: the Office add-in manifest schema
 * (shared/office-xsd, via xmllint) and the resid check the schema cannot make.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const manifest = readFileSync(path.join(root, "manifest.xml"), "utf8");

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { residProblems } = require("../../scripts/manifest-resids.cjs") as { residProblems: (xml: string) => string[] };

describe("manifest.xml", () => {
  it("passes npm run validate (schema, resids, requirement sets)", () => {
    const out = execFileSync("node", [path.join(root, "scripts/validate-manifest.mjs")], { cwd: root, encoding: "utf8" });
    expect(out).toContain("every resid resolves and it declares the requirement sets the code needs");
  }, 120_000);

  it("has no unresolved or unused resource ids", () => {
    expect(residProblems(manifest)).toEqual([]);
  });

  it("reports a resid that points nowhere", () => {
    const broken = manifest.replace('<Namespace resid="Functions.Namespace"/>', '<Namespace resid="Functions.Namespce"/>');
    const problems = residProblems(broken);
    expect(problems).toContain('resid "Functions.Namespce" does not resolve to any resource in <Resources>');
  });

  it("declares the shared runtime, the WSF namespace, ReadWriteDocument and the four icon sizes", () => {
    expect(manifest).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
    expect(manifest).toContain('<Set Name="ExcelApi" MinVersion="1.8"/>');
    expect(manifest).toContain('<Set Name="CustomFunctionsRuntime" MinVersion="1.3"/>');
    expect(manifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(manifest).toContain('<bt:String id="Functions.Namespace" DefaultValue="WSF"/>');
    expect(manifest).toContain("<Permissions>ReadWriteDocument</Permissions>");
    for (const size of [16, 32, 64, 80]) expect(manifest).toContain(`assets/icon-${size}.png`);
    expect(manifest).toContain('<Action xsi:type="ShowTaskpane">');
  });
});
