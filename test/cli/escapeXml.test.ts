import fc from "fast-check";
import { escapeXml } from "../../src/cli/xlsxWriter";

/**
 * escapeXml skips texts that need nothing, and the allocation sheet escapes each formula template's pieces once
 * and joins them with row numbers. Independent implementation: the two replacements written out (drop what
 * XML 1.0 does not allow, escape the five markup characters), applied to the whole text.
 */
const byReplacement = (text: string): string =>
  text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

const xmlish = fc.string({ unit: fc.constantFrom("a", "1", "$", "'", "<", ">", "&", '"', "\u0001", "\u000b", "\ufffe", "\n", "\t", "é") });

describe("escapeXml", () => {
  it("equals the replacements on the whole text, and escaping pieces then joining them equals escaping the joined text (property)", () => {
    fc.assert(
      fc.property(fc.array(xmlish, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 1_048_576 }), (pieces, row) => {
        const whole = pieces.join(String(row));
        expect(escapeXml(whole)).toBe(byReplacement(whole));
        expect(pieces.map(escapeXml).join(String(row))).toBe(escapeXml(whole));
      }),
      { numRuns: 500 },
    );
  });

  it("escapes a hand-written formula", () => {
    expect(escapeXml(`IF(A2>0,"yes","")`)).toBe("IF(A2&gt;0,&quot;yes&quot;,&quot;&quot;)");
  });
});
