/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, so that the jest tests can require it as they do manifest-resids.cjs */
// Requirement sets, checked offline (excel-behaviour.md item 15): every Office API member the
// Office-facing code uses is listed in src/workbook/office/requirementSets.ts with the set its
// declaration gives it ("[Api set: ExcelApi 1.7]" in @types/office-js and
// @types/custom-functions-runtime), and the manifest declares the highest version of each set the code
// needs, unless the entry is guarded by an isSetSupported check in the file that uses it.
const { readFileSync } = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const ts = require("typescript");

const LIST = "src/workbook/office/requirementSets.ts";

/** The exports of requirementSets.ts (plain data and one function), compiled and run in a sandbox. */
function loadList(root) {
  const source = readFileSync(path.join(root, LIST), "utf8");
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } });
  const module = { exports: {} };
  vm.runInNewContext(outputText, { module, exports: module.exports });
  return module.exports;
}

/** Every Office API member used (as a value) in `files`: fully qualified name -> { set, files }. */
const usesCache = new Map();

function officeApiUses(root, files) {
  const key = `${root}|${files.join(",")}`;
  if (!usesCache.has(key)) usesCache.set(key, scanOfficeApiUses(root, files));
  return usesCache.get(key);
}

function scanOfficeApiUses(root, files) {
  const paths = files.map((f) => path.join(root, f));
  const program = ts.createProgram(paths, {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ["office-js", "custom-functions-runtime"],
  });
  const checker = program.getTypeChecker();
  const uses = new Map();
  for (const file of paths) {
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) throw new Error(`requirement sets: cannot read ${file}`);
    const record = (symbol) => {
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      const declaration = symbol?.declarations?.[0];
      if (!declaration || !/@types[\\/](office-js|custom-functions-runtime)[\\/]/.test(declaration.getSourceFile().fileName)) return false;
      const tags = symbol.getJsDocTags(checker).map((t) => ts.displayPartsToString(t.text)).join(" ");
      const m = /\[Api set: ([A-Za-z]+) ([\d.]+)/.exec(tags);
      const name = checker.getFullyQualifiedName(symbol);
      const use = uses.get(name) ?? { set: m ? { name: m[1], version: m[2] } : null, files: new Set() };
      use.files.add(path.relative(root, file));
      uses.set(name, use);
      return true;
    };
    const visit = (node) => {
      if (ts.isPropertyAccessExpression(node)) record(checker.getSymbolAtLocation(node.name));
      // ErrorCode[key]: every member the key's type allows (all of them for a plain string).
      if (ts.isElementAccessExpression(node)) {
        let target = checker.getSymbolAtLocation(node.expression);
        if (target && target.flags & ts.SymbolFlags.Alias) target = checker.getAliasedSymbol(target);
        if (target && target.flags & ts.SymbolFlags.Enum && record(target)) {
          const keyType = checker.getTypeAtLocation(node.argumentExpression);
          const keys = (keyType.isUnion() ? keyType.types : [keyType]).filter((t) => t.isStringLiteral()).map((t) => t.value);
          const members = checker.getExportsOfModule(target).filter((m) => keys.length === 0 || keys.includes(m.name));
          for (const member of members) record(member);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return uses;
}

function compareVersions(a, b) {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

const setText = (set) => (set ? `${set.name} ${set.version}` : "no requirement set");

/** The sets the manifest's own <Requirements> declares (not those of VersionOverrides): name -> version. */
function declaredSets(manifestXml) {
  const base = manifestXml.split(/<VersionOverrides\b/)[0];
  const sets = /<Sets\b([^>]*)>([\s\S]*?)<\/Sets>/.exec(base);
  const declared = new Map();
  if (!sets) return declared;
  const fallback = /DefaultMinVersion="([^"]+)"/.exec(sets[1])?.[1] ?? "1.1";
  for (const m of sets[2].matchAll(/<Set\b([^>]*)\/?>/g)) {
    const name = /Name="([^"]+)"/.exec(m[1])?.[1];
    if (name) declared.set(name, /MinVersion="([^"]+)"/.exec(m[1])?.[1] ?? fallback);
  }
  return declared;
}

/**
 * Problems (fatal) and notes (not) of the list against the code and the manifest. `list` replaces the
 * exports of requirementSets.ts (for tests).
 * @returns {{ problems: string[], notes: string[] }}
 */
function requirementSetProblems(root, manifestXml, list = loadList(root)) {
  const problems = [];
  const notes = [];
  const listed = new Map(list.OFFICE_APIS.map((entry) => [entry.api, entry]));
  const uses = officeApiUses(root, list.OFFICE_SOURCES);

  for (const [api, use] of uses) {
    const entry = listed.get(api);
    const where = [...use.files].join(", ");
    if (!entry) {
      problems.push(`${where} uses ${api} (${setText(use.set)}), which is not listed in ${LIST}; add it with that set`);
      continue;
    }
    if (setText(entry.set) !== setText(use.set)) problems.push(`${LIST} lists ${api} as ${setText(entry.set)}, but its declaration says ${setText(use.set)}`);
    if (entry.guarded && entry.set) {
      for (const file of use.files) {
        const text = readFileSync(path.join(root, file), "utf8");
        if (!text.includes(`isSetSupported("${entry.set.name}", "${entry.set.version}")`)) {
          problems.push(`${api} is listed as guarded, but ${file} never checks isSetSupported("${entry.set.name}", "${entry.set.version}")`);
        }
      }
    }
  }
  for (const entry of list.OFFICE_APIS) if (!uses.has(entry.api)) notes.push(`${entry.api} is listed in ${LIST} but not used by ${list.OFFICE_SOURCES.join(", ")}`);

  // The highest version of each set the code needs unguarded, against REQUIRED_SETS and the manifest.
  const needed = new Map();
  for (const entry of list.OFFICE_APIS) {
    if (!entry.set || entry.guarded || !uses.has(entry.api)) continue;
    const current = needed.get(entry.set.name);
    if (!current || compareVersions(entry.set.version, current.version) > 0) needed.set(entry.set.name, { version: entry.set.version, api: entry.api });
  }
  if (/<Runtime\b[^>]*lifetime="long"/.test(manifestXml)) needed.set("SharedRuntime", { version: "1.1", api: 'the manifest\'s <Runtime lifetime="long">' });
  const required = new Map(list.REQUIRED_SETS.map((s) => [s.name, s.version]));
  const declared = declaredSets(manifestXml);
  for (const [name, need] of needed) {
    if (required.get(name) !== need.version) problems.push(`REQUIRED_SETS in ${LIST} says ${name} ${required.get(name) ?? "(absent)"}, but the code needs ${name} ${need.version} (${need.api})`);
    const have = declared.get(name);
    if (!have || compareVersions(have, need.version) < 0) {
      problems.push(`the manifest declares ${have ? `${name} ${have}` : `no ${name}`}, but the code needs ${name} ${need.version} (${need.api}); declare <Set Name="${name}" MinVersion="${need.version}"/> or guard the call with isSetSupported`);
    }
  }
  return { problems, notes };
}

module.exports = { requirementSetProblems, declaredSets, loadList, officeApiUses };
