/**
 * The support page the manifest's SupportUrl names (excel-behaviour.md item 17): built to dist/support.html,
 * a page of its own that says what the add-in does, where data stays and how to report a problem.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { distDir } from "../support/excelRuntime";

const page = () => readFileSync(path.join(distDir, "support.html"), "utf8");
/** The page's visible text, tags dropped and whitespace folded. */
const text = () =>
  page()
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");

describe("dist/support.html", () => {
  it("says what the add-in does, where data stays and how to report a problem", () => {
    const t = text();
    for (const heading of ["What the add-in does", "Where your data stays", "How to report a problem"]) expect(t).toContain(heading);
    expect(t).toContain("The add-in sends no workbook data anywhere");
    expect(t).toContain("File > Account > About Excel");
    expect(t).toContain("a test copy and your organization's copy do not see each other's saved scenarios");
  });

  it("names the version it was built from and runs no script", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { version } = require("../../package.json") as { version: string };
    expect(text()).toContain(`Support page for version ${version} of the add-in.`);
    expect(page()).not.toMatch(/<script/i);
  });
});
