import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { repoRoot, serve } from "./browser";

/* scripts/serve.mjs: the static server npm start and the browser tests use. Files are made here, so every
 * expected body and type is known. */

let root: string;

/** resolveInside run in node itself (the module is ESM): the file a request path maps to, or null. */
function resolveInside(base: string, requestPath: string): string | null {
  const script = `import { resolveInside } from ${JSON.stringify(path.join(repoRoot, "scripts", "serve.mjs"))}; console.log(JSON.stringify(resolveInside(process.argv[1], process.argv[2])));`;
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script, base, requestPath], { encoding: "utf8" }));
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), "wsf-serve-"));
  mkdirSync(path.join(root, "sub"));
  writeFileSync(path.join(root, "index.html"), "<p>home</p>");
  writeFileSync(path.join(root, "functions.json"), '{"functions":[]}');
  writeFileSync(path.join(root, "app.js"), "console.log(1)");
  writeFileSync(path.join(root, "sub", "icon.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(path.join(os.tmpdir(), "wsf-serve-secret.txt"), "secret");
});

test("serves files with their MIME types, index.html for a directory, 404 for a missing file", async () => {
  const server = await serve(["--root", root]);
  try {
    const get = (p: string) => fetch(server.url + p);
    expect((await get("/functions.json")).headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect((await get("/app.js")).headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect((await get("/sub/icon.png")).headers.get("content-type")).toBe("image/png");
    expect(await (await get("/")).text()).toBe("<p>home</p>");
    expect((await get("/nothing.js")).status).toBe(404);
  } finally {
    await server.close();
  }
});

test("never serves a file outside its root, however the path is encoded", async () => {
  for (const attempt of ["/../wsf-serve-secret.txt", "/%2e%2e/wsf-serve-secret.txt", "/..%2fwsf-serve-secret.txt", "/sub/..%5c..%5cwsf-serve-secret.txt"]) {
    const resolved = resolveInside(root, attempt);
    expect(resolved === null || resolved.startsWith(root + path.sep)).toBe(true);
  }
  const server = await serve(["--root", root]);
  try {
    // fetch() would normalise "..", so send the raw request line.
    const http = await import("node:http");
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(server.url + "/", { path: "/%2e%2e/wsf-serve-secret.txt" }, (response) => resolve(response.statusCode ?? 0));
      request.on("error", reject);
      request.end();
    });
    expect(status).not.toBe(200);
  } finally {
    await server.close();
  }
});

test("serves office.js from the @microsoft/office-js package under /office-js/", async () => {
  const server = await serve(["--root", root]);
  try {
    const response = await fetch(`${server.url}/office-js/office.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
  } finally {
    await server.close();
  }
});

test("https: a self-signed certificate for localhost is made at start", async () => {
  const server = await serve(["--root", root, "--https"]);
  try {
    expect(server.url).toMatch(/^https:\/\/localhost:\d+$/);
    const https = await import("node:https");
    const { status, subject } = await new Promise<{ status: number; subject: string }>((resolve, reject) => {
      const request = https.get(`${server.url}/functions.json`, { rejectUnauthorized: false }, (response) => {
        const cert = (response.socket as import("node:tls").TLSSocket).getPeerCertificate();
        resolve({ status: response.statusCode ?? 0, subject: String(cert.subject?.CN) });
        response.resume();
      });
      request.on("error", reject);
    });
    expect(status).toBe(200);
    expect(subject).toBe("localhost");
  } finally {
    await server.close();
  }
});
