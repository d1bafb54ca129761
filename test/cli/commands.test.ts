import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { PDFDocument } from "pdf-lib";
import { readSample } from "../../src/engine/core/WeightedSample";
import { WsfError } from "../../src/engine/core/WsfError";
import { eightSchoolDistrict, generateSampleDistrict } from "../../src/engine/sample";
import { presets } from "../../src/engine/scenario/presets";
import { priorYearPool } from "../../src/engine/scenario/priorYearPool";
import { runFormula } from "../../src/engine/scenario/runFormula";
import { mappingToColumns, serializeScenarioFile } from "../../src/engine/scenario/scenarioFile";
import { equityTable } from "../../src/engine/stats/equityTable";
import { readSchools } from "../../src/engine/table/readSchools";
import { suggestMapping } from "../../src/engine/table/suggestMapping";
import { writeSampleWorkbook } from "../../src/cli/sampleWorkbook";
import { statementOf } from "../../src/cli/statements";
import { csvText, writeCsv, writeXlsx, wsf } from "./support";

/**
 * Every command on the sample district against the task pane's own computation of the same scenario: the
 * pane maps columns with `suggestMapping`, reads schools with `readSchools`, fits a preset with `presets`
 * (pool = `priorYearPool`) and runs `runFormula`. The command line must give the same numbers to the cent.
 */
const district = generateSampleDistrict();
const mapping = suggestMapping(district.headers, district.rows);
const { schools } = readSchools(district.headers, district.rows, mapping);
const pool = priorYearPool(schools)!;
const lausd = presets(district.headers, mapping, { pool }).find((p) => p.id === "lausd")!.spec;
const pane = runFormula(lausd, schools);
const cents = (x: number): number => Math.round(x * 100);

let dir: string;
let xlsx: string;
let csv: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "wsf-cli-"));
  xlsx = join(dir, "district.xlsx");
  csv = join(dir, "district.csv");
  await writeXlsx(xlsx, district, "Schools", ["Read me"]);
  await writeCsv(csv, district);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("wsf check", () => {
  it("finds the sample district's columns by header on the sheet that holds it and reports no problems", async () => {
    const { code, out } = await wsf("check", xlsx);
    expect(code).toBe(0);
    expect(out).toContain(`${xlsx}, sheet "Schools": 850 rows, 850 schools ready for the formula`);
    expect(out).toContain('enrollment = "Enrollment"');
    expect(out).toContain('frl = "Low income (FRL)"');
    expect(out).toContain("No problems found.");
  });

  it("lists each problem with file, row and column and exits 1; --format json gives the same problems", async () => {
    const rows = district.rows.slice(0, 5).map((r) => [...r]);
    const frl = district.headers.indexOf("Low income (FRL)");
    rows[2][frl] = "n/a";
    const path = join(dir, "bad.csv");
    await writeFile(path, [district.headers, ...rows].map((r) => r.join(",")).join("\n"));
    const text = await wsf("check", path);
    expect(text.code).toBe(1);
    expect(text.out).toContain(`\nerror: ${path}, row 4, column J (Low income (FRL)): is "n/a", expected a number of pupils\n`);
    const json = await wsf("check", path, "--format", "json");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out).problems).toHaveLength(1);
  });

  it("says a blank row inside the table once, with the file's row number, and counts in the singular for one", async () => {
    const path = join(dir, "blank-row.csv");
    await writeFile(path, csvText(["School ID", "Enrollment", "Low income (FRL)"], [["A", 100, 40], [null, null, null], ["B", 20, 30]]));
    const { code, out } = await wsf("check", path);
    expect(code).toBe(1);
    expect(out).toBe(
      `${path}: 3 rows, 1 school ready for the formula\n` +
        'Columns: id = "School ID"; enrollment = "Enrollment"; frl = "Low income (FRL)"\n' +
        `warning: ${path}, row 3: row 3 is blank and skipped; delete blank rows inside the table so the allocation sheet lines up with the schools\n` +
        `error: ${path}, row 4, column C (Low income (FRL)): is 30, more than the 20 enrolled\n` +
        "1 error, 1 warning.\n",
    );
  });
});

