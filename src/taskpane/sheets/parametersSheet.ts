import type { ColumnMapping } from "../../engine/table/ColumnMapping";
import type { FormulaSpec } from "../../engine/scenario/FormulaSpec";
import type { Block, CellValue, SheetSpec } from "../../workbook/WorkbookPort";
import { cellRef, rangeRef } from "./a1";
import type { ConcentrationCells, ParameterCells, WeightRow } from "./ParameterCells";
import { PARAMETERS_SHEET } from "./sheetNames";

export interface ParametersContext {
  /** What the person called the schools table ("Schools (A1:H851)"). */
  tableLabel: string;
  headers: readonly string[];
  mapping: ColumnMapping;
}

const MONEY = "$#,##0.00";
const SHARE = "0.0%";
const WEIGHT = "0.0000";

function headerIndexOf(headers: readonly string[], header: string): number {
  const i = headers.indexOf(header);
  if (i < 0) throw new Error(`The formula weights the column "${header}", which the schools table does not have.`);
  return i;
}

/**
 * The "WSF Parameters" sheet: the formula in words and numbers a person can read and change (design rule 2),
 * and the address of every parameter cell so the allocation formulas can point at them. Layout, top to bottom:
 * a title with the scenario and table; "Setting / Value / Column / Notes" rows for the base (or pool), the
 * fixed amount, the stop-loss and the gain cap; the weights table (label, weight, column, kind) with every
 * weight in one contiguous column B (enrolled pupils or grade weights first, then need weights, so one range
 * feeds WSF.EXPLAIN); and the concentration rules (label, threshold, weight, mode, upper, column).
 * With no grade weights, every enrolled pupil weighs 1: one "Every enrolled pupil" row on the enrollment
 * column, or, without one, a weight of 1 on each grade-band column (runFormula's rule).
 *
 * @throws Error when the spec names a column the headers lack.
 * @example parametersSheet(spec, { tableLabel: "Schools", headers, mapping }).cells.baseCell // "'WSF Parameters'!$B$7"
 */
