import { PortError } from "../WorkbookPort";

/*
 * The catalogue of `PortError`s the adapters raise besides the ownership checks (`assertWritable`), so
 * Excel, the in-memory workbook and the task pane's message bar all say the same thing. Each message
 * says what happened and what the person can do next.
 */

/** A sheet the task pane refers to is gone (renamed or deleted by a person). */
export function sheetNotFound(name: string): PortError {
  return new PortError("NOT_FOUND", `There is no sheet named '${name}' in this workbook. It may have been renamed or deleted; apply again to recreate it.`);
}

/** A table id from an earlier `listTables` no longer resolves. */
export function tableNotFound(id: string): PortError {
  return new PortError("NOT_FOUND", `The table '${id}' is no longer in this workbook. Refresh the list of tables and pick the schools table again.`);
}

/** A values-only copy was asked of a sheet the add-in did not write. */
export function notOwnedSource(name: string): PortError {
  return new PortError("NOT_OWNED", `The sheet '${name}' was not written by the WSF add-in, so it has no values-only copy. Choose one of the add-in's sheets.`);
}

/** `writeSheet` would create a table whose name another sheet's table already uses (names are workbook-wide). */
export function tableNameTaken(name: string, sheet: string): PortError {
  return new PortError("HOST", `A table named '${name}' already exists on the sheet '${sheet}'. Rename that table, then apply again.`);
}

/** Excel refused a request; the host's own message is kept for support. */
export function hostFailure(action: string, cause: unknown): PortError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new PortError("HOST", `Excel could not ${action}: ${detail}. Try again; if it keeps failing, save the workbook and reopen it.`);
}
