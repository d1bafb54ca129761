/**
 * Old webviews (excel-behaviour.md item 16): Windows builds that meet SharedRuntime 1.1 may still show
 * add-ins in a webview that does not parse ES2018+ syntax (`?.`, `??`, object spread). The built add-in
 * bundles must parse as ES2017, and a runtime too old for them must show a sentence, not a blank pane.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
// acorn is the parser webpack itself uses (a dependency of webpack and terser), so no new dependency.
import { parse } from "acorn";
import { distDir } from "../support/excelRuntime";

const built = (name: string) => readFileSync(path.join(distDir, name), "utf8");

/** The page's inline script (the only <script> without a src). */
function inlineScript(): string {
  const scripts = [...built("taskpane.html").matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  expect(scripts).toHaveLength(1);
  return scripts[0];
}

/** Runs the inline check against a stub page in a fresh realm; `prepare` first makes that realm older. */
function runCheck(prepare = ""): { message: string; root: string } {
  const style = { message: "", root: "" };
  const document = {
    getElementById: (id: string) => ({ style: id === "wsf-too-old" ? { set display(v: string) { style.message = v; } } : { set display(v: string) { style.root = v; } } }),
  };
  const context = vm.createContext({ document });
  if (prepare) vm.runInContext(prepare, context);
  vm.runInContext(inlineScript(), context);
  return style;
}

describe("the add-in on old webviews", () => {
  it.each(["functions.js", "taskpane.js"])("%s parses as ES2017", (name) => {
    expect(() => parse(built(name), { ecmaVersion: 2017, sourceType: "script" })).not.toThrow();
  });

  it("the ES2017 parser does reject what old webviews cannot run (the test can fail)", () => {
    for (const code of ["a?.b", "a ?? b", "const x = { ...y }", "async function* g() {}"]) {
      expect(() => parse(code, { ecmaVersion: 2017, sourceType: "script" })).toThrow();
    }
  });

  it("the page's own check is ES5 and says the sentence in the page itself", () => {
    expect(() => parse(inlineScript(), { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    const html = built("taskpane.html");
    expect(html).toContain("This version of Excel is too old for the Weighted Student Funding add-in.");
    // The check runs before the deferred bundles.
    expect(html.indexOf("wsf-too-old")).toBeGreaterThan(-1);
    expect(html).toMatch(/<script defer(?:="")? src=taskpane\.js>/);
  });

  it("shows nothing on a current runtime", () => {
    expect(runCheck()).toEqual({ message: "", root: "" });
  });

  it("shows the sentence and hides the pane where async functions do not parse", () => {
    const old = 'Function = function () { throw new SyntaxError("Unexpected token function"); };';
    expect(runCheck(old)).toEqual({ message: "block", root: "none" });
  });

  it("shows the sentence where ES2017 library functions are missing", () => {
    expect(runCheck("delete Object.entries;")).toEqual({ message: "block", root: "none" });
    expect(runCheck("delete String.prototype.padStart;")).toEqual({ message: "block", root: "none" });
  });
});
