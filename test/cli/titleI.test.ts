import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { DetailedCellError, HyperFormula } from "hyperformula";
import { catalogue } from "../../src/functions/catalogue";
import { registerWsfFunctions, type FunctionsMetadata } from "../../src/playground/wsfFunctions";
import { generateSampleDistrict } from "../../src/engine/sample";
import { mappingToColumns, serializeScenarioFile } from "../../src/engine/scenario/scenarioFile";
import { presets } from "../../src/engine/scenario/presets";
import type { TitleISettings } from "../../src/engine/scenario/TitleISettings";
import { suggestMapping } from "../../src/engine/table/suggestMapping";
import { comparabilitySheet } from "../../src/taskpane/sheets/comparabilitySheet";
import { titleISheet, type TitleIChoices } from "../../src/taskpane/sheets/titleISheet";
import { hyperFormulaConfig } from "../../src/workbook/local/HyperFormulaWorkbook";
import type { CellValue, TableInfo } from "../../src/workbook/WorkbookPort";
import { functionFilePaths } from "../support/functionFiles";
import { sheetGrid } from "../support/sheetGrid";
import { writeXlsx, wsf } from "./support";

/*
 * `wsf allocate` with a scenario file that holds the Title I step's choices writes "WSF Title I" and "WSF
 * Comparability" as the pane writes them. The pane's numbers: the pane's own sheet builders (titleISheet,
 * comparabilitySheet) for the same choices, evaluated in the playground's HyperFormula with the WSF
 * functions registered, exactly as the playground shows them. Every cell the command line writes is
 * compared with them: the same formula (spills made single-valued as INDEX(spill, k, j)) and the same
 * value, to the cent.
 */

jest.setTimeout(120_000);

// The sample district with its comparability columns beside it (the playground's Schools sheet).
const generated = generateSampleDistrict();
const after = generated.after!;
const district = { headers: [...generated.headers, ...after.headers], rows: generated.rows.map((r, i) => [...r, ...after.rows[i]]) };
const districtAllocation = generated.titleIAllocation!;
const headers = district.headers.map(String);
const mapping = suggestMapping(district.headers, district.rows);
const lausd = presets(district.headers, mapping).find((p) => p.id === "lausd")!.spec;
const column = (h: string) => {
  const k = headers.indexOf(h);
  if (k < 0) throw new Error(`no column ${h}`);
  return k;
};
const idOf = (dataRow: number) => String(district.rows[dataRow - 1][mapping.id!]);

const settings: TitleISettings = {
  columns: { lowIncome: "Low income (FRL)", enrollment: "Enrollment", gradeSpan: "Level", privateSchool: null, staff: "Instructional staff FTE", salaries: "State/local salaries" },
  method: "35",
  districtAllocation,
  reservations: { equitable: 120_000, parent: Math.round(districtAllocation / 100), homeless: 50_000, neglected: 0, administration: 250_000 },
  allocation: { mode: "pool" },
  skipped: [{ row: 1, school: idOf(1), reason: "Comparable state and local money" }],
  comparability: { tolerance: 0.1, smallSchool: 100 },
};

let dir: string;
let xlsx: string;

