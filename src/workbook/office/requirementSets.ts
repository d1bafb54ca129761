/**
 * The Office JavaScript APIs the add-in calls, each with the requirement set its reference page (and the
 * JSDoc of @types/office-js / @types/custom-functions-runtime, "[Api set: ...]") gives it, and the sets
 * the add-in therefore needs (excel-behaviour.md item 15).
 *
 * `npm run validate` (scripts/requirement-sets.mjs) keeps this list honest: it finds every Office API
 * member used by the Office-facing code (`OFFICE_SOURCES`) with the TypeScript compiler, and fails when
 * one is missing here or listed with another set than its declaration's, or when manifest.xml does not
 * declare the highest version of a set used here (unless the entry is `guarded` and the code using it
 * checks `isSetSupported` with that set and version first). `null` is an API the declarations give no
 * set (the Office.js runtime itself: `Excel.run`, `load`, `sync`, `isNullObject`).
 */

export type RequirementSetName = "ExcelApi" | "CustomFunctionsRuntime" | "SharedRuntime";

export interface OfficeApiUse {
  /** Fully qualified member, as the declarations name it: `Excel.Worksheet.onChanged`. */
  api: string;
  /** Its requirement set and version, or null when the declarations give none. */
  set: { name: RequirementSetName; version: string } | null;
  /** What the add-in uses it for. */
  use: string;
  /** Called only after `isSetSupported(set, version)` said yes; the manifest need not declare it. */
  guarded?: boolean;
}

/** The files whose Office API calls are listed below (the Office adapter, the custom functions, the pane's entry). */
export const OFFICE_SOURCES = ["src/workbook/office/OfficeWorkbook.ts", "src/functions/functions.ts", "src/functions/transition.ts", "src/functions/titleI.ts", "src/functions/excelErrors.ts", "src/taskpane/index.tsx"];

const excel = (version: string) => ({ name: "ExcelApi" as const, version });
const customFunctions = (version: string) => ({ name: "CustomFunctionsRuntime" as const, version });

