import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { HyperFormula } from "hyperformula";
import { runFormula } from "../../../src/engine/scenario/runFormula";
import { readSchools } from "../../../src/engine/table/readSchools";
import { planTransition } from "../../../src/engine/transition/planTransition";
import type { TransitionSettings } from "../../../src/engine/transition/TransitionSettings";
import { catalogue } from "../../../src/functions/catalogue";
import { registerWsfFunctions, type FunctionsMetadata } from "../../../src/playground/wsfFunctions";
import { allocationSheet } from "../../../src/taskpane/sheets/allocationSheet";
import { parametersSheet } from "../../../src/taskpane/sheets/parametersSheet";
import { transitionSheet } from "../../../src/taskpane/sheets/transitionSheet";
import { hyperFormulaConfig } from "../../../src/workbook/local/HyperFormulaWorkbook";
import type { CellValue, TableInfo } from "../../../src/workbook/WorkbookPort";
import { headers as baseHeaders, mapping, nycLike, rows as baseRows } from "./threeSchoolTable";
import { functionFilePaths } from "../../support/functionFiles";
import { sheetGrid as grid } from "../../support/sheetGrid";

/* The transition sheet's formulas, evaluated in the playground's HyperFormula (the functions layer Excel
 * runs), must give what the engine's planTransition computes from runFormula's targets: two independent
 * routes to the same plan (per-cell PHASEIN chains and SUMIF summaries against a loop over years). */

beforeAll(async () => {
  const files = functionFilePaths();
  const generated = await generateCustomFunctionsMetadata(files);
  registerWsfFunctions(catalogue, JSON.parse(generated.metadataJson) as FunctionsMetadata);
}, 30_000);

// The three-school table plus two projected-enrollment columns (J, K).
const headers = [...baseHeaders, "Projected 2026", "Projected 2027"];
const rows = baseRows.map((r, i) => [...r, [300, 520, 200][i], [330, 540, 180][i]]);
const table: TableInfo = { id: "Schools", label: "Schools (A1:K4)", kind: "table", sheet: "Schools", address: "Schools!A1:K4", headers, rowCount: 3 };

function evaluate(settings: TransitionSettings, bookRows = rows) {
  const { sheet: params, cells: paramCells } = parametersSheet(nycLike, { tableLabel: table.label, headers, mapping });
  const { sheet: allocation, cells } = allocationSheet(nycLike, table, mapping, paramCells);
  const built = transitionSheet(settings, { allocation: cells, table, mapping, poolFixed: nycLike.base.mode === "solve" });
  const book: Record<string, CellValue[][]> = { Schools: [headers, ...bookRows], [params.name]: grid(params), [allocation.name]: grid(allocation), [built.sheet.name]: grid(built.sheet) };
  const hf = HyperFormula.buildFromSheets(book, { ...hyperFormulaConfig });
  const id = hf.getSheetId(built.sheet.name)!;
  const at = (row: number, col: number) => hf.getCellValue({ sheet: id, row, col });
  return { hf, at, built };
}

const rule = (rate: number | null, maxLoss: number | null, maxGain: number | null, poolGrowth: number | null = null) => ({ rate, maxLoss, maxGain, poolGrowth });

