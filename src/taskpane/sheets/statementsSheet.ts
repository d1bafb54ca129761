import type { FormulaSpec } from "../../engine/scenario/FormulaSpec";
import type { ColumnMapping } from "../../engine/table/ColumnMapping";
import type { Block, CellValue, PrintSetup, SheetSpec, TableInfo } from "../../workbook/WorkbookPort";
import { columnLetters, rowCellRef } from "./a1";
import type { AllocationCells } from "./AllocationCells";
import type { ParameterCells } from "./ParameterCells";
import { STATEMENTS_SHEET } from "./sheetNames";
import { tableGeometry } from "./tableGeometry";

/** What a statement says besides the allocation: the district, the year and the cost of a teacher position. */
export interface StatementSettings {
  districtName: string;
  fiscalYear: string;
  /** Average salary and benefits of a teacher position, dollars (> 0). */
  teacherCost: number;
}

/** The Title I sheet's allocation cell of a school (1-based data row of the schools table), absolute. */
export interface StatementTitleICells {
  allocationCell(dataRow: number): string;
}

/** Where each school's page sits (0-based sheet rows) and where its figures are, for the preview and tests. */
export interface StatementPage {
  /** 1-based data row of the school in the schools table. */
  schoolRow: number;
  firstRow: number;
  lastRow: number;
  /** 0-based sheet rows of the figures in the amount column (`amountColumn`). */
  rows: { fixed: number; formulaAmount: number; protection: number; final: number; prior: number; change: number; perPupil: number; decileMedian: number; titleI: number; teachers: number; firstLine: number; total: number };
}

export interface StatementsCells {
  sheet: string;
  pages: StatementPage[];
  /** Rows per page and the page's columns (A..E); the amount column is E. */
  pageRows: number;
  pageColumns: number;
  amountColumn: number;
  settingsCells: { districtName: string; fiscalYear: string; teacherCost: string };
}

const PAGE_COLUMNS = 5;
const PAGE_FORMATS = [null, "#,##0.##", "0.00##", "$#,##0.00", "$#,##0;-$#,##0"];
const AMOUNT = 4;
/** Helper cells sit right of the page, outside the print area: the EXPLAIN inputs of each page, then the settings and the poverty deciles. */
const INPUTS_COLUMN = 6;
const SETTINGS_COLUMN = 11;

/**
 * The "WSF Statements" sheet (domain.md section 8): one printable page per chosen school, every figure a
 * formula over the allocation, parameters and schools sheets, so a statement is never stale. Each page:
 * district and fiscal year; the school and "Page i of N"; the pupils by category with weight, rate and
 * amount (WSF.EXPLAIN over the school's counts and the parameters' weights and base, a Total line); fixed
 * amounts; formula amount; the protection top-up (stop-loss) or cap (gain cap) as final - formula with the
 * rule in words; final allocation, last year's and the change; per pupil and the median per pupil of the
 * schools in the same poverty decile; the Title I allocation where the Title I sheet exists (`titleI`); "this buys about N.N teacher positions" at the district's average
 * cost. Every page has the same height; a manual page break starts each page after the first, the print
 * area covers the pages (A:E) and leaves the helper cells out, and the page header and footer carry the
 * district, the year and "Page &P of &N".
 *
 * **Convention, poverty decile**: schools are ranked by poverty share (the allocation sheet's column);
 * decile = 1 + floor(10 x schools with a lower share / schools with a share), at most 10 (1 = lowest
 * poverty); the median is Excel's MEDIAN over the schools of that decile (an even count averages the two
 * middle values), not the pupil-weighted median of the equity statistics.
 *
 * @throws Error when no school is chosen, a school row is outside the table, or the table address is unreadable.
 * @example statementsSheet(spec, { ..., schoolRows: [1, 2, 3] }).cells.pages.length // 3
 */
