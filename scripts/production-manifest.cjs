/* The production manifest (excel-behaviour.md item 17): manifest.xml is the development manifest, every
 * URL on https://localhost:3000; a production build rewrites it from one configured base URL, the way the
 * Office templates replace the development URL at build time:
 *
 *   WSF_BASE_URL=https://addin.example.org npm run build      -> dist/manifest.xml for that host
 *   node scripts/production-manifest.cjs https://addin.example.org out.xml
 *
 * SourceLocation, icons, the functions' script and metadata, the support page and every other URL move to
 * the base; AppDomains gets the base's origin. The production copy also gets its own add-in <Id>
 * (WSF_ADDIN_ID, default PRODUCTION_ID): Excel keeps settings (the ownership tags and saved scenarios) per
 * file and per add-in id, so a development copy and a production copy never see each other's
 * (excel-behaviour.md item 13), and both can be installed side by side.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: loaded by webpack.config.js and the jest tests */
const { readFileSync, writeFileSync } = require("node:fs");
const path = require("node:path");

/** Where manifest.xml points during development. */
const DEV_ORIGIN = "https://localhost:3000";
/** The production add-in id unless WSF_ADDIN_ID gives another (a GUID, as the manifest schema requires). */
const PRODUCTION_ID = "c0a4b6f1-3e2d-4b8a-9f61-7d2e5a9c1b34";

/**
 * The base URL as the manifest will use it: https, no query or fragment, no trailing slash.
 * @throws Error naming the variable and an example when the text is not such a URL.
 */
function normalizeBaseUrl(text) {
  let url;
  try {
    url = new URL(String(text).trim());
  } catch {
    url = null;
  }
  if (!url || url.protocol !== "https:" || url.search || url.hash || url.username || url.password) {
    throw new Error(`WSF_BASE_URL must be an https:// address with no query, such as https://addin.example.org or https://cdn.example.org/wsf (got "${text}"). Office loads add-ins over HTTPS only.`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/**
 * manifest.xml rewritten for `baseUrl` (and `id`, default PRODUCTION_ID).
 * @throws Error when the base URL or the id is unusable, or when a development URL would remain.
 * @example manifestFor(xml, "https://addin.example.org") // SourceLocation https://addin.example.org/taskpane.html
 */
function manifestFor(xml, baseUrl, id = PRODUCTION_ID) {
  const base = normalizeBaseUrl(baseUrl);
  if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(id)) {
    throw new Error(`WSF_ADDIN_ID must be a GUID such as ${PRODUCTION_ID} (got "${id}").`);
  }
  const origin = new URL(base).origin;
  const out = xml
    .replace(/<Id>[^<]*<\/Id>/, `<Id>${id}</Id>`)
    .replace(/<AppDomain>[^<]*<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .split(DEV_ORIGIN)
    .join(base);
  if (out.includes("localhost")) throw new Error("the production manifest still names localhost; every development URL in manifest.xml must start with https://localhost:3000");
  return out;
}

/** What webpack copies to dist/manifest.xml: the development manifest, or the production one when WSF_BASE_URL is set. */
function builtManifest(xml, env = process.env) {
  return env.WSF_BASE_URL ? manifestFor(xml, env.WSF_BASE_URL, env.WSF_ADDIN_ID || PRODUCTION_ID) : xml;
}

module.exports = { DEV_ORIGIN, PRODUCTION_ID, normalizeBaseUrl, manifestFor, builtManifest };

if (require.main === module) {
  const [baseUrl, output] = process.argv.slice(2);
  if (!baseUrl || !output) {
    console.error("usage: node scripts/production-manifest.cjs <https base URL> <output manifest.xml>");
    process.exit(2);
  }
  const root = path.resolve(__dirname, "..");
  writeFileSync(output, manifestFor(readFileSync(path.join(root, "manifest.xml"), "utf8"), baseUrl, process.env.WSF_ADDIN_ID || PRODUCTION_ID));
  console.log(`production manifest for ${normalizeBaseUrl(baseUrl)} written to ${output}; check it with node scripts/validate-manifest.mjs ${output}`);
}
