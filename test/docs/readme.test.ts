/**
 * The README is the newcomer's entry: its first two commands must run the product and the tests, and its
 * function reference must be what `npm run docs` generates from the built functions.json.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));

describe("README", () => {
  it("opens with the command that runs the playground and the one that runs the tests", () => {
    const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks[0]).toMatch(/^npm ci && npm start\b/);
    expect(blocks[1]).toMatch(/npm ci && npm test\s*$/);
    expect(pkg.scripts.start).toBeDefined();
    expect(pkg.scripts.test).toBeDefined();
  });

  it("has a function reference up to date with dist/functions.json (npm run docs --check)", () => {
    const out = execFileSync("node", [path.join(root, "scripts/docs.mjs"), "--check"], { cwd: root, encoding: "utf8" });
    expect(out).toContain("up to date");
    const functionsJson = JSON.parse(readFileSync(path.join(root, "dist/functions.json"), "utf8"));
    expect((readme.match(/^### WSF\./gm) ?? []).length).toBe(functionsJson.functions.length);
    expect(functionsJson.functions.length).toBe(36);
  });
});
