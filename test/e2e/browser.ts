import { spawn } from "node:child_process";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/* Shared set-up of the browser tests: the built dist/ served on a free port, Debian's Chromium headless with a
 * fresh profile, and a page that fails the test on any console error or uncaught page error. */

export const repoRoot = path.resolve(__dirname, "../..");
/** The build under test: dist/, or another folder named by WSF_E2E_DIST (a build made elsewhere). */
export const distDir = process.env.WSF_E2E_DIST ? path.resolve(process.env.WSF_E2E_DIST) : path.join(repoRoot, "dist");
export const screenshotDir = path.join(repoRoot, "test-results", "screenshots");
export const docsImageDir = path.join(repoRoot, "docs", "img");

const chromiumArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export interface Served {
  url: string;
  close: () => Promise<void>;
}

/** Fails with the next step when the build is missing, instead of skipping the browser tests silently. */
export function requireBuiltPlayground(): void {
  const html = path.join(distDir, "playground.html");
  if (!existsSync(html) || !existsSync(path.join(distDir, "functions.json"))) {
    throw new Error("dist/playground.html or dist/functions.json is missing: build first (`npx webpack --mode production`, or `npm test`, which builds).");
  }
}

/**
 * Runs scripts/serve.mjs in a child process (it is an ES module, which jest's CommonJS runtime cannot import)
 * on a free port, and resolves once it prints its address.
 */
export function serve(args: string[] = ["--root", distDir]): Promise<Served> {
  const child = spawn(process.execPath, [path.join(repoRoot, "scripts", "serve.mjs"), "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("exit", (code) => reject(new Error(`serve.mjs exited with ${code}: ${err}`)));
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const line = out.split("\n")[0];
      if (!out.includes("\n")) return;
      const { url } = JSON.parse(line) as { url: string };
      child.removeAllListeners("exit");
      const close = () =>
        new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          child.once("exit", () => done());
          child.kill("SIGTERM");
        });
      resolve({ url, close });
    });
  });
}

export function serveDist(): Promise<Served> {
  return serve();
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far; every test checks it is empty. */
  problems: string[];
  close: () => Promise<void>;
}

export async function openBrowser(viewport = { width: 1440, height: 900 }): Promise<Browser> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), "wsf-e2e-"));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: "/usr/bin/chromium", args: chromiumArgs, viewport });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  const close = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, page, problems, close };
}

export async function screenshot(page: Page, name: string, target: "results" | "docs" = "results"): Promise<string> {
  const dir = target === "docs" ? docsImageDir : screenshotDir;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** A served build and a browser on its playground page, ready (the sample district loaded). */
export interface OpenPlayground extends Browser {
  served: Served;
}

/**
 * Serves dist/, opens Chromium on the playground and waits until the page says it is ready; fails with the
 * page's own alert when it could not start. `query` is appended to the page's address ("?schools=40"). Every
 * test file of the suite starts here (through playgroundPage.ts); `close` ends both.
 */
export async function openPlayground(viewport?: { width: number; height: number }, options: { firstScreen?: boolean; query?: string } = {}): Promise<OpenPlayground> {
  requireBuiltPlayground();
  const served = await serveDist();
  const browser = await openBrowser(viewport);
  // The first screen (src/playground/Welcome.tsx) is modal; suites other than its own start as a returning visitor.
  if (!options.firstScreen) await browser.context.addInitScript(() => localStorage.setItem("wsf-playground.welcomeDone", "test"));
  // A missing label fails within 15 s with Playwright's own message, before jest's test timeout.
  browser.page.setDefaultTimeout(15_000);
  await browser.page.goto(`${served.url}/playground.html${options.query ?? ""}`);
  await browser.page.waitForFunction(() => document.body.dataset.ready !== undefined, null, { timeout: 60_000 });
  if ((await browser.page.evaluate(() => document.body.dataset.ready)) !== "true") throw new Error(await browser.page.locator("[role=alert]").innerText());
  const close = async () => {
    await browser.close();
    await served.close();
  };
  return { ...browser, served, close };
}
