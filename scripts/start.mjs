/* `npm start`: serves the add-in and the playground from dist/, building it first when it is missing or older
 * than the sources. Works with no display and no Office:
 * - https://localhost:3000 for Excel (sideload manifest.xml; the certificate is self-signed and made at start);
 * - http://localhost:3001 (or the next free port) for the playground, to open in any browser.
 * Prints the two addresses and logs nothing else of its own (stdout only; no log files).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./serve.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");
const builtFiles = ["functions.js", "functions.json", "taskpane.html", "playground.html", "playground.js"];
const sourceInputs = ["src", "manifest.xml", "webpack.config.js", "package.json", "assets"];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** dist is fresh when every output exists and none is older than the newest source file. */
export function distIsFresh() {
  const outputs = builtFiles.map((f) => path.join(dist, f));
  if (!outputs.every((f) => existsSync(f))) return false;
  const oldestOutput = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  const newestSource = Math.max(...sourceInputs.map((s) => newestMtime(path.join(root, s))));
  return oldestOutput >= newestSource;
}

async function listenFrom(firstPort, options) {
  for (let port = firstPort; port < firstPort + 20; port++) {
    try {
      return await startServer({ ...options, port });
    } catch (error) {
      if (error?.code !== "EADDRINUSE") throw error;
    }
  }
  throw new Error(`no free port from ${firstPort} to ${firstPort + 19}`);
}

export async function start({ build = true } = {}) {
  if (build && !distIsFresh()) {
    console.log("Building dist/ (webpack --mode production)...");
    const result = spawnSync(path.join(root, "node_modules", ".bin", "webpack"), ["--mode", "production"], { cwd: root, stdio: "inherit" });
    if (result.status !== 0) throw new Error("the build failed; see the webpack output above");
  }
  const addIn = await startServer({ root: "dist", port: Number(process.env.WSF_PORT || 3000), https: true });
  const playground = await listenFrom(Number(process.env.WSF_PLAYGROUND_PORT || 3001), { root: "dist" });
  console.log(`Playground: ${playground.url}/playground.html`);
  console.log(`Add-in (sideload manifest.xml): ${addIn.url}/taskpane.html`);
  return { addIn, playground, close: () => Promise.all([addIn.close(), playground.close()]) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  start({ build: !process.argv.includes("--no-build") })
    .then(({ close }) => {
      const stop = () => close().then(() => process.exit(0));
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    })
    .catch((error) => {
      console.error(`start: ${error.message}`);
      process.exit(1);
    });
}
