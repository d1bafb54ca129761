import type { ConcentrationMode } from "../../engine/allocation/concentration";
import type { FormulaSpec } from "../../engine/scenario/FormulaSpec";
import type { CellValue } from "../../workbook/WorkbookPort";
import { columnIndex } from "./a1";
import type { ParameterCells } from "./ParameterCells";

/** What the parameters sheet says now: the formula, or the cells that cannot be read (each named, with what it should hold). */
export type ParametersReadBack = { ok: true; spec: FormulaSpec } | { ok: false; problems: string[] };

const CELL = /^(?:'(?:[^']|'')+'|[^!]+)!\$?([A-Z]{1,3})\$?(\d+)$/;

/** 0-based row and column of an absolute reference the parameters sheet builder made ('WSF Parameters'!$B$7). */
function position(ref: string): { row: number; column: number; a1: string } {
  const m = CELL.exec(ref);
  if (!m) throw new Error(`Not a cell reference: ${ref}`);
  return { row: Number(m[2]) - 1, column: columnIndex(m[1]), a1: `${m[1]}${m[2]}` };
}

const MODES: ConcentrationMode[] = ["above", "all", "ramp"];

/**
 * Reads the formula back from the values of the "WSF Parameters" sheet (design.md, "One truth for the
 * formula": after Apply, that sheet is the formula). `cells` says where the applied formula's parameters
 * sit (`parametersSheet(applied, ...)`), `applied` gives the structure (which weights, which rules, which
 * modes): the numbers and labels come from the sheet. A cell that cannot be a parameter is a problem naming
 * it (`WSF Parameters!B14 is "abc": enter a weight of 0 or more`), never a silently kept old value:
 * - base, pool, fixed amount: a number >= 0; weights and concentration weights: a number >= 0;
 * - largest loss: a share from 0 to 1; largest gain: a share of 0 or more; a blank limit is a problem (the
 *   allocation formulas point at that cell, and some Excel builds read a blank as 0): remove a limit in the
 *   pane and apply again;
 * - "Every enrolled pupil" weighs 1 in this formula (the grade weights are where pupils weigh more);
 * - a concentration mode is above, all or ramp; thresholds and ramp ends are shares from 0 to 1;
 * - a label left blank keeps the column's header as its label.
 *
 * @throws nothing for cells made by `parametersSheet`.
 * @example readParameters(values, cells, spec) // { ok: true, spec: { ...spec, categoryWeights: [{ header: "FRL", label: "Low income (FRL)", weight: 0.45 }] } }
 */
export function readParameters(values: readonly (readonly CellValue[])[], cells: ParameterCells, applied: FormulaSpec): ParametersReadBack {
  const problems: string[] = [];
  const at = (ref: string): { value: CellValue; a1: string } => {
    const p = position(ref);
    return { value: values[p.row]?.[p.column] ?? null, a1: p.a1 };
  };
  const said = (v: CellValue): string => (v === null || v === "" ? "blank" : typeof v === "string" ? JSON.stringify(v) : String(v));
  const number = (ref: string, what: string, min: number, max = Infinity): number => {
    const { value, a1 } = at(ref);
    if (typeof value === "number" && Number.isFinite(value) && value >= min && value <= max) return value;
    problems.push(`${cells.sheet}!${a1} is ${said(value)}: enter ${what}.`);
    return NaN;
  };
  const label = (ref: string, fallback: string): string => {
    const { value } = at(ref);
    return value === null || String(value).trim() === "" ? fallback : String(value).trim();
  };

  const base: FormulaSpec["base"] =
    applied.base.mode === "fixed"
      ? { mode: "fixed", amount: number(cells.baseCell as string, "the dollars per weighted pupil (0 or more)", 0) }
      : { mode: "solve", pool: number(cells.poolCell as string, "the pool in dollars (0 or more)", 0) };
  const fixed: FormulaSpec["fixed"] =
    applied.fixed.mode === "amount" && cells.fixedAmountCell ? { mode: "amount", amount: number(cells.fixedAmountCell, "the dollars every school gets (0 or more)", 0) } : applied.fixed;
  const limit = (ref: string | null, what: string, max: number): number | null =>
    ref === null ? null : number(ref, `${what}, or remove the limit in the pane and apply again`, 0, max);
  const protection = { maxLoss: limit(cells.maxLossCell, "a share from 0% to 100%", 1), maxGain: limit(cells.maxGainCell, "a share of 0% or more", Infinity) };

  const gradeWeights: FormulaSpec["gradeWeights"] = [];
  const categoryWeights: FormulaSpec["categoryWeights"] = [];
  for (const w of cells.weights) {
    if (w.kind === "enrolled") {
      const { value, a1 } = at(w.weightCell);
      if (value !== 1) problems.push(`${cells.sheet}!${a1} is ${said(value)}: every enrolled pupil weighs 1 in this formula; to weigh pupils more, set grade weights in the pane and apply again.`);
    } else if (w.kind === "grade") {
      gradeWeights.push({ header: w.header, weight: number(w.weightCell, "a weight of 0 or more", 0) });
    } else {
      categoryWeights.push({ header: w.header, label: label(w.labelCell, w.header), weight: number(w.weightCell, "a weight of 0 or more", 0) });
    }
  }
  const concentration: FormulaSpec["concentration"] = cells.concentration.map((c, k) => {
    const rule = applied.concentration[k];
    const { value: modeValue, a1 } = at(c.modeCell);
    const mode = typeof modeValue === "string" ? (modeValue.trim().toLowerCase() as ConcentrationMode) : null;
    if (mode === null || !MODES.includes(mode) || (mode === "ramp") !== (rule.mode === "ramp")) {
      problems.push(
        `${cells.sheet}!${a1} is ${said(modeValue)}: enter ${rule.mode === "ramp" ? "ramp" : "above or all"}${rule.mode === "ramp" ? "" : " (to make it a ramp, change the rule in the pane and apply again)"}.`,
      );
    }
    return {
      header: c.header,
      label: label(c.labelCell, c.header),
      threshold: number(c.thresholdCell, "a share from 0% to 100%", 0, 1),
      weight: number(c.weightCell, "a weight of 0 or more", 0),
      mode: mode !== null && MODES.includes(mode) ? mode : rule.mode,
      ...(c.upperCell ? { upper: number(c.upperCell, "a share from 0% to 100%, above the threshold", 0, 1) } : {}),
    };
  });
  if (problems.length > 0) return { ok: false, problems };
  const spec: FormulaSpec = { ...applied, base, fixed, protection, gradeWeights, categoryWeights, concentration };
  return { ok: true, spec };
}
