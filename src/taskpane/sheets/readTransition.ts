import type { TransitionSettings } from "../../engine/transition/TransitionSettings";
import type { TransitionYearRule } from "../../engine/transition/TransitionPlan";
import type { CellValue, TableInfo } from "../../workbook/WorkbookPort";
import { columnIndex, columnLetters } from "./a1";
import { tableGeometry } from "./tableGeometry";
import { NO_LIMIT, TODAYS_ENROLLMENT, TRANSITION_RULE_ROWS } from "./transitionSheet";

/**
 * What the "WSF Transition" sheet says now: the plan, with a note for every rule a person put on the sheet
 * that its formulas do not use yet (they use it once the transition is applied again); or the cells that
 * cannot be a rule, each named with what it should hold.
 */
export type TransitionReadBack = { ok: true; settings: TransitionSettings; notUsed: string[] } | { ok: false; problems: string[] };

const ROWS = TRANSITION_RULE_ROWS;
/** A column header of the rules block: "Year 1", "Year 2", ... */
const YEAR_HEADER = /^Year (\d+)$/;

/**
 * Reads the plan back from the values and formulas of the "WSF Transition" sheet (design.md, "One truth for
 * the formula": the pane and every sheet it wrote agree, or the pane says which one is out of date). The
 * rules block is where `transitionSheet` put it: per year the gap-closing rate (a share from 0 to 1), the
 * stop-loss (0 to 1, or "none"), the gain cap (0 or more, or "none"), the pool growth (above -1; blank is 0,
 * as Excel's arithmetic reads it) and the projected-enrollment column (a header of the schools table, or
 * "today's enrollment"). The first school row's formulas say which limits and columns the amounts use:
 * - a limit the formulas use that is now blank, "none" or text is a problem (WSF.PHASEIN would read it as 0
 *   or fail); so is a rate that is not a share;
 * - a limit or column the formulas do not use yet is taken, with a note that the sheet computes without it
 *   until the transition is applied again.
 *
 * @param table The schools table the sheet's targets point at (for the projected-enrollment columns).
 * @example readTransition(values, formulas, table) // { ok: true, settings: { years: [...], projectedEnrollment: [null, null, null] }, notUsed: [] }
 */
