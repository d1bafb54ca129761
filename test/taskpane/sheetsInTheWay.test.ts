import { nameTakenMessage, sheetsInTheWay } from "../../src/taskpane/common/sheetsInTheWay";
import type { SheetStatus } from "../../src/workbook/WorkbookPort";

/* What stands in the way of the add-in writing its sheets: a sheet of the same name it did not create (never
 * overwritten) and its own sheets edited by hand (overwritten only when the person confirms). Hand-made statuses. */

const status = (name: string, exists: boolean, owned: boolean, editedByHand = false): SheetStatus => ({ name, exists, owned, editedByHand });

describe("sheetsInTheWay", () => {
  test("names a foreign sheet and an edited own sheet among those to write, and nothing else", () => {
    const statuses = [status("WSF Allocation", true, true, true), status("WSF Equity", true, false), status("WSF Charts", false, false), status("WSF Parameters", true, true)];
    expect(sheetsInTheWay(statuses, ["WSF Allocation", "WSF Equity", "WSF Charts", "WSF Parameters"])).toEqual({ foreign: ["WSF Equity"], edited: ["WSF Allocation"] });
  });

  test("leaves out the statuses of sheets it is not writing (a transition's required sheet, read not written)", () => {
    const statuses = [status("WSF Allocation", true, true, true), status("WSF Transition", true, true)];
    expect(sheetsInTheWay(statuses, ["WSF Transition"])).toEqual({ foreign: [], edited: [] });
  });

  test("the message names every foreign sheet, in the singular or the plural", () => {
    expect(nameTakenMessage(["WSF Equity"]).text).toBe('The workbook already has "WSF Equity", which the add-in did not create and will not overwrite. Rename or move that sheet, then apply again.');
    expect(nameTakenMessage(["A", "B"]).text).toContain('"A", "B", which the add-in did not create and will not overwrite. Rename or move those sheets');
    expect(nameTakenMessage(["A"]).intent).toBe("error");
  });
});
