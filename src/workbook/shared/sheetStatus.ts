import type { SheetStatus } from "../WorkbookPort";

/**
 * The status of a sheet name from what the workbook says: whether the sheet exists, the fingerprint the
 * add-in stored when it last wrote it (undefined: not the add-in's), and the fingerprint of its cells
 * now. Owned means tagged and present; edited by hand means owned and the fingerprints differ.
 *
 * Cost O(1).
 *
 * @example sheetStatus("WSF Allocation", true, "3:ab", "4:cd") // { ..., owned: true, editedByHand: true }
 */
export function sheetStatus(
  name: string,
  exists: boolean,
  storedFingerprint: string | undefined,
  currentFingerprint: string | undefined,
): SheetStatus {
  const owned = exists && storedFingerprint !== undefined;
  return { name, exists, owned, editedByHand: owned && storedFingerprint !== currentFingerprint };
}
