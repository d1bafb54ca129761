import { parseOwnedSheets } from "../../../src/workbook/shared/parseOwnedSheets";

describe("parseOwnedSheets", () => {
  it("reads the stored JSON object of sheet name to fingerprint", () => {
    expect(parseOwnedSheets('{"WSF Allocation":"3:ab","WSF Parameters":"9:cd"}')).toEqual({ "WSF Allocation": "3:ab", "WSF Parameters": "9:cd" });
  });

  it("accepts an object as well as its JSON text", () => {
    expect(parseOwnedSheets({ A: "1:x" })).toEqual({ A: "1:x" });
  });

  it("claims nothing for a missing, damaged or odd setting, so the add-in stays careful", () => {
    for (const raw of [null, undefined, "", "{not json", "[1,2]", 42, '"text"']) expect(parseOwnedSheets(raw)).toEqual({});
    expect(parseOwnedSheets('{"A":"1:x","B":7,"C":null}')).toEqual({ A: "1:x" });
  });
});
