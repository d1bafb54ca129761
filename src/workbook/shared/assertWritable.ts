import { PortError, SheetStatus, WriteOptions } from "../WorkbookPort";

/**
 * The one ownership rule both adapters apply before writing a sheet: a new name is free; an existing
 * sheet the add-in did not create is never touched (`NOT_OWNED`); an owned sheet a person has edited
 * since the add-in last wrote it is replaced only with `overwriteHandEdits` (`EDITED_BY_HAND`).
 * Messages say what to do next, for the task pane's message bar.
 *
 * Cost O(1).
 *
 * @throws PortError NOT_OWNED or EDITED_BY_HAND as above.
 * @example assertWritable({ name: "Data", exists: true, owned: false, editedByHand: false }) // throws NOT_OWNED
 */
export function assertWritable(status: SheetStatus, options: WriteOptions = {}): void {
  if (!status.exists) return;
  if (!status.owned) {
    throw new PortError(
      "NOT_OWNED",
      `The sheet '${status.name}' was not created by the WSF add-in, so it will not be overwritten. Rename or delete the sheet '${status.name}', or choose another name for the add-in's output.`,
    );
  }
  if (status.editedByHand && !options.overwriteHandEdits) {
    throw new PortError(
      "EDITED_BY_HAND",
      `The sheet '${status.name}' was changed by hand since the add-in last wrote it. Copy your changes to another sheet if you want to keep them, then apply again and choose to replace the hand edits.`,
    );
  }
}
