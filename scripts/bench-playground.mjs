/* Measures the playground in headless Chromium (the built dist/, served locally):
 * - loadMs: from navigation to interactive (the 850-school sample district in the grid, the task pane mounted);
 * - recalcMs: from a person typing a new weight into a cell until the grid has repainted with the recalculated
 *   allocation of every school (WEIGHTEDPUPILS -> SOLVEBASE -> ALLOCATE -> PERPUPIL -> GINI over 850 rows).
 * Run `node scripts/bench-playground.mjs [distDir]` after a build; prints one JSON line and returns the numbers.
 */
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "./serve.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const chromiumArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** `dist` is the build to measure (default dist/); returns { schools, loadMs, recalcMs } (medians). */
export async function benchPlayground({ schools = 850, runs = 3, dist = path.join(root, "dist") } = {}) {
  if (!existsSync(path.join(dist, "playground.html"))) throw new Error(`${dist}/playground.html is missing; run \`npx webpack --mode production\` first`);
  const server = await startServer({ root: dist });
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), "wsf-bench-"));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: "/usr/bin/chromium", args: chromiumArgs, viewport: { width: 1400, height: 900 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const loads = [];
    for (let run = 0; run < runs; run++) {
      await page.goto(`${server.url}/playground.html?schools=${schools}`);
      await page.waitForFunction(() => document.body.dataset.ready === "true" && document.querySelector('[role="gridcell"]') !== null, null, { timeout: 60_000 });
      loads.push(await page.evaluate(() => performance.now()));
    }
    const recalcs = await page.evaluate(async (count) => {
      const wb = window.wsfPlayground;
      const table = await wb.readTable("Schools");
      const letter = (i) => String.fromCharCode(65 + i);
      const col = (header) => table.info.headers.findIndex((h) => h.toLowerCase().startsWith(header));
      const grades = ["grades k-3", "grades 4-6", "grades 7-8", "grades 9-12"].map(col);
      const enrollment = col("enrollment");
      const first = grades[0];
      const last = grades[3];
      const end = count + 1;
      const rows = [
        [1, 1, 1.05, 1.2, 5_000_000_000],
        [null],
        [
          `=WSF.WEIGHTEDPUPILS(Schools!${letter(first)}2:${letter(last)}${end}, A1:D1)`,
          `=WSF.SOLVEBASE(A3:A${count + 2}, E1)`,
          `=WSF.ALLOCATE(A3:A${count + 2}, B3)`,
          `=WSF.PERPUPIL(C3:C${count + 2}, Schools!${letter(enrollment)}2:${letter(enrollment)}${end})`,
          `=WSF.GINI(D3:D${count + 2}, Schools!${letter(enrollment)}2:${letter(enrollment)}${end})`,
        ],
      ];
      await wb.writeSheet({ name: "Bench", blocks: [{ row: 0, column: 0, values: rows }], activate: true });
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      await frame();
      const times = [];
      for (const weight of [1.3, 1.25, 1.35, 1.2, 1.4]) {
        const before = wb.cell("Bench", 2, 2).value;
        const t0 = performance.now();
        wb.setCellByUser("Bench", 0, 3, String(weight));
        await frame();
        times.push(performance.now() - t0);
        if (wb.cell("Bench", 2, 2).value === before) throw new Error("the allocation did not change after the weight did");
      }
      return times;
    }, schools);
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const result = { schools, loadMs: Math.round(median(loads)), recalcMs: Math.round(median(recalcs) * 10) / 10 };
    console.log(JSON.stringify(result));
    return result;
  } finally {
    await context.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchPlayground(process.argv[2] ? { dist: path.resolve(process.argv[2]) } : {}).catch((error) => {
    console.error(`bench-playground: ${error.message}`);
    process.exit(1);
  });
}
