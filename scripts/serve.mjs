/* A small static file server for the built add-in and the playground (no webpack-dev-server needed):
 * - serves `root` (default dist/) over http, or https with a self-signed certificate made at start-up
 *   (Excel sideloading wants https://localhost:3000);
 * - serves /office-js/* from node_modules/@microsoft/office-js/dist, so browser tests can route Microsoft's
 *   CDN URL for office.js to local files;
 * - never serves a file outside its roots (`..`, encoded slashes and absolute paths are refused).
 * Logs nothing: the caller decides what to print.
 */
import http from "node:http";
import https from "node:https";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const officeJsRoot = path.join(repoRoot, "node_modules", "@microsoft", "office-js", "dist");

export const mimeTypes = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The MIME type for a file name; unknown extensions are served as bytes. */
export function mimeTypeOf(fileName) {
  return mimeTypes[path.extname(fileName).toLowerCase()] ?? "application/octet-stream";
}

/**
 * Maps a request path onto a file under `base`, or returns null when the path would leave it.
 * Decoding happens once, before the check, so `%2e%2e%2f` cannot sneak past it.
 */
export function resolveInside(base, requestPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const resolved = path.resolve(base, "." + path.posix.normalize("/" + decoded.replace(/\\/g, "/")));
  const relative = path.relative(base, resolved);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return null;
  return resolved;
}

async function fileFor(root, pathname) {
  const [base, rest] = pathname.startsWith("/office-js/") ? [officeJsRoot, pathname.slice("/office-js".length)] : [root, pathname];
  const candidate = resolveInside(base, rest);
  if (!candidate) return { status: 403 };
  try {
    const info = await stat(candidate);
    if (info.isDirectory()) {
      const index = path.join(candidate, "index.html");
      const indexInfo = await stat(index).catch(() => null);
      return indexInfo?.isFile() ? { status: 200, file: index, size: indexInfo.size } : { status: 404 };
    }
    return { status: 200, file: candidate, size: info.size };
  } catch {
    return { status: 404 };
  }
}

async function certificate() {
  // selfsigned 5 generates with WebCrypto and is async; the certificate lives only in memory.
  const selfsigned = (await import("selfsigned")).default;
  const notAfter = new Date();
  notAfter.setDate(notAfter.getDate() + 30);
  const pems = await selfsigned.generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    algorithm: "sha256",
    notAfterDate: notAfter,
    extensions: [{ name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }, { type: 7, ip: "127.0.0.1" }] }],
  });
  return { key: pems.private, cert: pems.cert };
}

/**
 * Starts a static server. `port` 0 picks a free port.
 *
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>} `url` ends without a slash.
 */
export async function startServer({ root = "dist", port = 0, https: useHttps = false, host = "localhost" } = {}) {
  const rootDir = path.resolve(repoRoot, root);
  const handler = async (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    const found = await fileFor(rootDir, pathname);
    if (found.status !== 200) {
      response.writeHead(found.status, { "Content-Type": "text/plain; charset=utf-8" }).end(found.status === 403 ? "Forbidden" : "Not found");
      return;
    }
    response.writeHead(200, {
      "Content-Type": mimeTypeOf(found.file),
      "Content-Length": found.size,
      "Cache-Control": "no-cache",
      // Excel loads functions.json and functions.js from the add-in's origin inside its own frames.
      "Access-Control-Allow-Origin": "*",
      "X-Content-Type-Options": "nosniff",
    });
    if (request.method === "HEAD") {
      response.end();
      return;
    }
    createReadStream(found.file).on("error", () => response.destroy()).pipe(response);
  };
  const server = useHttps ? https.createServer(await certificate(), handler) : http.createServer(handler);
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  const url = `${useHttps ? "https" : "http"}://${host}:${actualPort}`;
  const close = () =>
    new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    });
  return { url, port: actualPort, close };
}

/* Command line: `node scripts/serve.mjs [--root dist] [--port 0] [--https]` prints {"url": ...} as one JSON
 * line once listening, and serves until it gets SIGTERM or SIGINT (the browser tests run it this way). */
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const option = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
  };
  const server = await startServer({ root: option("--root", "dist"), port: Number(option("--port", "0")), https: process.argv.includes("--https") });
  console.log(JSON.stringify({ url: server.url }));
  const stop = () => server.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
