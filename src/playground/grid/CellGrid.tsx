import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { columnLetters } from "../../workbook/shared/columnLetters";
import type { DisplayCell, HyperFormulaWorkbook } from "../../workbook/local/HyperFormulaWorkbook";
import { ChartView } from "./ChartView";
import { formatCell } from "./formatCell";
import { columnOffsets, ROW_HEADER_WIDTH, ROW_HEIGHT, visibleRowRange } from "./layout";

const useStyles = makeStyles({
  scroller: {
    flex: "1 1 auto",
    overflow: "auto",
    position: "relative",
    outline: "none",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: { position: "sticky", top: 0, zIndex: 3, height: `${ROW_HEIGHT}px`, backgroundColor: tokens.colorNeutralBackground3 },
  body: { position: "relative" },
  row: { position: "absolute", left: 0, height: `${ROW_HEIGHT}px`, display: "flex" },
  headerCell: {
    position: "absolute",
    top: 0,
    height: `${ROW_HEIGHT}px`,
    lineHeight: `${ROW_HEIGHT}px`,
    textAlign: "center",
    color: tokens.colorNeutralForeground2,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground3,
  },
  rowHeader: {
    position: "sticky",
    left: 0,
    zIndex: 2,
    width: `${ROW_HEADER_WIDTH}px`,
    flex: "0 0 auto",
    textAlign: "center",
    lineHeight: `${ROW_HEIGHT}px`,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    boxSizing: "border-box",
  },
  corner: { left: 0, position: "sticky", zIndex: 4 },
  cell: {
    flex: "0 0 auto",
    height: `${ROW_HEIGHT}px`,
    lineHeight: `${ROW_HEIGHT - 1}px`,
    padding: "0 4px",
    boxSizing: "border-box",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    cursor: "cell",
  },
  number: { textAlign: "right" },
  error: { textAlign: "center", color: tokens.colorPaletteRedForeground1 },
  bold: { fontWeight: tokens.fontWeightSemibold },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  editor: {
    position: "absolute",
    zIndex: 5,
    height: `${ROW_HEIGHT}px`,
    boxSizing: "border-box",
    border: `2px solid ${tokens.colorBrandStroke1}`,
    padding: "0 3px",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    outline: "none",
  },
  chart: { position: "absolute", zIndex: 1 },
});

export interface CellGridProps {
  workbook: HyperFormulaWorkbook;
  sheet: string;
  /** Bumped by the parent on every workbook change, so the grid re-reads the cells it shows. */
  version: number;
  onMessage: (message: string | null) => void;
}

/**
 * The cells of one sheet, virtualised: only the rows in view (plus a few) are in the DOM, so a sheet of
 * 1,000 schools scrolls as smoothly as one of 10. Click selects; typing or F2 or a double click edits;
 * Enter commits and moves down, Tab moves right, Escape cancels; arrows move the selection; Delete clears.
 * Charts the add-in created on the sheet float over their cells.
 */
export function CellGrid({ workbook, sheet, version, onMessage }: CellGridProps) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [editing, setEditing] = useState<{ text: string } | null>(null);

  const dims = workbook.dimensions(sheet);
  const look = workbook.look(sheet);
  const selection = workbook.selection;
  const selectedRow = selection?.sheet === sheet ? selection.row : 0;
  const selectedColumn = selection?.sheet === sheet ? selection.column : 0;
  // The grid reaches past the used range and past the selected cell (the name box may name W1 or P30 on a small sheet).
  const rowCount = Math.max(dims.rows + 30, 60, selectedRow + 30);
  const columnCount = Math.max(dims.columns + 3, 12, selectedColumn + 3);
  const columns = useMemo(() => columnOffsets(look.columnWidths, columnCount), [look.columnWidths, columnCount]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setViewport(element.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Keep the selected cell in view when it moves (keyboard, name box, or the task pane's clickable problems).
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const top = selectedRow * ROW_HEIGHT;
    const bodyHeight = element.clientHeight - ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + bodyHeight) element.scrollTop = top + ROW_HEIGHT - bodyHeight;
    const left = columns.left[selectedColumn] ?? 0;
    const width = columns.widths[selectedColumn] ?? 0;
    if (left - ROW_HEADER_WIDTH < element.scrollLeft) element.scrollLeft = left - ROW_HEADER_WIDTH;
    else if (left + width > element.scrollLeft + element.clientWidth) element.scrollLeft = left + width - element.clientWidth;
  }, [selectedRow, selectedColumn, sheet, columns]);

  useEffect(() => setEditing(null), [sheet]);

  const formatFor = (row: number, column: number): string | null => {
    for (const f of look.formats) if (f.column === column && row >= f.fromRow && row <= f.toRow) return f.format;
    return null;
  };

  const commit = (text: string, move: { row: number; column: number }) => {
    const problem = workbook.setCellByUser(sheet, selectedRow, selectedColumn, text);
    setEditing(null);
    onMessage(problem);
    workbook.select(Math.max(0, selectedRow + move.row), Math.max(0, selectedColumn + move.column));
    scroller.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const moves: Record<string, [number, number]> = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Enter: [1, 0], Tab: [0, 1] };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      workbook.select(Math.max(0, selectedRow + move[0]), Math.max(0, selectedColumn + move[1]));
    } else if (event.key === "F2") {
      event.preventDefault();
      const current = workbook.cell(sheet, selectedRow, selectedColumn);
      setEditing({ text: current.formula ?? (current.value === null ? "" : String(current.value)) });
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      onMessage(workbook.setCellByUser(sheet, selectedRow, selectedColumn, ""));
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      setEditing({ text: event.key });
    }
  };

  const { first, last } = visibleRowRange(Math.max(0, scrollTop - ROW_HEIGHT), viewport, rowCount);
  const rows = [];
  for (let r = first; r <= last; r++) {
    const cells = [];
    for (let c = 0; c < columnCount; c++) {
      const cell: DisplayCell = c < dims.columns && r < dims.rows ? workbook.cell(sheet, r, c) : { value: null };
      const text = formatCell(cell.value, formatFor(r, c));
      const isError = cell.errorMessage !== undefined;
      const selected = r === selectedRow && c === selectedColumn;
      cells.push(
        <div
          key={c}
          role="gridcell"
          aria-selected={selected}
          data-address={`${columnLetters(c)}${r + 1}`}
          title={cell.errorMessage || undefined}
          className={mergeClasses(styles.cell, typeof cell.value === "number" && styles.number, isError && styles.error, look.boldRows.has(r) && styles.bold, selected && styles.selected)}
          style={{ width: columns.widths[c] }}
          onMouseDown={() => {
            setEditing(null);
            workbook.select(r, c);
          }}
          onDoubleClick={() => {
            const current = workbook.cell(sheet, r, c);
            setEditing({ text: current.formula ?? (current.value === null ? "" : String(current.value)) });
          }}
        >
          {text}
        </div>,
      );
    }
    rows.push(
      <div key={r} role="row" aria-rowindex={r + 2} className={styles.row} style={{ top: r * ROW_HEIGHT, width: columns.total }}>
        <div role="rowheader" className={styles.rowHeader}>
          {r + 1}
        </div>
        {cells}
      </div>,
    );
  }

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      role="grid"
      aria-label={`Sheet ${sheet}`}
      aria-rowcount={rowCount + 1}
      aria-colcount={columnCount + 1}
      data-version={version}
      tabIndex={0}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div role="row" aria-rowindex={1} className={styles.header} style={{ width: columns.total }}>
        <div className={mergeClasses(styles.headerCell, styles.corner)} style={{ width: ROW_HEADER_WIDTH }} />
        {columns.left.map((left, c) => (
          <div key={c} role="columnheader" className={styles.headerCell} style={{ left, width: columns.widths[c] }}>
            {columnLetters(c)}
          </div>
        ))}
      </div>
      <div className={styles.body} style={{ height: rowCount * ROW_HEIGHT, width: columns.total }}>
        {rows}
        {editing && (
          <input
            aria-label={`Edit cell ${columnLetters(selectedColumn)}${selectedRow + 1}`}
            className={styles.editor}
            style={{ top: selectedRow * ROW_HEIGHT, left: columns.left[selectedColumn], width: Math.max(columns.widths[selectedColumn], 160) }}
            autoFocus
            value={editing.text}
            onChange={(e) => setEditing({ text: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                commit(editing.text, { row: 1, column: 0 });
              } else if (e.key === "Tab") {
                e.preventDefault();
                commit(editing.text, { row: 0, column: 1 });
              } else if (e.key === "Escape") {
                e.preventDefault();
                setEditing(null);
                scroller.current?.focus();
              }
            }}
          />
        )}
        {workbook.chartsOn(sheet).map((spec) => (
          <div key={spec.name} className={styles.chart} style={{ top: spec.position.row * ROW_HEIGHT, left: columns.left[spec.position.column] ?? ROW_HEADER_WIDTH }}>
            <ChartView spec={spec} data={workbook.chartData(spec)} />
          </div>
        ))}
      </div>
    </div>
  );
}
