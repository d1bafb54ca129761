/**
 * Blank and 0 (excel-behaviour.md item 5): Excel on the web passes an empty cell to a custom function as
 * `null`, some Excel builds on Windows and Mac as `0`, and nothing tells the two apart. The allocation sheet
 * the task pane writes must give the same numbers either way. Here the pane's parameters and allocation
 * sheets are evaluated with the BUILT dist/functions.js (registered in HyperFormula as the playground does)
 * once with blanks as null and once with blanks as 0; both must equal runFormula's numbers (the pane's own,
 * an independent route through the engine) and each other, cell for cell.
 */
import { HyperFormula } from "hyperformula";
import type { FormulaSpec } from "../../src/engine/scenario/FormulaSpec";
import { runFormula } from "../../src/engine/scenario/runFormula";
import { readSchools } from "../../src/engine/table/readSchools";
import { registerWsfFunctions, type BlankCells, type FunctionsMetadata } from "../../src/playground/wsfFunctions";
import { allocationSheet } from "../../src/taskpane/sheets/allocationSheet";
import { parametersSheet } from "../../src/taskpane/sheets/parametersSheet";
import { hyperFormulaConfig } from "../../src/workbook/local/HyperFormulaWorkbook";
import type { CellValue } from "../../src/workbook/WorkbookPort";
import { headers, mapping, nycLike, rows, table } from "../taskpane/sheets/threeSchoolTable";
import { loadBuiltCatalogue, readFunctionsJson } from "../support/excelRuntime";
import { sheetGrid as grid } from "../support/sheetGrid";

/** The allocation sheet's school rows and total row, columns A..K, evaluated with blanks passed as `blanks`. */
function evaluate(spec: FormulaSpec, schoolRows: CellValue[][], blanks: BlankCells): unknown[][] {
  registerWsfFunctions(loadBuiltCatalogue(), readFunctionsJson() as unknown as FunctionsMetadata, { blankCells: blanks });
  const { sheet: params, cells } = parametersSheet(spec, { tableLabel: table.label, headers, mapping });
  const { sheet: allocation } = allocationSheet(spec, table, mapping, cells);
  const hf = HyperFormula.buildFromSheets({ Schools: [headers, ...schoolRows], [params.name]: grid(params), [allocation.name]: grid(allocation) }, { ...hyperFormulaConfig });
  try {
    const id = hf.getSheetId(allocation.name)!;
    return hf.getRangeValues({ start: { sheet: id, row: 1, col: 0 }, end: { sheet: id, row: 5, col: 10 } });
  } finally {
    hf.destroy();
  }
}

const variants: [string, FormulaSpec][] = [
  ["NYC-like: solved base, foundation, concentration, 5% stop-loss", nycLike],
  ["a 5% stop-loss and a 10% gain cap (school C has a blank prior: no band, not a cap at 0)", { ...nycLike, protection: { maxLoss: 0.05, maxGain: 0.1 } }],
  ["a gain cap only, no stop-loss (the unused limit is omitted from the formulas)", { ...nycLike, protection: { maxLoss: null, maxGain: 0.02 } }],
  ["a fixed base and no protection at all", { ...nycLike, base: { mode: "fixed", amount: 5000 }, protection: { maxLoss: null, maxGain: null } }],
];

// School B's EL cell blank: a blank count is 0 in both modes.
const rowsWithBlankCount = rows.map((r, i) => (i === 1 ? r.map((v, c) => (c === 6 ? null : v)) : r));

describe.each(variants)("the allocation sheet with %s", (_what, spec) => {
  it.each([
    ["the three-school table", rows],
    ["a blank count cell", rowsWithBlankCount],
  ])("gives runFormula's numbers whether blanks arrive as null or as 0 (%s)", (_table, schoolRows) => {
    const asNull = evaluate(spec, schoolRows as CellValue[][], "null");
    const asZero = evaluate(spec, schoolRows as CellValue[][], "zero");
    expect(asZero).toEqual(asNull);

    const { schools, problems } = readSchools(headers, schoolRows as CellValue[][], mapping);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    const expected = runFormula(spec, schools);
    for (const values of [asNull, asZero]) {
      for (let i = 0; i < 3; i++) {
        expect(values[i][3] as number).toBeCloseTo(expected.weightedPupils[i], 9); // D weighted pupils
        expect(values[i][5] as number).toBeCloseTo(expected.formulaAmount[i], 4); // F formula amount
        expect(values[i][7] as number).toBeCloseTo(expected.protectedAmount[i], 4); // H protected amount
        expect(values[i][10] as number).toBeCloseTo(expected.perPupil[i] as number, 6); // K per pupil
      }
      expect(values[0][4] as number).toBeCloseTo(expected.base, 6); // E2 base
    }
  });
});

describe("the pane never points an optional argument at a parameter cell that may be blank", () => {
  it.each(variants)("%s", (_what, spec) => {
    const { sheet: params, cells } = parametersSheet(spec, { tableLabel: table.label, headers, mapping });
    const { sheet: allocation } = allocationSheet(spec, table, mapping, cells);
    const parameterGrid = grid(params);
    const formulas = grid(allocation).flat().filter((v): v is string => typeof v === "string" && v.includes("WSF."));
    // Every parameter cell a WSF function reads, single cells and every cell of a range (the weights).
    const referenced = formulas.flatMap((f) =>
      [...f.matchAll(/'WSF Parameters'!\$([A-Z])\$(\d+)(?::\$[A-Z]\$(\d+))?/g)].flatMap((m) =>
        Array.from({ length: Number(m[3] ?? m[2]) - Number(m[2]) + 1 }, (_, k) => [m[1], Number(m[2]) + k] as const),
      ),
    );
    expect(referenced.length).toBeGreaterThan(0);
    for (const [column, row] of referenced) {
      const value = parameterGrid[row - 1]?.[column.charCodeAt(0) - 65];
      expect({ cell: `${column}${row}`, value }).toEqual({ cell: `${column}${row}`, value: expect.anything() });
      expect(value).not.toBe("");
    }
  });
});
