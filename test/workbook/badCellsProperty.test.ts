import fc from "fast-check";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { DetailedCellError, HyperFormula } from "hyperformula";
import type { FormulaSpec } from "../../src/engine/scenario/FormulaSpec";
import { runFormula } from "../../src/engine/scenario/runFormula";
import type { ColumnMapping } from "../../src/engine/table/ColumnMapping";
import { readSchools } from "../../src/engine/table/readSchools";
import { catalogue } from "../../src/functions/catalogue";
import { registerWsfFunctions, type FunctionsMetadata } from "../../src/playground/wsfFunctions";
import { buildOutputs } from "../../src/taskpane/steps/apply/buildOutputs";
import { HyperFormulaWorkbook, hyperFormulaConfig } from "../../src/workbook/local/HyperFormulaWorkbook";
import { MemoryWorkbook } from "../../src/workbook/memory/MemoryWorkbook";
import type { CellValue, SheetSpec, TableInfo } from "../../src/workbook/WorkbookPort";
import { functionFilePaths } from "../support/functionFiles";

/* Issue 8, bug 2: one bad cell must never turn into a wrong number anywhere. For random bad cells in the
 * schools table (text, a negative count, a blank enrollment, an error value, 1e12, a deleted row, an inserted
 * blank row), the allocation sheet the pane writes is evaluated by HyperFormula with the WSF functions, through
 * both workbook adapters: the playground's HyperFormulaWorkbook (the sheets written, then the person edits the
 * table, as after Apply) and the MemoryWorkbook of the component tests (the sheets written for the edited
 * table, its formulas then evaluated). Every output cell must equal the engine's value for that table
 * (runFormula on readSchools, an independent route), or be an error or empty: never another number. */

jest.setTimeout(120_000);

const HEADERS = ["School ID", "School", "Enrollment", "FRL", "EL", "Prior"];
const CLEAN: CellValue[][] = [
  ["S1", "Ash", 400, 120, 40, 2_000_000],
  ["S2", "Beech", 300, 200, 10, 1_700_000],
  ["S3", "Cedar", 500, 100, 80, 2_400_000],
  ["S4", "Dogwood", 200, 150, 30, 1_200_000],
  ["S5", "Elm", 350, 50, 0, 1_500_000],
  ["S6", "Fir", 250, 180, 60, 1_400_000],
];
const MAPPING: ColumnMapping = { id: 0, name: 1, enrollment: 2, frl: 3, el: 4, prior: 5, grades: [], counts: [] };
const weights = [
  { header: "FRL", label: "Low income", weight: 0.2 },
  { header: "EL", label: "English learners", weight: 0.4 },
];
/** Solved from last year's pool (10,200,000) with a 5% stop-loss; with a foundation and both limits; a fixed base with a foundation and a 10% gain cap. */
const SPECS: FormulaSpec[] = [
  { version: 1, name: "Pool", base: { mode: "solve", pool: 10_200_000 }, gradeWeights: [], categoryWeights: weights, concentration: [], fixed: { mode: "none" }, protection: { maxLoss: 0.05, maxGain: null } },
  { version: 1, name: "Pool and foundation", base: { mode: "solve", pool: 10_200_000 }, gradeWeights: [], categoryWeights: weights, concentration: [], fixed: { mode: "amount", amount: 100_000 }, protection: { maxLoss: 0.05, maxGain: 0.2 } },
  { version: 1, name: "Fixed", base: { mode: "fixed", amount: 4_000 }, gradeWeights: [], categoryWeights: weights, concentration: [], fixed: { mode: "amount", amount: 50_000 }, protection: { maxLoss: null, maxGain: 0.1 } },
];

type Edit = { kind: "cell"; row: number; column: number; text: string } | { kind: "delete" | "insert"; row: number };

