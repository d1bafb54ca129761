import type { ChartSpec, SheetSpec, Block } from "../../workbook/WorkbookPort";
import type { AllocationCells } from "./AllocationCells";
import { CHARTS_SHEET } from "./sheetNames";

const GROUPS = 10;

/**
 * The "WSF Charts" sheet's data blocks and the three native charts of design.md step 4:
 * - per pupil by poverty decile: WSF.BYGROUP(per pupil, poverty share, enrollment, 10) spills group, min and
 *   max poverty, pupils, mean (A3:E12); columns G:H copy group and mean side by side for a column chart;
 * - per pupil vs poverty: a scatter with a linear trendline straight from the allocation sheet's adjacent
 *   "Poverty share" and "Per pupil" columns (header row included);
 * - Lorenz curve: WSF.LORENZ(per pupil, enrollment) spills (n + 1) x 2 from J3, and column L repeats the
 *   pupil share as the line of equality.
 * Every chart's data block includes its header row (series names). Without a poverty column only the
 * Lorenz curve is made.
 *
 * @throws nothing.
 * @example chartsSheet(cells).charts.map((c) => c.name) // ["WSF per pupil by poverty decile", "WSF per pupil vs poverty", "WSF Lorenz curve"]
 */
export function chartsSheet(allocation: AllocationCells): { sheet: SheetSpec; charts: ChartSpec[] } {
  const sheet = CHARTS_SHEET;
  const n = allocation.lastDataRow - allocation.firstDataRow + 1;
  const poverty = allocation.povertyHeader !== null;
  const blocks: Block[] = [];
  const charts: ChartSpec[] = [];

  if (poverty) {
    const decile: (string | null)[][] = [["Group", "Min poverty", "Max poverty", "Pupils", "Mean per pupil", null, "Poverty decile", "Per pupil"]];
    for (let g = 0; g < GROUPS; g++) {
      const r = 3 + g; // A1 row of group g
      decile.push([g === 0 ? `=WSF.BYGROUP(${allocation.ranges.perPupil},${allocation.ranges.poverty},${allocation.pupilsRange},${GROUPS})` : null, null, null, null, null, null, `=A${r}`, `=E${r}`]);
    }
    blocks.push({ row: 0, column: 0, values: [["Per pupil by poverty decile (decile 1 = lowest poverty)"]], headerRow: true });
    blocks.push({ row: 1, column: 0, values: decile, headerRow: true, numberFormats: ["0", "0.0%", "0.0%", "#,##0", "$#,##0", null, "0", "$#,##0"] });
    charts.push({
      sheet,
      dataSheet: sheet,
      name: "WSF per pupil by poverty decile",
      type: "columnClustered",
      title: "Per pupil by poverty decile",
      data: { row: 1, column: 6, rows: GROUPS + 1, columns: 2 },
      xAxisTitle: "Poverty decile (1 = lowest poverty)",
      yAxisTitle: "Dollars per pupil",
      position: { row: 14, column: 0, rows: 16, columns: 8 },
    });
    charts.push({
      sheet,
      dataSheet: allocation.sheet,
      name: "WSF per pupil vs poverty",
      type: "xyScatter",
      title: "Per pupil vs poverty",
      data: { row: allocation.headerRow, column: allocation.columns.poverty, rows: n + 1, columns: 2 },
      trendlineSeries: [0],
      xAxisTitle: `Poverty share (${allocation.povertyHeader})`,
      yAxisTitle: "Dollars per pupil",
      position: { row: 31, column: 0, rows: 16, columns: 8 },
    });
  }

  const lorenz: (string | null)[][] = [["Pupil share", "Money share", "Equal shares"]];
  for (let i = 0; i <= n; i++) {
    const r = 3 + i;
    lorenz.push([i === 0 ? `=WSF.LORENZ(${allocation.ranges.perPupil},${allocation.pupilsRange})` : null, null, `=IF(J${r}="","",J${r})`]);
  }
  blocks.push({ row: 0, column: 9, values: [["Lorenz curve of per-pupil amounts"]], headerRow: true });
  blocks.push({ row: 1, column: 9, values: lorenz, headerRow: true, numberFormats: ["0.0%", "0.0%", "0.0%"] });
  charts.push({
    sheet,
    dataSheet: sheet,
    name: "WSF Lorenz curve",
    type: "xyScatterLines",
    title: "Lorenz curve: share of money by share of pupils",
    data: { row: 1, column: 9, rows: n + 2, columns: 3 },
    xAxisTitle: "Cumulative share of pupils (lowest per pupil first)",
    yAxisTitle: "Cumulative share of money",
    position: { row: 0, column: 13, rows: 16, columns: 8 },
  });

  return { sheet: { name: sheet, blocks, columnWidths: [8, 12, 12, 10, 14, 2, 14, 12, 2, 12, 12, 12] }, charts };
}
