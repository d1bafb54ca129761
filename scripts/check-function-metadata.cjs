/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS script, required by the tests as manifest-resids.cjs is */
// The naming rules Excel sets for custom functions, checked on functions.json (excel-behaviour.md item 1;
// learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming):
// - id and name start with a letter and are at least three characters long;
// - an id uses only A-Z, 0-9, "_" and "."; a name only letters, "_" and ".";
// - neither reads as a cell reference (A1 to XFD1048576, or R1C1 to R1048576C16384);
// - neither is an Excel 4.0 macro function (XLM_FUNCTIONS below).
// `npm run validate` calls checkFunctionMetadata; test/functions/metadataNames.test.ts runs every rule on
// the built functions.json and on names made to break each rule.
const { existsSync, readFileSync } = require("node:fs");
const path = require("node:path");

/**
 * Excel 4.0 macro functions that a short custom-function name could collide with. Source: Microsoft's
 * "Excel 4.0 Macro Functions Reference" (the XLMacr8.hlp reference, linked from the naming page above) for
 * the names; a selection of the command-style and information functions, not the whole list of about 400.
 */
const XLM_FUNCTIONS = new Set([
  "ABSREF", "ACTIVATE", "ACTIVATE.NEXT", "ACTIVATE.PREV", "ACTIVE.CELL", "ADD.BAR", "ADD.COMMAND", "ADD.MENU",
  "ADD.TOOLBAR", "ALERT", "ALIGNMENT", "APP.ACTIVATE", "APP.MAXIMIZE", "APP.MINIMIZE", "APP.RESTORE", "ARGUMENT",
  "BEEP", "BORDER", "BREAK", "CALCULATE.NOW", "CALCULATION", "CALL", "CALLER", "CANCEL.COPY", "CANCEL.KEY",
  "CLEAR", "CLOSE", "CLOSE.ALL", "COLUMN.WIDTH", "COPY", "CUT", "DEFINE.NAME", "DELETE.NAME", "DEREF",
  "DIRECTORY", "DOCUMENTS", "ECHO", "EDIT.DELETE", "ELSE", "ELSE.IF", "END.IF", "ERROR", "EVALUATE", "EXEC",
  "EXECUTE", "FCLOSE", "FILE.CLOSE", "FILE.DELETE", "FILES", "FOPEN", "FOR", "FOR.CELL", "FORMULA",
  "FORMULA.ARRAY", "FORMULA.FILL", "FORMULA.FIND", "FPOS", "FREAD", "FREADLN", "FSIZE", "FULL", "FWRITE",
  "FWRITELN", "GET.BAR", "GET.CELL", "GET.CHART.ITEM", "GET.DEF", "GET.DOCUMENT", "GET.FORMULA", "GET.NAME",
  "GET.NOTE", "GET.WINDOW", "GET.WORKBOOK", "GET.WORKSPACE", "GOAL.SEEK", "GOTO", "HALT", "HELP", "HIDE",
  "INITIATE", "INPUT", "INSERT", "LINKS", "MESSAGE", "MOVE", "NAMES", "NEW", "NEXT", "NOTE", "ON.DATA",
  "ON.DOUBLECLICK", "ON.ENTRY", "ON.KEY", "ON.RECALC", "ON.TIME", "ON.WINDOW", "OPEN", "OPTIONS.CALCULATION",
  "PASTE", "PAUSE", "POKE", "PRINT", "PROTECT.DOCUMENT", "QUIT", "REFTEXT", "REGISTER", "REGISTER.ID",
  "RELREF", "RENAME.COMMAND", "REQUEST", "RESTART", "RESULT", "RESUME", "RETURN", "ROW.HEIGHT", "RUN", "SAVE",
  "SAVE.AS", "SAVE.WORKBOOK", "SELECT", "SELECTION", "SEND.KEYS", "SET.NAME", "SET.VALUE", "SHOW.BAR",
  "SPELLING.CHECK", "STEP", "TERMINATE", "TEXTREF", "UNHIDE", "UNREGISTER", "UNDO", "VOLATILE", "WAIT",
  "WHILE", "WINDOWS", "WORKBOOK.ACTIVATE", "WORKBOOK.INSERT", "WORKSPACE",
]);

