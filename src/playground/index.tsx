import "./customFunctionsShim";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { registerPlaygroundFunctions, sampleWorkbook } from "./startPlayground";
import { mountTaskPane } from "../taskpane/mount";
import type { HyperFormulaWorkbook } from "../workbook/local/HyperFormulaWorkbook";
import { SAMPLE_SOURCE } from "./files/fileActions";
import { loadState } from "./files/stateStore";
import { buildWorkbook } from "./files/workbookState";
import { PlaygroundApp } from "./PlaygroundApp";
import { StatementsPrintView } from "./print/StatementsPrintView";
import { PlaygroundSession } from "./session";

/* The playground page: a browser workbook (HyperFormula with the WSF functions), the real task pane beside it.
 * It opens on the work kept from the last visit (IndexedDB), or on the sample district.
 * `?schools=N` starts from a sample district of N schools (default 850, the generator's) instead. */
async function main(): Promise<void> {
  const workbookElement = document.getElementById("workbook");
  const paneElement = document.getElementById("taskpane");
  if (!workbookElement || !paneElement) throw new Error("playground.html lacks #workbook or #taskpane");
  const schools = Number(new URLSearchParams(location.search).get("schools")) || undefined;
  const response = await fetch("functions.json");
  if (!response.ok) throw new Error(`functions.json could not be loaded (${response.status}); run the build.`);
  registerPlaygroundFunctions(await response.json());
  // Marks for `npm run bench` (scripts/bench-playground.mjs): where the load time goes.
  performance.mark("wsf:functions-registered");

  let kept = null;
  if (schools === undefined) {
    try {
      kept = await loadState();
    } catch {
      kept = null; // No storage (private mode, blocked): start on the sample, the toolbar says the work is not kept.
    }
  }
  const workbook = kept ? buildWorkbook(kept.sheets, kept.meta) : await sampleWorkbook({ schools });
  performance.mark("wsf:workbook-built");
  const session = new PlaygroundSession(workbook, kept?.source ?? SAMPLE_SOURCE, kept?.unsaved ?? false);

  let unmountPane = mountTaskPane(paneElement, workbook);
  const expose = (current: HyperFormulaWorkbook) => {
    (window as unknown as { wsfPlayground?: unknown; wsfSession?: unknown }).wsfPlayground = current;
    (window as unknown as { wsfSession?: unknown }).wsfSession = session;
  };
  // The statements' print view (one page per school) follows whichever workbook is open.
  const printElement = document.getElementById("print");
  const printRoot = printElement ? createRoot(printElement) : null;
  const renderPrintView = (current: HyperFormulaWorkbook): void =>
    printRoot?.render(
      <FluentProvider theme={webLightTheme}>
        <StatementsPrintView workbook={current} />
      </FluentProvider>,
    );
  expose(workbook);
  renderPrintView(workbook);
  session.onWorkbookReplaced((next) => {
    unmountPane();
    unmountPane = mountTaskPane(paneElement, next);
    expose(next);
    renderPrintView(next);
  });
  createRoot(workbookElement).render(
    <FluentProvider theme={webLightTheme} style={{ height: "100%" }}>
      <PlaygroundApp session={session} />
    </FluentProvider>,
  );
  // A reopened workbook, as far as the pane can tell: the pane goes and comes back over the same workbook
  // (its sheets and stored settings), as when a person closes the file and opens it next week.
  const reopenPane = (): void => {
    unmountPane();
    unmountPane = mountTaskPane(paneElement, session.current.workbook);
  };
  Object.assign(window as unknown as Record<string, unknown>, { wsfReopenPane: reopenPane });
  document.body.dataset.ready = "true";
  requestAnimationFrame(() => performance.mark("wsf:rendered"));
}

main().catch((error: unknown) => {
  document.body.dataset.ready = "failed";
  const box = document.createElement("pre");
  box.setAttribute("role", "alert");
  box.textContent = `The playground could not start: ${error instanceof Error ? error.message : String(error)}`;
  document.body.prepend(box);
});
