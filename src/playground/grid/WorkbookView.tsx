import { Button, Input, makeStyles, Tab, TabList, Text, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { columnLetters } from "../../workbook/shared/columnLetters";
import { parseAddress } from "../../workbook/shared/parseAddress";
import type { HyperFormulaWorkbook } from "../../workbook/local/HyperFormulaWorkbook";
import { CellGrid, type Block, type CellGridApi } from "./CellGrid";
import { formatCell } from "./formatCell";
import { useWorkbookVersion } from "./useWorkbookVersion";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100%", minHeight: 0 },
  bar: {
    display: "flex",
    minWidth: 0,
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  nameBox: { width: "110px", minWidth: "64px", flexShrink: 1 },
  formula: { flex: "1 1 auto", minWidth: 0, fontFamily: tokens.fontFamilyMonospace },
  status: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    minHeight: "20px",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  problem: { color: tokens.colorPaletteRedForeground1 },
  // The tab strip scrolls within the workbook's width (never over the task pane), the "+" button stays in view.
  tabBar: { display: "flex", alignItems: "center", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, flex: "0 0 auto", minWidth: 0, maxWidth: "100%", overflow: "hidden" },
  tabs: { flex: "1 1 auto", minWidth: 0, overflowX: "auto", overflowY: "hidden", flexWrap: "nowrap", scrollbarWidth: "thin" },
  tab: { flexShrink: 0 },
});

/**
 * The workbook side of the playground: a name box and formula bar over the selected cell, the sheet's
 * cells, a status line with the selected cell's value (and an error's message, which Excel shows in the
 * cell's tooltip), and the sheet tabs.
 */
export function WorkbookView({ workbook }: { workbook: HyperFormulaWorkbook }) {
  const styles = useStyles();
  const version = useWorkbookVersion(workbook);
  const sheet = workbook.activeSheet;
  const selection = workbook.selection;
  const [message, setMessage] = useState<string | null>(null);
  const address = selection ? `${columnLetters(selection.column)}${selection.row + 1}` : "";
  const selected = sheet && selection ? workbook.cell(sheet, selection.row, selection.column) : null;
  const shown = selected ? (selected.formula ?? (selected.value === null ? "" : String(selected.value))) : "";
  // What the person is typing in the bars, valid only for the cell (and content) it was typed against, so a
  // new selection or a recalculated value shows at once without an effect's extra render.
  const cellKey = `${sheet}!${address}\u0000${shown}`;
  const [formulaDraft, setFormulaDraft] = useState<{ key: string; text: string } | null>(null);
  const [nameDraft, setNameDraft] = useState<{ key: string; text: string } | null>(null);
  const formulaText = formulaDraft?.key === cellKey ? formulaDraft.text : shown;
  const nameText = nameDraft?.key === cellKey ? nameDraft.text : address;
  const setFormulaText = (text: string) => setFormulaDraft({ key: cellKey, text });
  const setNameText = (text: string) => setNameDraft({ key: cellKey, text });

  const rootRef = useRef<HTMLDivElement>(null);
  const gridApi = useRef<CellGridApi>(null);
  const [goToBlock, setGoToBlock] = useState<Block | null>(null);
  const tabsRef = useRef<HTMLDivElement>(null);
  /**
   * After the name box, the grid has the focus again, so typing goes into the cell (as in Excel). At once, so
   * the next key pressed is not typed into the name box; and again after the frame when the grid was replaced
   * (a jump to another sheet) and the focus is not in the new one.
   */
  const focusGrid = () => {
    gridApi.current?.focus();
    requestAnimationFrame(() => {
      const grid = rootRef.current?.querySelector<HTMLElement>("[data-grid]");
      if (grid && !grid.contains(document.activeElement)) gridApi.current?.focus();
    });
  };

  // Bring the active sheet's tab into view when the sheet changes (many tabs, or a narrow window).
  useEffect(() => {
    // After the frame is laid out (the tab list updates its selected tab in its own effects).
    const frame = requestAnimationFrame(() => {
      const strip = tabsRef.current;
      const tab = sheet ? strip?.querySelector<HTMLElement>(`[role=tab][value="${CSS.escape(sheet)}"]`) : null;
      if (!tab || !strip) return;
      const t = tab.getBoundingClientRect();
      const s = strip.getBoundingClientRect();
      if (t.left < s.left) strip.scrollLeft -= s.left - t.left;
      else if (t.right > s.left + strip.clientWidth) strip.scrollLeft += t.right - (s.left + strip.clientWidth);
    });
    return () => cancelAnimationFrame(frame);
  }, [sheet, version]);

  const goTo = (text: string) => {
    const parsed = parseAddress(text.trim());
    if (!parsed) {
      setMessage(`"${text}" is not a cell or range address such as B12, A1:C5 or Schools!C5.`);
      return;
    }
    if (parsed.sheet && parsed.sheet !== sheet) {
      if (!workbook.visibleSheets().includes(parsed.sheet)) {
        setMessage(`There is no sheet "${parsed.sheet}".`);
        return;
      }
      workbook.activate(parsed.sheet);
    }
    setMessage(null);
    // A range is selected with its top-left cell active, and scrolled into view.
    setGoToBlock({ row: parsed.row, column: parsed.column, rows: parsed.rows, columns: parsed.columns });
    workbook.select(parsed.row, parsed.column);
    setNameDraft(null);
    focusGrid();
  };

  if (!sheet) return <Text>Loading the workbook...</Text>;
  const valueText = selected ? formatCell(selected.value) : "";

  return (
    <div className={styles.root} ref={rootRef}>
      <div className={styles.bar}>
        <Input
          className={styles.nameBox}
          aria-label="Name box"
          value={nameText}
          onChange={(_, data) => setNameText(data.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              goTo(nameText);
            } else if (e.key === "Escape") {
              setNameDraft(null);
              focusGrid();
            }
          }}
        />
        <Input
          className={styles.formula}
          aria-label="Formula bar"
          contentBefore={<Text weight="semibold">fx</Text>}
          value={formulaText}
          onChange={(_, data) => setFormulaText(data.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && selection) {
              setMessage(workbook.setCellByUser(sheet, selection.row, selection.column, formulaText));
            } else if (e.key === "Escape") setFormulaDraft(null);
          }}
        />
      </div>
      <CellGrid key={sheet} api={gridApi} workbook={workbook} sheet={sheet} version={version} goTo={goToBlock} onMessage={setMessage} />
      <div className={styles.status} role="status" aria-label="Selected cell">
        {message ? (
          <span className={styles.problem}>{message}</span>
        ) : selected ? (
          <>
            {sheet}!{address}: {valueText}
            {selected.errorMessage ? <span className={styles.problem}> {selected.errorMessage}</span> : null}
          </>
        ) : null}
      </div>
      <div className={styles.tabBar}>
        <TabList ref={tabsRef} className={styles.tabs} size="small" selectedValue={sheet} onTabSelect={(_, data) => workbook.activate(String(data.value))} aria-label="Sheets">
          {workbook.visibleSheets().map((name) => (
            <Tab key={name} value={name} className={styles.tab}>
              {name}
            </Tab>
          ))}
        </TabList>
        <Button size="small" appearance="subtle" icon={<span aria-hidden>+</span>} aria-label="New sheet" title="New sheet" onClick={() => workbook.addUserSheet()} />
      </div>
    </div>
  );
}
