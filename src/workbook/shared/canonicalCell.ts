/**
 * The text a cell is fingerprinted by, so that what the add-in wrote and what Excel later reports for
 * the same cell compare equal even though Excel normalises input:
 * - blank (`null`, `undefined`, `""`) -> `""` (the fingerprint skips blank cells);
 * - numbers -> their shortest round-trip text (`-0` is `0`); non-finite -> `#NUM!`;
 * - booleans and the text "true"/"false" in any case -> `TRUE` / `FALSE` (Excel turns typed text into booleans);
 * - text that Excel would read as a number ("12", " 3.50 ", "1e3") -> the number's text;
 * - formulas (text starting with "=") -> upper-cased outside double-quoted literals, as Excel stores
 *   `=sum(a1)` as `=SUM(A1)`, and with every quoted sheet name unquoted (`'Schools'!$C$2` and
 *   `Schools!$C$2` are one reference: Excel quotes a sheet name in a formula only where it must,
 *   excel-behaviour.md item 11, while the pane quotes every name);
 * - any other text unchanged.
 *
 * Known gaps (documented, not guessed at): text Excel parses as a date or percentage ("1/2", "12%") is
 * stored as a number and will not match; callers write numbers as numbers.
 *
 * Cost O(text length).
 *
 * @example canonicalCell("=wsf.gini(B2:B9, \"x\")") // "=WSF.GINI(B2:B9, \"x\")"
 */
export function canonicalCell(value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value === 0 ? 0 : value) : "#NUM!";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") {
    if (value.startsWith("=")) return upperOutsideQuotes(value);
    const trimmed = value.trim();
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) {
      const n = Number(trimmed);
      return String(n === 0 ? 0 : n);
    }
    const upper = trimmed.toUpperCase();
    if (upper === "TRUE" || upper === "FALSE") return upper;
    return value;
  }
  return JSON.stringify(value) ?? String(value);
}

/**
 * Upper-cases a formula except inside "..." literals (a doubled "" inside a literal is an escaped quote),
 * and drops the quotes around quoted sheet names ('O''Brien'!A1 -> O'BRIEN!A1): outside a string literal
 * a single quote only ever opens a quoted sheet (or workbook) name.
 */
function upperOutsideQuotes(formula: string): string {
  let out = "";
  let inLiteral = false;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') {
      inLiteral = !inLiteral;
      out += ch;
    } else if (inLiteral) {
      out += ch;
    } else if (ch === "'") {
      // A quoted name runs to the next lone quote; a doubled '' inside it is one quote.
      let j = i + 1;
      let name = "";
      while (j < formula.length) {
        if (formula[j] === "'" && formula[j + 1] === "'") {
          name += "'";
          j += 2;
        } else if (formula[j] === "'") break;
        else name += formula[j++];
      }
      out += name.toUpperCase();
      i = j;
    } else out += ch.toUpperCase();
  }
  return out;
}
