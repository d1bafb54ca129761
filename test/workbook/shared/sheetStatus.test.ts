import { sheetStatus } from "../../../src/workbook/shared/sheetStatus";

describe("sheetStatus", () => {
  it("is free for a missing sheet even if a stale tag remains", () => {
    expect(sheetStatus("S", false, "1:a", undefined)).toEqual({ name: "S", exists: false, owned: false, editedByHand: false });
  });

  it("is not owned for an existing sheet without a tag", () => {
    expect(sheetStatus("S", true, undefined, "1:a")).toEqual({ name: "S", exists: true, owned: false, editedByHand: false });
  });

  it("is owned and untouched when the fingerprints agree, edited by hand when they differ", () => {
    expect(sheetStatus("S", true, "1:a", "1:a").editedByHand).toBe(false);
    expect(sheetStatus("S", true, "1:a", "2:b").editedByHand).toBe(true);
  });
});