describe("the WSF Transition sheet", () => {
  const { schools } = readSchools(headers, rows, mapping);
  const result = runFormula(nycLike, schools);
  const prior = schools.map((s) => (s.prior === null ? NaN : s.prior));

  it("evaluates to planTransition's amounts, changes, statuses and yearly figures (gap closing + stop-loss + cap)", () => {
    const settings: TransitionSettings = { years: [rule(1 / 3, 0.02, 0.1), rule(0.5, null, 0.1), rule(null, 0.02, null)], projectedEnrollment: [null, null, null] };
    const { hf, at, built } = evaluate(settings);
    const plan = planTransition({ prior, target: result.formulaAmount, years: settings.years, weightedPupils: result.weightedPupils });
    const c = built.cells;
    plan.years.forEach((year, k) => {
      const cols = c.yearColumns[k];
      year.amount.forEach((amount, i) => {
        const r = c.firstSchoolRow + i;
        expect(at(r, cols.amount) as number).toBeCloseTo(amount, 4);
        expect(at(r, cols.target) as number).toBeCloseTo(year.target[i], 4);
        expect(at(r, cols.change) as number).toBeCloseTo(year.change[i], 4);
        expect(at(r, cols.status)).toBe(year.protected[i] ? "Protected" : year.heldBack[i] ? "Phasing in" : "At target");
      });
      const s = c.summaryHeaderRow + 1 + k;
      expect(at(s, c.summaryColumns.cost) as number).toBeCloseTo(year.cost, 4);
      expect(at(s, c.summaryColumns.total) as number).toBeCloseTo(year.total, 4);
      expect(at(s, c.summaryColumns.protectedCount)).toBe(year.protectedCount);
      expect(at(s, c.summaryColumns.heldBack)).toBe(year.heldBackCount);
      expect(at(s, c.summaryColumns.costPerWeightedPupil) as number).toBeCloseTo(year.costPerWeightedPupil as number, 6);
    });
    // Someone is protected in year 1 (Birch loses against a 2% stop-loss), so the cost is not trivially 0.
    expect(plan.years[0].protectedCount).toBeGreaterThan(0);
    hf.destroy();
  });

  it("scales targets by pool growth and projected enrollment as planTransition does", () => {
    const settings: TransitionSettings = { years: [rule(0.5, 0.05, null, 0.02), rule(1, 0.05, null, 0.03)], projectedEnrollment: ["Projected 2026", "Projected 2027"] };
    const { hf, at, built } = evaluate(settings);
    const enrollment = schools.map((s) => s.enrollment);
    const plan = planTransition({
      prior,
      target: result.formulaAmount,
      years: settings.years,
      weightedPupils: result.weightedPupils,
      enrollment,
      projectedEnrollment: [rows.map((r) => r[9] as number), rows.map((r) => r[10] as number)],
    });
    const c = built.cells;
    plan.years.forEach((year, k) => {
      year.amount.forEach((amount, i) => expect(at(c.firstSchoolRow + i, c.yearColumns[k].amount) as number).toBeCloseTo(amount, 4));
      expect(at(c.summaryHeaderRow + 1 + k, c.summaryColumns.costPerWeightedPupil) as number).toBeCloseTo(year.costPerWeightedPupil as number, 6);
    });
    hf.destroy();
  });

  it("leaves out a limit the plan does not have (never a reference to a blank cell) and says 'none' on the sheet", () => {
    const { built } = evaluate({ years: [rule(0.25, null, 0.1), rule(0.25, null, null)], projectedEnrollment: [null, null] });
    const c = built.cells;
    const first = grid(built.sheet)[c.firstSchoolRow];
    expect(first[c.yearColumns[0].amount]).toBe("=WSF.PHASEIN(C17,E17,$B$5,,$B$7)");
    expect(first[c.yearColumns[1].amount]).toBe("=WSF.PHASEIN(F17,I17,$C$5)");
    expect(grid(built.sheet)[c.rules.maxLoss][1]).toBe("none");
  });

  it("keeps a bad projected enrollment to its own school: #VALUE! saying what is missing there, the others computed", () => {
    const bad = rows.map((r, i) => (i === 1 ? [...r.slice(0, 9), null, r[10]] : r));
    const { hf, at, built } = evaluate({ years: [rule(0.5, null, null), rule(0.5, null, null)], projectedEnrollment: ["Projected 2026", null] }, bad);
    const c = built.cells;
    const error = at(c.firstSchoolRow + 1, c.yearColumns[0].amount) as { type: string; message: string };
    expect(error.type).toBe("VALUE");
    expect(error.message).toBe('WSF.PHASEIN: target row 1 is "projected enrollment is blank", expected a number');
    expect(typeof at(c.firstSchoolRow, c.yearColumns[0].amount)).toBe("number");
    expect(typeof at(c.firstSchoolRow + 2, c.yearColumns[1].amount)).toBe("number");
    hf.destroy();
  });

  it("names the projected column that is no longer in the table", () => {
    const { cells } = allocationSheet(nycLike, table, mapping, parametersSheet(nycLike, { tableLabel: table.label, headers, mapping }).cells);
    expect(() => transitionSheet({ years: [rule(1, null, null), rule(1, null, null)], projectedEnrollment: ["Gone", null] }, { allocation: cells, table, mapping, poolFixed: true })).toThrow(
      'The projected enrollment column "Gone" is not in the schools table any more',
    );
  });
});
