import { Menu, MenuDivider, MenuItem, MenuList, MenuPopover, makeStyles } from "@fluentui/react-components";
import {
  CompactSelection,
  DataEditorCore,
  GridCellKind,
  ImageWindowLoaderImpl,
  markerCellRenderer,
  textCellRenderer,
  type DataEditorRef,
  type GridCell,
  type GridColumn,
  type GridKeyEventArgs,
  type GridSelection,
  type Item,
  type Rectangle,
  type TextCell,
} from "@glideapps/glide-data-grid";
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type ComponentProps, type Ref } from "react";
import { columnLetters } from "../../workbook/shared/columnLetters";
import type { DisplayCell, HyperFormulaWorkbook } from "../../workbook/local/HyperFormulaWorkbook";
import { ChartView } from "./ChartView";
import { formatCell } from "./formatCell";
import { columnOffsets, ROW_HEADER_WIDTH, ROW_HEIGHT } from "./layout";
import { formatTsv, parseTsv } from "./tsv";
import glideCss from "@glideapps/glide-data-grid/dist/index.css";

// Glide's own style sheet (scroller, cell editor), in the playground page only: the add-in never loads this module.
if (typeof document !== "undefined" && !document.getElementById("glide-data-grid-css")) {
  const style = document.createElement("style");
  style.id = "glide-data-grid-css";
  style.textContent = glideCss;
  document.head.appendChild(style);
}

const useStyles = makeStyles({
  root: { flex: "1 1 auto", minHeight: 0, position: "relative", overflow: "hidden" },
  charts: { position: "absolute", inset: 0, overflow: "hidden", pointerEvents: "none", zIndex: 1 },
  chart: { position: "absolute", pointerEvents: "auto" },
});

/** A rectangle of cells: top-left row and column, and its size. */
export interface Block {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** What the name box and the workbook view ask of the grid. */
export interface CellGridApi {
  focus(): void;
}

export interface CellGridProps {
  workbook: HyperFormulaWorkbook;
  sheet: string;
  /** Bumped by the parent on every workbook change, so the grid re-reads the cells it shows. */
  version: number;
  /** The cell or range the name box named last (a new object each time): selected and scrolled into view. */
  goTo: Block | null;
  onMessage: (message: string | null) => void;
  api?: Ref<CellGridApi>;
}

// Glide draws on a canvas: colours as values (Fluent's tokens are CSS variables a canvas cannot read).
const theme = {
  accentColor: "#0f6cbd",
  accentLight: "rgba(15, 108, 189, 0.12)",
  textDark: "#242424",
  textMedium: "#616161",
  textLight: "#707070",
  textHeader: "#424242",
  bgHeader: "#f5f5f5",
  bgHeaderHasFocus: "#e0e0e0",
  bgHeaderHovered: "#ebebeb",
  borderColor: "rgba(0, 0, 0, 0.12)",
  horizontalBorderColor: "rgba(0, 0, 0, 0.12)",
  cellHorizontalPadding: 4,
  cellVerticalPadding: 2,
  fontFamily: '"Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif',
  baseFontStyle: "12px",
  headerFontStyle: "600 12px",
  editorFontSize: "12px",
  markerFontStyle: "11px",
};
const ERROR_COLOR = "#c50f1f";

/** The text renderer, but screen readers (and the browser tests) read the text drawn, not the formula behind it. */
type Renderers = NonNullable<ComponentProps<typeof DataEditorCore>["renderers"]>;
const renderers = [{ ...textCellRenderer, getAccessibilityString: (cell: TextCell) => cell.displayData }, markerCellRenderer] as unknown as Renderers;

// Excel's keys where Glide's defaults differ: Enter moves (F2 edits), Escape keeps the selection, Ctrl+arrows,
// End, Ctrl+End, Ctrl+D and the clipboard are this grid's own (below).
const keybindings = {
  activateCell: "F2",
  clear: false,
  copy: false,
  cut: false,
  paste: false,
  downFill: false,
  rightFill: false,
  search: false,
  goToFirstRow: false,
  goToLastRow: false,
  goToLastColumn: false,
  goToLastCell: false,
  selectToFirstRow: false,
  selectToLastRow: false,
  selectToFirstColumn: false,
  selectToLastColumn: false,
  selectToLastCell: false,
  goToFirstColumn: "Home",
} as const;

/** The cell editor: an input over the cell, focused as it mounts; Enter, Tab and their Shift variants commit and move, Escape cancels. */
function CellEditor(props: {
  edit: { row: number; column: number; text: string };
  bounds: { x: number; y: number; width: number; height: number } | undefined;
  onChange: (text: string) => void;
  onCommit: (move: { row: number; column: number } | null) => void;
  onCancel: () => void;
  /** The focus went elsewhere on the page: the edit is written and the focus stays where it went. */
  onLeave: () => void;
  /** The element the cells are drawn in: the focus going there is Glide's doing (after a click), not the person's. */
  grid: HTMLElement | null;
}) {
  const { edit, bounds } = props;
  const style = bounds
    ? { position: "fixed" as const, left: bounds.x, top: bounds.y, width: Math.max(bounds.width, 160), height: bounds.height, zIndex: 10 }
    : { position: "absolute" as const, left: ROW_HEADER_WIDTH, top: ROW_HEIGHT, width: 160, height: ROW_HEIGHT, zIndex: 10 };
  // Fluent's focus manager (Tabster) handles Tab itself unless a container says it is not to: here Tab commits.
  return (
    <div data-tabster='{"uncontrolled": {}}'>
    <input
      aria-label={`Edit cell ${columnLetters(edit.column)}${edit.row + 1}`}
      autoFocus
      value={edit.text}
      style={{ ...style, boxSizing: "border-box", border: "2px solid #0f6cbd", padding: "0 3px", font: "12px 'Segoe UI', sans-serif", background: "#fff", outline: "none" }}
      onChange={(e) => props.onChange(e.target.value)}
      onBlur={(e) => {
        // Glide takes the focus back a frame after a click in the grid: the edit goes on. The focus going elsewhere
        // on the page (the name box, the formula bar, the task pane) ends the edit, keeping what was typed, as a
        // click elsewhere does in Excel; to nowhere (a click on blank page) it stays open.
        const to = e.relatedTarget as Node | null;
        const input = e.currentTarget;
        if (to && props.grid?.contains(to)) requestAnimationFrame(() => input.isConnected && input.focus({ preventScroll: true }));
        else if (to) props.onLeave();
      }}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Enter") {
          e.preventDefault();
          props.onCommit({ row: e.shiftKey ? -1 : 1, column: 0 });
        } else if (e.key === "Tab") {
          e.preventDefault();
          props.onCommit({ row: 0, column: e.shiftKey ? -1 : 1 });
        } else if (e.key === "Escape") {
          e.preventDefault();
          props.onCancel();
        }
      }}
    />
    </div>
  );
}

