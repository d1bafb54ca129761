/**
 * Shipping (excel-behaviour.md items 13 and 17): the production manifest is built from one configured base
 * URL, passes the same offline validation as the development one, gets its own add-in id, and SupportUrl
 * is a support page, not the task pane.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const devManifest = readFileSync(path.join(root, "manifest.xml"), "utf8");

// eslint-disable-next-line @typescript-eslint/no-require-imports
const production = require("../../scripts/production-manifest.cjs") as {
  PRODUCTION_ID: string;
  manifestFor: (xml: string, baseUrl: string, id?: string) => string;
};

/** Every URL-valued attribute or element of a manifest. */
const urlsOf = (xml: string): string[] => [...xml.matchAll(/(?:DefaultValue="|<AppDomain>)(https?:\/\/[^"<]+)/g)].map((m) => m[1]);

describe("the production manifest", () => {
  it("points every URL at the configured base, AppDomains at its origin, and passes npm run validate", () => {
    const xml = production.manifestFor(devManifest, "https://addin.example.org");
    const urls = urlsOf(xml);
    expect(urls.length).toBe(urlsOf(devManifest).length);
    for (const url of urls) expect(url.startsWith("https://addin.example.org")).toBe(true);
    expect(xml).toContain('<SourceLocation DefaultValue="https://addin.example.org/taskpane.html"/>');
    expect(xml).toContain('<bt:Url id="Functions.Script.Url" DefaultValue="https://addin.example.org/functions.js"/>');
    expect(xml).toContain('<bt:Url id="Functions.Metadata.Url" DefaultValue="https://addin.example.org/functions.json"/>');
    expect(xml).toContain('<bt:Image id="Icon.80x80" DefaultValue="https://addin.example.org/assets/icon-80.png"/>');
    expect(xml).toContain('<SupportUrl DefaultValue="https://addin.example.org/support.html"/>');
    expect(xml).toContain("<AppDomain>https://addin.example.org</AppDomain>");
    expect(xml).not.toContain("localhost");

    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "wsf-manifest-")), "manifest.xml");
    writeFileSync(file, xml);
    const out = execFileSync("node", [path.join(root, "scripts/validate-manifest.mjs"), file], { cwd: root, encoding: "utf8" });
    expect(out).toContain("matches the schema, every resid resolves and it declares the requirement sets the code needs");
  }, 120_000);

  it("gets its own add-in id, so its settings (ownership tags, scenarios) are not the development copy's", () => {
    const devId = /<Id>([^<]+)<\/Id>/.exec(devManifest)![1];
    const prodId = /<Id>([^<]+)<\/Id>/.exec(production.manifestFor(devManifest, "https://addin.example.org"))![1];
    expect(prodId).toBe(production.PRODUCTION_ID);
    expect(prodId).not.toBe(devId);
    const own = "0f8fad5b-d9cb-469f-a165-70867728950e";
    expect(production.manifestFor(devManifest, "https://addin.example.org", own)).toContain(`<Id>${own}</Id>`);
    expect(() => production.manifestFor(devManifest, "https://addin.example.org", "not-a-guid")).toThrow(/WSF_ADDIN_ID must be a GUID/);
  });

  it("takes a base with a path (and a trailing slash): files under the path, AppDomains the origin", () => {
    const xml = production.manifestFor(devManifest, "https://cdn.example.org/wsf/");
    expect(xml).toContain('<SourceLocation DefaultValue="https://cdn.example.org/wsf/taskpane.html"/>');
    expect(xml).toContain("<AppDomain>https://cdn.example.org</AppDomain>");
  });

  it.each(["http://addin.example.org", "addin.example.org", "https://addin.example.org/?v=2", ""])("refuses the base URL %j with a message saying what is expected", (base) => {
    expect(() => production.manifestFor(devManifest, base)).toThrow(/WSF_BASE_URL must be an https:\/\/ address with no query, such as https:\/\/addin\.example\.org/);
  });

  it("is what webpack copies to dist/manifest.xml when WSF_BASE_URL is set; without it the development manifest on localhost", () => {
    const saved = process.env.WSF_BASE_URL;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const config = require("../../webpack.config.js")({}, { mode: "production" }) as { plugins: { constructor: { name: string }; patterns?: { to: string; transform?: (b: Buffer) => string }[] }[] };
      const copy = config.plugins.find((p) => p.constructor.name === "CopyPlugin")!;
      const pattern = copy.patterns!.find((p) => p.to === "manifest.xml")!;
      delete process.env.WSF_BASE_URL;
      expect(pattern.transform!(Buffer.from(devManifest))).toBe(devManifest);
      process.env.WSF_BASE_URL = "https://addin.example.org";
      expect(pattern.transform!(Buffer.from(devManifest))).toBe(production.manifestFor(devManifest, "https://addin.example.org"));
    } finally {
      if (saved === undefined) delete process.env.WSF_BASE_URL;
      else process.env.WSF_BASE_URL = saved;
    }
  });

  it("the development manifest's SupportUrl is the support page, not the task pane", () => {
    expect(devManifest).toContain('<SupportUrl DefaultValue="https://localhost:3000/support.html"/>');
  });
});
