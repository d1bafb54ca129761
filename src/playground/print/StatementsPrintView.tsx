import { makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { flushSync } from "react-dom";
import type { HyperFormulaWorkbook } from "../../workbook/local/HyperFormulaWorkbook";
import type { CellValue, PrintSetup } from "../../workbook/WorkbookPort";
import { STATEMENTS_SHEET } from "../../taskpane/sheets/sheetNames";
import { StatementPage } from "../../taskpane/steps/statements/StatementPage";
import { headerFooterText, printedPages } from "./printedPages";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, breakAfter: "page", fontFamily: tokens.fontFamilyBase },
  band: { display: "flex", justifyContent: "space-between", fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
  empty: { fontFamily: tokens.fontFamilyBase },
});

/** The statements as the browser prints them: the sheet's values and print setup, read when printing starts. */
interface Printed {
  values: CellValue[][];
  print: PrintSetup;
}

/**
 * What the playground prints (its print stylesheet hides the grid and the pane and shows this): the
 * "WSF Statements" sheet cut into its pages by the print setup the task pane wrote (print area and page
 * breaks), one printed page per school, each with the page header and footer ("Page n of N"). The sheet
 * is read when printing starts (the `beforeprint` event), so an 850-school district costs nothing until then.
 */
export function StatementsPrintView({ workbook }: { workbook: HyperFormulaWorkbook }) {
  const styles = useStyles();
  const [printed, setPrinted] = useState<Printed | null>(null);

  useEffect(() => {
    const load = () => {
      const print = workbook.visibleSheets().includes(STATEMENTS_SHEET) ? workbook.printSetup(STATEMENTS_SHEET) : null;
      if (!print) {
        flushSync(() => setPrinted(null));
        return;
      }
      void workbook.readSheet(STATEMENTS_SHEET).then(({ values }) => flushSync(() => setPrinted({ values, print })));
    };
    window.addEventListener("beforeprint", load);
    return () => window.removeEventListener("beforeprint", load);
  }, [workbook]);

  if (!printed) return <p className={styles.empty}>No statements to print yet: write them in the task pane (Statements for schools), then print.</p>;
  const pages = printedPages(printed.print);
  const { header, footer } = printed.print;
  return (
    <>
      {pages.map((page, i) => (
        <section key={page.firstRow} className={styles.page} aria-label={`Printed page ${i + 1}`}>
          <div className={styles.band}>
            <span>{headerFooterText(header.left, i + 1, pages.length)}</span>
            <span>{headerFooterText(header.center, i + 1, pages.length)}</span>
            <span>{headerFooterText(header.right, i + 1, pages.length)}</span>
          </div>
          <StatementPage values={printed.values} firstRow={page.firstRow} lastRow={page.lastRow} label={`Statement ${i + 1}`} />
          <div className={styles.band}>
            <span>{headerFooterText(footer.left, i + 1, pages.length)}</span>
            <span>{headerFooterText(footer.center, i + 1, pages.length)}</span>
            <span>{headerFooterText(footer.right, i + 1, pages.length)}</span>
          </div>
        </section>
      ))}
    </>
  );
}