export function parametersSheet(spec: FormulaSpec, context: ParametersContext): { sheet: SheetSpec; cells: ParameterCells } {
  const { headers, mapping } = context;
  const sheet = PARAMETERS_SHEET;
  const names: Record<string, string> = {};
  const blocks: Block[] = [];

  blocks.push({
    row: 0,
    column: 0,
    headerRow: true,
    values: [
      ["Weighted student funding: parameters", null],
      ["Scenario", spec.name ?? ""],
      ["Schools table", context.tableLabel],
      ["Written by the WSF add-in. Change a value in column B and the WSF Allocation sheet recalculates.", null],
    ],
  });

  // Settings: base or pool, fixed amount; one block in dollars, one in shares (formats go by column).
  let row = 5;
  const settings: CellValue[][] = [["Setting", "Value", "Column", "Notes"]];
  const at = (r: number): string => cellRef(sheet, r, 1);
  let baseCell: string | null = null;
  let poolCell: string | null = null;
  if (spec.base.mode === "fixed") {
    baseCell = at(row + settings.length);
    names["Base per weighted pupil"] = baseCell;
    settings.push(["Base per weighted pupil", spec.base.amount, "", "Dollars per weighted pupil"]);
  } else {
    poolCell = at(row + settings.length);
    names["Pool to allocate"] = poolCell;
    settings.push(["Pool to allocate", spec.base.pool, "", "The base is solved so the protected amounts add up to this pool"]);
  }
  let fixedAmountCell: string | null = null;
  let fixedColumn: number | null = null;
  if (spec.fixed.mode === "amount") {
    fixedAmountCell = at(row + settings.length);
    names["Fixed amount per school"] = fixedAmountCell;
    settings.push(["Fixed amount per school", spec.fixed.amount, "", "Added to every school (a foundation)"]);
  } else if (spec.fixed.mode === "column") {
    fixedColumn = headerIndexOf(headers, spec.fixed.header);
    settings.push(["Fixed amounts", null, spec.fixed.header, "Each school's own fixed amount, from the schools table"]);
  } else {
    settings.push(["Fixed amounts", null, "", "None"]);
  }
  blocks.push({ row, column: 0, values: settings, headerRow: true, numberFormats: [null, MONEY, null, null] });
  row += settings.length;

  const prior = mapping.prior === undefined ? "" : String(headers[mapping.prior]);
  const protection: CellValue[][] = [];
  const maxLossCell = spec.protection.maxLoss === null ? null : at(row + protection.length);
  protection.push(["Largest loss vs prior year", spec.protection.maxLoss, prior, spec.protection.maxLoss === null ? "No stop-loss" : "Stop-loss: a school keeps at least prior x (1 - this)"]);
  const maxGainCell = spec.protection.maxGain === null ? null : at(row + protection.length);
  protection.push(["Largest gain vs prior year", spec.protection.maxGain, prior, spec.protection.maxGain === null ? "No cap on gains" : "Cap: a school gets at most prior x (1 + this)"]);
  if (maxLossCell) names["Largest loss vs prior year"] = maxLossCell;
  if (maxGainCell) names["Largest gain vs prior year"] = maxGainCell;
  blocks.push({ row, column: 0, values: protection, numberFormats: [null, SHARE, null, null] });
  row += protection.length + 1;

  // Weights: one contiguous column B.
  const weightSpecs: Omit<WeightRow, "labelCell" | "weightCell">[] = [];
  if (spec.gradeWeights.length === 0) {
    if (mapping.enrollment !== undefined) {
      weightSpecs.push({ kind: "enrolled", label: "Every enrolled pupil", header: String(headers[mapping.enrollment]), headerIndex: mapping.enrollment, weight: 1 });
    } else {
      for (const g of mapping.grades) weightSpecs.push({ kind: "enrolled", label: `Pupils in ${headers[g]}`, header: String(headers[g]), headerIndex: g, weight: 1 });
    }
  }
  for (const g of spec.gradeWeights) weightSpecs.push({ kind: "grade", label: g.header, header: g.header, headerIndex: headerIndexOf(headers, g.header), weight: g.weight });
  for (const c of spec.categoryWeights) weightSpecs.push({ kind: "need", label: c.label, header: c.header, headerIndex: headerIndexOf(headers, c.header), weight: c.weight });
  const kindWords = { enrolled: "Every pupil", grade: "Grade weight", need: "Need weight (added on top)" };
  const weightsTop = row + 1;
  const weights: WeightRow[] = weightSpecs.map((w, k) => ({ ...w, labelCell: cellRef(sheet, weightsTop + k, 0), weightCell: cellRef(sheet, weightsTop + k, 1) }));
  for (const w of weights) names[`Weight: ${w.label}`] = w.weightCell;
  blocks.push({
    row,
    column: 0,
    headerRow: true,
    numberFormats: [null, WEIGHT, null, null],
    values: [["Weights", "Weight", "Column", "Kind"], ...weights.map((w): CellValue[] => [w.label, w.weight, w.header, kindWords[w.kind]])],
  });
  const weightsRange = weights.length === 0 ? null : rangeRef(sheet, weightsTop, 1, weightsTop + weights.length - 1, 1);
  const labelsRange = weights.length === 0 ? null : rangeRef(sheet, weightsTop, 0, weightsTop + weights.length - 1, 0);
  row = weightsTop + weights.length + 1;

  const concentration: ConcentrationCells[] = [];
  if (spec.concentration.length > 0) {
    const top = row + 1;
    const values: CellValue[][] = [["Concentration rules", "Threshold", "Weight", "Mode", "Upper", "Column"]];
    spec.concentration.forEach((c, k) => {
      const r = top + k;
      concentration.push({
        label: c.label,
        header: c.header,
        headerIndex: headerIndexOf(headers, c.header),
        labelCell: cellRef(sheet, r, 0),
        thresholdCell: cellRef(sheet, r, 1),
        weightCell: cellRef(sheet, r, 2),
        modeCell: cellRef(sheet, r, 3),
        upperCell: c.mode === "ramp" ? cellRef(sheet, r, 4) : null,
      });
      names[`Concentration threshold: ${c.label}`] = cellRef(sheet, r, 1);
      names[`Concentration weight: ${c.label}`] = cellRef(sheet, r, 2);
      values.push([c.label, c.threshold, c.weight, c.mode, c.mode === "ramp" ? (c.upper ?? null) : null, c.header]);
    });
    blocks.push({ row, column: 0, headerRow: true, numberFormats: [null, SHARE, WEIGHT, null, SHARE, null], values });
  }

  return {
    sheet: { name: sheet, blocks, columnWidths: [34, 16, 22, 44, 10, 22] },
    cells: { sheet, baseCell, poolCell, fixedAmountCell, fixedColumn, maxLossCell, maxGainCell, weights, weightsRange, labelsRange, concentration, names },
  };
}
