/**
 * The one error type of the engine. Every problem a person can cause (bad input, an impossible pool,
 * a statistic that is undefined for the data) is a `WsfError` with a stable code, so the functions
 * layer, the task pane and the playground all turn it into the same Excel error and the same message.
 *
 * Codes map to Excel errors one to one:
 * - `VALUE` -> `#VALUE!` (carries the message: function, argument, 1-based row, what was expected)
 * - `DIV0`  -> `#DIV/0!` (no usable rows, total pupils 0, a mean of 0 where a ratio needs it)
 * - `NUM`   -> `#NUM!`   (a log-based statistic on a value <= 0, a percentile outside 0..1)
 * - `NA`    -> `#N/A`    (a value that does not exist for the data, e.g. a slope with no variance)
 */
export type WsfErrorCode = "VALUE" | "DIV0" | "NUM" | "NA";

export class WsfError extends Error {
  readonly code: WsfErrorCode;

  constructor(code: WsfErrorCode, message: string) {
    super(message);
    this.name = "WsfError";
    this.code = code;
  }
}

/** Describes the cell a problem was found in, for messages such as `WSF.GINI: pupils row 12 ...`. */
export interface Where {
  /** Catalogue name of the function or the task-pane step, e.g. `WSF.GINI` or `Schools table`. */
  fn: string;
  /** The argument or column name, e.g. `pupils`. */
  arg: string;
  /** 1-based row (or position) within the argument; omitted when the problem is the whole argument. */
  row?: number;
}

/** Formats the one message shape used everywhere: `FN: ARG row N DETAIL` or `FN: ARG DETAIL`. */
export function formatMessage(where: Where, detail: string): string {
  const place = where.row === undefined ? where.arg : `${where.arg} row ${where.row}`;
  return `${where.fn}: ${place} ${detail}`;
}

/** A `#VALUE!` error naming the function, the argument and (when known) the row. */
export function valueError(where: Where, detail: string): WsfError {
  return new WsfError("VALUE", formatMessage(where, detail));
}

/** A `#DIV/0!` error; the message still says why, for the task pane and for tests. */
export function divZeroError(fn: string, detail: string): WsfError {
  return new WsfError("DIV0", `${fn}: ${detail}`);
}

/** A `#NUM!` error with its reason. */
export function numError(fn: string, detail: string): WsfError {
  return new WsfError("NUM", `${fn}: ${detail}`);
}

/** A `#N/A` error with its reason. */
export function naError(fn: string, detail: string): WsfError {
  return new WsfError("NA", `${fn}: ${detail}`);
}

/**
 * Shows a cell value the way a person typed it, for messages: `"n/a"`, `TRUE`, `-3`. A linked data type
 * cell (Stocks, Geography: Excel hands it over as an object) is named as such, with its display text when it
 * has one, never as JSON (excel-behaviour.md item 7).
 */
export function describeCell(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return String(value);
  if (value === null || value === undefined) return "blank";
  if (typeof value === "object") {
    const text = displayTextOf(value as Record<string, unknown>);
    return text === null ? "a linked data type" : `a linked data type (${JSON.stringify(text)})`;
  }
  return String(value);
}

/** The text Excel shows for a data type cell (an entity's `text`, a formatted value's `basicValue`), short. */
function displayTextOf(value: Record<string, unknown>): string | null {
  const candidate = typeof value.text === "string" ? value.text : typeof value.basicValue === "string" || typeof value.basicValue === "number" ? String(value.basicValue) : null;
  if (candidate === null || candidate === "") return null;
  return candidate.length > 40 ? `${candidate.slice(0, 39)}…` : candidate;
}
