import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TaskPane } from "../../../src/taskpane/TaskPane";
import { WorkbookProvider } from "../../../src/taskpane/workbook/WorkbookProvider";
import type { WorkbookPort } from "../../../src/workbook/WorkbookPort";
import { installDomShims } from "./domShims";

/**
 * The whole pane re-renders on every change and other test suites share the machine, so an async step
 * (read, write, then render) can take over the 1 s default of findBy/waitFor; allow 5 s.
 */
configure({ asyncUtilTimeout: 5000 });

/** Renders the real task pane against `port`, as mountTaskPane does, with a user-event session. */
export function renderTaskPane(port: WorkbookPort) {
  installDomShims();
  const user = userEvent.setup();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <WorkbookProvider port={port}>
        <TaskPane />
      </WorkbookProvider>
    </FluentProvider>,
  );
  return { user, ...view };
}
