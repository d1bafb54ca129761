import fc from "fast-check";
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import {
  FAST_VECTORIZED_FUNCTIONS,
  installFastChangeList,
  installFastRangeReads,
  installFastVectorization,
  restoreBuiltInVectorization,
  restoreChangeList,
  restoreRangeReads,
} from "../../src/playground/fastVectorization";
import { hyperFormulaConfig } from "../../src/workbook/local/HyperFormulaWorkbook";

/* The playground's faster loop for column-wide built-ins (src/playground/fastVectorization.ts) must give what
 * HyperFormula's own loop gives, cell for cell: values, error types and messages, and the shape of the spill.
 * Source of truth: HyperFormula itself, with its built-ins restored, on the same random cells and formulas. */

jest.setTimeout(120_000);

const ROWS = 7;

/** A cell of the data sheet: numbers, numeric and other text, booleans, blanks and error values. */
const cellArbitrary: fc.Arbitrary<RawCellContent> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -5, max: 2000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom("", "abc", "12", "'7", "TRUE", " ", "n/a", "0.5"),
  fc.boolean(),
  fc.constantFrom("=NA()", "=1/0", '="x"&1', "=1.239", "=-3"),
);

/** Formulas over ranges of the data sheet, as the add-in writes them, and broadcasts of every kind. */
const FORMULAS = [
  "=IF(ISBLANK(D!A1:A7),\"\",D!A1:A7)",
  "=IF((LEN(D!A1:A7)+LEN(D!B1:B7))=0,\"\",D!B1:B7*2+IF(((ISBLANK(D!A1:A7)*((LEN(D!B1:B7))>0))+(D!B1:B7>D!A1:A7))>0,NA(),0))",
  "=IF(ISNUMBER(D!A1:A7),IF(D!A1:A7>0,IF((D!B1:B7<0)+(D!B1:B7>D!A1:A7)>0,NA(),D!B1:B7/D!A1:A7),\"\"),\"\")",
  "=IF(ISERROR(D!C1:C7),\"error\",IF(ISTEXT(D!C1:C7),\"text\",ISNA(D!C1:C7)))",
  "=IF(D!A1:A7,D!B1:B7)",
  "=IF(D!A1:A4,D!B1:C7,D!C1)",
  "=IF(D!A1:A7>0,D!A1:C1,D!B1)",
  "=NOT(D!A1:B7)",
  "=ABS(D!A1:A7)",
  "=ROUND(D!A1:A7,D!B1:B3)",
  "=TEXT(D!A1:A7,\"0.0\")",
  "=LEN(D!A1:C7)",
  "=IF(TRUE,D!A1:A7)",
  "=IF(D!A1,D!B1,D!C1)",
  "=LEN(D!A1)",
  "=IF()",
  "=ISBLANK(D!A1:A7,D!B1:B7)",
];

function evaluate(data: RawCellContent[][]): unknown[][][] {
  const hf = HyperFormula.buildFromSheets({ D: data, F: FORMULAS.map((f, i) => (i === 0 ? [f] : [])) }, { ...hyperFormulaConfig });
  const f = hf.getSheetId("F") as number;
  const out: unknown[][][] = [];
  for (let i = 0; i < FORMULAS.length; i++) {
    // One formula at a time, in its own sheet cell, so spills never collide.
    hf.setSheetContent(f, [[FORMULAS[i]]]);
    out.push(
      hf.getSheetValues(f).map((line) => line.map((v) => (v instanceof DetailedCellError ? { error: v.type, message: v.message } : v))),
    );
  }
  hf.destroy();
  return out;
}

afterAll(() => {
  installFastVectorization();
  installFastChangeList();
  installFastRangeReads();
});

test("every replaced function is one HyperFormula has, and installing twice changes nothing", () => {
  restoreBuiltInVectorization();
  const builtIn = FAST_VECTORIZED_FUNCTIONS.map((id) => HyperFormula.getFunctionPlugin(id));
  for (const plugin of builtIn) expect(plugin).toBeDefined();
  installFastVectorization();
  // Each function now runs the playground's method (a subclass of HyperFormula's own plugin).
  FAST_VECTORIZED_FUNCTIONS.forEach((id, i) => {
    const plugin = HyperFormula.getFunctionPlugin(id) as unknown as { implementedFunctions: Record<string, { method: string }> };
    expect(plugin).not.toBe(builtIn[i]);
    expect(plugin.implementedFunctions[id].method).toMatch(/^wsfFast_/);
  });
  installFastVectorization();
  const hf = HyperFormula.buildFromArray([[1, 2], ["=IF(A1:B1>1,\"big\",\"small\")"]], { ...hyperFormulaConfig });
  expect(hf.getSheetValues(0)[1]).toEqual(["small", "big"]);
  hf.destroy();
});

test("the fast loop gives what HyperFormula's own loop gives, for random cells", () => {
  fc.assert(
    fc.property(fc.array(fc.array(cellArbitrary, { minLength: 3, maxLength: 3 }), { minLength: ROWS, maxLength: ROWS }), (data) => {
      restoreBuiltInVectorization();
      const reference = evaluate(data);
      installFastVectorization();
      const fast = evaluate(data);
      expect(fast).toEqual(reference);
    }),
    { numRuns: 60 },
  );
});