describe("wsf allocate", () => {
  it("writes the allocation CSV with the pane's numbers for the LAUSD-style preset and a pool of last year's total", async () => {
    const out = join(dir, "lausd.csv");
    const { code, err } = await wsf("allocate", csv, "--preset", "lausd-style", "--pool", "prior", "--out", out);
    expect(code).toBe(0);
    expect(err).toContain("LAUSD-style: 850 schools");
    const rows = parse(await readFile(out, "utf8"), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(850);
    rows.forEach((row, i) => {
      expect(row["School ID"]).toBe(schools[i].id);
      expect(Number(row["Base per weighted pupil"])).toBe(pane.base);
      expect(cents(Number(row["Protected amount"]))).toBe(cents(pane.protectedAmount[i]));
      expect(cents(Number(row["Per pupil"]))).toBe(cents(pane.perPupil[i]!));
      expect(Number(row["Weighted pupils"])).toBeCloseTo(pane.weightedPupils[i], 9);
    });
    // The base is solved so the schools share exactly the prior-year total (the pool).
    expect(cents(rows.reduce((acc, r) => acc + Number(r["Protected amount"]), 0))).toBe(cents(pool));
  });

  it("writes an .xlsx with the pane's sheets: single-value _xldudf_ WSF formulas whose cached values are the pane's numbers", async () => {
    const out = join(dir, "lausd.xlsx");
    expect((await wsf("allocate", xlsx, "--preset", "lausd", "--pool", "prior", "--out", out, "--quiet")).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Schools", "WSF Parameters", "WSF Allocation", "WSF Equity"]);

    const params = workbook.getWorksheet("WSF Parameters")!;
    expect(params.getCell("A7").value).toBe("Pool to allocate");
    expect(params.getCell("B7").value).toBe(pool);

    const sheet = workbook.getWorksheet("WSF Allocation")!;
    const formula = (address: string): ExcelJS.CellFormulaValue => sheet.getCell(address).value as ExcelJS.CellFormulaValue;
    expect(formula("E2").formula).toBe("_xldudf_WSF_SOLVEBASE('WSF Allocation'!$D$2:$D$851,'WSF Parameters'!$B$7)");
    expect(formula("E2").result).toBe(pane.base);
    expect(formula("F3").formula).toBe("_xldudf_WSF_ALLOCATE('WSF Allocation'!$D3,'WSF Allocation'!$E$2)");
    expect(formula("H3").formula).toBe("_xldudf_WSF_PROTECT('WSF Allocation'!$F3,'Schools'!$O3)");
    expect(formula("K3").formula).toBe("_xldudf_WSF_PERPUPIL('WSF Allocation'!$H3,'Schools'!$E3)");
    for (let i = 0; i < schools.length; i++) {
      const r = i + 2;
      expect(formula(`A${r}`).result).toBe(schools[i].id);
      // The pane's one array formula per column, made single-valued: row r reads row r of the table only.
      expect(formula(`D${r}`).formula).toContain(`_xldudf_WSF_WEIGHTEDPUPILS('Schools'!$E${r},`);
      for (const column of ["A", "B", "C", "D", "F", "G", "H", "I", "J", "K", "L"]) expect(formula(`${column}${r}`).formula).not.toMatch(/\$2:\$[A-Z]+\$851(?![0-9])/);
      // The check column: its formula, and an empty text saved as its value (exceljs reads "" back as no value).
      expect(formula(`L${r}`).formula).toContain("fix");
      expect(formula(`L${r}`).result ?? "").toBe("");
      expect(formula(`D${r}`).result).toBeCloseTo(pane.weightedPupils[i], 9);
      expect(cents(formula(`F${r}`).result as number)).toBe(cents(pane.formulaAmount[i]));
      expect(cents(formula(`H${r}`).result as number)).toBe(cents(pane.protectedAmount[i]));
      expect(cents(formula(`K${r}`).result as number)).toBe(cents(pane.perPupil[i]!));
    }
    // Every formula is single-valued and stored under Excel's on-disk name (excel-behaviour.md item 8).
    sheet.eachRow((row) => row.eachCell((cell) => expect(String(cell.formula ?? "")).not.toMatch(/WSF\./)));
    // Totals two rows below the last school (sheet row 853, as the pane writes them), then the status line.
    expect((sheet.getCell("H853").value as ExcelJS.CellFormulaValue).formula).toContain("SUM(H2:H851)");
    expect(cents((sheet.getCell("H853").value as ExcelJS.CellFormulaValue).result as number)).toBe(cents(pool));
    expect((sheet.getCell("A854").value as ExcelJS.CellFormulaValue).result).toBe("Every school computes.");

    // The equity sheet as the pane writes it: its two WSF.EQUITYTABLE spills (per pupil at I5, per weighted
    // pupil at L5) as one INDEX per cell, its WSF.PERPUPIL column (O) per school, the readable table (A:C)
    // pointing at them; every cached value the engine's equity table of the same numbers.
    const equity = workbook.getWorksheet("WSF Equity")!;
    const value = (address: string): ExcelJS.CellFormulaValue => equity.getCell(address).value as ExcelJS.CellFormulaValue;
    const povertyShare = schools.map((s) => s.counts["Low income (FRL)"] / s.enrollment);
    const perPupil = readSample("WSF.EQUITYTABLE", pane.perPupil, schools.map((s) => s.enrollment), { extra: [{ arg: "poverty", cells: povertyShare }] });
    const perWeighted = readSample("WSF.EQUITYTABLE", pane.protectedAmount.map((x, i) => x / pane.weightedPupils[i]), pane.weightedPupils, { extra: [{ arg: "poverty", cells: povertyShare }] });
    const horizontal = equityTable(perPupil, perPupil.extras[0]);
    const vertical = equityTable(perWeighted, perWeighted.extras[0]);
    const spill = "_xldudf_WSF_EQUITYTABLE('WSF Allocation'!$K$2:$K$851,'Schools'!$E$2:$E$851,'WSF Allocation'!$J$2:$J$851)";
    horizontal.forEach((line, k) => {
      const r = 5 + k;
      expect(value(`I${r}`)).toEqual({ formula: `INDEX(${spill},${k + 1},1)`, result: line.metric });
      expect(value(`J${r}`)).toEqual({ formula: `INDEX(${spill},${k + 1},2)`, result: line.value });
      expect(value(`A${r}`)).toEqual({ formula: `I${r}`, result: line.metric });
      expect(value(`B${r}`)).toEqual({ formula: `J${r}`, result: line.value });
      expect(value(`M${r}`).formula).toBe(`INDEX(_xldudf_WSF_EQUITYTABLE('WSF Equity'!$O$5:$O$854,'WSF Allocation'!$D$2:$D$851,'WSF Allocation'!$J$2:$J$851),${k + 1},2)`);
      // Flat per weighted pupil: some statistics are 0 (exceljs reads a cached 0 back as no result) or
      // undefined for no variance (the cached Excel error).
      const v = vertical[k].value;
      if (v instanceof WsfError) expect(value(`C${r}`).result).toEqual({ error: { DIV0: "#DIV/0!", NUM: "#NUM!", NA: "#N/A", VALUE: "#VALUE!" }[v.code] });
      else expect(value(`C${r}`).result ?? 0).toBe(v);
    });
    expect(value("O7")).toEqual({ formula: "_xldudf_WSF_PERPUPIL('WSF Allocation'!$H4,'WSF Allocation'!$D4)", result: pane.protectedAmount[2] / pane.weightedPupils[2] });
  });

  it("says which of the pane's sheets the .xlsx leaves out and why, after writing and in --help", async () => {
    const out = join(dir, "noted.xlsx");
    const run = await wsf("allocate", xlsx, "--preset", "lausd", "--pool", "prior", "--out", out);
    expect(run.code).toBe(0);
    for (const text of [run.err, (await wsf("allocate", "--help")).out]) {
      expect(text).toContain("WSF Charts (charts cannot be written outside Excel");
      expect(text).toContain("WSF Title I and WSF Comparability unless the scenario file holds the Title I step's choices");
    }
    // What the note says is left out is indeed not in the file, and nothing else is.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Schools", "WSF Parameters", "WSF Allocation", "WSF Equity"]);
    // A .csv holds the allocation only: no note about sheets.
    expect((await wsf("allocate", xlsx, "--preset", "lausd", "--pool", "prior", "--out", join(dir, "noted.csv"))).err).not.toContain("Not in the file");
  });

  it("--values writes the same numbers without formulas", async () => {
    const out = join(dir, "values.xlsx");
    expect((await wsf("allocate", xlsx, "--preset", "lausd", "--pool", "prior", "--values", "--out", out, "-q")).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet("WSF Allocation")!;
    expect(sheet.getCell("E2").value).toBe(pane.base);
    expect(sheet.getCell("H851").value).toBe(pane.protectedAmount[849]);
    sheet.eachRow((row, r) => r <= 851 && row.eachCell((cell) => expect(cell.formula).toBeUndefined()));
    // No sheet of the file holds a formula: the schools table, WSF Parameters, WSF Allocation, WSF Equity.
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Schools", "WSF Parameters", "WSF Allocation", "WSF Equity"]);
    const formulas: string[] = [];
    for (const w of workbook.worksheets) w.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formulas.push(`${w.name}!${cell.address}`))));
    expect(formulas).toEqual([]);
  });

  it("runs a scenario file with the base solved from a pool given in dollars", async () => {
    const scenarioPath = join(dir, "need.json");
    const spec = { ...lausd, name: "Need", base: { mode: "solve" as const, pool: 1 }, protection: { maxLoss: 0.05, maxGain: null } };
    await writeFile(scenarioPath, serializeScenarioFile({ name: "Need", spec, columns: mappingToColumns(district.headers, mapping) }));
    const { code, out } = await wsf("allocate", csv, "--scenario", scenarioPath, "--pool", "3,500,000,000");
    expect(code).toBe(0);
    const expected = runFormula({ ...spec, base: { mode: "solve", pool: 3_500_000_000 } }, schools);
    const rows = parse(out, { columns: true }) as Record<string, string>[];
    expect(Number(rows[0]["Base per weighted pupil"])).toBe(expected.base);
    rows.forEach((row, i) => expect(cents(Number(row["Protected amount"]))).toBe(cents(expected.protectedAmount[i])));
  });
});

