import { WsfError } from "../core/WsfError";

/**
 * What a row-wise Title I function gives for one input row: its result, the error that belongs in that
 * row's cells (bad input on the row, or a result that depends on a bad row elsewhere), or `null` for an
 * input row that is entirely blank (its output cells stay blank, so whole-column references work).
 *
 * The rule behind it (design.md, "Row-wise functions keep a bad row to itself"): a bad cell never yields a
 * silently wrong number; every other row that can be computed right is computed.
 */
export type RowOutcome<T> = T | WsfError | null;
