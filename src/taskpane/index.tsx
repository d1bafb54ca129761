import { missingRequirementSetsMessage } from "../workbook/office/requirementSets";
import { OfficeWorkbook } from "../workbook/office/OfficeWorkbook";
import { mountTaskPane } from "./mount";

/* The add-in entry: wait for Office, check the requirement sets, then mount the pane against Excel. */
Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  const missing = missingRequirementSetsMessage((name, version) => Office.context.requirements.isSetSupported(name, version));
  if (missing) {
    const sentence = document.createElement("p");
    sentence.setAttribute("role", "alert");
    sentence.className = "wsf-plain-message";
    sentence.textContent = missing;
    root.appendChild(sentence);
    return;
  }
  mountTaskPane(root, new OfficeWorkbook());
});
