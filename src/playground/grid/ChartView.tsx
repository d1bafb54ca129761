import { makeStyles, tokens } from "@fluentui/react-components";
import { mean } from "../../engine/stats/mean";
import { slope } from "../../engine/stats/slope";
import { sampleOf } from "../../engine/core/WeightedSample";
import type { CellValue, ChartSpec } from "../../workbook/WorkbookPort";
import { formatCell } from "./formatCell";

const useStyles = makeStyles({
  chart: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow4,
    boxSizing: "border-box",
  },
});

const WIDTH = 480;
const HEIGHT = 280;
const MARGIN = { top: 32, right: 16, bottom: 44, left: 64 };
/** Extra room under the axis title for a legend. */
const LEGEND_HEIGHT = 18;
const SERIES_COLOURS = [tokens.colorPaletteBlueForeground2, tokens.colorPaletteDarkOrangeForeground2, tokens.colorPaletteGreenForeground2, tokens.colorPaletteBerryForeground2];

function numeric(value: CellValue): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const step = 10 ** Math.floor(Math.log10((max - min) / count));
  const multiple = [1, 2, 5, 10].find((m) => (max - min) / (step * m) <= count) ?? 10;
  const unit = step * multiple;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / unit) * unit; t <= max + unit * 1e-9; t += unit) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

function shortNumber(x: number): string {
  const a = Math.abs(x);
  if (a >= 1e6) return `${Number((x / 1e6).toPrecision(3))}M`;
  if (a >= 1e3) return `${Number((x / 1e3).toPrecision(3))}k`;
  return String(Number(x.toPrecision(3)));
}

/** An axis label: in the axis' number format when the chart gives one, else short (12k, 1.5M). */
function axisLabel(x: number, format: string | undefined): string {
  return format ? formatCell(x, format) : shortNumber(x);
}

/**
 * Excel's automatic value-axis minimum: 0, unless every value is positive and the smallest is more than
 * 5/6 of the largest; then a round number below the smallest (so a narrow spread is not drawn flat).
 * Column charts always start at 0 here: a bar's length must mean its value.
 */
function autoMinimum(min: number, max: number, bars: boolean): number {
  if (bars || !(min > 0) || min <= (5 / 6) * max) return Math.min(0, min);
  const span = max - min;
  const unit = 10 ** Math.floor(Math.log10(span > 0 ? span : max));
  // A little room under the lowest point, so it and its label sit above the axis.
  return Math.floor((min - span * 0.1) / unit) * unit;
}

/** Least-squares line through the points for a trendline, with the engine's slope and mean (unweighted, as Excel's). */
function trendline(xs: number[], ys: number[]): { a: number; b: number } | null {
  if (xs.length < 2) return null;
  try {
    const b = slope(sampleOf(ys), Float64Array.from(xs));
    return { a: mean(sampleOf(ys)) - b * mean(sampleOf(xs)), b };
  } catch {
    return null;
  }
}

/**
 * Draws a chart the add-in created (column, line, scatter, scatter with lines; linear trendlines) as SVG
 * from the computed cells, so the playground shows what Excel's native chart would. Categories or x values
 * come from the first column of the data block, one series per further column; the block's first row is the header.
 */
