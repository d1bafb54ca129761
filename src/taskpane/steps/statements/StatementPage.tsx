import { makeStyles, tokens } from "@fluentui/react-components";
import type { CellValue } from "../../../workbook/WorkbookPort";
import { formatStatementValue } from "./formatStatementValue";

const useStyles = makeStyles({
  page: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyBase },
  cell: { paddingBlock: "1px", paddingInline: tokens.spacingHorizontalXS, verticalAlign: "top" },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  strong: { fontWeight: tokens.fontWeightSemibold },
});

/** Rows of a page (relative) shown in bold: the district line, the school line and the lines' header. */
const STRONG_ROWS = new Set([0, 1, 3]);

/**
 * One school's statement page as an HTML table: the page's rows (A:E) of the statements sheet's computed
 * values, formatted as the sheet formats them. Used by the pane's preview and the playground's print view.
 */
export function StatementPage({ values, firstRow, lastRow, label }: { values: CellValue[][]; firstRow: number; lastRow: number; label: string }) {
  const styles = useStyles();
  const rows: CellValue[][] = [];
  for (let r = firstRow; r <= lastRow; r++) rows.push(Array.from({ length: 5 }, (_, c) => values[r]?.[c] ?? null));
  // Trailing blank rows are the page's bottom margin; the sheet keeps them, the preview need not.
  while (rows.length > 0 && rows[rows.length - 1].every((v) => v === null || v === "")) rows.pop();
  return (
    <table className={styles.page} aria-label={label}>
      <tbody>
        {rows.map((line, r) => (
          <tr key={r} className={STRONG_ROWS.has(r) ? styles.strong : undefined}>
            {line.map((value, c) => (
              <td key={c} className={`${styles.cell} ${c > 0 ? styles.number : ""}`}>
                {formatStatementValue(value, c)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
