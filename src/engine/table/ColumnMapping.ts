/**
 * Which column of the schools table plays which part in the formula. Indexes are 0-based positions in
 * the table's header row (the same order as `TableInfo.headers`), so the task pane can show and change
 * them and the engine can read rows without looking at the sheet again.
 */

/** A part a column can play. Count roles (`frl`, `el`, ...) hold numbers of pupils. */
export type ColumnRole =
  | "id"
  | "name"
  | "enrollment"
  | "frl"
  | "el"
  | "sped"
  | "foster"
  | "unduplicated"
  | "prior"
  | "region"
  | "level"
  | "grade";

export interface ColumnMapping {
  id?: number;
  name?: number;
  enrollment?: number;
  /** Pupils in poverty: free and reduced-price lunch, low income, economically disadvantaged. */
  frl?: number;
  /** English learners. */
  el?: number;
  /** Pupils with disabilities (special education). */
  sped?: number;
  foster?: number;
  /** Unduplicated pupils (LCFF: EL, low-income or foster, each pupil counted once). */
  unduplicated?: number;
  /** Prior-year allocation in dollars (protection rules compare against it). */
  prior?: number;
  region?: number;
  level?: number;
  /** Grade-band enrollment columns ("Grades K-3", "6-8", ...), in table order. */
  grades: number[];
  /** Any other count (or dollar) column the formula may weight, in table order. */
  counts: number[];
}

/** The single-column roles of a mapping (everything except `grades` and `counts`). */
export type SingleColumnRole = Exclude<ColumnRole, "grade">;

/** Single-column roles whose cells hold pupil counts, checked against enrollment. */
export const NEED_COUNT_ROLES = ["frl", "el", "sped", "foster", "unduplicated"] as const;
