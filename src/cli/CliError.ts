/**
 * A problem the `wsf` command reports and stops on (exit code 1): bad input, a missing column, an output it
 * must not overwrite. The message names the file and, where there is one, the sheet, the row and the column.
 */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}

/** `file`, `file, sheet "Schools"`, `file, sheet "Schools", row 4, column C (FRL)`: the place of a problem. */
export function place(file: string, sheet: string | null, row?: number, column?: string, header?: string): string {
  const parts = [file];
  if (sheet !== null) parts.push(`sheet ${JSON.stringify(sheet)}`);
  if (row !== undefined) parts.push(`row ${row}`);
  if (column !== undefined) parts.push(header ? `column ${column} (${header})` : `column ${column}`);
  return parts.join(", ");
}