function oneCell(column: number, row: number, range?: Block | null): GridSelection {
  const r: Rectangle = range ? { x: range.column, y: range.row, width: range.columns, height: range.rows } : { x: column, y: row, width: 1, height: 1 };
  return { current: { cell: [column, row], range: r, rangeStack: [] }, rows: CompactSelection.empty(), columns: CompactSelection.empty() };
}

/**
 * The cells of one sheet on Glide Data Grid (canvas, virtualised): click or drag or Shift+click selects a
 * range, Shift+arrows grow it; typing, F2 or a double click edits, Enter and Tab commit and move, Escape
 * cancels; Ctrl+arrows jump to the edge of the data as in Excel; Ctrl+C, Ctrl+X, Ctrl+V as tab-separated
 * text (Excel's clipboard format), Delete clears, Ctrl+D fills down, Ctrl+Z and Ctrl+Y undo and redo; a
 * right click gives a menu to insert and delete rows and columns. Every edit goes through the workbook's
 * `...ByUser` methods, which tell the task pane. Charts the add-in placed float over their cells.
 */
export function CellGrid({ workbook, sheet, version, goTo, onMessage, api }: CellGridProps) {
  const styles = useStyles();
  const editor = useRef<DataEditorRef>(null);
  const root = useRef<HTMLDivElement>(null);
  const [region, setRegion] = useState({ x: 0, y: 0, tx: 0, ty: 0 });
  const [menu, setMenu] = useState<{ x: number; y: number; lines: "cells" | "rows" | "columns" } | null>(null);
  /** Copied or cut in this grid: pasted as a range (formulas adjusted) while the clipboard still holds its text. */
  const clip = useRef<{ sheet: string; block: Block; text: string; cut: boolean } | null>(null);
  const endMode = useRef(false);
  /** The cell of the last click in the grid, which a double click edits. */
  const lastClicked = useRef<{ row: number; column: number } | null>(null);
  const [imageWindowLoader] = useState(() => new ImageWindowLoaderImpl());

  const dims = workbook.dimensions(sheet);
  const look = workbook.look(sheet);
  const selection = workbook.selection;
  const selectedRow = selection?.sheet === sheet ? selection.row : 0;
  const selectedColumn = selection?.sheet === sheet ? selection.column : 0;
  // The grid reaches past the used range and past the selected cell (the name box may name W1 or P30 on a small sheet).
  const rowCount = Math.max(dims.rows + 30, 60, selectedRow + 30, goTo ? goTo.row + goTo.rows + 30 : 0);
  const columnCount = Math.max(dims.columns + 3, 12, selectedColumn + 3, goTo ? goTo.column + goTo.columns + 3 : 0);
  const offsets = useMemo(() => columnOffsets(look.columnWidths, columnCount), [look.columnWidths, columnCount]);
  const columns = useMemo<GridColumn[]>(() => offsets.widths.map((width, c) => ({ id: String(c), title: columnLetters(c), width })), [offsets]);

  const [gridSelection, setGridSelectionState] = useState<GridSelection>(() => oneCell(selectedColumn, selectedRow, goTo && goTo.row === selectedRow && goTo.column === selectedColumn ? goTo : null));
  /**
   * The selection as of its last change. Every key, clipboard and menu handler acts on this, never on a render's
   * copy of it and never on the element that has the focus (Glide's accessibility table can hold the focus on the
   * cell selected before, for up to 200 ms after a change).
   */
  const selectionRef = useRef(gridSelection);
  const setGridSelection = useCallback((next: GridSelection) => {
    selectionRef.current = next;
    setGridSelectionState(next);
  }, []);

  /**
   * Gives the keyboard to the grid's own focusable element: Glide's canvas (tabindex 0, where its key handler
   * is), never a cell of its accessibility table (Glide's own focus() goes to the table cell it last focused,
   * which after a selection made elsewhere, by the name box, is the cell selected before). True when it did.
   */
  const focusGrid = useCallback((): boolean => {
    const canvas = root.current?.querySelector<HTMLCanvasElement>('canvas[data-testid="data-grid-canvas"]');
    if (!canvas) return false;
    if (!canvas.contains(document.activeElement)) canvas.focus({ preventScroll: true });
    return canvas.contains(document.activeElement);
  }, []);

  /** The grid had the focus last: inside it now, or the page's when the element it focused was redrawn away. */
  const ownsKeyboard = useRef(false);
  const hasKeyboard = useCallback((): boolean => {
    const now = document.activeElement;
    if (now && root.current?.contains(now)) return true;
    return ownsKeyboard.current && (now === null || now === document.body);
  }, []);

  const offsetsRef = useRef(offsets);
  offsetsRef.current = offsets;
  /**
   * Scrolls a block into view: a cell by the least scrolling, a range not wholly in view from its top-left (as in
   * Excel). The position is worked out from the block alone (rows ROW_HEIGHT high, columns as laid out) and set
   * on Glide's scroller, so a second call before Glide redraws lands in the same place: Glide's own scrollTo adds
   * the distance from where it last drew, and two calls in one frame (the name box's, and Glide's own after its
   * accessibility table moved the focus) scrolled twice as far. True when it scrolled.
   */
  const scrollToPlace = useCallback((block: Block): boolean => {
    const scroller = root.current?.querySelector<HTMLElement>(".dvn-scroller");
    if (!scroller || scroller.clientHeight === 0) return false;
    const { left: lefts, widths } = offsetsRef.current;
    const columnLeft = (c: number) => (lefts[c] ?? lefts[lefts.length - 1] ?? ROW_HEADER_WIDTH) - ROW_HEADER_WIDTH;
    const last = block.column + block.columns - 1;
    const left = columnLeft(block.column);
    const right = columnLeft(last) + (widths[last] ?? 0);
    const top = block.row * ROW_HEIGHT;
    const bottom = (block.row + block.rows) * ROW_HEIGHT;
    const viewWidth = scroller.clientWidth - ROW_HEADER_WIDTH;
    const viewHeight = scroller.clientHeight - ROW_HEIGHT;
    let x = scroller.scrollLeft;
    let y = scroller.scrollTop;
    if (block.rows > 1 || block.columns > 1) {
      if (!(top >= y && bottom <= y + viewHeight && left >= x && right <= x + viewWidth)) {
        x = left;
        y = top;
      }
    } else {
      if (top < y) y = top;
      else if (top + ROW_HEIGHT > y + viewHeight) y = top + ROW_HEIGHT - viewHeight;
      if (left < x) x = left;
      else if (right > x + viewWidth) x = Math.min(left, right - viewWidth);
    }
    if (Math.round(x) === Math.round(scroller.scrollLeft) && Math.round(y) === Math.round(scroller.scrollTop)) return false;
    scroller.scrollTo(x, y);
    return true;
  }, []);
  const scrollToBlock = useCallback(
    (block: Block) => {
      wanted.current = { block, tries: 0 };
      scrollToPlace(block);
    },
    [scrollToPlace],
  );
  /**
   * The block last scrolled to on purpose (the name box, Enter, a paste), until the person scrolls, clicks or
   * presses a key. When the grid has drawn with it out of view (Glide scrolls on its own to a cell whose
   * accessibility element gets the focus; a grid just opened was still scrolling to its first cell), it is
   * scrolled to again, a few times at most.
   */
  const wanted = useRef<{ block: Block; tries: number } | null>(null);
  const keepWantedInView = () => {
    const w = wanted.current;
    if (!w || pendingScroll.current || w.tries >= 5) return;
    if (scrollToPlace(w.block)) w.tries++;
  };

  // The name box asked for a cell or range (`goTo`, new each time), or the workbook's selected cell moved from
  // outside (the task pane's clickable problems): select it and scroll it into view. A grid just opened (another
  // sheet) scrolls to its selection once it has its size.
  const lastGoTo = useRef<Block | null | undefined>(undefined);
  const pendingScroll = useRef<Block | null>(null);
  const wantFocus = useRef(false);
  // A layout effect: the selection is Glide's before the next key event runs (a Delete pressed right after the
  // name box's Enter would otherwise clear the cells selected before).
  useLayoutEffect(() => {
    const asked = goTo !== lastGoTo.current && goTo && goTo.row === selectedRow && goTo.column === selectedColumn ? goTo : null;
    const opening = lastGoTo.current === undefined;
    lastGoTo.current = goTo;
    const block = asked ?? { row: selectedRow, column: selectedColumn, rows: 1, columns: 1 };
    if (opening) {
      // Glide measures its size after mounting: scroll once it reports what it shows (onVisibleRegionChanged).
      pendingScroll.current = block;
      return undefined;
    }
    const active = selectionRef.current.current?.cell;
    if (!asked && active && active[0] === selectedColumn && active[1] === selectedRow) return;
    // An edit still open ends with what was typed before the selection moves, as a click elsewhere ends it.
    commitEditRef.current(null, true);
    pendingScroll.current = null;
    setGridSelection(oneCell(selectedColumn, selectedRow, asked));
    scrollToBlock(block);
    return undefined;
    // Only a request of the name box or an outside move of the selected cell runs this.
  }, [selectedRow, selectedColumn, goTo]);

  useImperativeHandle(
    api,
    () => ({
      focus: () => {
        if (document.getElementById("portal")?.contains(document.activeElement)) return;
        const input = editingRef.current ? root.current?.querySelector<HTMLInputElement>('input[aria-label^="Edit cell"]') : null;
        if (input) {
          input.focus({ preventScroll: true });
          return;
        }
        // Before Glide has measured its size (a grid just opened) it has no canvas yet: then the focus comes when it first draws.
        wantFocus.current = !focusGrid();
      },
    }),
    [],
  );

  // For the browser tests: where a cell is drawn (the canvas has no element per cell to ask).
  useEffect(() => {
    const hook = { bounds: (column: number, row: number) => editor.current?.getBounds(column, row) ?? null };
    (window as unknown as { wsfGrid?: typeof hook }).wsfGrid = hook;
  }, []);

  const formatFor = useCallback(
    (row: number, column: number): string | null => {
      for (const f of look.formats) if (f.column === column && row >= f.fromRow && row <= f.toRow) return f.format;
      return null;
    },
    [look],
  );

  const displayed = useCallback(
    (row: number, column: number): { cell: DisplayCell; text: string } => {
      const cell: DisplayCell = column < dims.columns && row < dims.rows ? workbook.cell(sheet, row, column) : { value: null };
      return { cell, text: formatCell(cell.value, formatFor(row, column)) };
    },
    // version: the cells changed.
    [workbook, sheet, dims.rows, dims.columns, formatFor, version],
  );

  const getCellContent = useCallback(
    ([column, row]: Item): GridCell => {
      const { cell, text } = displayed(row, column);
      const isError = cell.errorMessage !== undefined;
      const bold = look.boldRows.has(row);
      return {
        kind: GridCellKind.Text,
        data: cell.formula ?? (cell.value === null ? "" : String(cell.value)),
        displayData: text,
        // Editing is the grid's own editor (below), mounted in the same event as the key that starts it.
        allowOverlay: false,
        readonly: false,
        contentAlign: isError ? "center" : typeof cell.value === "number" ? "right" : "left",
        themeOverride: isError ? { textDark: ERROR_COLOR } : bold ? { baseFontStyle: "600 12px" } : undefined,
      };
    },
    [displayed, look],
  );

  /** The block the person has selected: the current range, or whole rows or columns picked by their headers. */
  const selectedBlock = useCallback((): Block | null => {
    const { current, rows, columns: cols } = selectionRef.current;
    if (current) return { row: current.range.y, column: current.range.x, rows: current.range.height, columns: current.range.width };
    const usedColumns = Math.max(1, dims.columns);
    const usedRows = Math.max(1, dims.rows);
    if (rows.length > 0) return { row: rows.first()!, column: 0, rows: rows.last()! - rows.first()! + 1, columns: usedColumns };
    if (cols.length > 0) return { row: 0, column: cols.first()!, rows: usedRows, columns: cols.last()! - cols.first()! + 1 };
    return null;
  }, [dims.rows, dims.columns]);

  const select = useCallback(
    (block: Block) => {
      setGridSelection(oneCell(block.column, block.row, block));
      workbook.select(block.row, block.column);
      scrollToBlock(block);
    },
    [workbook, scrollToBlock, setGridSelection],
  );

  const blockText = useCallback(
    (block: Block) => {
      const lines: string[][] = [];
      for (let r = block.row; r < block.row + block.rows; r++) {
        const line: string[] = [];
        for (let c = block.column; c < block.column + block.columns; c++) line.push(displayed(r, c).text);
        lines.push(line);
      }
      return formatTsv(lines);
    },
    [displayed],
  );

  const copy = useCallback(
    (cut: boolean): string | null => {
      const block = selectedBlock();
      if (!block) return null;
      const text = blockText(block);
      clip.current = { sheet, block, text, cut };
      return text;
    },
    [selectedBlock, blockText, sheet],
  );

  const paste = useCallback(
    (text: string) => {
      const block = selectedBlock();
      if (!block) return;
      const internal = clip.current;
      const normal = (t: string) => t.replace(/\r\n/g, "\n").replace(/\n$/, "");
      if (internal && normal(internal.text) === normal(text) && workbook.visibleSheets().includes(internal.sheet)) {
        const problem = workbook.pasteRangeByUser({ sheet: internal.sheet, ...internal.block }, { sheet, row: block.row, column: block.column }, internal.cut);
        onMessage(problem);
        if (internal.cut) clip.current = null;
        if (!problem) select({ row: block.row, column: block.column, rows: internal.block.rows, columns: internal.block.columns });
        return;
      }
      const cells = parseTsv(text);
      if (cells.length === 0) return;
      const problem = workbook.setBlockByUser(sheet, block.row, block.column, cells);
      onMessage(problem);
      if (!problem) select({ row: block.row, column: block.column, rows: cells.length, columns: Math.max(...cells.map((l) => l.length)) });
    },
    [selectedBlock, workbook, sheet, onMessage, select],
  );

  const clear = useCallback(() => {
    const block = selectedBlock();
    if (block) onMessage(workbook.clearByUser(sheet, block.row, block.column, block.rows, block.columns));
  }, [selectedBlock, workbook, sheet, onMessage]);

  // The clipboard: the browser's own copy, cut and paste events while the grid has the keyboard (Ctrl+C, Ctrl+X,
  // Ctrl+V, or the browser's menu), so text goes to and comes from Excel and any other program. While a cell is
  // edited the editor's input copies and pastes its own text.
  useEffect(() => {
    const focused = () => !editingRef.current && hasKeyboard();
    const onCopy = (e: ClipboardEvent, cut: boolean) => {
      if (!focused() || !e.clipboardData) return;
      const text = copy(cut);
      if (text === null) return;
      e.clipboardData.setData("text/plain", text);
      e.preventDefault();
    };
    const copyListener = (e: ClipboardEvent) => onCopy(e, false);
    const cutListener = (e: ClipboardEvent) => onCopy(e, true);
    const pasteListener = (e: ClipboardEvent) => {
      if (!focused() || !e.clipboardData) return;
      e.preventDefault();
      paste(e.clipboardData.getData("text/plain"));
    };
    window.addEventListener("copy", copyListener);
    window.addEventListener("cut", cutListener);
    window.addEventListener("paste", pasteListener);
    return () => {
      window.removeEventListener("copy", copyListener);
      window.removeEventListener("cut", cutListener);
      window.removeEventListener("paste", pasteListener);
    };
  }, [copy, paste, hasKeyboard]);

  const isEmpty = (row: number, column: number) => row >= dims.rows || column >= dims.columns || workbook.cell(sheet, row, column).value === null;

  /** Ctrl+arrow as Excel: to the edge of the block of filled cells, or to the next filled cell, or to the sheet's edge. */
  const jump = (row: number, column: number, dRow: number, dColumn: number): { row: number; column: number } => {
    const lastRow = rowCount - 1;
    const lastColumn = columnCount - 1;
    const inside = (r: number, c: number) => r >= 0 && c >= 0 && r <= lastRow && c <= lastColumn;
    let r = row + dRow;
    let c = column + dColumn;
    if (!inside(r, c)) return { row, column };
    if (!isEmpty(row, column) && !isEmpty(r, c)) {
      while (inside(r + dRow, c + dColumn) && !isEmpty(r + dRow, c + dColumn)) {
        r += dRow;
        c += dColumn;
      }
      return { row: r, column: c };
    }
    while (inside(r, c) && isEmpty(r, c)) {
      if (!inside(r + dRow, c + dColumn)) return { row: r, column: c };
      r += dRow;
      c += dColumn;
    }
    return { row: r, column: c };
  };

  /**
   * The cell being edited and its text. The editor is an input of this component, rendered in the same event as
   * the key that opens it (React flushes a key event's update before the next key event runs), so no key typed
   * after it can miss it. Glide's own overlay editor mounts a moment later, and keys typed in that moment were
   * lost or restarted the edit ("453" went in as "53"): it is not used.
   */
  const [editing, setEditing] = useState<{ row: number; column: number; text: string } | null>(null);
  const editingRef = useRef(editing);
  editingRef.current = editing;
  const startEdit = useCallback(
    (row: number, column: number, text: string | null) => {
      const current = displayed(row, column).cell;
      const next = { row, column, text: text ?? current.formula ?? (current.value === null ? "" : String(current.value)) };
      editingRef.current = next;
      setEditing(next);
    },
    [displayed],
  );
  /** Writes the edited text and moves the selection as Excel does after Enter, Tab and their Shift variants. */
  const commitEdit = (move: { row: number; column: number } | null, keepFocus = false) => {
    const edit = editingRef.current;
    if (!edit) return;
    editingRef.current = null;
    setEditing(null);
    onMessage(workbook.setCellByUser(sheet, edit.row, edit.column, edit.text));
    if (move) select({ row: Math.max(0, edit.row + move.row), column: Math.max(0, edit.column + move.column), rows: 1, columns: 1 });
    if (!keepFocus) focusGrid();
  };
  const commitEditRef = useRef(commitEdit);
  commitEditRef.current = commitEdit;
  const cancelEdit = () => {
    editingRef.current = null;
    setEditing(null);
    focusGrid();
  };
  useEffect(() => setEditing(null), [sheet]);

  // The grid keeps the keyboard when its focused element is taken away under it (Glide redraws its table of
  // cells, and the focus falls to the page): the next key brings the focus back and goes to the grid.
  useEffect(() => {
    const onFocusIn = (e: FocusEvent) => {
      const to = e.target as Node | null;
      ownsKeyboard.current = !!to && (!!root.current?.contains(to) || !!document.getElementById("portal")?.contains(to));
    };
    const onKey = (e: KeyboardEvent) => {
      if (!ownsKeyboard.current || (document.activeElement !== document.body && document.activeElement !== null)) return;
      if (!focusGrid()) return;
      const target = document.activeElement!;
      // Ctrl+C, X and V: the browser's clipboard event follows the focus, now in the grid.
      if ((e.ctrlKey || e.metaKey) && /^[cxv]$/i.test(e.key)) return;
      e.preventDefault();
      e.stopPropagation();
      target.dispatchEvent(new KeyboardEvent("keydown", { key: e.key, code: e.code, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, altKey: e.altKey, bubbles: true, cancelable: true }));
    };
    document.addEventListener("focusin", onFocusIn, true);
    document.addEventListener("keydown", onKey, true);
    return () => {
      document.removeEventListener("focusin", onFocusIn, true);
      document.removeEventListener("keydown", onKey, true);
    };
  }, [focusGrid]);

  const onKeyDown = (event: GridKeyEventArgs) => {
    // The keys move the view from here on (Glide's arrows scroll by themselves); a block this handler selects is kept in view.
    wanted.current = null;
    const ctrl = event.ctrlKey || event.metaKey;
    const key = event.key;
    const gridSelection = selectionRef.current;
    const active = gridSelection.current?.cell;
    const cell = active ? { column: active[0], row: active[1] } : { column: selectedColumn, row: selectedRow };
    const arrows: Record<string, [number, number]> = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const wasEnd = endMode.current;
    endMode.current = false;
    const done = () => {
      event.cancel();
      event.preventDefault();
    };
    // Typing starts an edit with the key typed (the input shows it), F2 an edit of the formula. A key that reaches
    // the grid while an edit is open (its input not yet focused) goes on the end of that edit's text.
    const open = editingRef.current;
    if (open && key.length === 1 && !ctrl && !event.altKey) {
      done();
      const next = { ...open, text: open.text + key };
      editingRef.current = next;
      setEditing(next);
      return;
    }
    if (key.length === 1 && !ctrl && !event.altKey) {
      done();
      startEdit(cell.row, cell.column, key);
      return;
    }
    if (key === "F2") {
      done();
      startEdit(cell.row, cell.column, null);
      return;
    }
    if (key === "End" && !ctrl) {
      // End, then an arrow: Excel's End mode, the same jump as Ctrl+arrow.
      endMode.current = true;
      done();
    } else if (arrows[key] && (ctrl || wasEnd)) {
      done();
      const [dRow, dColumn] = arrows[key];
      const to = jump(cell.row, cell.column, dRow, dColumn);
      if (event.shiftKey && gridSelection.current) {
        // Ctrl+Shift+arrow: the range grows from the selected cell to where Ctrl+arrow goes.
        const anchor = gridSelection.current.range;
        const top = Math.min(anchor.y, to.row);
        const left = Math.min(anchor.x, to.column);
        const bottom = Math.max(anchor.y + anchor.height - 1, to.row);
        const right = Math.max(anchor.x + anchor.width - 1, to.column);
        setGridSelection(oneCell(cell.column, cell.row, { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 }));
        scrollToPlace({ row: to.row, column: to.column, rows: 1, columns: 1 });
      } else select({ row: to.row, column: to.column, rows: 1, columns: 1 });
    } else if (key === "End" && ctrl) {
      done();
      select({ row: Math.max(0, dims.rows - 1), column: Math.max(0, dims.columns - 1), rows: 1, columns: 1 });
    } else if (key === "Enter" && !ctrl) {
      done();
      const row = Math.min(rowCount - 1, Math.max(0, cell.row + (event.shiftKey ? -1 : 1)));
      select({ row, column: cell.column, rows: 1, columns: 1 });
    } else if (ctrl && (key === "z" || key === "Z") && !event.shiftKey) {
      done();
      onMessage(workbook.undoByUser());
    } else if (ctrl && (key === "y" || key === "Y" || ((key === "z" || key === "Z") && event.shiftKey))) {
      done();
      onMessage(workbook.redoByUser());
    } else if (ctrl && (key === "d" || key === "D")) {
      done();
      const block = selectedBlock();
      if (block) onMessage(workbook.fillDownByUser(sheet, block.row, block.column, block.rows, block.columns));
    } else if (key === "Backspace" && !ctrl) {
      done();
      onMessage(workbook.clearByUser(sheet, cell.row, cell.column, 1, 1));
    } else if (key === "Escape") {
      clip.current = null;
    }
  };

  const onCellEdited = ([column, row]: Item, value: GridCell) => {
    if (value.kind !== GridCellKind.Text) return;
    onMessage(workbook.setCellByUser(sheet, row, column, value.data));
  };

  const lines = (axis: "rows" | "columns", insert: boolean) => {
    setMenu(null);
    const block = selectedBlock();
    if (!block) return;
    const at = axis === "rows" ? block.row : block.column;
    const count = axis === "rows" ? block.rows : block.columns;
    const problem = insert ? workbook.insertLinesByUser(sheet, axis, at, count) : workbook.deleteLinesByUser(sheet, axis, at, count);
    onMessage(problem);
    focusGrid();
  };

  const block = menu ? selectedBlock() : null;
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
  const chartTop = (row: number) => ROW_HEIGHT + (row - region.y) * ROW_HEIGHT + region.ty;
  const chartLeft = (column: number) => ROW_HEADER_WIDTH + (offsets.left[column] ?? ROW_HEADER_WIDTH) - (offsets.left[region.x] ?? ROW_HEADER_WIDTH) + region.tx;

  return (
    <div
      ref={root}
      className={styles.root}
      data-version={version}
      data-grid
      aria-label={`Sheet ${sheet}`}
      onContextMenu={(e) => e.preventDefault()}
      onMouseDown={(e) => {
        // A press on the cells or headers gives the grid the keyboard, as in Excel (Glide takes it after a click but
        // not after a drag: a range dragged after clicking a sheet tab left the keys with the tab). Not a press in
        // the cell editor or on a chart.
        wanted.current = null;
        const target = e.target as HTMLElement;
        if (editingRef.current || e.button !== 0 || target.closest("input") || target.closest("[data-charts]")) return;
        focusGrid();
        requestAnimationFrame(() => {
          if (!editingRef.current && !root.current?.contains(document.activeElement)) focusGrid();
        });
      }}
      onWheelCapture={() => {
        wanted.current = null;
      }}
      onDoubleClick={(e) => {
        // The browser's double click (two clicks on one spot, quickly): Glide's own flag is set by any two mouse
        // releases within 500 ms anywhere on the page (a tab clicked, then a Shift+click in the grid opened an
        // editor). After the frame, when Glide has taken the focus back after the click.
        const at = lastClicked.current;
        if (!at || e.shiftKey || e.ctrlKey || e.metaKey || editingRef.current) return;
        requestAnimationFrame(() => {
          if (!editingRef.current) startEdit(at.row, at.column, null);
        });
      }}
    >
      <DataEditorCore
        ref={editor}
        width="100%"
        height="100%"
        columns={columns}
        rows={rowCount}
        getCellContent={getCellContent}
        renderers={renderers}
        imageWindowLoader={imageWindowLoader}
        rowMarkers="clickable-number"
        rowMarkerWidth={ROW_HEADER_WIDTH}
        rowHeight={ROW_HEIGHT}
        headerHeight={ROW_HEIGHT}
        smoothScrollX
        smoothScrollY
        theme={theme}
        keybindings={keybindings}
        cellActivationBehavior="double-click"
        rangeSelect="rect"
        columnSelect="multi"
        rowSelect="multi"
        gridSelection={gridSelection}
        onGridSelectionChange={(next) => {
          // Only the mouse and the keys select. Glide also selects the cell of an accessibility-table element that
          // receives the focus, and that element can be the cell selected before (still in the table for up to
          // 200 ms): a Delete or a paste that followed would act there, silently, instead of on what is selected.
          const cause = (window as { event?: Event }).event?.type;
          if (cause === "focusin" || cause === "focus") return;
          // A click elsewhere while editing keeps what was typed, as in Excel.
          if (editingRef.current) commitEdit(null);
          setGridSelection(next);
          const cell = next.current?.cell;
          if (cell && (cell[0] !== selectedColumn || cell[1] !== selectedRow)) workbook.select(cell[1], cell[0]);
        }}
        onCellEdited={onCellEdited}
        onCellClicked={([column, row]) => {
          lastClicked.current = column >= 0 && row >= 0 ? { row, column } : null;
        }}
        onDelete={() => {
          clear();
          return false;
        }}
        onKeyDown={onKeyDown}
        onVisibleRegionChanged={(r, tx, ty) => {
          setRegion({ x: r.x, y: r.y, tx: tx ?? 0, ty: ty ?? 0 });
          const pending = pendingScroll.current;
          if (pending && r.height > 0) {
            // Unless the name box asked for another block meanwhile.
            requestAnimationFrame(() => {
              if (pendingScroll.current !== pending) return;
              pendingScroll.current = null;
              scrollToBlock(pending);
            });
          } else if (r.height > 0) keepWantedInView();
          if (wantFocus.current && r.height > 0) {
            wantFocus.current = false;
            requestAnimationFrame(() => {
              // Not when the focus got into the grid or its cell editor meanwhile (a person already typing).
              const now = document.activeElement;
              if (root.current?.contains(now) || document.getElementById("portal")?.contains(now)) return;
              focusGrid();
            });
          }
        }}
        onCellContextMenu={([column, row], args) => {
          args.preventDefault();
          const picked = selectedBlock();
          const inBlock = picked && row >= picked.row && row < picked.row + picked.rows && (column < 0 || (column >= picked.column && column < picked.column + picked.columns));
          if (column < 0) {
            // The row header: the rows selected, or this row.
            if (!(inBlock && selectionRef.current.rows.length > 0)) setGridSelection({ current: undefined, rows: CompactSelection.fromSingleSelection(row), columns: CompactSelection.empty() });
          } else if (!inBlock) select({ row, column, rows: 1, columns: 1 });
          setMenu({ x: args.bounds.x + args.localEventX, y: args.bounds.y + args.localEventY, lines: column < 0 ? "rows" : "cells" });
        }}
        onHeaderContextMenu={(column, args) => {
          args.preventDefault();
          if (!selectionRef.current.columns.hasIndex(column)) setGridSelection({ current: undefined, rows: CompactSelection.empty(), columns: CompactSelection.fromSingleSelection(column) });
          setMenu({ x: args.bounds.x + args.localEventX, y: args.bounds.y + args.localEventY, lines: "columns" });
        }}
      />
      {editing && (
        <CellEditor
          edit={editing}
          bounds={editor.current?.getBounds(editing.column, editing.row)}
          onChange={(text) => {
            editingRef.current = { ...editing, text };
            setEditing(editingRef.current);
          }}
          onCommit={commitEdit}
          onCancel={cancelEdit}
          onLeave={() => commitEdit(null, true)}
          grid={root.current}
        />
      )}
      <div className={styles.charts} data-charts>
        {workbook.chartsOn(sheet).map((spec) => (
          <div key={spec.name} className={styles.chart} style={{ top: chartTop(spec.position.row), left: chartLeft(spec.position.column) }}>
            <ChartView spec={spec} data={workbook.chartData(spec)} />
          </div>
        ))}
      </div>
      <Menu
        open={menu !== null}
        onOpenChange={(_, data) => {
          if (!data.open) {
            setMenu(null);
            focusGrid();
          }
        }}
        positioning={{ target: menu ? { getBoundingClientRect: () => new DOMRect(menu.x, menu.y, 0, 0) } : undefined, position: "below", align: "start" }}
      >
        <MenuPopover>
          <MenuList aria-label="Cell menu">
            <MenuItem
              onClick={() => {
                const text = copy(true);
                if (text !== null) void navigator.clipboard.writeText(text).catch(() => onMessage("The browser did not allow copying; use Ctrl+X."));
              }}
            >
              Cut
            </MenuItem>
            <MenuItem
              onClick={() => {
                const text = copy(false);
                if (text !== null) void navigator.clipboard.writeText(text).catch(() => onMessage("The browser did not allow copying; use Ctrl+C."));
              }}
            >
              Copy
            </MenuItem>
            <MenuItem
              onClick={() => {
                navigator.clipboard
                  .readText()
                  .then((text) => {
                    paste(text);
                    focusGrid();
                  })
                  .catch(() => onMessage("The browser did not allow reading the clipboard here; use Ctrl+V."));
              }}
            >
              Paste
            </MenuItem>
            <MenuItem onClick={clear}>Clear contents</MenuItem>
            <MenuDivider />
            {menu?.lines !== "columns" && block && (
              <>
                <MenuItem onClick={() => lines("rows", true)}>Insert {plural(block.rows, "row")} above</MenuItem>
                <MenuItem onClick={() => lines("rows", false)}>Delete {block.rows === 1 ? `row ${block.row + 1}` : `rows ${block.row + 1} to ${block.row + block.rows}`}</MenuItem>
              </>
            )}
            {menu?.lines !== "rows" && block && (
              <>
                <MenuItem onClick={() => lines("columns", true)}>Insert {plural(block.columns, "column")} left</MenuItem>
                <MenuItem onClick={() => lines("columns", false)}>
                  Delete {block.columns === 1 ? `column ${columnLetters(block.column)}` : `columns ${columnLetters(block.column)} to ${columnLetters(block.column + block.columns - 1)}`}
                </MenuItem>
              </>
            )}
          </MenuList>
        </MenuPopover>
      </Menu>
    </div>
  );
}
