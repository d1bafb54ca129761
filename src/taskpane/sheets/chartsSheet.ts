import type { ChartSpec, SheetSpec, Block } from "../../workbook/WorkbookPort";
import type { AllocationCells } from "./AllocationCells";
import { CHARTS_SHEET } from "./sheetNames";

const GROUPS = 10;
/** First sheet column of the chart data (J): the charts fill A:H, where the sheet opens. */
export const CHART_DATA_COLUMN = 9;
/** Chart size in cells: 16 rows by 8 columns of the widths below. */
const CHART_ROWS = 16;
const CHART_COLUMNS = 8;

function letters(column: number): string {
  let s = "";
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/**
 * The "WSF Charts" sheet: three native charts (design.md step 4) placed where the sheet opens, stacked in
 * columns A:H, and their data from column J on:
 * - row 2 says in a formula cell (B2) how much more the highest-poverty decile gets than the lowest per pupil,
 *   so the gradient is read as a number, whatever the chart's axis;
 * - per pupil by poverty decile (A4): a dot plot (points, no bars) with every point labelled in dollars,
 *   from WSF.BYGROUP(per pupil, poverty share, enrollment, 10), which spills group, min and max poverty,
 *   pupils, mean (J3:N12); columns P:Q copy group and mean side by side for the chart;
 * - Lorenz curve (A21): WSF.LORENZ(per pupil, enrollment) spills (n + 1) x 2 from S3, column U repeats the
 *   pupil share as the line of equality (one formula spilling from U3, as every column of the allocation
 *   sheet: a formula per row made the playground parse and track 10,000 cells at 10,000 schools); both axes
 *   in per cent, with a legend naming the two lines;
 * - per pupil vs poverty (A38): a scatter with a linear trendline straight from the allocation sheet's
 *   adjacent "Poverty share" and "Per pupil" columns (header row included), poverty as per cent on the axis.
 * Every chart's data block includes its header row (series names). Without a poverty column only the
 * Lorenz curve is made, at A4.
 *
 * @throws nothing.
 * @example chartsSheet(cells).charts.map((c) => c.name) // ["WSF per pupil by poverty decile", "WSF Lorenz curve", "WSF per pupil vs poverty"]
 */
export function chartsSheet(allocation: AllocationCells): { sheet: SheetSpec; charts: ChartSpec[] } {
  const sheet = CHARTS_SHEET;
  const n = allocation.lastDataRow - allocation.firstDataRow + 1;
  const poverty = allocation.povertyHeader !== null;
  const blocks: Block[] = [];
  const charts: ChartSpec[] = [];
  const d = CHART_DATA_COLUMN;
  const col = (k: number) => letters(d + k);
  const at = (row: number) => ({ row, column: 0, rows: CHART_ROWS, columns: CHART_COLUMNS });

  blocks.push({
    row: 0,
    column: 0,
    headerRow: true,
    values: [[poverty ? "Charts of the per pupil amounts (three; scroll down)" : "Lorenz curve of the per pupil amounts"]],
  });

  if (poverty) {
    // Decile block: J2 header, J3:N12 the BYGROUP spill; P:Q the chart's (decile, per pupil) pairs.
    const decile: (string | null)[][] = [["Decile", "Min poverty", "Max poverty", "Pupils", "Mean per pupil", null, "Poverty decile", "Per pupil"]];
    for (let g = 0; g < GROUPS; g++) {
      const r = 3 + g; // A1 row of group g
      decile.push([
        g === 0 ? `=WSF.BYGROUP(${allocation.ranges.perPupil},${allocation.ranges.poverty},${allocation.pupilsRange},${GROUPS})` : null,
        null,
        null,
        null,
        null,
        null,
        `=${col(0)}${r}`,
        `=${col(4)}${r}`,
      ]);
    }
    blocks.push({ row: 0, column: d, values: [["Per pupil by poverty decile (decile 1 = lowest poverty)"]], headerRow: true });
    blocks.push({ row: 1, column: d, values: decile, headerRow: true, numberFormats: ["0", "0.0%", "0.0%", "#,##0", "$#,##0", null, "0", "$#,##0"] });
    // The gradient in words and a formula, where the sheet opens.
    blocks.push({ row: 1, column: 0, values: [["Highest-poverty decile over lowest, per pupil:", `=${col(4)}12/${col(4)}3-1`]], numberFormats: [null, "+0.0%;-0.0%;0.0%"] });
    charts.push({
      sheet,
      dataSheet: sheet,
      name: "WSF per pupil by poverty decile",
      type: "xyScatter",
      title: "Per pupil by poverty decile",
      data: { row: 1, column: d + 6, rows: GROUPS + 1, columns: 2 },
      xAxisTitle: "Poverty decile (1 = lowest poverty, 10 = highest)",
      yAxisTitle: "Dollars per pupil",
      yAxisNumberFormat: "$#,##0",
      dataLabelsNumberFormat: "$#,##0",
      legend: false,
      position: at(3),
    });
  }

  const lorenzColumn = d + 9; // S
  const lorenz: (string | null)[][] = [["Share of pupils", "Lorenz curve", "Line of equality"]];
  const shares = `${letters(lorenzColumn)}3:${letters(lorenzColumn)}${3 + n}`;
  // The line of equality repeats the pupil shares: blank where they are, an error (a gap) where they are one.
  // LEN(S)=0 rather than S="", which HyperFormula compares by reading "" as a date on every row.
  for (let i = 0; i <= n; i++) {
    lorenz.push(i === 0 ? [`=WSF.LORENZ(${allocation.ranges.perPupil},${allocation.pupilsRange})`, null, `=IF(LEN(${shares})=0,"",${shares})`] : [null, null, null]);
  }
  blocks.push({ row: 0, column: lorenzColumn, values: [["Lorenz curve of per pupil amounts"]], headerRow: true });
  blocks.push({ row: 1, column: lorenzColumn, values: lorenz, headerRow: true, numberFormats: ["0.0%", "0.0%", "0.0%"] });
  charts.push({
    sheet,
    dataSheet: sheet,
    name: "WSF Lorenz curve",
    type: "xyScatterLines",
    title: "Lorenz curve: share of money by share of pupils",
    data: { row: 1, column: lorenzColumn, rows: n + 2, columns: 3 },
    xAxisTitle: "Share of pupils (lowest per pupil first)",
    yAxisTitle: "Share of money",
    xAxisNumberFormat: "0%",
    yAxisNumberFormat: "0%",
    legend: true,
    position: at(poverty ? 20 : 3),
  });

  if (poverty) {
    charts.push({
      sheet,
      dataSheet: allocation.sheet,
      name: "WSF per pupil vs poverty",
      type: "xyScatter",
      title: "Per pupil vs poverty",
      data: { row: allocation.headerRow, column: allocation.columns.poverty, rows: n + 1, columns: 2 },
      trendlineSeries: [0],
      xAxisTitle: `Poverty share (${allocation.povertyHeader}), per cent of enrollment`,
      yAxisTitle: "Dollars per pupil",
      xAxisNumberFormat: "0%",
      yAxisNumberFormat: "$#,##0",
      legend: false,
      position: at(37),
    });
  }

  return { sheet: { name: sheet, blocks, columnWidths: [44, 10, 6, 6, 6, 6, 6, 6, 2, 8, 12, 12, 10, 14, 2, 14, 12, 2, 14, 14, 14] }, charts };
}