describe("wsf equity", () => {
  it("gives the engine's equity table as JSON, CSV and text", async () => {
    const allocation = join(dir, "for-equity.csv");
    await wsf("allocate", csv, "--preset", "lausd", "--pool", "prior", "--out", allocation, "-q");
    const args = ["equity", allocation, "--value", "Per pupil", "--pupils", "Enrollment", "--poverty", "Poverty share (Low income (FRL))"];
    const json = await wsf(...args, "--format", "json");
    expect(json.code).toBe(0);
    const povertyShare = schools.map((s) => s.counts["Low income (FRL)"] / s.enrollment);
    const sample = readSample("WSF.EQUITYTABLE", pane.perPupil, schools.map((s) => s.enrollment), { extra: [{ arg: "poverty", cells: povertyShare }] });
    const expected = equityTable(sample, sample.extras[0]);
    const got = JSON.parse(json.out) as { metric: string; value: number }[];
    expect(got.map((g) => g.metric)).toEqual(expected.map((e) => e.metric));
    got.forEach((g, k) => expect(g.value).toBeCloseTo(expected[k].value as number, 9));
    const csvOut = await wsf(...args, "--format", "csv");
    expect(csvOut.out.split("\n")[0]).toBe("Statistic,Value,Error");
    expect(csvOut.out).toContain(`Gini coefficient,${got.find((g) => g.metric === "Gini coefficient")!.value},`);
    const text = await wsf(...args);
    expect(text.out).toMatch(/^Statistic\s+Value\nMean\s+[\d,]+\.\d\d\n/);
  });

  it("runs the --help example on the sample workbook of `npm run samples` (helper columns saved with their values)", async () => {
    const sample = join(dir, "sample-district.xlsx");
    await writeSampleWorkbook(sample);
    const { code, out, err } = await wsf("equity", sample, "--value", "Total per pupil", "--pupils", "Enrollment", "--format", "json");
    expect(err).toBe("");
    expect(code).toBe(0);
    // Identity: the pupil-weighted mean of (P + Q) / E is all the money over all the pupils.
    const [e, p, q] = ["Enrollment", "Unrestricted spending", "Restricted spending"].map((h) => district.headers.indexOf(h));
    expect(Math.min(e, p, q)).toBeGreaterThanOrEqual(0);
    const money = district.rows.reduce((t, r) => t + (r[p] as number) + (r[q] as number), 0);
    const pupils = district.rows.reduce((t, r) => t + (r[e] as number), 0);
    expect((JSON.parse(out) as { metric: string; value: number }[]).find((r) => r.metric === "Mean")!.value).toBeCloseTo(money / pupils, 6);
  });

  it("names the file, row and column where one row makes a statistic undefined", async () => {
    // Row 3 of the file (the second school) has no pupils in poverty: a share of 0 has no logarithm, so the
    // elasticity is #NUM!; the other statistics stand.
    const path = join(dir, "zero-poverty.csv");
    await writeFile(path, csvText(["School ID", "Enrollment", "FRL", "Dollars per pupil"], [["A", 100, 40, 5000], ["B", 200, 0, 4000], ["C", 300, 90, 6000]]));
    const { code, out } = await wsf("equity", path, "--value", "Dollars per pupil", "--pupils", "Enrollment", "--poverty-count", "FRL");
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`\\nElasticity with poverty +#NUM! ${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}, row 3, column C \\(FRL\\): is 0, expected a number > 0 \\(this statistic takes its logarithm\\)\\n`));
    // Hand calculation: (100 x 5,000 + 200 x 4,000 + 300 x 6,000) / 600 pupils = 5,166.67.
    expect(out).toMatch(/\nMean +5,166\.67\n/);
  });

  it("writes counts in its messages with thousands separators", async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => [`S${i + 1}`, 100 + (i % 50), 1_000_000]);
    const path = join(dir, "thousand.csv");
    await writeFile(path, csvText(["School ID", "Enrollment", "Prior-year allocation"], rows));
    const check = await wsf("check", path);
    expect(check.out.split("\n")[0]).toBe(`${path}: 1,200 rows, 1,200 schools ready for the formula`);
    const allocate = await wsf("allocate", path, "--preset", "flat", "--pool", "prior", "--out", join(dir, "thousand-out.csv"));
    expect(allocate.code).toBe(0);
    expect(allocate.err).toMatch(/: 1,200 schools, base \$[\d,]+\.\d\d per weighted pupil, total \$1,200,000,000\.00\n/);
  });

  it("turns a count of pupils in poverty into a share with --poverty-count", async () => {
    const { code, out } = await wsf("equity", csv, "--value", "Prior-year allocation", "--pupils", "Enrollment", "--poverty-count", "Low income (FRL)", "--format", "json");
    expect(code).toBe(0);
    const sample = readSample("WSF.EQUITYTABLE", schools.map((s) => s.prior), schools.map((s) => s.enrollment), {
      extra: [{ arg: "poverty", cells: schools.map((s) => s.counts["Low income (FRL)"] / s.enrollment) }],
    });
    const expected = equityTable(sample, sample.extras[0]);
    (JSON.parse(out) as { value: number }[]).forEach((g, k) => expect(g.value).toBeCloseTo(expected[k].value as number, 9));
  });
});