const LAST_COLUMN = 16384; // XFD
const LAST_ROW = 1048576;

function columnNumber(letters) {
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

/** True when `text` reads as an A1 reference (A1 to XFD1048576) or an R1C1 one (R1C1 to R1048576C16384). */
function readsAsCellReference(text) {
  const a1 = /^([A-Za-z]{1,3})([0-9]+)$/.exec(text);
  if (a1) {
    const row = Number(a1[2]);
    if (columnNumber(a1[1]) <= LAST_COLUMN && row >= 1 && row <= LAST_ROW) return true;
  }
  const r1c1 = /^[Rr]([0-9]+)[Cc]([0-9]+)$/.exec(text);
  if (r1c1) {
    const row = Number(r1c1[1]);
    const column = Number(r1c1[2]);
    if (row >= 1 && row <= LAST_ROW && column >= 1 && column <= LAST_COLUMN) return true;
  }
  return false;
}

/** Every naming rule one identifier (an id or a name) breaks, as sentences. */
function identifierProblems(kind, text) {
  const problems = [];
  const shown = JSON.stringify(text);
  if (typeof text !== "string" || text.length === 0) return [`${kind} is missing`];
  if (!/^\p{L}/u.test(text)) problems.push(`${kind} ${shown} must start with a letter`);
  if (text.length < 3) problems.push(`${kind} ${shown} must be at least three characters long`);
  if (kind === "id" && !/^[A-Z0-9_.]+$/.test(text)) problems.push(`id ${shown} may use only A-Z, 0-9, "_" and "."`);
  if (kind === "name" && !/^[\p{L}_.]+$/u.test(text)) problems.push(`name ${shown} may use only letters, "_" and "."`);
  if (readsAsCellReference(text)) problems.push(`${kind} ${shown} reads as a cell reference`);
  if (XLM_FUNCTIONS.has(text.toUpperCase())) problems.push(`${kind} ${shown} is an Excel 4.0 macro function`);
  return problems;
}

/** Every naming problem of a functions.json object, as sentences naming the function. */
function functionMetadataProblems(metadata) {
  const problems = [];
  const functions = metadata && Array.isArray(metadata.functions) ? metadata.functions : null;
  if (!functions) return ["functions.json has no functions list"];
  const seen = new Set();
  for (const f of functions) {
    const label = `function ${JSON.stringify(f.id)}`;
    for (const p of [...identifierProblems("id", f.id), ...identifierProblems("name", f.name)]) problems.push(`${label}: ${p}`);
    if (typeof f.id === "string") {
      if (seen.has(f.id.toUpperCase())) problems.push(`${label}: id is used twice`);
      seen.add(f.id.toUpperCase());
    }
  }
  return problems;
}

/**
 * Checks dist/functions.json when the build made one, else the committed golden copy; prints each problem.
 * Returns the number of problems (0 when every name follows the rules).
 */
function checkFunctionMetadata(root) {
  const built = path.join(root, "dist", "functions.json");
  const golden = path.join(root, "test", "functions", "functions.golden.json");
  const file = existsSync(built) ? built : golden;
  const problems = functionMetadataProblems(JSON.parse(readFileSync(file, "utf8")));
  for (const p of problems) console.error(`validate: ${path.relative(root, file)}: ${p}`);
  if (problems.length === 0) console.log(`validate: every function name in ${path.relative(root, file)} follows Excel's naming rules`);
  return problems.length;
}

module.exports = { XLM_FUNCTIONS, readsAsCellReference, functionMetadataProblems, checkFunctionMetadata };
