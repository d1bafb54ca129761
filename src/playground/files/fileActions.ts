import { sampleWorkbook } from "../startPlayground";
import type { PlaygroundSession } from "../session";
import { csvToWorkbook } from "./csvFile";
import { checkOpenedWorkbook } from "./fileProblems";
import { buildWorkbook } from "./workbookState";
import { type FileProblem, type OpenedWorkbook, workbookToXlsx, xlsxToWorkbook } from "./xlsxFile";

/** The name the sample district is shown and saved under. */
export const SAMPLE_SOURCE = "Sample district";

/**
 * Opens a .xlsx or .csv file as the playground's workbook (replacing the current one) and returns the
 * sheets it brought and every problem found, named by sheet and row. A file that cannot be read at all
 * leaves the current workbook as it was.
 */
export async function openFile(session: PlaygroundSession, file: File): Promise<{ opened: boolean; sheets: string[]; problems: FileProblem[] }> {
  const lower = file.name.toLowerCase();
  const bytes = await file.arrayBuffer();
  // An .xlsx is a zip package ("PK\x03\x04"), whatever its name says; an old .xls starts otherwise and is refused below.
  const head = new Uint8Array(bytes.slice(0, 4));
  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  let opened: OpenedWorkbook;
  if (isZip) opened = await xlsxToWorkbook(bytes);
  else if (lower.endsWith(".csv") || lower.endsWith(".txt")) opened = csvToWorkbook(new TextDecoder().decode(bytes), file.name);
  else {
    return { opened: false, sheets: [], problems: [{ sheet: file.name, row: null, message: "The playground opens .xlsx workbooks and .csv files. In Excel, use Save As and choose one of these." }] };
  }
  const visible = opened.sheets.filter((s) => !s.name.startsWith("WSF_Scenarios"));
  if (visible.length === 0) {
    return { opened: false, sheets: [], problems: opened.problems.length > 0 ? opened.problems : [{ sheet: file.name, row: null, message: "The file holds no sheet with cells." }] };
  }
  const workbook = buildWorkbook(opened.sheets, opened.meta);
  const problems = checkOpenedWorkbook(workbook, opened);
  await session.replace(workbook, file.name, false);
  return { opened: true, sheets: workbook.visibleSheets(), problems };
}

/** The file name to save under: the opened file's name with .xlsx, or sample-district.xlsx. */
export function saveName(source: string): string {
  if (source === SAMPLE_SOURCE) return "sample-district.xlsx";
  return `${source.replace(/\.[^.]*$/, "") || "workbook"}.xlsx`;
}

/** Saves the whole workbook as .xlsx through the browser's download, and marks the work saved. Returns the file name. */
export async function saveWorkbookFile(session: PlaygroundSession): Promise<string> {
  const { workbook, source } = session.current;
  const bytes = await workbookToXlsx(workbook);
  const name = saveName(source);
  const url = URL.createObjectURL(new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  await session.markSaved(name);
  return name;
}

/** Replaces the workbook with the sample district and forgets the kept work. */
export async function resetToSample(session: PlaygroundSession): Promise<void> {
  await session.forget();
  const workbook = await sampleWorkbook();
  await session.replace(workbook, SAMPLE_SOURCE, false);
}
