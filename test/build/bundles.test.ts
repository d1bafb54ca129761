/**
 * What the built bundles may contain. HyperFormula (GPL-3.0) evaluates the playground's cells but must never
 * enter the add-in itself (functions.js, taskpane.js), which stays MIT; and the initial task-pane JavaScript
 * stays under 250 KB gzip (office.js excluded), the budget of the task-pane issue.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { distDir } from "../support/excelRuntime";

const bundle = (name: string) => readFileSync(path.join(distDir, name));
/** Its documentation links and class name sit in every build of it; the "gpl-v3" licence key is ours, set in the playground only. */
const HYPERFORMULA_MARKERS = ["hyperformula.handsontable.com", "HyperFormula", "gpl-v3"];

describe("built bundles", () => {
  it("keep HyperFormula in the playground only", () => {
    const playground = bundle("playground.js").toString("utf8");
    for (const marker of HYPERFORMULA_MARKERS) expect(playground).toContain(marker);
    for (const name of ["functions.js", "taskpane.js"]) {
      const text = bundle(name).toString("utf8");
      for (const marker of HYPERFORMULA_MARKERS) expect({ name, marker, found: text.includes(marker) }).toEqual({ name, marker, found: false });
    }
  });

  it("keep Glide Data Grid (the playground's grid) and its style sheet in the playground only", () => {
    // Its accessibility table's cell ids and its style sheet's class names ("gdg-" + hash, the scroller's among them).
    const markers = ["glide-cell-", ".gdg-", "dvn-scroller"];
    const playground = bundle("playground.js").toString("utf8");
    for (const marker of markers) expect(playground).toContain(marker);
    for (const name of ["functions.js", "taskpane.js"]) {
      const text = bundle(name).toString("utf8");
      for (const marker of markers) expect({ name, marker, found: text.includes(marker) }).toEqual({ name, marker, found: false });
    }
  });

  it("keep the initial task-pane JavaScript (taskpane.js + functions.js) under 250 KB gzip", () => {
    const gzipKb = (name: string) => zlib.gzipSync(bundle(name), { level: 9 }).length / 1024;
    expect(gzipKb("taskpane.js") + gzipKb("functions.js")).toBeLessThan(250);
  });

  it("load the shared-runtime page with office.js first, then functions.js, then the task pane", () => {
    const html = bundle("taskpane.html").toString("utf8");
    const office = html.indexOf("appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const functions = html.indexOf("functions.js");
    const taskpane = html.indexOf("taskpane.js");
    expect(office).toBeGreaterThan(-1);
    expect(functions).toBeGreaterThan(office);
    expect(taskpane).toBeGreaterThan(functions);
  });
});
