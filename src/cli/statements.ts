import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PDFDocument, PDFFont, PDFPage, StandardFonts, rgb } from "pdf-lib";
import { concentration } from "../engine/allocation/concentration";
import { explain } from "../engine/allocation/explain";
import { formatAmount } from "../engine/allocation/formatAmount";
import type { FormulaResult } from "../engine/scenario/FormulaResult";
import type { FormulaSpec } from "../engine/scenario/FormulaSpec";
import type { School } from "../engine/table/School";
import type { Progress } from "./progress";
import { silentProgress } from "./progress";

/** One line of a school's statement: a category of pupils, its count, weight, dollars per pupil and amount. */
export interface StatementLine {
  label: string;
  column: string;
  count: number;
  weight: number;
  rate: number;
  amount: number;
}

/** Everything one school's statement says. */
export interface Statement {
  id: string;
  name: string;
  scenario: string;
  base: number;
  lines: StatementLine[];
  weightedPupils: number;
  /** Sum of the lines' amounts (base x weighted pupils). */
  weightedAmount: number;
  fixed: number;
  formulaAmount: number;
  /** protected - formula: positive when the stop-loss held the school up, negative when the gain cap held it down. */
  protection: number;
  protectionRule: "stop-loss" | "gain cap" | null;
  finalAmount: number;
  prior: number | null;
  change: number | null;
  enrollment: number;
  perPupil: number | null;
}

/**
 * The statement of school `i` under a formula and its run: the lines of WSF.EXPLAIN (engine `explain`) for
 * every weight the formula gives this school (every enrolled pupil or the grade weights, then the need
 * weights) and each concentration rule's extra pupils, then the fixed amount, the formula amount, the
 * protection, the final amount, the prior year, the change and the amount per pupil, all from `runFormula`.
 *
 * @throws WsfError from the engine on counts it rejects (already checked when the run succeeded).
 */
export function statementOf(spec: FormulaSpec, result: FormulaResult, schools: readonly School[], i: number): Statement {
  const s = schools[i];
  const labels: string[] = [];
  const columns: string[] = [];
  const counts: number[] = [];
  const weights: number[] = [];
  if (spec.gradeWeights.length === 0) {
    labels.push("Every enrolled pupil");
    columns.push("Enrollment");
    counts.push(s.enrollment);
    weights.push(1);
  }
  for (const g of spec.gradeWeights) {
    labels.push(`Grade weight: ${g.header}`);
    columns.push(g.header);
    counts.push(s.counts[g.header]);
    weights.push(g.weight);
  }
  for (const c of spec.categoryWeights) {
    labels.push(c.label);
    columns.push(c.header);
    counts.push(s.counts[c.header]);
    weights.push(c.weight);
  }
  for (const rule of spec.concentration) {
    const extra = concentration(Float64Array.of(s.counts[rule.header]), Float64Array.of(s.enrollment), rule.threshold, 1, rule.mode, rule.upper ?? null);
    labels.push(rule.label);
    columns.push(`${rule.header} (extra pupils)`);
    counts.push(extra[0]);
    weights.push(rule.weight);
  }
  const explained = explain(counts, weights, result.base, labels);
  const total = explained[explained.length - 1];
  const lines = explained.slice(0, -1).map((line, k) => ({ ...line, column: columns[k] }));
  const formulaAmount = result.formulaAmount[i];
  const finalAmount = result.protectedAmount[i];
  const fixed = spec.fixed.mode === "amount" ? spec.fixed.amount : spec.fixed.mode === "column" ? s.counts[spec.fixed.header] : 0;
  return {
    id: s.id,
    name: s.name,
    scenario: spec.name ?? "",
    base: result.base,
    lines,
    weightedPupils: result.weightedPupils[i],
    weightedAmount: total.amount,
    fixed,
    formulaAmount,
    protection: finalAmount - formulaAmount,
    protectionRule: result.floored[i] ? "stop-loss" : result.capped[i] ? "gain cap" : null,
    finalAmount,
    prior: s.prior,
    change: result.change[i],
    enrollment: s.enrollment,
    perPupil: result.perPupil[i],
  };
}

const dollars = (x: number): string => (x < 0 ? `-$${formatAmount(-x)}` : `$${formatAmount(x)}`);
const number = (x: number): string => formatAmount(x);

/** Text the standard PDF fonts can draw (WinAnsi): other characters become "?" rather than failing the page. */
function drawable(font: PDFFont, text: string): string {
  let out = "";
  for (const ch of text) {
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      out += "?";
    }
  }
  return out;
}

