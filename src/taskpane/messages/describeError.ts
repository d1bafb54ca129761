import { WsfError } from "../../engine/core/WsfError";
import { PortError } from "../../workbook/WorkbookPort";

/** Advice per workbook failure, appended to the adapter's message so every notice ends with a next step. */
const PORT_ADVICE: Record<PortError["code"], string> = {
  NOT_OWNED: "Rename or move that sheet (the add-in never overwrites a sheet it did not create), then try again.",
  EDITED_BY_HAND: "Apply again and choose whether to replace the hand edits.",
  NOT_FOUND: "Refresh the list of tables and choose the table again.",
  TOO_LARGE: "Use a smaller table or split it, then try again.",
  HOST: "Check that the workbook is not in cell-edit mode, then try again.",
};

/**
 * Turns anything thrown by a workbook call or the engine into the text of the message bar: the original
 * message (which names the sheet, column or row) followed by what to do next. `nextStep` overrides the
 * default advice for engine errors, whose fix depends on the step that raised them.
 */
export function describeError(error: unknown, nextStep?: string): string {
  if (error instanceof PortError) return joinSentences(error.message, nextStep ?? PORT_ADVICE[error.code]);
  if (error instanceof WsfError) return joinSentences(error.message, nextStep ?? "Correct the value it names, then try again.");
  const text = error instanceof Error ? error.message : String(error);
  return joinSentences(text, nextStep ?? "Try again; if it keeps failing, reload the add-in.");
}

function joinSentences(first: string, second: string): string {
  const trimmed = first.trim();
  if (trimmed.length === 0) return second;
  return /[.!?]$/.test(trimmed) ? `${trimmed} ${second}` : `${trimmed}. ${second}`;
}
