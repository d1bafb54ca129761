import { mkdir, mkdtemp, readdir, rename, rm } from "node:fs/promises";
import { dirname, extname, join, resolve } from "node:path";
import { Command, CommanderError, Option } from "commander";
import type { Cell } from "../engine/core/cells";
import { readSample } from "../engine/core/WeightedSample";
import { WsfError } from "../engine/core/WsfError";
import { runFormula } from "../engine/scenario/runFormula";
import type { ScenarioFile } from "../engine/scenario/scenarioFile";
import { equityTable, type EquityTableRow } from "../engine/stats/equityTable";
import { columnLetters } from "../workbook/shared/columnLetters";
import { type AllocationRun, SHEETS_NOT_WRITTEN, writeAllocationCsv, writeAllocationXlsx } from "./allocationOutput";
import { CliError, place } from "./CliError";
import { checkOutput, isFolderTarget, writeAtomically } from "./outputFile";
import {
  columnHints,
  findHeader,
  formulaOf,
  includeSpecColumns,
  loadScenarioFile,
  mapColumns,
  parsePool,
  poolValue,
  presetId,
  problemLine,
  requireNoErrors,
  schoolsOf,
} from "./prepare";
import { type Progress, silentProgress, terminalProgress } from "./progress";
import { readInput, type InputTable } from "./readInput";

/** Where the command writes: standard output and error, and whether a progress bar may be shown. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  progress: () => Progress;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  progress: () => terminalProgress(process.stderr),
};

interface TableOptions {
  sheet?: string;
  column?: string[];
  quiet?: boolean;
}

interface FormulaOptions extends TableOptions {
  scenario?: string;
  preset?: string;
  pool?: string;
  force?: boolean;
}

const ROLE_HELP = "id, name, enrollment, frl, el, sped, foster, unduplicated, prior, region, level, grade, count";

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function tableOptions(command: Command): Command {
  return command
    .option("--sheet <name>", "the sheet holding the schools (.xlsx); default the first sheet with a table of schools")
    .option("--column <role=Header>", `which column plays a role when the header is not recognised (repeatable; roles: ${ROLE_HELP})`, collect)
    .option("-q, --quiet", "no progress bar and no notes on standard error");
}

function formulaOptions(command: Command): Command {
  return tableOptions(command)
    .option("--scenario <file.json>", "a scenario file exported from the task pane (Scenarios, Export)")
    .option("--preset <id>", "a preset of the task pane: flat, lausd, nyc, lcff (\"lausd-style\" also works)")
    .option("--pool <dollars|prior>", 'solve the base so the schools share this pool exactly; "prior" = the sum of the prior-year column')
    .option("--force", "replace an existing output file");
}

/** The schools, mapping and formula of a run: read, map, check, solve. */
async function prepareRun(file: string, options: FormulaOptions, io: CliIo, progress: Progress): Promise<AllocationRun> {
  if ((options.scenario === undefined) === (options.preset === undefined)) {
    throw new CliError("give exactly one of --scenario <file.json> or --preset <id> (flat, lausd, nyc, lcff)");
  }
  const scenario: ScenarioFile | undefined = options.scenario ? await loadScenarioFile(options.scenario) : undefined;
  const preset = options.preset !== undefined ? presetId(options.preset) : undefined;
  const pool = options.pool !== undefined ? parsePool(options.pool) : null;
  const table = await readInput(file, { sheet: options.sheet, hints: columnHints(options.column), progress });
  const mapping = mapColumns(table, options.column, scenario);
  // A preset is fitted to the mapping; a scenario brings its own columns.
  let spec = formulaOf(table, mapping, { scenario, preset }, null);
  includeSpecColumns(table, mapping, spec, options.scenario ?? `--preset ${options.preset}`);
  const { schools, problems } = schoolsOf(table, mapping);
  requireNoErrors(table, problems);
  if (!options.quiet) for (const p of problems) io.err(`note: ${problemLine(table, p)}\n`);
  if (pool !== null) spec = { ...spec, base: { mode: "solve", pool: poolValue(table, mapping, schools, pool) } };
  let result;
  try {
    result = runFormula(spec, schools);
  } catch (error) {
    if (error instanceof WsfError) throw new CliError(`${place(table.file, table.sheet)}: the formula cannot be computed: ${error.message}`);
    throw error;
  }
  return { table, mapping, spec, schools, result };
}

