import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import ExcelJS from "exceljs";
import { EIGHT_HELPERS, eightSchoolDistrict, generateSampleDistrict, HelperColumn, SCHOOL_HELPERS, SampleTable } from "../engine/sample";

/**
 * Writes the training workbook (`samples/sample-district.xlsx`): the generated 850-school district as
 * the Excel table "Schools", the E5 district as "EightSchools", and an "Examples" sheet of WSF formulas.
 *
 * Both tables get per-pupil helper columns written as ordinary formulas (=P2/E2 ...), because the WSF
 * statistics take one value column and one pupil column, never a quotient of two ranges.
 *
 * WSF formulas are stored the way Excel itself saves a JavaScript custom function: `_xldudf_` plus the
 * name with the dot made an underscore (`WSF.GINI` -> `_xldudf_WSF_GINI`). Excel shows and calculates
 * them as `=WSF.GINI(...)` once the add-in is loaded; written as plain `WSF.GINI(` they would stay
 * unresolved until each cell is re-entered. A text column beside each result shows the formula as a
 * person types it, so the sheet still reads without the add-in.
 */

interface Example {
  label: string;
  /** The formula as a person types it, with `WSF.` names. */
  formula: string;
  meaning: string;
  /** A published figure the result must equal (E5 of domain.md), when there is one. */
  expected?: number;
}

/**
 * Writes the sample workbook to `path` (an .xlsx file; existing files are replaced, the folder is
 * created when missing).
 *
 * @throws Error when the file cannot be written.
 * @example await writeSampleWorkbook("samples/sample-district.xlsx")
 */
export async function writeSampleWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "WSF sample district";
  // The WSF example formulas have no cached result, so Excel must calculate everything when it opens the file.
  workbook.calcProperties.fullCalcOnLoad = true;

  const district = generateSampleDistrict();
  const schools = workbook.addWorksheet("Schools");
  addTableWithHelpers(schools, "Schools", district, SCHOOL_HELPERS);

  const eight = eightSchoolDistrict();
  const eightSheet = workbook.addWorksheet("Eight schools");
  addTableWithHelpers(eightSheet, "EightSchools", eight, EIGHT_HELPERS);

  const examples = workbook.addWorksheet("Examples");
  writeExamples(examples, schoolExamples(district.rows.length + 1), eightExamples());

  await mkdir(dirname(path), { recursive: true });
  await workbook.xlsx.writeFile(path);
}

/**
 * Command line: `node dist/cli/sampleWorkbook.js [path]` writes the workbook (default
 * samples/sample-district.xlsx) and returns the process exit code.
 */
