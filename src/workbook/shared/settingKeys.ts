/**
 * Workbook setting keys (`context.workbook.settings`, saved inside the file, so they travel with it).
 * Changing a key orphans what earlier versions saved, so these never change.
 */
/** JSON object `{ [sheetName]: fingerprint }` of the sheets the add-in created. */
export const OWNED_SHEETS_SETTING = "wsf.ownedSheets";
/** The scenario store, a JSON text owned by the scenario model. */
export const SCENARIOS_SETTING = "wsf.scenarios";
