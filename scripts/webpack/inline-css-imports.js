/* Webpack loader: replaces each `@import "./file.css";` of a style sheet by that file's text (recursively),
 * so a package's index.css made of imports (Glide Data Grid's) can be bundled as one text (`asset/source`)
 * without a CSS loader chain. */
const fs = require("fs");
const path = require("path");

function inline(file, loader, seen) {
  if (seen.has(file)) return "";
  seen.add(file);
  loader.addDependency(file);
  const text = fs.readFileSync(file, "utf8");
  return text.replace(/@import\s+(?:url\()?["']([^"']+)["']\)?\s*;/g, (_, target) => inline(path.resolve(path.dirname(file), target), loader, seen));
}

module.exports = function inlineCssImports() {
  return inline(this.resourcePath, this, new Set());
};