const cellEdit = fc.record({
  kind: fc.constant("cell" as const),
  row: fc.integer({ min: 1, max: 6 }),
  column: fc.constantFrom(2, 3, 4, 5),
  text: fc.constantFrom("abc", "-50", "", "=1/0", "=NA()", "1000000000000", "9999"),
});
const rowEdit = fc.record({ kind: fc.constantFrom("delete" as const, "insert" as const), row: fc.integer({ min: 1, max: 6 }) });
const edits = fc.tuple(fc.array(cellEdit, { minLength: 1, maxLength: 2 }), fc.option(rowEdit, { nil: undefined })).map(([cells, row]) => (row ? [...cells, row] : cells) as Edit[]);

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(functionFilePaths());
  registerWsfFunctions(catalogue, JSON.parse(generated.metadataJson) as FunctionsMetadata);
}, 60_000);

function tableInfo(rowCount: number): TableInfo {
  return { id: "Schools", label: "Schools", kind: "table", sheet: "Schools", address: `Schools!A1:F${rowCount + 1}`, headers: HEADERS, rowCount };
}

/** What a person's typing becomes in a cell (the playground's rule), for the memory route. */
function typed(text: string): CellValue {
  if (text === "") return null;
  if (text.startsWith("=")) return text;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/** The table after the edits, as data rows (an error formula stays a formula). */
function editedRows(list: Edit[]): CellValue[][] {
  const rows = CLEAN.map((r) => [...r]);
  for (const e of list) {
    if (e.kind === "cell") rows[e.row - 1][e.column] = typed(e.text);
  }
  for (const e of list) {
    if (e.kind === "delete") rows.splice(e.row - 1, 1);
    if (e.kind === "insert") rows.splice(Math.min(e.row, rows.length - 1), 0, HEADERS.map(() => null));
  }
  return rows;
}

const isError = (v: unknown): boolean => typeof v === "string" && /^#[A-Z/0!?]+[!?A]?$/.test(v);
const plain = (v: unknown): unknown => (v instanceof DetailedCellError ? v.value : v === undefined ? null : v);

/**
 * Checks the allocation sheet's values against the engine on `table` (the schools table as it is now).
 * Returns the first violation, or null. Columns: D weighted pupils, E base, F formula amount, H protected,
 * I change, J poverty share, K per pupil; row k (1-based) of the sheet is the k-th row of the table.
 */
function violation(spec: FormulaSpec, table: unknown[][], allocation: unknown[][], written: number): string | null {
  const rows = table.map((r) => r.map((v) => (isError(v) ? v : v))) as CellValue[][];
  const read = readSchools(HEADERS, rows, MAPPING);
  const blocked = read.problems.some((p) => p.severity === "error");
  let engine: ReturnType<typeof runFormula> | null = null;
  if (!blocked) {
    try {
      engine = runFormula(spec, read.schools);
    } catch {
      engine = null; // the engine cannot compute it (an infeasible stop-loss): every pool figure must be an error
    }
  }
  const localOnly: FormulaSpec = { ...spec, base: { mode: "fixed", amount: 1 }, fixed: { mode: "none" }, protection: { maxLoss: null, maxGain: null } };
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
  const bad = (k: number, column: string, value: unknown, why: string) => `row ${k} ${column} = ${JSON.stringify(value)}: ${why}`;
  const number = (v: unknown): v is number => typeof v === "number";

  // A fixed base is a parameter, and each school's amount its own (no pool): right for every school that reads.
  const fixed = spec.base.mode === "fixed";
  const base = allocation[1]?.[4];
  const expectedBase = fixed ? (spec.base as { amount: number }).amount : engine?.base ?? null;
  if (number(base) && !(expectedBase !== null && close(base, expectedBase))) return bad(1, "E (base)", base, `expected ${expectedBase ?? "an error"}`);

  const positions = Math.max(written, rows.length) + 1;
  for (let k = 1; k <= positions; k++) {
    const line = allocation[k] ?? [];
    if (k > written && k === written + 2) break; // the totals row
    const [d, , f, , h, i, j, kk] = [line[3], line[4], line[5], line[6], line[7], line[8], line[9], line[10]];
    const source = rows[k - 1];
    const school = read.schools.find((s) => s.row === k);
    const own = fixed && school ? runFormula(spec, [school]) : null;
    const at = engine && school ? read.schools.indexOf(school) : -1;
    if (!source) {
      for (const [name, v] of [["D", d], ["F", f], ["H", h], ["I", i], ["J", j], ["K", kk]] as const) if (number(v)) return bad(k, name, v, "no school in this row of the table");
      continue;
    }
    const blankRow = source.every((v) => v === null || v === "");
    if (blankRow) {
      for (const [name, v] of [["D", d], ["F", f], ["H", h], ["I", i], ["K", kk]] as const) if (number(v) && v !== 0) return bad(k, name, v, "a blank row weighs nothing");
      continue;
    }
    // Weighted pupils are the row's own: the engine's for a school that reads; for a row it refuses, only
    // when its counts read (its prior is what is wrong), else an error.
    if (number(d)) {
      const local = readSchools(HEADERS, [[...source.slice(0, 5), null]], MAPPING);
      const expected = local.schools.length === 1 ? runFormula(localOnly, local.schools).weightedPupils[0] : null;
      if (expected === null || !close(d, expected)) return bad(k, "D", d, `expected ${expected ?? "an error"}`);
    }
    // Amounts depend on the base: right only when the whole table computes.
    // With a fixed base, the formula amount is the row's own even when only its prior is wrong (the protected amount is not).
    const countsOnly = readSchools(HEADERS, [[...source.slice(0, 5), null]], MAPPING).schools;
    const ownFormula = fixed && countsOnly.length === 1 ? runFormula({ ...spec, protection: { maxLoss: null, maxGain: null } }, countsOnly).formulaAmount[0] : null;
    const expectedF = ownFormula ?? (own ? own.formulaAmount[0] : at >= 0 && engine ? engine.formulaAmount[at] : null);
    const expectedH = own ? own.protectedAmount[0] : at >= 0 && engine ? engine.protectedAmount[at] : null;
    if (number(f) && !(expectedF !== null && close(f, expectedF))) return bad(k, "F", f, `expected ${expectedF ?? "an error"}`);
    if (number(h) && !(expectedH !== null && close(h, expectedH))) return bad(k, "H", h, `expected ${expectedH ?? "an error"}`);
    if (number(kk) && !(expectedH !== null && school && close(kk, expectedH / school.enrollment))) return bad(k, "K", kk, "expected the protected amount per pupil or an error");
    if (number(i)) {
      const prior = school?.prior ?? null;
      if (expectedH === null || prior === null || !close(i, expectedH - prior)) return bad(k, "I", i, `expected ${expectedH !== null && prior !== null ? expectedH - prior : "an error or blank"}`);
    }
    if (number(j)) {
      const [enr, frl] = [source[2], source[3] === null || source[3] === "" ? 0 : source[3]];
      if (!(typeof enr === "number" && typeof frl === "number" && enr > 0 && frl >= 0 && frl <= enr && close(j, frl / enr))) return bad(k, "J", j, "the poverty share of numbers in the table only");
    }
  }
  // Totals: right, or an error.
  const totals = allocation[written + 2] ?? [];
  if (totals[0] === "Total") {
    for (const [c, key] of [[5, "formulaAmount"], [7, "protectedAmount"]] as const) {
      const v = totals[c];
      if (number(v) && !(engine && rows.length === written && close(v, engine[key].reduce((a, b) => a + b, 0)))) return bad(written + 2, `total ${c}`, v, "expected the engine's total or an error");
    }
  }
  return null;
}

async function viaHyperFormulaWorkbook(spec: FormulaSpec, list: Edit[]): Promise<string | null> {
  const wb = new HyperFormulaWorkbook();
  await wb.writeSheet({ name: "Schools", blocks: [{ row: 0, column: 0, values: [HEADERS, ...CLEAN], headerRow: true }], table: { name: "Schools", row: 0, column: 0, rows: 7, columns: 6 } });
  const outputs = buildOutputs(spec, tableInfo(6), MAPPING, null);
  for (const sheet of outputs.sheets.slice(0, 2)) await wb.writeSheet(sheet);
  // The person edits the table after Apply: cells first, then a row deleted or a blank row inserted.
  for (const e of list) if (e.kind === "cell") expect(wb.setCellByUser("Schools", e.row, e.column, e.text)).toBeNull();
  const id = wb.hf.getSheetId("Schools")!;
  for (const e of list) {
    if (e.kind === "delete") wb.hf.removeRows(id, [e.row, 1]);
    if (e.kind === "insert") wb.hf.addRows(id, [Math.min(e.row + 1, wb.hf.getSheetDimensions(id).height - 1), 1]);
  }
  const table = (wb.hf.getSheetValues(id) as unknown[][]).slice(1).map((r) => HEADERS.map((_, c) => plain(r[c])));
  const allocation = (await wb.readSheet("WSF Allocation")).values;
  return violation(spec, table, allocation, 6);
}

async function viaMemoryWorkbook(spec: FormulaSpec, list: Edit[]): Promise<string | null> {
  const rows = editedRows(list);
  const wb = MemoryWorkbook.fromSheets({ Schools: [HEADERS, ...rows] }, { tables: [{ name: "Schools", sheet: "Schools", row: 0, column: 0, rows: rows.length + 1, columns: 6 }] });
  const data = await wb.readTable("Schools");
  const outputs = buildOutputs(spec, data.info, MAPPING, null);
  const written: SheetSpec[] = outputs.sheets.slice(0, 2);
  for (const sheet of written) await wb.writeSheet(sheet);
  // The memory workbook keeps formulas without computing them: evaluate what it holds in HyperFormula.
  const book: Record<string, CellValue[][]> = {};
  for (const name of ["Schools", ...written.map((s) => s.name)]) book[name] = (await wb.readSheet(name)).formulas;
  const hf = HyperFormula.buildFromSheets(book as never, { ...hyperFormulaConfig });
  try {
    const values = (name: string) => (hf.getSheetValues(hf.getSheetId(name)!) as unknown[][]).map((r) => r.map(plain));
    const table = values("Schools").slice(1).map((r) => HEADERS.map((_, c) => r[c] ?? null));
    return violation(spec, table, values("WSF Allocation"), rows.length);
  } finally {
    hf.destroy();
  }
}

describe("bad cells in the schools table never become wrong numbers on the allocation sheet", () => {
  test("the clean table: every figure is the engine's (the check has something to compare)", async () => {
    for (const spec of SPECS) {
      expect(await viaHyperFormulaWorkbook(spec, [])).toBeNull();
      expect(await viaMemoryWorkbook(spec, [])).toBeNull();
      const wb = new HyperFormulaWorkbook();
      await wb.writeSheet({ name: "Schools", blocks: [{ row: 0, column: 0, values: [HEADERS, ...CLEAN] }], table: { name: "Schools", row: 0, column: 0, rows: 7, columns: 6 } });
      for (const sheet of buildOutputs(spec, tableInfo(6), MAPPING, null).sheets.slice(0, 2)) await wb.writeSheet(sheet);
      const values = (await wb.readSheet("WSF Allocation")).values;
      expect(values.slice(1, 7).every((r) => typeof r[7] === "number")).toBe(true);
      expect(values[9][0]).toBe("Every school computes.");
    }
  });

  test.each(SPECS.map((s) => [s.name, s] as const))("%s: HyperFormula workbook, edits after Apply", async (_name, spec) => {
    await fc.assert(
      fc.asyncProperty(edits, async (list) => {
        const found = await viaHyperFormulaWorkbook(spec, list);
        if (found) throw new Error(`${JSON.stringify(list)}: ${found}`);
      }),
      { numRuns: 30, seed: 8_2 },
    );
  });

  test.each(SPECS.map((s) => [s.name, s] as const))("%s: memory workbook, sheets written for the edited table", async (_name, spec) => {
    await fc.assert(
      fc.asyncProperty(edits, async (list) => {
        const found = await viaMemoryWorkbook(spec, list);
        if (found) throw new Error(`${JSON.stringify(list)}: ${found}`);
      }),
      { numRuns: 30, seed: 8_3 },
    );
  });

  test("-50 in the second school's FRL (sheet row 3): that row says why, the other rows keep their weighted pupils, every amount is an error", async () => {
    const wb = new HyperFormulaWorkbook();
    await wb.writeSheet({ name: "Schools", blocks: [{ row: 0, column: 0, values: [HEADERS, ...CLEAN] }], table: { name: "Schools", row: 0, column: 0, rows: 7, columns: 6 } });
    for (const sheet of buildOutputs(SPECS[0], tableInfo(6), MAPPING, null).sheets.slice(0, 2)) await wb.writeSheet(sheet);
    wb.setCellByUser("Schools", 2, 3, "-50");
    const v = (await wb.readSheet("WSF Allocation")).values;
    // S2 (sheet row 3) is the bad row; S1 keeps 400 + 0.2 x 120 + 0.4 x 40 = 440 weighted pupils.
    expect(v[1][3]).toBeCloseTo(440, 9);
    expect(isError(v[2][3])).toBe(true);
    expect(v[2][11]).toBe("Fix this school's row in the schools table: column D says why");
    expect(v[2][0]).toBe("S2");
    expect(v[1][11]).toBe("");
    for (let r = 1; r <= 6; r++) for (const c of [5, 7, 8, 10]) expect(isError(v[r][c]) || v[r][c] === null || v[r][c] === "").toBe(true);
    expect(isError(v[1][4])).toBe(true);
    expect(v[9][0]).toBe("The base and every amount wait for the schools table: fix the rows marked in column L (the message in column D says why).");
  });

  test("a row deleted after Apply: names stay beside their own weighted pupils, amounts and totals wait for Apply", async () => {
    const wb = new HyperFormulaWorkbook();
    await wb.writeSheet({ name: "Schools", blocks: [{ row: 0, column: 0, values: [HEADERS, ...CLEAN] }], table: { name: "Schools", row: 0, column: 0, rows: 7, columns: 6 } });
    for (const sheet of buildOutputs(SPECS[0], tableInfo(6), MAPPING, null).sheets.slice(0, 2)) await wb.writeSheet(sheet);
    wb.hf.removeRows(wb.hf.getSheetId("Schools")!, [3, 1]); // Cedar, sheet row 4
    const v = (await wb.readSheet("WSF Allocation")).values;
    expect(v.slice(1, 6).map((r) => r[0])).toEqual(["S1", "S2", "S4", "S5", "S6"]);
    // Hand calculation, enrollment + 0.2 FRL + 0.4 EL: Ash 400 + 24 + 16, Beech 300 + 40 + 4, Dogwood 200 + 30 + 12, Elm 350 + 10, Fir 250 + 36 + 24.
    expect(v.slice(1, 6).map((r) => r[3])).toEqual([440, 344, 242, 360, 310]);
    for (let r = 1; r <= 6; r++) for (const c of [5, 7, 8, 10]) expect(isError(v[r][c])).toBe(true);
    // The sixth row has no school now: nothing in it is a number.
    expect(v[6].filter((x) => typeof x === "number")).toEqual([]);
    expect(v[8][7]).toBe("#N/A");
    expect(v[9][0]).toBe("The schools table now has 5 rows; this sheet was written for 6: apply again in the task pane (step 4).");
  });
});
