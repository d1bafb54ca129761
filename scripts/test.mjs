// `npm test`: builds the add-in and the playground (the function tests load the built dist/functions.js
// the way Excel does, and the browser tests open the built playground), then runs every jest suite and
// ends with one line "N passed, N failed" (suites that could not run count as failed).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: process.env }).status ?? 1;

// The browser tests drive Debian's Chromium and the manifest test runs xmllint: say how to get them, up front.
const missing = [
  ["/usr/bin/chromium", "chromium"],
  ["/usr/bin/xmllint", "libxml2-utils"],
].filter(([file]) => !existsSync(file));
if (missing.length > 0) {
  console.log(`test: missing ${missing.map(([file]) => file).join(" and ")}; install with: apt-get update && apt-get install -y ${missing.map(([, pkg]) => pkg).join(" ")}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}

if (!process.argv.includes("--no-build")) {
  console.log("test: building dist/ (webpack, production)");
  if (run(bin("webpack"), ["--mode", "production"]) !== 0) {
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "wsf-jest-"));
const report = path.join(tmp, "report.json");
const extra = process.argv.slice(2).filter((a) => a !== "--no-build");
const status = run(bin("jest"), ["--ci", "--json", `--outputFile=${report}`, ...extra]);
let passed = 0;
let failed = 0;
try {
  const result = JSON.parse(readFileSync(report, "utf8"));
  passed = result.numPassedTests;
  failed = result.numFailedTests + result.testResults.filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
} catch {
  failed = Math.max(failed, 1);
}
rmSync(tmp, { recursive: true, force: true });
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
