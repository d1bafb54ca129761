import { WsfError, WsfErrorCode } from "../engine/core/WsfError";

/**
 * The one mapping from engine errors to Excel errors: `VALUE` -> `#VALUE!` (with the message Excel shows
 * in the cell's error tooltip), `DIV0` -> `#DIV/0!`, `NUM` -> `#NUM!`, `NA` -> `#N/A` (with its message).
 * Excel drops the message of `#DIV/0!` and `#NUM!` (excel-behaviour.md item 2), so a problem the person must
 * find and fix is a `VALUE` error; the bare codes are kept where Excel's own functions use them.
 *
 * Reads `CustomFunctions` at call time, not import time: in Excel it is the runtime's global; in the
 * playground and in tests a small shim provides the same shape.
 */
const codeFor: Record<WsfErrorCode, keyof typeof CustomFunctions.ErrorCode> = {
  VALUE: "invalidValue",
  DIV0: "divisionByZero",
  NUM: "invalidNumber",
  NA: "notAvailable",
};

/** Converts an engine error into the `CustomFunctions.Error` Excel displays. */
export function toExcelError(error: WsfError): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode[codeFor[error.code]], error.message);
}

/**
 * Runs a function body and turns any failure into an Excel error, so a custom function never crashes:
 * a `WsfError` keeps its code and message; anything else (a defect of ours) becomes `#VALUE!` whose message
 * names the function and says it is an internal error, instead of an unexplained `#CALC!`.
 */
export function excelCall<T>(fn: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof WsfError) throw toExcelError(error);
    if (error instanceof CustomFunctions.Error) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `${fn}: internal error (${detail}); please report it`);
  }
}
