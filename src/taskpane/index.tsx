import { OfficeWorkbook } from "../workbook/office/OfficeWorkbook";
import { mountTaskPane } from "./mount";

/* The add-in entry: wait for Office, then mount the pane against Excel. */
Office.onReady(() => {
  const root = document.getElementById("root");
  if (root) mountTaskPane(root, new OfficeWorkbook());
});
