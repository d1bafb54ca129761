import type { TitleIRankMethod } from "../titleI/titleIRank";

/** The amounts reserved off the district's Title I allocation before schools (domain.md section 6). */
export interface TitleIReservations {
  equitable: number;
  parent: number;
  homeless: number;
  neglected: number;
  administration: number;
}

/** The reservations' keys, in the order the sheet and the pane list them. */
export const RESERVATION_KEYS: readonly (keyof TitleIReservations)[] = ["equitable", "parent", "homeless", "neglected", "administration"];

/**
 * How served schools are paid (domain.md section 6, "Allocation"): the pool after reservations spread
 * evenly per low-income child ("pool"), or a fixed number of dollars per low-income child chosen by the
 * district ("perchild", ED 1996 example 2: $700), which must fit in the pool.
 */
export type TitleIAllocationMode = { mode: "pool" } | { mode: "perchild"; perChild: number };

/**
 * What a person chooses in the Title I step, as a scenario keeps it (in the workbook's store and in a
 * scenario file, so `wsf allocate` writes the same Title I and Comparability sheets). Columns are named by
 * header, like a scenario file's columns, so the settings fit any table with those headers.
 */
export interface TitleISettings {
  columns: {
    /** Low-income children of each school's attendance area (public and private). */
    lowIncome: string;
    enrollment: string;
    /** Needed for the "span" ranking method; the grouping of the comparability test. */
    gradeSpan: string | null;
    /** Private-school low-income children (their share is reserved for equitable services). */
    privateSchool: string | null;
    /** Instructional staff FTE: the comparability ratio test (pupils per staff member). */
    staff: string | null;
    /** State/local salary dollars: the comparability spending test (dollars per pupil). */
    salaries: string | null;
  };
  method: TitleIRankMethod;
  /** The district's Title I, Part A allocation before reservations, in dollars. */
  districtAllocation: number;
  reservations: TitleIReservations;
  allocation: TitleIAllocationMode;
  /**
   * Schools skipped by hand (an eligible school that gets comparable state and local money), each with its
   * reason: by 1-based data row of the schools table, and the school's id (the id column's text) when the
   * table has one, so a file run on a re-sorted table still skips the right school.
   */
  skipped: { row: number; school: string | null; reason: string }[];
  comparability: {
    /** Allowed distance from the span average as a share (0.10: the 110% ratio and 90% spending tests). */
    tolerance: number;
    /** Schools of this many pupils or fewer are exempt (California: 100); null: none. */
    smallSchool: number | null;
  };
}