beforeAll(async () => {
  const metadata = await generateCustomFunctionsMetadata(functionFilePaths());
  registerWsfFunctions(catalogue, JSON.parse(metadata.metadataJson) as FunctionsMetadata);
  dir = await mkdtemp(join(tmpdir(), "wsf-titlei-"));
  xlsx = join(dir, "district.xlsx");
  await writeXlsx(xlsx, district, "Schools");
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function scenarioFile(name: string, titleI?: unknown): Promise<string> {
  const path = join(dir, `${name}.json`);
  const text = serializeScenarioFile({ name, spec: lausd, columns: mappingToColumns(headers, mapping), ...(titleI ? { titleI: titleI as TitleISettings } : {}) });
  await writeFile(path, text);
  return path;
}

/** The pane's Title I and Comparability sheets for choices made by hand from the settings, evaluated. */
function paneSheets(s: TitleISettings) {
  const table: TableInfo = { id: "Schools", label: "Schools", kind: "headerRow", sheet: "Schools", address: `'Schools'!A1:${"ABCDEFGHIJKLMNOPQRSTUVWXYZ"[headers.length - 1]}${district.rows.length + 1}`, headers, rowCount: district.rows.length };
  const choices: TitleIChoices = {
    method: s.method,
    lowIncome: column("Low income (FRL)"),
    enrollment: column("Enrollment"),
    gradeSpan: column("Level"),
    privateSchool: null,
    id: mapping.id!,
    name: mapping.name!,
    districtAllocation: s.districtAllocation,
    reservations: s.reservations,
    skipped: Object.fromEntries(s.skipped.map((k) => [k.row, k.reason])),
    allocation: s.allocation,
  };
  const built = titleISheet(table, choices);
  const cmp = comparabilitySheet(table, { enrollment: choices.enrollment, gradeSpan: choices.gradeSpan, staff: column("Instructional staff FTE"), salaries: column("State/local salaries"), id: choices.id, name: choices.name, tolerance: s.comparability.tolerance, smallSchool: s.comparability.smallSchool }, built.cells).sheet;
  const hf = HyperFormula.buildFromSheets({ Schools: [district.headers as CellValue[], ...(district.rows as CellValue[][])], [built.sheet.name]: sheetGrid(built.sheet), [cmp.name]: sheetGrid(cmp) }, { ...hyperFormulaConfig });
  return { hf, sheets: { "WSF Title I": sheetGrid(built.sheet), "WSF Comparability": sheetGrid(cmp) } };
}

const cents = (x: number) => Math.round(x * 100);

/** Compares every cell of the CLI's sheet with the pane's (formula text and value). Returns the number of formula cells. */
function compareSheet(book: ExcelJS.Workbook, name: "WSF Title I" | "WSF Comparability", pane: ReturnType<typeof paneSheets>, values: boolean): number {
  const ws = book.getWorksheet(name)!;
  const source = pane.sheets[name];
  const sheetId = pane.hf.getSheetId(name)!;
  let formulas = 0;
  // The spills' anchors: the pane writes one spilling formula, the CLI one INDEX per cell.
  const anchors = new Map<number, string>();
  source.forEach((line) => line.forEach((v, c) => typeof v === "string" && /^=WSF\.(TITLEIRANK|TITLEIALLOCATE|COMPARABILITY)\(/.test(v) && anchors.set(c, v)));
  const spillColumn = (c: number): { formula: string; row: number; j: number } | null => {
    for (const [anchor, formula] of anchors) {
      const width = formula.startsWith("=WSF.TITLEIRANK(") ? 3 : formula.startsWith("=WSF.COMPARABILITY(") ? 2 : 1;
      if (c >= anchor && c < anchor + width) {
        const row = source.findIndex((line) => line[anchor] === formula);
        return { formula, row, j: c - anchor + 1 };
      }
    }
    return null;
  };
  for (let r = 0; r < pane.hf.getSheetDimensions(sheetId).height; r++) {
    for (let c = 0; c < pane.hf.getSheetDimensions(sheetId).width; c++) {
      const expected = pane.hf.getCellValue({ sheet: sheetId, row: r, col: c });
      const cell = ws.getRow(r + 1).getCell(c + 1).value as ExcelJS.CellValue;
      const written = source[r]?.[c] ?? null;
      const spill = spillColumn(c);
      const inSpill = spill !== null && r >= spill.row && r < spill.row + district.rows.length;
      const isFormula = inSpill || (typeof written === "string" && written.startsWith("="));
      let got: unknown = cell;
      if (isFormula && !values) {
        formulas++;
        const f = cell as ExcelJS.CellFormulaValue;
        const paneFormula = inSpill ? `=INDEX(${spill!.formula.slice(1)},${r - spill!.row + 1},${spill!.j})` : (written as string);
        expect([name, r, c, f.formula]).toEqual([name, r, c, paneFormula.slice(1).replace(/\bWSF\.([A-Z]+)\(/g, "_xldudf_WSF_$1(")]);
        got = f.result;
      }
      // exceljs reads a cached "" or 0 back as no value.
      if (expected instanceof DetailedCellError) expect([name, r, c, got]).toEqual([name, r, c, { error: expected.value }]);
      else if (typeof expected === "number") {
        if (Number.isInteger(expected) || Math.abs(expected) >= 1) expect([name, r, c, cents((got as number) ?? 0)]).toEqual([name, r, c, cents(expected)]);
        else expect([name, r, c, (got as number) ?? 0]).toEqual([name, r, c, expect.closeTo(expected, 12)]);
      } else expect([name, r, c, got ?? (expected === null ? null : "")]).toEqual([name, r, c, expected === null ? null : expected]);
    }
  }
  return formulas;
}

describe("wsf allocate with Title I choices in the scenario", () => {
  it("writes WSF Title I and WSF Comparability whose formulas and cached values are the pane's, cell for cell", async () => {
    const out = join(dir, "titlei.xlsx");
    const run = await wsf("allocate", xlsx, "--scenario", await scenarioFile("With Title I", settings), "--out", out);
    expect(run.code).toBe(0);
    expect(run.err).toMatch(/Title I: \d+ of 850 schools served/);
    expect(run.err).toContain("WSF Title I and WSF Comparability are written from the scenario's Title I choices");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Schools", "WSF Parameters", "WSF Allocation", "WSF Equity", "WSF Title I", "WSF Comparability"]);
    const pane = paneSheets(settings);
    expect(compareSheet(book, "WSF Title I", pane, false)).toBeGreaterThan(850 * 6);
    expect(compareSheet(book, "WSF Comparability", pane, false)).toBeGreaterThan(850 * 5);
    // Identities the pane's sheet states: the allocations add up to the pool, the skipped school gets 0.
    const t = book.getWorksheet("WSF Title I")!;
    expect((t.getCell("B14").value as ExcelJS.CellFormulaValue).result).toBe("OK");
    expect(t.getCell("J19").value).toBe("Comparable state and local money");
    expect((t.getCell("I19").value as ExcelJS.CellFormulaValue).result ?? 0).toBe(0);
    pane.hf.destroy();
  });

  it("a fixed amount per child pays children x the amount and says how much of the pool is left; --values writes the same numbers", async () => {
    const perChild: TitleISettings = { ...settings, allocation: { mode: "perchild", perChild: 700 } };
    const out = join(dir, "perchild.xlsx");
    expect((await wsf("allocate", xlsx, "--scenario", await scenarioFile("Per child", perChild), "--out", out, "--quiet")).code).toBe(0);
    const valuesOut = join(dir, "perchild-values.xlsx");
    expect((await wsf("allocate", xlsx, "--scenario", await scenarioFile("Per child values", perChild), "--out", valuesOut, "--values", "--quiet")).code).toBe(0);
    const pane = paneSheets(perChild);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    compareSheet(book, "WSF Title I", pane, false);
    const valuesBook = new ExcelJS.Workbook();
    await valuesBook.xlsx.readFile(valuesOut);
    compareSheet(valuesBook, "WSF Title I", pane, true);
    compareSheet(valuesBook, "WSF Comparability", pane, true);
    // Hand check: every served school gets its low-income children x $700 (the sheet's columns D, I, L).
    const t = valuesBook.getWorksheet("WSF Title I")!;
    for (let r = 19; r < 19 + 850; r++) {
      const served = t.getCell(`I${r}`).value ?? 0;
      expect(t.getCell(`L${r}`).value ?? 0).toBe(served === 1 ? (t.getCell(`D${r}`).value as number) * 700 : 0);
    }
    expect(String(t.getCell("B14").value)).toMatch(/^OK: \d+(\.\d+)? of the pool not allocated$/);
    pane.hf.destroy();
  });

  it("without Title I choices the file has no Title I sheets and wsf says why", async () => {
    const out = join(dir, "without.xlsx");
    const run = await wsf("allocate", xlsx, "--scenario", await scenarioFile("Without"), "--out", out);
    expect(run.code).toBe(0);
    expect(run.err).toContain("WSF Title I and WSF Comparability unless the scenario file holds the Title I step's choices");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Schools", "WSF Parameters", "WSF Allocation", "WSF Equity"]);
  });

  it("bad Title I choices stop with a message naming the field, exit code 1 and no output file", async () => {
    const cases: [string, unknown, string][] = [
      ["bad-header", { ...settings, columns: { ...settings.columns, lowIncome: "Poor kids" } }, 'titleI.columns.lowIncome: column "Poor kids" is not in the schools table'],
      ["bad-amount", { ...settings, allocation: { mode: "perchild", perChild: -5 } }, "titleI.allocation.perChild is -5, expected dollars >= 0 per low-income child"],
      ["bad-method", { ...settings, method: "all" }, 'titleI.method is "all", expected "district", "35" or "span"'],
      ["over-pool", { ...settings, allocation: { mode: "perchild", perChild: 5000 } }, "more than the pool of"],
      ["unknown-school", { ...settings, skipped: [{ row: 1, school: "NO-SUCH-ID", reason: "x" }] }, 'skipped school "NO-SUCH-ID" not found'],
    ];
    for (const [name, titleI, message] of cases) {
      const out = join(dir, `${name}.xlsx`);
      const run = await wsf("allocate", xlsx, "--scenario", await scenarioFile(name, titleI), "--out", out);
      expect([name, run.code]).toEqual([name, 1]);
      expect(run.err).toContain(message);
      expect(run.err).toContain(`${name}.json`);
      expect((await readdir(dir)).filter((f) => f.startsWith(name) && f.endsWith(".xlsx"))).toEqual([]);
    }
  });

  it("no school served: the pool would not be allocated, so wsf says so and writes nothing", async () => {
    const zero = join(dir, "zero.xlsx");
    const rows = district.rows.map((r) => r.map((v, k) => (k === column("Low income (FRL)") ? 0 : v)));
    await writeXlsx(zero, { headers: district.headers, rows }, "Schools");
    const out = join(dir, "zero-out.xlsx");
    const run = await wsf("allocate", zero, "--scenario", await scenarioFile("Zero", { ...settings, skipped: [] }), "--out", out);
    expect(run.code).toBe(1);
    expect(run.err).toContain("Zero.json: the Title I allocation cannot be computed: No school is served: every eligible school is skipped or has no low-income children, so the pool is not allocated.");
    expect(await readFile(out).catch(() => null)).toBeNull();
  });
});
