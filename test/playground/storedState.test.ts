import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { buildWorkbook, captureState, captureStateInSlices, fromStoredState, toStoredState, type Slicing } from "../../src/playground/files/workbookState";
import { HyperFormulaWorkbook, hyperFormulaConfig } from "../../src/workbook/local/HyperFormulaWorkbook";

/* The playground keeps its work in IndexedDB as one JSON text per sheet, captured a few rows at a time in idle
 * time. The slices must give exactly the cells captureState gives in one go (the independent route: HyperFormula's
 * getSheetSerialized), stop when the workbook changes under them, and read back to the same state. */

/** A workbook with what a kept state holds: numbers, text, text kept as text ('007), formulas, spills, blank rows. */
function workbookWith(cells: Record<string, (string | number | boolean | null)[][]>): HyperFormulaWorkbook {
  return new HyperFormulaWorkbook(HyperFormula.buildFromSheets(cells as never, { ...hyperFormulaConfig }));
}

const SHEETS = {
  Schools: [
    ["School", "Enrollment", "FRL", "Share"],
    ["Ash", 400, 120, "=C2/B2"],
    ["'007", 300, 200, "=C3/B3"],
    [null, null, null, null],
    ["Cedar", 500, true, "=C5/B5"],
  ],
  // Spills (array arithmetic) down and across, one of them ending the sheet, and a blank row inside.
  Outputs: [["=Schools!B2:B5*2", null, "=TRANSPOSE(Schools!B2:B5)"], [], [null, null, null, 5], [], ["=Schools!C2:C3"]],
};

/** Pauses at every row: the most slices a capture can be cut into. */
const everyRow = (stale: () => boolean = () => false): Slicing => ({ due: () => true, pause: () => Promise.resolve(), stale });

describe("the stored state", () => {
  it("captured in slices is captureState's cells, sheet by sheet, as JSON text", async () => {
    const workbook = workbookWith(SHEETS);
    const stored = await captureStateInSlices(workbook, "Sample district", true, everyRow());
    expect(stored).toEqual(toStoredState(captureState(workbook, "Sample district", true)));
    // Spilled cells are blank (the formula fills them again); the formulas keep their text.
    const outputs = JSON.parse(stored!.sheets[1].json);
    expect(outputs[0]).toEqual(["=Schools!B2:B5*2", null, "=TRANSPOSE(Schools!B2:B5)", null, null, null]);
    expect(outputs[1]).toEqual([null]);
  });

  it("gives back the same workbook through its stored form", async () => {
    const workbook = workbookWith(SHEETS);
    const stored = await captureStateInSlices(workbook, "x", false, everyRow());
    const state = fromStoredState(JSON.parse(JSON.stringify(stored)));
    // As JSON: captureState leaves a blank HyperFormula reports as undefined, which JSON writes as null.
    expect(state).toEqual(JSON.parse(JSON.stringify(captureState(workbook, "x", false))));
    const reopened = buildWorkbook(state!.sheets, state!.meta);
    expect(reopened.hf.getAllSheetsValues()).toEqual(workbook.hf.getAllSheetsValues());
  });

  it("stops as soon as the workbook has changed under it", async () => {
    const workbook = workbookWith(SHEETS);
    let pauses = 0;
    const stored = await captureStateInSlices(workbook, "x", false, { due: () => true, pause: async () => void pauses++, stale: () => pauses >= 3 });
    expect(stored).toBeNull();
    expect(pauses).toBe(3);
  });

  it("equals captureState on random sheets of numbers, text and formulas", async () => {
    const cell = fc.oneof(fc.constant(null), fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom("a", "'12", "x y", "=1+2", "=A1*2"));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }), async (rows) => {
        const workbook = workbookWith({ S: rows });
        const stored = await captureStateInSlices(workbook, "s", false, everyRow());
        expect(stored).toEqual(toStoredState(captureState(workbook, "s", false)));
        workbook.hf.destroy();
      }),
      { numRuns: 60 },
    );
  });

  it("refuses records it cannot read, and still reads the arrays kept before", () => {
    const legacy = captureState(workbookWith(SHEETS), "old", true);
    expect(fromStoredState(legacy)).toBe(legacy);
    expect(fromStoredState(null)).toBeNull();
    expect(fromStoredState({ format: 2, sheets: [{ name: "S", json: "[[1," }], meta: {}, source: "", unsaved: false })).toBeNull();
    expect(fromStoredState({ format: 2, sheets: [{ name: "S", json: "{}" }], meta: {}, source: "", unsaved: false })).toBeNull();
    expect(fromStoredState({ format: 3, sheets: [], meta: {} })).toBeNull();
  });
});