describe("wsf statements", () => {
  it("writes one PDF page per school", async () => {
    const out = join(dir, "statements.pdf");
    const { code, err } = await wsf("statements", xlsx, "--preset", "lausd", "--pool", "prior", "--out", out);
    expect(code).toBe(0);
    expect(err).toContain("Wrote 850 statements");
    const pdf = await PDFDocument.load(await readFile(out));
    expect(pdf.getPageCount()).toBe(850);
  }, 120_000);

  it("writes one file per school into a folder, named by school id", async () => {
    const eight = eightSchoolDistrict();
    const path = join(dir, "eight.xlsx");
    await writeXlsx(path, eight);
    const folder = join(dir, "statements");
    const { code } = await wsf("statements", path, "--preset", "flat", "--out", `${folder}/`);
    expect(code).toBe(0);
    const files = (await readdir(folder)).sort();
    expect(files).toHaveLength(8);
    expect((await readdir(dir)).filter((f) => f.startsWith(".wsf-statements-"))).toEqual([]);
  });

  it("each statement's lines add up to the school's formula amount, and protection to its final amount", () => {
    const spec = { ...lausd, protection: { maxLoss: 0.02, maxGain: 0.03 } };
    const result = runFormula(spec, schools);
    for (let i = 0; i < schools.length; i++) {
      const st = statementOf(spec, result, schools, i);
      const lines = st.lines.reduce((acc, l) => acc + l.amount, 0);
      expect(cents(lines + st.fixed)).toBe(cents(st.formulaAmount));
      expect(cents(st.formulaAmount + st.protection)).toBe(cents(st.finalAmount));
      expect(st.protectionRule === null).toBe(!result.floored[i] && !result.capped[i]);
      // Each line's rate is its weight times the base (WSF.EXPLAIN's definition).
      for (const l of st.lines) expect(l.rate).toBeCloseTo(l.weight * result.base, 9);
    }
  });
});
