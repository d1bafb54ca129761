/*
 * The WSF multi-year transition functions (domain.md section 7): thin adapters from Excel's arguments to
 * src/engine/transition. The JSDoc of each function is Excel's formula help (custom-functions-metadata turns
 * it into functions.json), so every parameter is described and the ids never change once shipped.
 *
 * Row-wise (design.md): a bad row gets #VALUE! with its message in its own cell and every other row is
 * computed; only a problem of shape (columns of different lengths) or of a scalar argument (a rate outside
 * 0..1) fails the whole result.
 */
import { isBlank, readNonNegative, toVector, type Cell } from "../engine/core/cells";
import { valueError, WsfError } from "../engine/core/WsfError";
import { phaseInAmount, requireTransitionRule } from "../engine/transition";
import { optionalNumberOrNull, requiredNumber } from "./args";
import { excelCall, toExcelError } from "./excelErrors";

/**
 * One year of a move to a new formula: prior + rate x (target - prior), the gap-closing step of California's LCFF transition, then held within the prior-year band prior x (1 - maxLoss) to prior x (1 + maxGain). Where prior is blank or 0 (a new school) the result is the target itself, with no band. Chain years by passing this year's result as next year's prior.
 * @customfunction PHASEIN
 * @param prior Last year's amount of each school (blank or 0: a new school, which gets its target).
 * @param target The formula's target amount of each school, row for row.
 * @param rate Share of the gap to the target closed this year, 0 to 1, e.g. 0.3333 (1 goes straight to the target, then the band applies).
 * @param [maxLoss] Largest loss against last year as a share, e.g. 0.05. Omit for no floor.
 * @param [maxGain] Largest gain against last year as a share, e.g. 0.10. Omit for no cap.
 * @example =WSF.PHASEIN({100000;200000;0}, {160000;140000;80000}, 0.3333, 0.05, 0.1) -> {110000;190000;80000}
 * @returns A spill n x 1 of this year's amounts, row for row (blank where both prior and target are blank).
 */
export function phaseIn(prior: any[][], target: any[][], rate: number, maxLoss?: number, maxGain?: number): any[][] {
  const fn = "WSF.PHASEIN";
  return excelCall(fn, () => {
    const r = requiredNumber(rate, fn, "rate");
    const loss = optionalNumberOrNull(maxLoss, fn, "maxLoss");
    const gain = optionalNumberOrNull(maxGain, fn, "maxGain");
    requireTransitionRule(r, loss, gain, fn);
    const priorCells = toVector(prior, { fn, arg: "prior" });
    const targetCells = toVector(target, { fn, arg: "target" });
    if (priorCells.length !== targetCells.length) {
      throw valueError({ fn, arg: "target" }, `has ${targetCells.length} rows but prior has ${priorCells.length}; they must be the same size`);
    }
    const out: (number | string | CustomFunctions.Error)[][] = new Array(priorCells.length);
    for (let i = 0; i < priorCells.length; i++) {
      try {
        out[i] = [phaseInRow(priorCells[i], targetCells[i], i + 1, r, loss, gain, fn)];
      } catch (error) {
        if (!(error instanceof WsfError)) throw error;
        out[i] = [toExcelError(error)];
      }
    }
    return out;
  });
}

/** One row: blank when both cells are blank; a present prior beside a blank target is that row's error. */
function phaseInRow(priorCell: Cell, targetCell: Cell, row: number, rate: number, maxLoss: number | null, maxGain: number | null, fn: string): number | string {
  if (isBlank(targetCell)) {
    if (isBlank(priorCell)) return "";
    throw valueError({ fn, arg: "target", row }, "is blank but prior has a number");
  }
  const t = readNonNegative(targetCell, { fn, arg: "target", row });
  const p = isBlank(priorCell) ? NaN : readNonNegative(priorCell, { fn, arg: "prior", row });
  return phaseInAmount(p, t, rate, maxLoss, maxGain);
}
