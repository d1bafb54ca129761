import { writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { main, type CliIo } from "../../src/cli/wsf";
import { silentProgress } from "../../src/cli/progress";
import type { SampleTable } from "../../src/engine/sample";

/** Runs `wsf` in this process and captures what it prints. */
export async function wsf(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t), progress: () => silentProgress };
  const code = await main(args, io);
  return { code, out, err };
}

/** A CSV field as Excel writes it: quoted when it holds a comma, quote or line break. */
function field(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(headers: readonly unknown[], rows: readonly (readonly unknown[])[], separator = ","): string {
  return [headers, ...rows].map((r) => r.map(field).join(separator)).join("\r\n") + "\r\n";
}

export async function writeCsv(path: string, table: SampleTable): Promise<void> {
  await writeFile(path, csvText(table.headers, table.rows), "utf8");
}

/** An .xlsx with the table on `sheet` (header in row 1), after optional sheets before it. */
export async function writeXlsx(path: string, table: { headers: unknown[]; rows: unknown[][] }, sheet = "Schools", before: string[] = []): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const name of before) workbook.addWorksheet(name).addRow(["Notes", "nothing here"]);
  const ws = workbook.addWorksheet(sheet);
  ws.addRow(table.headers);
  for (const row of table.rows) ws.addRow(row);
  await workbook.xlsx.writeFile(path);
}