function summary(run: AllocationRun): string {
  const r = run.result;
  const money = (x: number): string => `$${x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  const floored = r.floored.filter(Boolean).length;
  const capped = r.capped.filter(Boolean).length;
  return `${run.spec.name ?? "Formula"}: ${run.schools.length} schools, base ${money(r.base)} per weighted pupil, total ${money(r.total)}${floored + capped > 0 ? `, ${floored} held up by the stop-loss, ${capped} held down by the gain cap` : ""}\n`;
}

async function checkCommand(file: string, options: TableOptions & { format?: string }, io: CliIo): Promise<number> {
  const progress = options.quiet ? silentProgress : io.progress();
  const table = await readInput(file, { sheet: options.sheet, hints: columnHints(options.column), progress });
  const mapping = mapColumns(table, options.column);
  const { schools, problems } = schoolsOf(table, mapping);
  const roles = Object.entries(mapping)
    .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([role, v]) => `${role} = ${(Array.isArray(v) ? v : [v]).map((c: number) => JSON.stringify(table.headers[c])).join(", ")}`);
  if (options.format === "json") {
    io.out(`${JSON.stringify({ file: table.file, sheet: table.sheet, schools: schools.length, rows: table.rows.length, columns: roles, problems: problems.map((p) => ({ ...p, where: problemLine(table, p) })) }, null, 2)}\n`);
  } else {
    io.out(`${place(table.file, table.sheet)}: ${table.rows.length} rows, ${schools.length} schools ready for the formula\n`);
    io.out(`Columns: ${roles.join("; ")}\n`);
    for (const p of problems) io.out(`${p.severity}: ${problemLine(table, p)}\n`);
    const errors = problems.filter((p) => p.severity === "error").length;
    io.out(problems.length === 0 ? "No problems found.\n" : `${errors} ${errors === 1 ? "error" : "errors"}, ${problems.length - errors} ${problems.length - errors === 1 ? "warning" : "warnings"}.\n`);
  }
  return problems.length > 0 ? 1 : 0;
}

async function allocateCommand(file: string, options: FormulaOptions & { out?: string; values?: boolean }, io: CliIo): Promise<number> {
  const out = options.out;
  const kind = out === undefined ? "stdout" : extname(out).toLowerCase();
  if (kind !== "stdout" && kind !== ".xlsx" && kind !== ".csv") throw new CliError(`--out ${out}: expected a .xlsx or .csv file`);
  if (options.values && kind !== ".xlsx") throw new CliError("--values applies to an .xlsx output (a .csv always holds values)");
  if (out !== undefined) checkOutput(out, [file, ...(options.scenario ? [options.scenario] : [])], options.force === true);
  const progress = options.quiet ? silentProgress : io.progress();
  const run = await prepareRun(file, options, io, progress);
  if (out === undefined) {
    // The allocation as CSV on standard output, for pipes.
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { readFile, rm } = await import("node:fs/promises");
    const path = join(tmpdir(), `wsf-${process.pid}-${Date.now()}.csv`);
    try {
      await writeAllocationCsv(path, run);
      io.out(await readFile(path, "utf8"));
    } finally {
      await rm(path, { force: true });
    }
  } else {
    await writeAtomically(out, (temporary) => (kind === ".xlsx" ? writeAllocationXlsx(temporary, run, { values: options.values, progress }) : writeAllocationCsv(temporary, run)));
  }
  if (!options.quiet) io.err(`${summary(run)}${out !== undefined ? `Wrote ${out}\n` : ""}${kind === ".xlsx" ? `${SHEETS_NOT_WRITTEN}\n` : ""}`);
  return 0;
}

/** The cells of one column by header, for `wsf equity`. */
function columnCells(table: InputTable, option: string, header: string): { cells: Cell[]; index: number } {
  const index = findHeader(table, header);
  if (index < 0) {
    throw new CliError(`${option} ${header}: ${place(table.file, table.sheet)} has no such column. Headers found: ${table.headers.map((h) => JSON.stringify(h)).join(", ")}`);
  }
  return { cells: table.rows.map((r) => r[index]), index };
}

/** `WSF.EQUITYTABLE: pupils row 12 is ...` -> `file, sheet "S", row 13, column C (Enrollment): is ...`. */
function placeEngineMessage(table: InputTable, message: string, columns: Record<string, number>): string {
  const match = /^[^:]+: (values|pupils|poverty) row (\d+) (.*)$/s.exec(message);
  if (!match) return `${place(table.file, table.sheet)}: ${message}`;
  const column = columns[match[1]];
  const hint = /^is "=/.test(match[3]) ? " (a formula saved without its value: open the file in Excel and save it, so the values are stored)" : "";
  return `${place(table.file, table.sheet, table.headerRow + 1 + Number(match[2]), columnLetters(table.firstColumn + column), table.headers[column])}: ${match[3]}${hint}`;
}

const EXCEL_ERRORS: Record<string, string> = { VALUE: "#VALUE!", DIV0: "#DIV/0!", NUM: "#NUM!", NA: "#N/A" };

/** The equity table as text (aligned), CSV or JSON. */
export function formatEquity(rows: readonly EquityTableRow[], format: string): string {
  if (format === "json") {
    return `${JSON.stringify(
      rows.map((r) => (r.value instanceof WsfError ? { metric: r.metric, value: null, error: EXCEL_ERRORS[r.value.code], message: r.value.message } : { metric: r.metric, value: r.value })),
      null,
      2,
    )}\n`;
  }
  if (format === "csv") {
    const field = (t: string): string => (/[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
    return `${["Statistic,Value,Error", ...rows.map((r) => (r.value instanceof WsfError ? `${field(r.metric)},,${field(`${EXCEL_ERRORS[r.value.code]} ${r.value.message}`)}` : `${field(r.metric)},${r.value},`))].join("\n")}\n`;
  }
  const width = Math.max(...rows.map((r) => r.metric.length), "Statistic".length);
  const show = (x: number): string => (Math.abs(x) >= 100 ? x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : x.toFixed(6));
  return `${["Statistic".padEnd(width) + "  Value", ...rows.map((r) => `${r.metric.padEnd(width)}  ${r.value instanceof WsfError ? `${EXCEL_ERRORS[r.value.code]} ${r.value.message}` : show(r.value)}`)].join("\n")}\n`;
}

async function equityCommand(
  file: string,
  options: TableOptions & { value: string; pupils?: string; poverty?: string; povertyCount?: string; format: string; out?: string; force?: boolean },
  io: CliIo,
): Promise<number> {
  if (!["text", "csv", "json"].includes(options.format)) throw new CliError(`--format ${options.format}: expected text, csv or json`);
  if (options.poverty !== undefined && options.povertyCount !== undefined) throw new CliError("give --poverty (a share 0..1) or --poverty-count (pupils in poverty), not both");
  if (options.povertyCount !== undefined && options.pupils === undefined) throw new CliError("--poverty-count needs --pupils to turn the count into a share");
  if (options.out !== undefined) checkOutput(options.out, [file], options.force === true);
  const progress = options.quiet ? silentProgress : io.progress();
  const hints = [options.value, options.pupils, options.poverty, options.povertyCount].filter((h): h is string => h !== undefined);
  const table = await readInput(file, { sheet: options.sheet, hints: [...hints, ...columnHints(options.column)], progress });
  const values = columnCells(table, "--value", options.value);
  const pupils = options.pupils !== undefined ? columnCells(table, "--pupils", options.pupils) : null;
  const columns: Record<string, number> = { values: values.index, pupils: pupils?.index ?? -1 };
  let poverty: Cell[] | null = null;
  if (options.poverty !== undefined) {
    const p = columnCells(table, "--poverty", options.poverty);
    poverty = p.cells;
    columns.poverty = p.index;
  } else if (options.povertyCount !== undefined && pupils) {
    const p = columnCells(table, "--poverty-count", options.povertyCount);
    columns.poverty = p.index;
    // A share per school: the count over its pupils; a school without pupils has no share (its value row must be blank).
    poverty = p.cells.map((c, i) => (typeof c === "number" && typeof pupils.cells[i] === "number" && (pupils.cells[i] as number) > 0 ? c / (pupils.cells[i] as number) : c));
  }
  let rows: EquityTableRow[];
  try {
    const sample = readSample("WSF.EQUITYTABLE", values.cells, pupils?.cells ?? null, { extra: poverty ? [{ arg: "poverty", cells: poverty, min: 0, max: 1 }] : [] });
    rows = equityTable(sample, poverty ? sample.extras[0] : null);
  } catch (error) {
    if (error instanceof WsfError) throw new CliError(placeEngineMessage(table, error.message, columns));
    throw error;
  }
  const text = formatEquity(rows, options.format);
  if (options.out === undefined) io.out(text);
  else {
    const { writeFile } = await import("node:fs/promises");
    await writeAtomically(options.out, (temporary) => writeFile(temporary, text, "utf8"));
    if (!options.quiet) io.err(`Wrote ${options.out}\n`);
  }
  return 0;
}

async function statementsCommand(file: string, options: FormulaOptions & { out: string }, io: CliIo): Promise<number> {
  const folder = (await isFolderTarget(options.out)) && extname(options.out).toLowerCase() !== ".pdf";
  if (!folder && extname(options.out).toLowerCase() !== ".pdf") throw new CliError(`--out ${options.out}: expected a .pdf file or a folder`);
  if (!folder) checkOutput(options.out, [file], options.force === true);
  const progress = options.quiet ? silentProgress : io.progress();
  if (folder) {
    const existing = await readdir(options.out).catch(() => [] as string[]);
    if (existing.length > 0 && !options.force) throw new CliError(`${options.out}: the folder is not empty; add --force to write the statements into it, or choose another --out`);
  }
  const run = await prepareRun(file, options, io, progress);
  // pdf-lib loaded only for this command (a tenth of a second the other commands do without).
  const { writeStatements } = await import("./statements");
  if (folder) {
    // Written into a temporary folder beside the target, then moved in file by file: a failure leaves nothing
    // behind, and files already in the folder that are not statements of these schools are kept.
    const target = resolve(options.out);
    const staging = await mkdtemp(join(dirname(target), ".wsf-statements-"));
    try {
      await writeStatements(staging, true, run.spec, run.result, run.schools, progress);
      await mkdir(target, { recursive: true });
      for (const name of await readdir(staging)) await rename(join(staging, name), join(target, name));
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  } else {
    await writeAtomically(options.out, async (temporary) => {
      await writeStatements(temporary, false, run.spec, run.result, run.schools, progress);
    });
  }
  if (!options.quiet) io.err(`${summary(run)}Wrote ${run.schools.length} statements to ${options.out}\n`);
  return 0;
}

/** The `wsf` program with its commands, writing through `io`. */
export function program(io: CliIo, state: { code: number } = { code: 0 }): Command {
  const wsf = new Command("wsf")
    .description("Weighted student funding over files: check a table of schools, allocate a pool, measure equity, print statements.")
    .version("0.1.0")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError("(wsf <command> --help shows the options and examples)")
    .addHelpText(
      "after",
      `
Examples:
  wsf check samples/sample-district.xlsx
  wsf allocate samples/sample-district.xlsx --preset lausd --pool prior --out allocation.xlsx
  wsf equity samples/sample-district.xlsx --value "Total per pupil" --pupils Enrollment
  wsf statements samples/sample-district.xlsx --scenario my-scenario.json --out statements.pdf`,
    );

  tableOptions(wsf.command("check").argument("<schools>", "an .xlsx or .csv file with a table of schools"))
    .description("list the data problems by row, as the task pane does; exit code 1 if there are any")
    .addOption(new Option("--format <format>", "text or json").choices(["text", "json"]).default("text"))
    .addHelpText("after", "\nExamples:\n  wsf check schools.xlsx\n  wsf check schools.csv --column enrollment=\"Total pupils\" --column frl=\"Low income count\"")
    .action(async (file: string, options) => {
      state.code = await checkCommand(file, options, io);
    });

  formulaOptions(wsf.command("allocate").argument("<schools>", "an .xlsx or .csv file with a table of schools"))
    .description("allocate by a formula: an .xlsx with the task pane's sheets (WSF formulas with their values), or a .csv")
    .option("--out <file>", "allocation.xlsx (sheets as the pane writes them) or allocation.csv; default: CSV on standard output")
    .option("--values", "in the .xlsx, values instead of WSF formulas (for people without the add-in)")
    .addHelpText(
      "after",
      "\nThe .xlsx holds the schools table, WSF Parameters, WSF Allocation and WSF Equity as the pane writes them.\n" +
        `${SHEETS_NOT_WRITTEN}\n` +
        "\nExamples:\n  wsf allocate schools.xlsx --preset lausd --pool prior --out allocation.xlsx\n  wsf allocate schools.csv --scenario fy27.json --out allocation.csv\n  wsf allocate schools.xlsx --preset nyc --pool 12000000 --values --out values.xlsx",
    )
    .action(async (file: string, options) => {
      state.code = await allocateCommand(file, options, io);
    });

  tableOptions(wsf.command("equity").argument("<file>", "an .xlsx or .csv file with a value column"))
    .description("the equity table (WSF.EQUITYTABLE) of a value column: text, CSV or JSON")
    .requiredOption("--value <column>", "header of the values, e.g. dollars per pupil")
    .option("--pupils <column>", "header of the pupils that weight each row (omit: every row counts once)")
    .option("--poverty <column>", "header of a poverty share (0 to 1), for the vertical-equity statistics")
    .option("--poverty-count <column>", "header of a count of pupils in poverty, divided by --pupils")
    .addOption(new Option("--format <format>", "text, csv or json").default("text"))
    .option("--out <file>", "write to a file instead of standard output")
    .option("--force", "replace an existing output file")
    .addHelpText("after", '\nExamples:\n  wsf equity schools.xlsx --value "Total per pupil" --pupils Enrollment --poverty-count FRL\n  wsf equity allocation.csv --value "Per pupil" --pupils Enrollment --format json')
    .action(async (file: string, options) => {
      state.code = await equityCommand(file, options, io);
    });

  formulaOptions(wsf.command("statements").argument("<schools>", "an .xlsx or .csv file with a table of schools"))
    .description("one statement per school (PDF): pupils by category with weight, rate and amount, fixed, formula, protection, final, prior, change, per pupil")
    .requiredOption("--out <folder|file.pdf>", "a .pdf with a page per school, or a folder for one PDF per school")
    .addHelpText("after", "\nExamples:\n  wsf statements schools.xlsx --scenario fy27.json --out statements.pdf\n  wsf statements schools.xlsx --preset lausd --pool prior --out statements/")
    .action(async (file: string, options) => {
      state.code = await statementsCommand(file, options, io);
    });
  return wsf;
}

/**
 * Runs `wsf` with `argv` (without node and the script), returning the exit code: 0 success, 1 bad input or
 * a problem found (the message names the file, sheet, row and column), 2 a crash.
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const state = { code: 0 };
  try {
    await program(io, state).parseAsync(argv, { from: "user" });
    return state.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit with 0; usage errors (commander printed them) with 1.
      return error.exitCode === 0 ? 0 : 1;
    }
    if (error instanceof CliError) {
      io.err(`wsf: ${error.message}\n`);
      return 1;
    }
    io.err(`wsf: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}

/** Ends quietly when standard output is closed early (`wsf allocate ... | head`). */
export function quietOnClosedPipe(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
}

if (typeof require !== "undefined" && require.main === module) {
  quietOnClosedPipe();
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
