// The manifest check the XML schema cannot make: every resid names a resource declared under
// <Resources>, no id is declared twice, and every resource is used. Shared by npm run validate and the tests.
/** Returns the list of problems with the resids of a manifest's XML text. */
function residProblems(xml) {
  const declared = new Map();
  const resources = xml.slice(xml.indexOf("<Resources>"));
  for (const match of resources.matchAll(/<bt:(Image|Url|String)\s+id="([^"]+)"/g)) {
    if (declared.has(match[2])) return [`resource id "${match[2]}" is declared twice`];
    declared.set(match[2], match[1]);
  }
  const problems = [];
  const used = new Set();
  for (const match of xml.matchAll(/resid="([^"]+)"/g)) {
    used.add(match[1]);
    if (!declared.has(match[1])) problems.push(`resid "${match[1]}" does not resolve to any resource in <Resources>`);
  }
  for (const id of declared.keys()) if (!used.has(id)) problems.push(`resource "${id}" is declared but never used`);
  return problems;
}

module.exports = { residProblems };
