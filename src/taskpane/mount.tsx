import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import type { WorkbookPort } from "../workbook/WorkbookPort";
import { TaskPane } from "./TaskPane";
import { WorkbookProvider } from "./workbook/WorkbookProvider";

/**
 * Renders the task pane into `element`, talking to the workbook only through `port` (Excel in the add-in,
 * the browser workbook in the playground). Returns a function that unmounts it.
 */
export function mountTaskPane(element: HTMLElement, port: WorkbookPort): () => void {
  const root = createRoot(element);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <WorkbookProvider port={port}>
        <TaskPane />
      </WorkbookProvider>
    </FluentProvider>,
  );
  return () => root.unmount();
}
