import "./customFunctionsShim";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { startPlayground } from "./startPlayground";
import { WorkbookView } from "./grid/WorkbookView";
import { mountTaskPane } from "../taskpane/mount";

/* The playground page: the sample district in a browser workbook (HyperFormula with the WSF functions), the
 * real task pane beside it. `?schools=N` sizes the sample district (default 850, the generator's). */
async function main(): Promise<void> {
  const workbookElement = document.getElementById("workbook");
  const paneElement = document.getElementById("taskpane");
  if (!workbookElement || !paneElement) throw new Error("playground.html lacks #workbook or #taskpane");
  const schools = Number(new URLSearchParams(location.search).get("schools")) || undefined;
  const response = await fetch("functions.json");
  if (!response.ok) throw new Error(`functions.json could not be loaded (${response.status}); run the build.`);
  const workbook = await startPlayground(await response.json(), { schools });
  createRoot(workbookElement).render(
    <FluentProvider theme={webLightTheme} style={{ height: "100%" }}>
      <WorkbookView workbook={workbook} />
    </FluentProvider>,
  );
  let unmount = mountTaskPane(paneElement, workbook);
  // A reopened workbook, as far as the pane can tell: the pane goes and comes back over the same workbook
  // (its sheets and stored settings), as when a person closes the file and opens it next week.
  const reopenPane = (): void => {
    unmount();
    unmount = mountTaskPane(paneElement, workbook);
  };
  Object.assign(window as unknown as Record<string, unknown>, { wsfPlayground: workbook, wsfReopenPane: reopenPane });
  document.body.dataset.ready = "true";
}

main().catch((error: unknown) => {
  document.body.dataset.ready = "failed";
  const box = document.createElement("pre");
  box.setAttribute("role", "alert");
  box.textContent = `The playground could not start: ${error instanceof Error ? error.message : String(error)}`;
  document.body.prepend(box);
});