export const OFFICE_APIS: readonly OfficeApiUse[] = [
  // Office.js runtime: batches, loads, event registrations.
  { api: "Excel.run", set: null, use: "every workbook method is one Excel.run" },
  { api: "Excel.RequestContext.workbook", set: null, use: "the workbook of a batch" },
  { api: "OfficeExtension.ClientRequestContext.sync", set: null, use: "round trips" },
  { api: "OfficeExtension.ClientObject.isNullObject", set: null, use: "missing settings and empty sheets" },
  { api: "OfficeExtension.EventHandlers.add", set: null, use: "watch a sheet" },
  { api: "OfficeExtension.EventHandlerResult.context", set: null, use: "remove a handler in its own context" },
  { api: "OfficeExtension.EventHandlerResult.remove", set: null, use: "stop watching a sheet" },
  { api: "Excel.ChartCollection.load", set: null, use: "charts already on a sheet" },
  { api: "Excel.ChartCollection.items", set: null, use: "charts already on a sheet" },
  { api: "Excel.Range.load", set: null, use: "read cells" },
  { api: "Excel.Setting.load", set: null, use: "read a setting" },
  { api: "Excel.TableCollection.load", set: null, use: "list tables" },
  { api: "Excel.TableCollection.items", set: null, use: "list tables" },
  { api: "Excel.WorksheetCollection.load", set: null, use: "list sheets" },
  { api: "Excel.WorksheetCollection.items", set: null, use: "list sheets" },
  { api: "Office.onReady", set: null, use: "start the task pane" },
  { api: "Office.context", set: null, use: "check requirement sets in the pane" },
  { api: "Office.Context.requirements", set: null, use: "check requirement sets in the pane" },
  { api: "Office.RequirementSetSupport.isSetSupported", set: null, use: "check requirement sets in the pane" },

  // ExcelApi 1.1: ranges, sheets, tables, charts.
  ...[
    "Excel.Chart.axes",
    "Excel.Chart.delete",
    "Excel.Chart.name",
    "Excel.Chart.series",
    "Excel.Chart.setPosition",
    "Excel.Chart.title",
    "Excel.ChartAxes.categoryAxis",
    "Excel.ChartAxes.valueAxis",
    "Excel.ChartAxis.title",
    "Excel.ChartAxisTitle.text",
    "Excel.ChartCollection.add",
    "Excel.ChartDataLabels.showValue",
    "Excel.Chart.legend",
    "Excel.ChartLegend.position",
    "Excel.ChartLegend.visible",
    "Excel.ChartSeries.name",
    "Excel.ChartSeriesCollection.getItemAt",
    "Excel.ChartTitle.text",
    "Excel.Range.address",
    "Excel.Range.clear",
    "Excel.Range.columnCount",
    "Excel.Range.columnIndex",
    "Excel.Range.format",
    "Excel.Range.formulas",
    "Excel.Range.numberFormat",
    "Excel.Range.rowCount",
    "Excel.Range.rowIndex",
    "Excel.Range.select",
    "Excel.Range.values",
    "Excel.RangeFont.bold",
    "Excel.RangeFormat.font",
    "Excel.Table.delete",
    "Excel.Table.getHeaderRowRange",
    "Excel.Table.getRange",
    "Excel.Table.name",
    "Excel.TableCollection.add",
    "Excel.TableCollection.getItem",
    "Excel.Workbook.tables",
    "Excel.Workbook.worksheets",
    "Excel.Worksheet.activate",
    "Excel.Worksheet.charts",
    "Excel.Worksheet.getRange",
    "Excel.Worksheet.name",
    "Excel.WorksheetCollection.add",
    "Excel.WorksheetCollection.getItem",
  ].map((api) => ({ api, set: excel("1.1"), use: "cells, sheets, tables and charts" })),

  // ExcelApi 1.2
  { api: "Excel.RangeFormat.columnWidth", set: excel("1.2"), use: "column widths of the add-in's sheets" },
  { api: "Excel.Table.worksheet", set: excel("1.2"), use: "which sheet holds a table" },

  // ExcelApi 1.4: settings (ownership tags, scenarios) and the *OrNullObject reads.
  { api: "Excel.Workbook.settings", set: excel("1.4"), use: "ownership tags and scenarios" },
  { api: "Excel.Setting.value", set: excel("1.4"), use: "ownership tags and scenarios" },
  { api: "Excel.SettingCollection.add", set: excel("1.4"), use: "ownership tags and scenarios" },
  { api: "Excel.SettingCollection.getItemOrNullObject", set: excel("1.4"), use: "ownership tags and scenarios" },
  { api: "Excel.Worksheet.getUsedRangeOrNullObject", set: excel("1.4"), use: "the size of a sheet" },

  // ExcelApi 1.7: chart series built one by one, trendlines, change events.
  { api: "Excel.ChartSeriesCollection.add", set: excel("1.7"), use: "a chart's second and later series" },
  { api: "Excel.ChartSeries.setValues", set: excel("1.7"), use: "a series' values" },
  { api: "Excel.ChartSeries.setXAxisValues", set: excel("1.7"), use: "a series' x values" },
  { api: "Excel.ChartSeries.trendlines", set: excel("1.7"), use: "the trendline of per pupil vs poverty" },
  { api: "Excel.ChartTrendlineCollection.add", set: excel("1.7"), use: "the trendline of per pupil vs poverty" },
  { api: "Excel.Worksheet.onChanged", set: excel("1.7"), use: "re-read the table after a person edits it" },
  { api: "Excel.ChartSeries.hasDataLabels", set: excel("1.7"), use: "value labels on a chart's points" },

  // ExcelApi 1.8: number formats of chart axes and data labels.
  { api: "Excel.ChartAxis.numberFormat", set: excel("1.8"), use: "dollars and shares on chart axes" },
  { api: "Excel.ChartSeries.dataLabels", set: excel("1.8"), use: "value labels on a chart's points" },
  { api: "Excel.ChartDataLabels.numberFormat", set: excel("1.8"), use: "value labels in dollars" },
  // Print setup of the statements sheet: written only where isSetSupported("ExcelApi", "1.9") says yes;
  // elsewhere the pane refuses to write the statements with a message (OfficeWorkbook.writeSheet).
  { api: "Excel.Worksheet.pageLayout", set: excel("1.9"), use: "the statements' print setup", guarded: true },
  { api: "Excel.PageLayout.setPrintArea", set: excel("1.9"), use: "one print area over the statements", guarded: true },
  { api: "Excel.PageLayout.headersFooters", set: excel("1.9"), use: "district, year and page n of N on every page", guarded: true },
  { api: "Excel.PageLayout.orientation", set: excel("1.9"), use: "portrait statements", guarded: true },
  { api: "Excel.PageLayout.zoom", set: excel("1.9"), use: "fit a statement to the page width", guarded: true },
  { api: "Excel.Worksheet.horizontalPageBreaks", set: excel("1.9"), use: "one statement per page", guarded: true },
  { api: "Excel.PageBreakCollection.add", set: excel("1.9"), use: "a page break before each statement", guarded: true },
  { api: "Excel.PageBreakCollection.removePageBreaks", set: excel("1.9"), use: "clear the breaks of an earlier write", guarded: true },
  { api: "Excel.HeaderFooterGroup.defaultForAllPages", set: excel("1.9"), use: "the same header and footer on every page", guarded: true },
  { api: "Excel.HeaderFooter.leftHeader", set: excel("1.9"), use: "header: district", guarded: true },
  { api: "Excel.HeaderFooter.centerHeader", set: excel("1.9"), use: "header: title", guarded: true },
  { api: "Excel.HeaderFooter.rightHeader", set: excel("1.9"), use: "header: fiscal year", guarded: true },
  { api: "Excel.HeaderFooter.leftFooter", set: excel("1.9"), use: "footer", guarded: true },
  { api: "Excel.HeaderFooter.centerFooter", set: excel("1.9"), use: "footer: page n of N", guarded: true },
  { api: "Excel.HeaderFooter.rightFooter", set: excel("1.9"), use: "footer", guarded: true },

  // Custom functions: errors with messages (1.2), the error codes (1.3).
  { api: "CustomFunctions.Error", set: customFunctions("1.2"), use: "errors the functions return" },
  { api: "CustomFunctions.ErrorCode", set: null, use: "errors the functions return" },
  { api: "CustomFunctions.ErrorCode.invalidValue", set: customFunctions("1.3"), use: "#VALUE! with a message" },
  { api: "CustomFunctions.ErrorCode.notAvailable", set: customFunctions("1.3"), use: "#N/A with a message" },
  { api: "CustomFunctions.ErrorCode.divisionByZero", set: customFunctions("1.3"), use: "#DIV/0!" },
  { api: "CustomFunctions.ErrorCode.invalidNumber", set: customFunctions("1.3"), use: "#NUM!" },
  // excelErrors.ts indexes ErrorCode by `keyof typeof ErrorCode`, which allows these three as well.
  { api: "CustomFunctions.ErrorCode.nullReference", set: customFunctions("1.3"), use: "(allowed by the type of the index, never returned)" },
  { api: "CustomFunctions.ErrorCode.invalidName", set: customFunctions("1.3"), use: "(allowed by the type of the index, never returned)" },
  { api: "CustomFunctions.ErrorCode.invalidReference", set: customFunctions("1.3"), use: "(allowed by the type of the index, never returned)" },
];

