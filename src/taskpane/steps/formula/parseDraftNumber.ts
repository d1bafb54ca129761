/**
 * Reads what a person typed in a number box: "4,140", "$4,140.50", " 12 " and "5%" are numbers; blank is
 * null; anything else is NaN (the field then says "Enter a number").
 */
export function parseDraftNumber(text: string): number | null {
  const cleaned = text.trim().replace(/[$,%\s]/g, "");
  if (cleaned === "") return null;
  const x = Number(cleaned);
  return Number.isFinite(x) ? x : NaN;
}

/** Shows a number in a box without float noise: 0.55 x 100 prints as "55", not "55.00000000000001". */
export function formatDraftNumber(x: number): string {
  return String(Number(x.toPrecision(12)));
}
