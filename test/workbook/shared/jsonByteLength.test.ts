import fc from "fast-check";
import { jsonByteLength } from "../../../src/workbook/shared/jsonByteLength";

describe("jsonByteLength", () => {
  it("counts UTF-8 bytes: `[\"é\",1]` is 7 characters and 8 bytes (é is C3 A9)", () => {
    expect(jsonByteLength(["é", 1])).toBe(8);
  });

  it("counts an astral character (an emoji, 4 bytes) once", () => {
    // JSON text `"😀"` is the two quotes plus F0 9F 98 80.
    expect(jsonByteLength("😀")).toBe(6);
  });

  it("agrees with Node's Buffer.byteLength of the JSON text for any row of cells", () => {
    const cellValue = fc.oneof(fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.boolean());
    fc.assert(
      fc.property(fc.array(cellValue, { maxLength: 12 }), (row) => {
        expect(jsonByteLength(row)).toBe(Buffer.byteLength(JSON.stringify(row), "utf8"));
      }),
    );
  });
});
