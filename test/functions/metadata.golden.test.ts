/**
 * Golden-file test of the generated dist/functions.json: a renamed id or parameter, a changed description
 * or a lost optional flag shows up here in review. After an intended change, refresh the golden copy with
 * `UPDATE_GOLDEN=1 npx jest test/functions/metadata.golden.test.ts` and commit it with the change.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { distDir } from "../support/excelRuntime";

const goldenPath = path.resolve(__dirname, "functions.golden.json");

describe("dist/functions.json", () => {
  const generated = JSON.parse(readFileSync(path.join(distDir, "functions.json"), "utf8"));

  it("matches the committed golden copy", () => {
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(goldenPath, JSON.stringify(generated, null, 2) + "\n");
    const golden = JSON.parse(readFileSync(goldenPath, "utf8"));
    expect(generated).toEqual(golden);
  });

  it("declares range parameters as matrices and spilling functions as matrix results", () => {
    const byId = new Map<string, any>(generated.functions.map((f: any) => [f.id, f]));
    for (const id of ["BYGROUP", "EXPENDITURELEVEL", "LORENZ", "EQUITYTABLE", "WEIGHTEDPUPILS", "CONCENTRATION", "ALLOCATE", "PROTECT", "PERPUPIL", "EXPLAIN", "LCFF"]) {
      expect(byId.get(id).result.dimensionality).toBe("matrix");
    }
    for (const id of ["MEAN", "GINI", "SOLVEBASE", "UPP"]) expect(byId.get(id).result.dimensionality ?? "scalar").toBe("scalar");
    expect(byId.get("GINI").parameters.map((p: any) => [p.name, p.dimensionality, p.optional ?? false])).toEqual([
      ["values", "matrix", false],
      ["pupils", "matrix", true],
    ]);
  });
});