export function readTransition(values: readonly (readonly CellValue[])[], formulas: readonly (readonly CellValue[])[], table: TableInfo, sheet = "WSF Transition"): TransitionReadBack {
  const header = values[ROWS.header] ?? [];
  let years = 0;
  while (years < 5 && YEAR_HEADER.exec(String(header[1 + years] ?? ""))?.[1] === String(years + 1)) years++;
  if (years < 2) {
    return { ok: false, problems: [`${sheet}!B${ROWS.header + 1} should read "Year 1", "Year 2", ... across the rules block; the plan cannot be read. Apply the transition again to rewrite the sheet.`] };
  }

  const problems: string[] = [];
  const notUsed: string[] = [];
  const a1 = (row: number, k: number) => `${columnLetters(1 + k)}${row + 1}`;
  const at = (row: number, k: number): CellValue => values[row]?.[1 + k] ?? null;
  const said = (v: CellValue): string => (v === null || v === "" ? "blank" : typeof v === "string" ? JSON.stringify(v) : String(v));
  const isNone = (v: CellValue) => v === null || (typeof v === "string" && (v.trim() === "" || v.trim().toLowerCase() === NO_LIMIT));

  // The first school row, found by the schools block's header ("Year 1 amount", ...), holds the formulas.
  const schoolHeaderRow = ROWS.projected + 2 + years + 2;
  const schoolHeader = (values[schoolHeaderRow] ?? []).map((v) => String(v ?? ""));
  const firstFormulas = formulas[schoolHeaderRow + 1] ?? [];
  const formulaOf = (label: string): string | null => {
    const c = schoolHeader.indexOf(label);
    const f = c < 0 ? null : firstFormulas[c];
    return typeof f === "string" && f.startsWith("=") ? f : null;
  };
  const uses = (formula: string | null, row: number, k: number): boolean | null =>
    formula === null ? null : new RegExp(`\\$${columnLetters(1 + k)}\\$${row + 1}(?!\\d)`).test(formula);

  const t = tableGeometry(table);
  const headerAt = (ref: string): string | null => {
    const m = /!?\$?([A-Z]{1,3})\$?\d+$/.exec(ref.trim());
    if (!m) return null;
    const h = table.headers[columnIndex(m[1]) - t.firstColumn];
    return h === undefined ? null : String(h);
  };

  const rules: TransitionYearRule[] = [];
  const projected: (string | null)[] = [];
  for (let k = 0; k < years; k++) {
    const amount = formulaOf(`Year ${k + 1} amount`);
    const rate = at(ROWS.rate, k);
    let rateValue: number | null = null;
    if (typeof rate === "number" && Number.isFinite(rate) && rate >= 0 && rate <= 1) rateValue = rate;
    else problems.push(`${sheet}!${a1(ROWS.rate, k)} is ${said(rate)}: enter the share of the gap year ${k + 1} closes, from 0% to 100%.`);

    const limit = (row: number, what: string, max: number | null): number | null => {
      const v = at(row, k);
      const used = uses(amount, row, k);
      const range = max === null ? "a share of 0% or more" : "a share from 0% to 100%";
      if (isNone(v)) {
        if (used) problems.push(`${sheet}!${a1(row, k)} is ${said(v)}, but year ${k + 1}'s amounts use it as the ${what}: enter ${range} there, or remove the ${what} in the pane and apply the transition again.`);
        return null;
      }
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || (max !== null && v > max)) {
        problems.push(`${sheet}!${a1(row, k)} is ${said(v)}: enter ${range} for year ${k + 1}'s ${what}, or "${NO_LIMIT}".`);
        return null;
      }
      if (used === false) notUsed.push(`${sheet}!${a1(row, k)} sets a ${what} for year ${k + 1} that the sheet's amounts do not use yet: apply the transition again to use it.`);
      return v;
    };
    const maxLoss = limit(ROWS.maxLoss, "stop-loss", 1);
    const maxGain = limit(ROWS.maxGain, "gain cap", null);

    const growth = at(ROWS.poolGrowth, k);
    let poolGrowth: number | null = null;
    if (growth === null || growth === "") poolGrowth = null;
    else if (typeof growth === "number" && Number.isFinite(growth) && growth > -1) poolGrowth = growth === 0 ? null : growth;
    else problems.push(`${sheet}!${a1(ROWS.poolGrowth, k)} is ${said(growth)}: enter year ${k + 1}'s pool growth as a share above -100%.`);

    const label = at(ROWS.projected, k);
    const text = label === null ? "" : String(label).trim();
    let column: string | null = null;
    if (text === "" || text.toLowerCase() === TODAYS_ENROLLMENT) column = null;
    else if (table.headers.some((h) => String(h) === text)) column = text;
    else problems.push(`${sheet}!${a1(ROWS.projected, k)} is ${said(label)}, which is not a column of the schools table: enter a column's header or "${TODAYS_ENROLLMENT}".`);
    const target = formulaOf(`Year ${k + 1} target`);
    if (target !== null && !problems.some((p) => p.startsWith(`${sheet}!${a1(ROWS.projected, k)} `))) {
      const ref = /ISNUMBER\(([^)]+)\)/.exec(target)?.[1] ?? null;
      const inUse = ref === null ? null : headerAt(ref);
      if (inUse !== column) {
        notUsed.push(
          `${sheet}!${a1(ROWS.projected, k)} says year ${k + 1} uses ${column === null ? "today's enrollment" : `"${column}"`}, but the sheet's targets use ${inUse === null ? "today's enrollment" : `"${inUse}"`}: apply the transition again to use what the cell says.`,
        );
      }
    }
    rules.push({ rate: rateValue === 1 ? null : rateValue, maxLoss, maxGain, poolGrowth });
    projected.push(column);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, settings: { years: rules, projectedEnrollment: projected }, notUsed };
}

/** Shares closer than this are the same rule: the pane's form shows a share as a percentage of 6 significant digits. */
const SAME_SHARE = 1e-6;

/** The same plan (a blank rate closes all of the gap, no pool growth is 0), shares within the form's precision. */
export function sameTransition(a: TransitionSettings | null, b: TransitionSettings | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.years.length !== b.years.length) return false;
  const same = (x: number | null, y: number | null, blank: number | null) => {
    const p = x ?? blank;
    const q = y ?? blank;
    return p === null || q === null ? p === q : Math.abs(p - q) <= SAME_SHARE;
  };
  return a.years.every((y, k) => {
    const z = b.years[k];
    return same(y.rate, z.rate, 1) && same(y.maxLoss, z.maxLoss, null) && same(y.maxGain, z.maxGain, null) && same(y.poolGrowth, z.poolGrowth, 0) && (a.projectedEnrollment[k] ?? null) === (b.projectedEnrollment[k] ?? null);
  });
}
