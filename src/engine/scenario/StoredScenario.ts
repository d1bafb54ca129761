import type { ColumnMapping } from "../table";
import type { FormulaSpec } from "./FormulaSpec";
import type { TransitionSettings } from "../transition/TransitionSettings";
import type { TitleISettings } from "./TitleISettings";

/** The headline figures of a scenario's last run, so a list of scenarios can show them without rerunning. */
export interface ScenarioSummary {
  base: number;
  total: number;
  schools: number;
  floorCost: number;
  capSavings: number;
  /** Schools held up by the stop-loss / down by the gain cap. */
  floored: number;
  capped: number;
}

/** A named scenario as saved inside the workbook (it travels with the file). */
export interface StoredScenario {
  name: string;
  /** ISO 8601 time of saving. */
  savedAt: string;
  spec: FormulaSpec;
  mapping: ColumnMapping;
  /** `TableInfo.id` of the schools table it was run on. */
  tableId: string;
  /** Figures of the run at saving; null for a scenario migrated from a store that did not keep them. */
  summary: ScenarioSummary | null;
  /**
   * The multi-year transition plan saved with it (optional: stores written before transitions existed, and
   * scenarios saved without a plan, have none; the store version stays 2 because older readers ignore it).
   */
  transition?: TransitionSettings;
  /** The Title I step's choices saved with it (store version 3; absent: none were complete when saving). */
  titleI?: TitleISettings;
}

/**
 * The Title I choices last applied to the "WSF Title I" sheet, kept in the store so a reopened workbook
 * opens the Title I step on them (with what the sheet's parameter cells say now read over them).
 */
export interface AppliedTitleI {
  /** `TableInfo.id` of the schools table they were applied to. */
  tableId: string;
  settings: TitleISettings;
}

/**
 * The formula last applied to the workbook's sheets, kept in the store so a workbook reopened next week
 * opens the pane on it (design.md, "One truth for the formula"): the formula as applied (a scenario with
 * the mapping and table it was applied to), and the preset or scenario it started from, so the pane can
 * still say "LAUSD-style, edited". The parameters sheet holds the current numbers; the pane reads them
 * back over this record's structure.
 */
export interface AppliedFormula {
  scenario: StoredScenario;
  origin: { name: string; spec: FormulaSpec } | null;
}

/**
 * The store's identifying name and its current version. Version 3 added the Title I choices (a scenario's
 * `titleI`, the store's `appliedTitleI`); it was raised so that an add-in that reads only version 2 keeps a
 * version 3 store aside untouched instead of saving it back without them. Versions 1 and 2 are migrated.
 */
export const SCENARIO_STORE_FORMAT = "wsf-scenarios";
export const SCENARIO_STORE_VERSION = 3;

/**
 * The version-1 store (add-in 0.x, before concentration rules and protection existed): a base amount as a
 * bare number and the need weights as an object from header to weight, on top of every enrolled pupil at 1.
 *
 *     { "format": "wsf-scenarios", "version": 1, "scenarios": [
 *       { "name": "Flat", "savedAt": "2024-05-01T12:00:00.000Z", "tableId": "Schools", "mapping": {...},
 *         "base": 5000, "weights": { "FRL": 0.2, "EL": 0.4 } } ] }
 */
export interface StoredScenarioV1 {
  name: string;
  savedAt: string;
  tableId: string;
  mapping: ColumnMapping;
  base: number;
  weights: Record<string, number>;
}
