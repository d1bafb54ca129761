/**
 * What a table column holds, judged from its header, so the equity dashboard divides by enrollment only
 * what is a total:
 * - "perPupil": already per pupil (or per weighted pupil, per student, per ADA): never divided again;
 * - "share": a share, rate, ratio or index: never divided;
 * - "total": dollars in all for the school (spending, allocation, budget): divided by enrollment by default;
 * - "count": any other number (pupils, counts, years): measured as it is by default; a person may divide it
 *   (FRL count / enrollment = the low-income share).
 */
export type MeasureKind = "perPupil" | "share" | "total" | "count";

const PER_PUPIL = /\bper\s+(weighted\s+)?(pupil|student|child|ada|capita|enrollee)s?\b|\/\s*(pupil|student|ada)|\bpp\b|\bppe\b/i;
const SHARE = /\bshare\b|\brate\b|\bratio\b|\bpercent|%|\bpct\b|\bproportion\b|\bindex\b/i;
/** Header words that mark dollars, so the lines read "$8,415" rather than "8,414.8". */
export const MONEY = /\$|spend|alloc|amount|budget|fund|dollar|salar|cost|revenue|expend/i;

export function measureKind(header: string): MeasureKind {
  if (PER_PUPIL.test(header)) return "perPupil";
  if (SHARE.test(header)) return "share";
  if (MONEY.test(header)) return "total";
  return "count";
}

/**
 * True when the column's numbers are dollars, so the dashboard shows them as money: a dollar total, or an
 * amount per pupil (school-finance tables give money per pupil; "Unrestricted per pupil" is dollars).
 */
export function isMoneyHeader(header: string): boolean {
  const kind = measureKind(header);
  return kind === "total" || kind === "perPupil";
}
