import type { Message } from "../messages/Message";
import type { SheetStatus } from "../../workbook/WorkbookPort";

/**
 * Of the sheets a step is about to write (`names`), as the workbook reports them: `foreign`, the names held by
 * a sheet the add-in did not create, which it never overwrites; `edited`, its own sheets a person has edited,
 * which it overwrites only when the person confirms. Apply, Title I, the transition and the statements all ask.
 */
export function sheetsInTheWay(statuses: readonly SheetStatus[], names: readonly string[]): { foreign: string[]; edited: string[] } {
  const mine = statuses.filter((s) => names.includes(s.name));
  return {
    foreign: mine.filter((s) => s.exists && !s.owned).map((s) => s.name),
    edited: mine.filter((s) => s.editedByHand).map((s) => s.name),
  };
}

/** What the pane says when a sheet it would write is one it did not create (`foreign` from `sheetsInTheWay`). */
export function nameTakenMessage(foreign: readonly string[]): Message {
  return {
    intent: "error",
    title: "A sheet name is taken",
    text: `The workbook already has ${foreign.map((n) => `"${n}"`).join(", ")}, which the add-in did not create and will not overwrite. Rename or move ${foreign.length === 1 ? "that sheet" : "those sheets"}, then apply again.`,
  };
}
