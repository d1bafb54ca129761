/**
 * Reads the owned-sheets setting (`wsf.ownedSheets`) into `{ sheetName: fingerprint }`. Tolerant,
 * because the setting lives in a file people share: a missing value, unreadable JSON, or entries that
 * are not text are treated as "no claim", so a damaged tag can only make the add-in more careful (it
 * then refuses to overwrite the sheet), never less.
 *
 * Cost O(setting size).
 *
 * @example parseOwnedSheets('{"WSF Allocation":"12:00ff..."}') // { "WSF Allocation": "12:00ff..." }
 */
export function parseOwnedSheets(raw: unknown): Record<string, string> {
  let parsed: unknown = raw;
  if (typeof raw === "string") {
    try {
      parsed = JSON.parse(raw);
    } catch {
      return {};
    }
  }
  const owned: Record<string, string> = {};
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return owned;
  for (const [name, fingerprint] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof fingerprint === "string") owned[name] = fingerprint;
  }
  return owned;
}
