import { PortError } from "../../../src/workbook/WorkbookPort";
import { assertWritable } from "../../../src/workbook/shared/assertWritable";

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof PortError ? e.code : "other";
  }
}

describe("assertWritable", () => {
  it("lets the add-in create a new sheet", () => {
    expect(codeOf(() => assertWritable({ name: "S", exists: false, owned: false, editedByHand: false }))).toBeNull();
  });

  it("refuses an existing sheet it did not create, even with overwriteHandEdits, and says to rename or delete it", () => {
    const status = { name: "WSF Allocation", exists: true, owned: false, editedByHand: false };
    expect(codeOf(() => assertWritable(status, { overwriteHandEdits: true }))).toBe("NOT_OWNED");
    expect(() => assertWritable(status)).toThrow("Rename or delete the sheet 'WSF Allocation', or choose another name");
  });

  it("refuses an owned sheet edited by hand unless told to overwrite", () => {
    const status = { name: "S", exists: true, owned: true, editedByHand: true };
    expect(codeOf(() => assertWritable(status))).toBe("EDITED_BY_HAND");
    expect(codeOf(() => assertWritable(status, { overwriteHandEdits: true }))).toBeNull();
  });

  it("rewrites an owned, untouched sheet", () => {
    expect(codeOf(() => assertWritable({ name: "S", exists: true, owned: true, editedByHand: false }))).toBeNull();
  });
});