/** A batch of edits: constants into the data column or the spill column, and spilling formulas of any size. */
const editArbitrary = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant("value" as const), row: fc.integer({ min: 0, max: 11 }), col: fc.integer({ min: 0, max: 2 }), value: fc.oneof(fc.integer({ min: -9, max: 99 }), fc.constant(null)) }),
    fc.record({ kind: fc.constant("spill" as const), row: fc.integer({ min: 0, max: 6 }), col: fc.integer({ min: 1, max: 2 }), rows: fc.integer({ min: 1, max: 6 }) }),
  ),
  { minLength: 1, maxLength: 4 },
);

/** Every change HyperFormula reports for each batch, in its order: address and new value. */
function reportedChanges(batches: { kind: "value" | "spill"; row: number; col: number; value?: number | null; rows?: number }[][]): unknown[] {
  const start: RawCellContent[][] = Array.from({ length: 12 }, (_, r) => [r + 1, r === 0 ? "=A1:A8*2" : null, r === 0 ? "=IF(A1:A12>5,A1:A12,\"\")" : null]);
  const hf = HyperFormula.buildFromArray(start, { ...hyperFormulaConfig });
  const out: unknown[] = [];
  // What valuesUpdated listeners are given, read as late as a listener could (after the batch returns).
  const heard: unknown[][] = [];
  hf.on("valuesUpdated", (changes) => heard.push(changes));
  for (const batch of batches) {
    const changes = hf.batch(() => {
      for (const e of batch) {
        const content = e.kind === "value" ? e.value ?? null : `=A${e.row + 1}:A${e.row + (e.rows ?? 1)}+1`;
        hf.setCellContents({ sheet: 0, row: e.row, col: e.col }, [[content]]);
      }
    });
    out.push(Array.isArray(changes), changes.length, changes.map((c) => JSON.parse(JSON.stringify(c))));
  }
  out.push(heard.map((changes) => [Array.isArray(changes), JSON.parse(JSON.stringify(changes))]));
  hf.destroy();
  return out;
}

test("the change list reports what HyperFormula's own reports, for random batches of edits over spills", () => {
  fc.assert(
    fc.property(fc.array(editArbitrary, { minLength: 1, maxLength: 5 }), (batches) => {
      restoreChangeList();
      const reference = reportedChanges(batches);
      installFastChangeList();
      expect(reportedChanges(batches)).toEqual(reference);
    }),
    { numRuns: 150 },
  );
});

/** Formulas that read ranges as a whole: aggregates (which use the range's numbers-only flag), arithmetic, spills read back, a date. */
const RANGE_FORMULAS = [
  "=SUM(D!A1:C7)",
  "=SUMPRODUCT(D!A1:A7,D!B1:B7)",
  "=AVERAGE(D!A1:B7)",
  "=COUNT(D!A1:C7)+COUNTA(D!A1:C7)",
  "=MAX(D!A1:A7)-MIN(D!B1:B7)",
  "=D!A1:B7*2",
  "=TRANSPOSE(D!A1:C3)",
  "=SUM(E!A1:A7)",
  "=E!A1:A7&\"|\"",
  "=SUM(E!B1:B2)+E!B1:B2",
  "=MMULT(D!A1:B2,D!B1:C2)",
  "=MMULT(E!A1:A2,E!B1:B1)",
];

function evaluateRanges(data: RawCellContent[][]): unknown[][][] {
  // E holds a spill over D (read whole by its range), and a date and a per cent (rich numbers) for the fallback.
  const hf = HyperFormula.buildFromSheets({ D: data, E: [["=D!A1:A7+1", "=DATE(2026,11,29)"], [null, "5%"]], F: [] }, { ...hyperFormulaConfig });
  const f = hf.getSheetId("F") as number;
  const out: unknown[][][] = [];
  for (const formula of RANGE_FORMULAS) {
    hf.setSheetContent(f, [[formula]]);
    out.push(hf.getSheetValues(f).map((line) => line.map((v) => (v instanceof DetailedCellError ? { error: v.type, message: v.message } : v))));
  }
  hf.destroy();
  return out;
}

test("ranges read with one moving address give what HyperFormula's own reading gives, for random cells", () => {
  fc.assert(
    fc.property(fc.array(fc.array(cellArbitrary, { minLength: 3, maxLength: 3 }), { minLength: ROWS, maxLength: ROWS }), (data) => {
      restoreRangeReads();
      const reference = evaluateRanges(data);
      installFastRangeReads();
      expect(evaluateRanges(data)).toEqual(reference);
      // The column-wide formulas too, with HyperFormula's own vectorized loop, so this change is checked on its own.
      restoreBuiltInVectorization();
      const fastReads = evaluate(data);
      restoreRangeReads();
      expect(fastReads).toEqual(evaluate(data));
      installFastRangeReads();
      installFastVectorization();
    }),
    { numRuns: 60 },
  );
});