export async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h") || argv.length > 1) {
    console.log("Usage: node dist/cli/sampleWorkbook.js [output.xlsx]   (default samples/sample-district.xlsx)");
    return argv.length > 1 ? 1 : 0;
  }
  const path = argv[0] ?? "samples/sample-district.xlsx";
  try {
    await writeSampleWorkbook(path);
    console.log(`Wrote ${path}`);
    return 0;
  } catch (error) {
    console.error(`Could not write ${path}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function addTableWithHelpers(
  sheet: ExcelJS.Worksheet,
  name: string,
  table: SampleTable,
  helpers: readonly HelperColumn[],
): void {
  sheet.addTable({
    name,
    displayName: name,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: [...table.headers, ...helpers.map((h) => h.name)].map((header) => ({ name: header, filterButton: true })),
    // Worksheet row r + 2 holds data row r (row 1 is the header).
    // Each helper formula carries its value, as Excel saves it, so a program reading the file (wsf equity
    // --value "Total per pupil") finds numbers, not formulas without results.
    rows: table.rows.map((row, r) =>
      [...row, ...helpers.map((h) => {
        const formula = h.formula(r + 2);
        const result = helperValue(formula, row);
        return result === null ? { formula } : { formula, result };
      })],
    ),
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  sheet.columns.forEach((column, k) => {
    column.width = k < 2 ? 28 : 16;
  });
}

/**
 * The value of a helper formula of one row (`(P2+Q2)/E2`: cell references of that row, numbers, + - * /
 * and parentheses), computed from the row's values; null when a cell is not a number or the result is not
 * finite (Excel's #DIV/0!), so the cell is saved without a value.
 *
 * @example helperValue("(B2+C2)/A2", [4, 6, 10]) // 4
 */
export function helperValue(formula: string, row: readonly unknown[]): number | null {
  const tokens = formula.match(/[A-Z]+\d+|\d+(?:\.\d+)?|[-+*/()]/g) ?? [];
  let i = 0;
  const columnIndex = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const primary = (): number => {
    const t = tokens[i++];
    if (t === "(") {
      const v = sum();
      i++; // ")"
      return v;
    }
    if (t === "-") return -primary();
    if (t !== undefined && /^[A-Z]/.test(t)) {
      const cell = row[columnIndex(t.replace(/\d+$/, ""))];
      return typeof cell === "number" ? cell : NaN;
    }
    return Number(t);
  };
  const product = (): number => {
    let v = primary();
    while (tokens[i] === "*" || tokens[i] === "/") v = tokens[i++] === "*" ? v * primary() : v / primary();
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (tokens[i] === "+" || tokens[i] === "-") v = tokens[i++] === "+" ? v + product() : v - product();
    return v;
  };
  const value = sum();
  return i === tokens.length && Number.isFinite(value) ? value : null;
}

/** Examples over the generated district; `lastRow` is the worksheet row of its last school. */
function schoolExamples(lastRow: number): Example[] {
  const col = (letter: string) => `Schools!$${letter}$2:$${letter}$${lastRow}`;
  const pupils = col("E");
  const unrestricted = col("R");
  const total = col("S");
  const frl = col("T");
  return [
    { label: "Mean total per pupil", formula: `WSF.MEAN(${total},${pupils})`, meaning: "Dollars per pupil across the district, every pupil counted once." },
    { label: "CV, unrestricted per pupil", formula: `WSF.COEFVAR(${unrestricted},${pupils})`, meaning: "Near 0: the general fund is flat per pupil (equal)." },
    { label: "CV, total per pupil", formula: `WSF.COEFVAR(${total},${pupils})`, meaning: "Larger: restricted money follows need, so totals are not equal (equity is not equality)." },
    { label: "Gini, unrestricted per pupil", formula: `WSF.GINI(${unrestricted},${pupils})`, meaning: "0 is perfect equality; the flat general fund is close to it." },
    { label: "Gini, total per pupil", formula: `WSF.GINI(${total},${pupils})`, meaning: "Larger than the unrestricted Gini because need-based money is uneven on purpose." },
    { label: "McLoone, total per pupil", formula: `WSF.MCLOONE(${total},${pupils})`, meaning: "Money of the pupils below the median as a share of bringing them up to it (1 = no gap)." },
    { label: "Federal range ratio, total per pupil", formula: `WSF.FEDERALRANGERATIO(${total},${pupils})`, meaning: "(P95 - P5) / P5; the Impact Aid test passes at 0.25 or less." },
    { label: "Correlation with FRL share", formula: `WSF.CORRELATION(${total},${frl},${pupils})`, meaning: "Positive: poorer schools get more per pupil (vertical equity)." },
    { label: "Slope on FRL share", formula: `WSF.SLOPE(${total},${frl},${pupils})`, meaning: "Extra dollars per pupil for a school with 100% low income against one with 0%." },
    { label: "Progressivity (quartiles)", formula: `WSF.PROGRESSIVITY(${total},${frl},${pupils},4)`, meaning: "Highest-poverty quarter of pupils over the lowest; above 1 is progressive." },
    { label: "Poor / non-poor ratio", formula: `WSF.POORNONPOOR(${total},${frl},${pupils})`, meaning: "Dollars per poor pupil over dollars per non-poor pupil." },
    { label: "Unduplicated pupil percentage", formula: `WSF.UPP(${col("N")},${pupils})`, meaning: "The district's LCFF UPP: unduplicated pupils over enrollment." },
  ];
}

/** Examples over E5, with E5's published figures (domain.md section 4) as the expected results. */
function eightExamples(): Example[] {
  const col = (letter: string) => `'Eight schools'!$${letter}$2:$${letter}$9`;
  const pupils = col("B");
  const frl = col("C");
  const unrestricted = col("G");
  const total = col("H");
  const perWeighted = col("I");
  return [
    { label: "E5 mean total per pupil", formula: `WSF.MEAN(${total},${pupils})`, meaning: "All money over all pupils.", expected: 8414.8014 },
    { label: "E5 CV, total per pupil", formula: `WSF.COEFVAR(${total},${pupils})`, meaning: "Population standard deviation over the mean, pupil-weighted.", expected: 0.118753 },
    { label: "E5 McLoone, total per pupil", formula: `WSF.MCLOONE(${total},${pupils})`, meaning: "Schools strictly below the median against the median.", expected: 0.928066 },
    { label: "E5 Gini, total per pupil", formula: `WSF.GINI(${total},${pupils})`, meaning: "No small-sample correction.", expected: 0.06672 },
    { label: "E5 correlation with FRL share", formula: `WSF.CORRELATION(${total},${frl},${pupils})`, meaning: "Money follows poverty closely.", expected: 0.962306 },
    { label: "E5 slope on FRL share", formula: `WSF.SLOPE(${total},${frl},${pupils})`, meaning: "Dollars per pupil per unit of FRL share.", expected: 3993.8498 },
    { label: "E5 CV, unrestricted per pupil", formula: `WSF.COEFVAR(${unrestricted},${pupils})`, meaning: "The flat general fund.", expected: 0.015368 },
    { label: "E5 Gini, unrestricted per pupil", formula: `WSF.GINI(${unrestricted},${pupils})`, meaning: "The flat general fund.", expected: 0.007487 },
    { label: "E5 CV, total per weighted pupil", formula: `WSF.COEFVAR(${perWeighted},${pupils})`, meaning: "Per weighted pupil the money is nearly equal: need explains most differences.", expected: 0.045925 },
  ];
}

/** `WSF.GINI(` -> `_xldudf_WSF_GINI(`: the on-disk name Excel uses for JavaScript custom functions. */
function storedFormula(formula: string): string {
  return formula.replace(/\bWSF\.([A-Z]+)\(/g, "_xldudf_WSF_$1(");
}

function writeExamples(sheet: ExcelJS.Worksheet, schools: Example[], eight: Example[]): void {
  sheet.columns = [
    { header: "Example", key: "label", width: 36 },
    { header: "Result", key: "result", width: 14 },
    { header: "Formula", key: "formula", width: 70 },
    { header: "What it means", key: "meaning", width: 80 },
    { header: "Expected (E5, domain.md)", key: "expected", width: 22 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const example of [...schools, ...eight]) {
    sheet.addRow({
      label: example.label,
      result: { formula: storedFormula(example.formula) },
      formula: `=${example.formula}`,
      meaning: example.meaning,
      expected: example.expected,
    });
  }
  sheet.addRow([]);
  sheet.addRow(["The Result column calculates when the WSF add-in is loaded (Excel or the playground); without it Excel shows #NAME?."]);
}

// Runs only when started as a program (node dist/cli/sampleWorkbook.js ...), not when imported by tests.
if (typeof require !== "undefined" && require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