export function ChartView({ spec, data: block }: { spec: ChartSpec; data: CellValue[][] }) {
  const styles = useStyles();
  // The block's first row is its header (series names); the points are the rows below it.
  const data = block.slice(1);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom - (spec.legend ? LEGEND_HEIGHT : 0);
  const seriesNames = (block[0] ?? []).slice(1).map((h) => (h === null ? "" : String(h)));
  const seriesCount = Math.max(0, (data[0]?.length ?? 1) - 1);
  const categorical = spec.type === "columnClustered" || spec.type === "line";
  const xs = data.map((line, i) => (categorical ? i : numeric(line[0])));
  const allY = data.flatMap((line) => line.slice(1).map(numeric)).filter((v): v is number => v !== null);
  const validX = xs.filter((v): v is number => v !== null);
  const dataMax = allY.length ? Math.max(...allY) : 1;
  const yMin = autoMinimum(allY.length ? Math.min(...allY) : 0, dataMax, spec.type === "columnClustered");
  // Room above the highest point for its value label.
  const yMax = spec.dataLabelsNumberFormat ? dataMax + (dataMax - yMin) * 0.12 : dataMax;
  const xMin = categorical ? -0.5 : Math.min(...validX);
  const xMax = categorical ? data.length - 0.5 : Math.max(...validX);
  const sx = (x: number) => MARGIN.left + (xMax > xMin ? ((x - xMin) / (xMax - xMin)) * plotWidth : plotWidth / 2);
  const sy = (y: number) => MARGIN.top + plotHeight - (yMax > yMin ? ((y - yMin) / (yMax - yMin)) * plotHeight : plotHeight / 2);
  const yTicks = niceTicks(yMin, yMax);
  const integerX = validX.length > 0 && validX.every(Number.isInteger) && xMax - xMin <= 12;
  const xTicks = categorical ? [] : integerX ? validX.filter((x, i) => validX.indexOf(x) === i) : niceTicks(xMin, xMax);
  const baseline = sy(Math.max(0, yMin));
  const band = categorical ? plotWidth / Math.max(1, data.length) : 0;
  const barWidth = seriesCount > 0 ? (band * 0.8) / seriesCount : 0;

  return (
    <svg className={styles.chart} width={WIDTH} height={HEIGHT} role="img" aria-label={`Chart: ${spec.title}`} viewBox={`0 0 ${WIDTH} ${HEIGHT}`}>
      <text x={WIDTH / 2} y={20} textAnchor="middle" fontSize={14} fontWeight={600} fill={tokens.colorNeutralForeground1}>
        {spec.title}
      </text>
      {yTicks.map((t) => (
        <g key={`y${t}`}>
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={sy(t)} y2={sy(t)} stroke={tokens.colorNeutralStroke2} />
          <text x={MARGIN.left - 6} y={sy(t) + 4} textAnchor="end" fontSize={10} fill={tokens.colorNeutralForeground2}>
            {axisLabel(t, spec.yAxisNumberFormat)}
          </text>
        </g>
      ))}
      {xTicks.map((t) => (
        <text key={`x${t}`} x={sx(t)} y={MARGIN.top + plotHeight + 14} textAnchor="middle" fontSize={10} fill={tokens.colorNeutralForeground2}>
          {axisLabel(t, spec.xAxisNumberFormat)}
        </text>
      ))}
      {categorical &&
        data.map((line, i) => (
          <text key={`c${i}`} x={sx(i)} y={MARGIN.top + plotHeight + 14} textAnchor="middle" fontSize={10} fill={tokens.colorNeutralForeground2}>
            {line[0] === null ? "" : String(line[0]).slice(0, 8)}
          </text>
        ))}
      {Array.from({ length: seriesCount }, (_, k) => {
        const colour = SERIES_COLOURS[k % SERIES_COLOURS.length];
        const points = data
          .map((line, i) => ({ x: xs[i], y: numeric(line[k + 1]) }))
          .filter((p): p is { x: number; y: number } => p.x !== null && p.y !== null);
        const fit = spec.trendlineSeries?.includes(k) ? trendline(points.map((p) => p.x), points.map((p) => p.y)) : null;
        return (
          <g key={`s${k}`}>
            {spec.type === "columnClustered" &&
              points.map((p) => (
                <rect key={p.x} x={sx(p.x) - (band * 0.8) / 2 + k * barWidth} y={Math.min(sy(p.y), sy(0))} width={Math.max(1, barWidth - 1)} height={Math.abs(sy(0) - sy(p.y))} fill={colour} />
              ))}
            {(spec.type === "line" || spec.type === "xyScatterLines") && (
              <polyline fill="none" stroke={colour} strokeWidth={2} points={points.map((p) => `${sx(p.x)},${sy(p.y)}`).join(" ")} />
            )}
            {(spec.type === "xyScatter" || spec.type === "xyScatterLines") && points.map((p, i) => <circle key={i} cx={sx(p.x)} cy={sy(p.y)} r={2.5} fill={colour} fillOpacity={0.7} />)}
            {spec.dataLabelsNumberFormat &&
              points.map((p, i) => (
                <text key={`l${i}`} x={sx(p.x)} y={sy(p.y) - 6} textAnchor="middle" fontSize={9} fill={tokens.colorNeutralForeground1}>
                  {formatCell(p.y, spec.dataLabelsNumberFormat)}
                </text>
              ))}
            {fit && <line x1={sx(xMin)} x2={sx(xMax)} y1={sy(fit.a + fit.b * xMin)} y2={sy(fit.a + fit.b * xMax)} stroke={tokens.colorNeutralForeground1} strokeDasharray="6 3" strokeWidth={1.5} />}
          </g>
        );
      })}
      <line x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={MARGIN.top + plotHeight} stroke={tokens.colorNeutralStroke1} />
      <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={baseline} y2={baseline} stroke={tokens.colorNeutralStroke1} />
      {spec.legend && (
        <g aria-label="Legend">
          {seriesNames.map((name, k) => (
            <g key={`legend${k}`} transform={`translate(${MARGIN.left + k * 160} ${HEIGHT - 10})`}>
              <line x1={0} x2={18} y1={-4} y2={-4} stroke={SERIES_COLOURS[k % SERIES_COLOURS.length]} strokeWidth={3} />
              <text x={24} y={0} fontSize={11} fill={tokens.colorNeutralForeground1}>
                {name}
              </text>
            </g>
          ))}
        </g>
      )}
      {spec.xAxisTitle && (
        <text x={MARGIN.left + plotWidth / 2} y={MARGIN.top + plotHeight + 34} textAnchor="middle" fontSize={11} fill={tokens.colorNeutralForeground1}>
          {spec.xAxisTitle}
        </text>
      )}
      {spec.yAxisTitle && (
        <text transform={`translate(14 ${MARGIN.top + plotHeight / 2}) rotate(-90)`} textAnchor="middle" fontSize={11} fill={tokens.colorNeutralForeground1}>
          {spec.yAxisTitle}
        </text>
      )}
    </svg>
  );
}
