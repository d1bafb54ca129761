/** A span of grades, kindergarten = 0 and pre-kindergarten (TK, PK) = -1. */
export interface GradeBand {
  low: number;
  high: number;
}

const GRADE = "(tk|pk|prek|k|\\d{1,2})";
const PREFIX = "(?:grades?|gr|grade span|span|ada|enrollment|enrolment)";
const SUFFIX = "(?:ada|enrollment|enrolment|pupils|students|count|band|span)";
const BAND = new RegExp(`^((?:${PREFIX} )*)${GRADE}(?: ?(?:-|to|through|thru) ?${GRADE})?((?: ${SUFFIX})*)$`);

function gradeNumber(text: string): number {
  if (text === "k") return 0;
  if (text === "tk" || text === "pk" || text === "prek") return -1;
  return Number(text);
}

/**
 * Reads a grade-band header such as "Grades K-3", "K-5", "Gr 6-8", "9-12", "Grades 9–12 ADA", "Grade 9"
 * or "Kindergarten". A bare number is not a grade ("9" could be anything), and neither is a span outside
 * pre-kindergarten..12 or running backwards, so a year such as "2023-24" is not mistaken for grades.
 *
 * Cost O(length).
 *
 * @throws nothing; returns null when the header is not a grade band.
 * @example parseGradeBand("Gr 6-8") // { low: 6, high: 8 }
 * @example parseGradeBand("2023-24") // null
 */
export function parseGradeBand(header: string): GradeBand | null {
  const text = String(header)
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/kindergarten/g, "k")
    .replace(/transitional k/g, "tk")
    .replace(/pre-?k\b/g, "pk")
    .replace(/[^a-z0-9-]+/g, " ")
    .trim()
    .replace(/\s*-\s*/g, "-");
  const match = BAND.exec(text);
  if (!match) return null;
  const hasPrefix = match[1].trim() !== "";
  const low = gradeNumber(match[2]);
  const high = match[3] === undefined ? low : gradeNumber(match[3]);
  const single = match[3] === undefined;
  // A lone number needs "Grade" in front of it; a lone K/TK is clear on its own.
  if (single && !hasPrefix && low > 0) return null;
  if (low > 12 || high > 12 || high < low) return null;
  return { low, high };
}