/** Draws one statement on a US Letter page. */
function drawStatement(page: PDFPage, fonts: { regular: PDFFont; bold: PDFFont }, st: Statement): void {
  const { regular, bold } = fonts;
  const left = 54;
  let y = 738;
  const text = (value: string, x: number, size = 10, font = regular, align: "left" | "right" = "left"): void => {
    const t = drawable(font, value);
    const width = align === "right" ? font.widthOfTextAtSize(t, size) : 0;
    page.drawText(t, { x: x - width, y, size, font, color: rgb(0, 0, 0) });
  };
  text("School funding statement", left, 18, bold);
  y -= 24;
  text(`${st.name}${st.name !== st.id ? ` (${st.id})` : ""}`, left, 13, bold);
  y -= 18;
  text(`Scenario: ${st.scenario || "(unnamed)"}    Base per weighted pupil: ${dollars(st.base)}    Enrollment: ${number(st.enrollment)}`, left, 10);
  y -= 28;
  const cols = [left, 250, 330, 390, 470, 558];
  text("Pupils by category", cols[0], 10, bold);
  text("Pupils", cols[2], 10, bold, "right");
  text("Weight", cols[3], 10, bold, "right");
  text("Rate per pupil", cols[4], 10, bold, "right");
  text("Amount", cols[5], 10, bold, "right");
  y -= 4;
  page.drawLine({ start: { x: left, y }, end: { x: cols[5], y }, thickness: 0.5 });
  y -= 14;
  for (const line of st.lines) {
    text(line.label, cols[0], 10);
    text(number(line.count), cols[2], 10, regular, "right");
    text(line.weight.toFixed(4), cols[3], 10, regular, "right");
    text(dollars(line.rate), cols[4], 10, regular, "right");
    text(dollars(line.amount), cols[5], 10, regular, "right");
    y -= 12;
    text(line.column, cols[0] + 10, 8);
    y -= 14;
    if (y < 200 && line !== st.lines[st.lines.length - 1]) {
      const rest = st.lines.length - 1 - st.lines.indexOf(line);
      text(`... and ${rest} more ${rest === 1 ? "category" : "categories"} (in the weighted-pupil total below; see the allocation workbook)`, cols[0], 9);
      y -= 14;
      break;
    }
  }
  page.drawLine({ start: { x: left, y: y + 8 }, end: { x: cols[5], y: y + 8 }, thickness: 0.5 });
  y -= 6;
  const row = (label: string, value: string, strong = false): void => {
    text(label, cols[0], 11, strong ? bold : regular);
    text(value, cols[5], 11, strong ? bold : regular, "right");
    y -= 18;
  };
  row(`Weighted pupils ${number(st.weightedPupils)} x base ${dollars(st.base)}`, dollars(st.weightedAmount));
  row("Fixed amount", dollars(st.fixed));
  row("Formula amount", dollars(st.formulaAmount), true);
  row(
    st.protectionRule === "stop-loss" ? "Protection: stop-loss floor adds" : st.protectionRule === "gain cap" ? "Protection: gain cap holds back" : "Protection",
    st.protectionRule === null ? "none" : dollars(st.protection),
  );
  row("Final amount (what the school receives)", dollars(st.finalAmount), true);
  row("Prior year", st.prior === null ? "none (new school)" : dollars(st.prior));
  row("Change vs prior year", st.change === null ? "" : dollars(st.change));
  row("Per pupil", st.perPupil === null ? "no pupils enrolled" : dollars(st.perPupil));
  y -= 10;
  text("Amounts are rounded to the cent for display; the allocation keeps them unrounded.", left, 8);
}

async function newDocument(): Promise<{ doc: PDFDocument; fonts: { regular: PDFFont; bold: PDFFont } }> {
  const doc = await PDFDocument.create();
  doc.setCreator("wsf command line");
  const fonts = { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  return { doc, fonts };
}

/** A file name for a school id: letters, digits, dot, dash and underscore kept, anything else "_". */
export function statementFileName(id: string, taken: Set<string>): string {
  let base = id.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^\.+/, "_") || "school";
  let name = `${base}.pdf`;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base}-${k}.pdf`;
  base = name;
  taken.add(base.toLowerCase());
  return base;
}

/**
 * Writes the statements: one PDF with a page per school (`target` a .pdf file), or one PDF per school in the
 * folder `target`, named by school id.
 *
 * @throws Error from pdf-lib or the file system.
 */
export async function writeStatements(target: string, asFolder: boolean, spec: FormulaSpec, result: FormulaResult, schools: readonly School[], progress: Progress = silentProgress): Promise<number> {
  progress.start("Statements", schools.length);
  if (asFolder) {
    await mkdir(target, { recursive: true });
    const taken = new Set<string>();
    for (let i = 0; i < schools.length; i++) {
      const { doc, fonts } = await newDocument();
      drawStatement(doc.addPage([612, 792]), fonts, statementOf(spec, result, schools, i));
      await writeFile(join(target, statementFileName(schools[i].id, taken)), await doc.save());
      progress.tick(1);
    }
  } else {
    const { doc, fonts } = await newDocument();
    for (let i = 0; i < schools.length; i++) {
      drawStatement(doc.addPage([612, 792]), fonts, statementOf(spec, result, schools, i));
      progress.tick(1);
    }
    await writeFile(target, await doc.save());
  }
  progress.stop();
  return schools.length;
}
