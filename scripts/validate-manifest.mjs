// Offline manifest validation: the XML schema (xmllint against ../shared/office-xsd) and the check the
// schema cannot make: every resid names a resource declared under <Resources>, and every resource is used.
// Exit code 0 when valid; the problems are printed one per line otherwise.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const { residProblems } = createRequire(import.meta.url)("./manifest-resids.cjs");
const { requirementSetProblems } = createRequire(import.meta.url)("./requirement-sets.cjs");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function main() {
  const manifest = path.resolve(root, process.argv[2] ?? "manifest.xml");
  const schemaDir = path.resolve(process.env.WSF_SHARED ?? path.join(root, "..", "shared"), "office-xsd");
  const schema = path.join(schemaDir, "OfficeAppManifestV1_1.xsd");
  if (!existsSync(schema)) {
    console.error(`validate: schema not found at ${schema}; put the shared folder beside the project or set WSF_SHARED`);
    process.exit(2);
  }
  try {
    execFileSync("xmllint", ["--noout", "--nonet", "--schema", schema, manifest], { stdio: "inherit" });
  } catch {
    console.error("validate: the manifest does not match the Office add-in manifest schema (see xmllint's lines above)");
    process.exit(1);
  }
  const xml = readFileSync(manifest, "utf8");
  const problems = residProblems(xml);
  // Requirement sets: the Office APIs the code calls against src/workbook/office/requirementSets.ts and the manifest.
  const sets = requirementSetProblems(root, xml);
  problems.push(...sets.problems);
  for (const note of sets.notes) console.log(`validate (note): ${note}`);
  for (const p of problems) console.error(`validate: ${p}`);
  if (problems.length > 0) process.exit(1);
  if (createRequire(import.meta.url)("./check-function-metadata.cjs").checkFunctionMetadata(root) > 0) process.exit(1);
  console.log(`validate: ${path.basename(manifest)} matches the schema, every resid resolves and it declares the requirement sets the code needs`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
