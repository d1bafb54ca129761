/**
 * The size in UTF-8 bytes of `JSON.stringify(value)`: what a value adds to an Office.js request body,
 * which is what Excel on the web's 5 MB payload limit counts. Counted without encoding, so estimating
 * 100,000 rows costs no extra memory.
 *
 * Cost O(length of the JSON text).
 *
 * @example jsonByteLength(["é", 1]) // 8: `["é",1]` is 7 characters and "é" takes 2 bytes
 */
export function jsonByteLength(value: unknown): number {
  const text = JSON.stringify(value) ?? "null";
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one code point of 4 bytes. JSON.stringify escapes lone surrogates as \uXXXX.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