/**
 * The sets the add-in needs, which manifest.xml declares: the highest version of each set in
 * `OFFICE_APIS` (not guarded), and SharedRuntime 1.1 for the task pane and the functions sharing one
 * runtime (`<Runtime lifetime="long">` in the manifest; no API member stands for it).
 */
export const REQUIRED_SETS: readonly { name: RequirementSetName; version: string; for: string }[] = [
  { name: "ExcelApi", version: "1.8", for: "charts with series, trendlines and number formats, and change events" },
  { name: "CustomFunctionsRuntime", version: "1.3", for: "the error codes of the WSF functions" },
  { name: "SharedRuntime", version: "1.1", for: "the task pane and the functions sharing one runtime" },
];

/**
 * What the pane says when the Excel it runs in lacks a set it needs (Office does not load the add-in
 * there when the manifest declares the set; this is the second line, for hosts that load it anyway).
 *
 * Cost O(sets).
 *
 * @param isSetSupported `Office.context.requirements.isSetSupported`.
 * @returns null when every set is supported, else the sentence to show.
 * @example missingRequirementSetsMessage(() => true) // null
 */
export function missingRequirementSetsMessage(isSetSupported: (name: string, version: string) => boolean): string | null {
  const missing = REQUIRED_SETS.filter((s) => !isSetSupported(s.name, s.version));
  if (missing.length === 0) return null;
  const list = missing.map((s) => `${s.name} ${s.version} (${s.for})`).join("; ");
  return `This version of Excel lacks features the Weighted Student Funding add-in needs: ${list}. Update Office (Microsoft 365, or Excel 2021 or later) or use Excel on the web, then open the add-in again. Your workbook has not been changed.`;
}