export function statementsSheet(
  spec: FormulaSpec,
  context: {
    table: TableInfo;
    mapping: ColumnMapping;
    params: ParameterCells;
    allocation: AllocationCells;
    schoolRows: number[];
    settings: StatementSettings;
    /** Where the Title I sheet holds each school's Title I allocation, when that sheet exists; omitted otherwise. */
    titleI?: StatementTitleICells | null;
  },
): { sheet: SheetSpec; cells: StatementsCells } {
  const { table, mapping, params, allocation, schoolRows, settings } = context;
  const titleI = context.titleI ?? null;
  const t = tableGeometry(table);
  const sheet = STATEMENTS_SHEET;
  if (schoolRows.length === 0) throw new Error("Choose at least one school for the statements.");
  for (const r of schoolRows) if (!Number.isInteger(r) || r < 1 || r > t.rowCount) throw new Error(`School row ${r} is outside the schools table (rows 1 to ${t.rowCount}).`);

  const categories = params.weights.length + params.concentration.length;
  const pageRows = 17 + categories;
  const n = t.rowCount;
  const abs = (row: number, column: number) => `$${columnLetters(column)}$${row + 1}`;
  const rel = (row: number, column: number) => `${columnLetters(column)}${row + 1}`;
  const alloc = (column: number, schoolRow: number) => rowCellRef(allocation.sheet, allocation.firstDataRow + schoolRow - 1, column);

  // Settings (L1:M3) and the poverty deciles of every school (L4 on: school row, poverty share, decile, per pupil).
  const settingsCells = { districtName: abs(0, SETTINGS_COLUMN + 1), fiscalYear: abs(1, SETTINGS_COLUMN + 1), teacherCost: abs(2, SETTINGS_COLUMN + 1) };
  const hasPoverty = allocation.povertyHeader !== null;
  // The deciles' header shares a row with the first page's "Pupils by category" header (both bold).
  const decileTop = 3;
  const decileFirst = decileTop + 1;
  const decileLast = decileFirst + n - 1;
  const decileRange = (column: number) => `${abs(decileFirst, SETTINGS_COLUMN + column)}:${abs(decileLast, SETTINGS_COLUMN + column)}`;
  const blocks: Block[] = [
    {
      row: 0,
      column: SETTINGS_COLUMN,
      values: [
        ["District", settings.districtName],
        ["Fiscal year", settings.fiscalYear],
        ["Average cost of a teacher position (salary and benefits)", settings.teacherCost],
      ],
      numberFormats: [null, "$#,##0"],
    },
  ];
  if (hasPoverty) {
    const deciles: CellValue[][] = [["School row", `Poverty share (${allocation.povertyHeader})`, "Poverty decile", "Per pupil"]];
    for (let i = 1; i <= n; i++) {
      const r = decileFirst + i - 1;
      deciles.push([
        i,
        `=${alloc(allocation.columns.poverty, i)}`,
        `=IF(ISNUMBER(${rel(r, SETTINGS_COLUMN + 1)}),MIN(10,1+INT(10*COUNTIF(${decileRange(1)},"<"&${rel(r, SETTINGS_COLUMN + 1)})/COUNT(${decileRange(1)}))),"")`,
        `=${alloc(allocation.columns.perPupil, i)}`,
      ]);
    }
    blocks.push({ row: decileTop, column: SETTINGS_COLUMN, values: deciles, headerRow: true, numberFormats: ["0", "0.0%", "0", "$#,##0"] });
  }

  const name = mapping.name ?? mapping.id;
  const pages: StatementPage[] = [];
  const pageBlocks: Block[] = [];
  const inputBlocks: CellValue[][] = [];
  schoolRows.forEach((schoolRow, k) => {
    const top = k * pageRows;
    const lines: CellValue[][] = Array.from({ length: pageRows }, () => new Array(PAGE_COLUMNS).fill(null));
    const inputs: CellValue[][] = Array.from({ length: pageRows }, () => [null, null, null, null]);
    const schoolName = name !== undefined ? t.cell(name, schoolRow) : null;
    lines[0][0] = `=${settingsCells.districtName}&": school allocation, fiscal year "&${settingsCells.fiscalYear}`;
    lines[0][AMOUNT] = `Page ${k + 1} of ${schoolRows.length}`;
    lines[1][0] = schoolName !== null ? `="School: "&${schoolName}${mapping.id !== undefined && mapping.id !== name ? `&" ("&${t.cell(mapping.id, schoolRow)}&")"` : ""}` : `School: row ${schoolRow}`;
    lines[3] = ["Pupils by category", "Pupils", "Weight", "Rate per pupil", "Amount"];

    // EXPLAIN inputs beside the page (outside the print area): label, count, weight per category.
    const firstLine = 4;
    inputs[firstLine - 1] = ["Category", "Pupils", "Weight", null];
    const enrollment = mapping.enrollment !== undefined ? t.cell(mapping.enrollment, schoolRow) : alloc(allocation.columns.enrollment, schoolRow);
    let c = 0;
    for (const w of params.weights) inputs[firstLine + c++] = [`=${w.labelCell}`, `=${t.cell(w.headerIndex, schoolRow)}`, `=${w.weightCell}`, null];
    for (const rule of params.concentration) {
      const args = [t.cell(rule.headerIndex, schoolRow), enrollment, rule.thresholdCell, "1", rule.modeCell, ...(rule.upperCell ? [rule.upperCell] : [])];
      inputs[firstLine + c++] = [`=${rule.labelCell}&" (extra pupils)"`, `=WSF.CONCENTRATION(${args.join(",")})`, `=${rule.weightCell}`, null];
    }
    const span = (column: number) => `${abs(top + firstLine, INPUTS_COLUMN + column)}:${abs(top + firstLine + categories - 1, INPUTS_COLUMN + column)}`;
    lines[firstLine][0] = `=WSF.EXPLAIN(${span(1)},${span(2)},${allocation.baseCell},${span(0)})`;

    const at = firstLine + categories + 1; // first row after the Total line
    const fixed =
      spec.fixed.mode === "amount" && params.fixedAmountCell ? `=${params.fixedAmountCell}` : spec.fixed.mode === "column" && params.fixedColumn !== null ? `=N(${t.cell(params.fixedColumn, schoolRow)})` : 0;
    const amount = (r: number) => rel(top + r, AMOUNT);
    const rows = {
      firstLine: top + firstLine,
      total: top + firstLine + categories,
      fixed: top + at,
      formulaAmount: top + at + 1,
      protection: top + at + 2,
      final: top + at + 3,
      prior: top + at + 4,
      change: top + at + 5,
      perPupil: top + at + 7,
      decileMedian: top + at + 8,
      titleI: top + at + 9,
      teachers: top + at + 10,
    };
    lines[at] = ["Fixed amounts (foundation, fixed positions)", null, null, null, fixed];
    lines[at + 1] = ["Formula amount (pupils + fixed)", null, null, null, `=${alloc(allocation.columns.formulaAmount, schoolRow)}`];
    const f = amount(at + 1);
    const fin = amount(at + 3);
    const lossWords = params.maxLossCell ? `"Stop-loss top-up: no school loses more than "&TEXT(${params.maxLossCell}*100,"0.0")&"% of last year"` : `"Stop-loss top-up"`;
    const gainWords = params.maxGainCell ? `"Gain cap: no school gains more than "&TEXT(${params.maxGainCell}*100,"0.0")&"% over last year"` : `"Gain cap"`;
    lines[at + 2] = [`=IF(${fin}-${f}>0.005,${lossWords},IF(${f}-${fin}>0.005,${gainWords},"Protection: none (the formula amount stands)"))`, null, null, null, `=${fin}-${f}`];
    lines[at + 3] = ["Final allocation", null, null, null, `=${alloc(allocation.columns.protectedAmount, schoolRow)}`];
    lines[at + 4] = ["Last year's allocation", null, null, null, `=${alloc(allocation.columns.prior, schoolRow)}`];
    lines[at + 5] = ["Change from last year", null, null, null, `=${alloc(allocation.columns.change, schoolRow)}`];
    lines[at + 7] = ["Per pupil", null, null, null, `=${alloc(allocation.columns.perPupil, schoolRow)}`];
    if (hasPoverty) {
      const decile = abs(decileFirst + schoolRow - 1, SETTINGS_COLUMN + 2);
      lines[at + 8] = [
        `=IF(ISNUMBER(${decile}),"Median per pupil of the schools in poverty decile "&${decile}&" of 10 (1 = lowest poverty)","Median per pupil of similar-poverty schools: no poverty share for this school")`,
        null,
        null,
        null,
        `=IF(ISNUMBER(${decile}),MEDIAN(IF(${decileRange(2)}=${decile},${decileRange(3)})),"")`,
      ];
    } else {
      lines[at + 8] = ["Median per pupil of similar-poverty schools: the table has no poverty column", null, null, null, null];
    }
    if (titleI) {
      const cell = titleI.allocationCell(schoolRow);
      lines[at + 9] = [`=IF(N(${cell})>0,"Title I, Part A allocation (federal, in addition to the above)","Title I, Part A: this school is not served")`, null, null, null, `=IF(N(${cell})>0,${cell},"")`];
    }
    lines[at + 10] = [`="This buys about "&TEXT(${fin}/${settingsCells.teacherCost},"0.0")&" teacher positions at the district's average cost of a position:"`, null, null, null, `=${settingsCells.teacherCost}`];
    pages.push({ schoolRow, firstRow: top, lastRow: top + pageRows - 1, rows });
    // Two blocks a page, so its title row and its lines' header row are bold (a block's header row).
    pageBlocks.push({ row: top, column: 0, values: lines.slice(0, 3), headerRow: true });
    pageBlocks.push({ row: top + 3, column: 0, values: lines.slice(3), headerRow: true, numberFormats: PAGE_FORMATS });
    inputBlocks.push(...inputs);
  });

  const total = schoolRows.length * pageRows;
  blocks.push(...pageBlocks);
  blocks.push({ row: 0, column: INPUTS_COLUMN, values: inputBlocks, numberFormats: [null, "#,##0.##", "0.00##", null] });
  const print: PrintSetup = {
    area: { row: 0, column: 0, rows: total, columns: PAGE_COLUMNS },
    pageBreaks: pages.slice(1).map((p) => p.firstRow),
    header: { left: settings.districtName, center: "School allocation statement", right: `Fiscal year ${settings.fiscalYear}` },
    footer: { left: "&A", center: "Page &P of &N", right: "" },
    orientation: "portrait",
    fitToOnePageWide: true,
  };
  return {
    sheet: { name: sheet, blocks, columnWidths: [58, 10, 9, 14, 15, 2, 30, 10, 9, 2, 2, 34, 16, 12, 12], activate: true, print },
    cells: { sheet, pages, pageRows, pageColumns: PAGE_COLUMNS, amountColumn: AMOUNT, settingsCells },
  };
}

