#!/usr/bin/env node
// Launcher of the `wsf` command line (package.json "bin"): runs the compiled CLI from dist/cli, which
// `npm run build` (or `npm run build:cli`) produces from src/cli.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const compiled = path.join(__dirname, "..", "dist", "cli", "cli", "wsf.js");
if (!fs.existsSync(compiled)) {
  process.stderr.write("wsf: the command line is not built yet; run `npm run build` (or `npm run build:cli`) in " + path.join(__dirname, "..") + " first\n");
  process.exitCode = 1;
} else {
  const wsf = require(compiled);
  wsf.quietOnClosedPipe();
  wsf
    .main(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    });
}
