import { randomBytes } from "node:crypto";
import { closeSync, existsSync, openSync, realpathSync, rmSync, statSync, unlinkSync } from "node:fs";
import { open, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { CliError } from "./CliError";

function samePath(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

/** Why a file cannot be written, in plain words, from the system's error code. */
function writeProblem(output: string, error: NodeJS.ErrnoException): string {
  const folder = dirname(output) || ".";
  switch (error.code) {
    case "EACCES":
    case "EPERM":
      return `cannot be written: permission denied (you cannot create files in the folder ${folder})`;
    case "EROFS":
      return `cannot be written: the folder ${folder} is on a read-only disk`;
    case "ENOSPC":
    case "EDQUOT":
      return "cannot be written: the disk is full";
    case "ENOENT":
      return `cannot be written: the folder ${folder} does not exist or does not accept files`;
    case "ENOTDIR":
      return `cannot be written: ${folder} is not a folder`;
    case "EISDIR":
      return "cannot be written: it is a folder";
    default:
      return `cannot be written (${error.message})`;
  }
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string" && typeof (error as NodeJS.ErrnoException).syscall === "string";
}

/**
 * Checks that files can be created in the folder `folder` (which holds `output`): it exists, is a folder,
 * and accepts a new file (tried with an empty hidden file, removed at once), so a run over 100,000 schools
 * does not compute everything before finding out.
 *
 * @throws CliError naming `output` and the folder otherwise.
 */
export function checkFolder(output: string, folder: string): void {
  let info;
  try {
    info = statSync(folder);
  } catch {
    throw new CliError(`${output}: the folder ${folder} does not exist; create it first, or choose another --out`);
  }
  if (!info.isDirectory()) throw new CliError(`${output}: ${folder} is not a folder; choose another --out`);
  const probe = join(folder, `.wsf-${randomBytes(4).toString("hex")}.probe`);
  try {
    closeSync(openSync(probe, "wx"));
    unlinkSync(probe);
  } catch (error) {
    throw new CliError(`${output}: ${writeProblem(join(folder, basename(output)), error as NodeJS.ErrnoException)}; choose another --out`);
  }
}

/**
 * Checks that `output` may be written: it is not the input, it does not exist unless `force`, and its folder
 * exists and accepts files.
 *
 * @throws CliError naming the file otherwise.
 */
export function checkOutput(output: string, inputs: readonly string[], force: boolean): void {
  for (const input of inputs) {
    if (samePath(output, input)) throw new CliError(`${output}: is the input file; wsf never overwrites its input. Choose another --out`);
  }
  if (existsSync(output) && statSync(output).isDirectory()) throw new CliError(`${output}: is a folder; give a file name for --out`);
  if (existsSync(output) && !force) throw new CliError(`${output}: already exists; add --force to replace it, or choose another --out`);
  checkFolder(output, dirname(output) || ".");
}

/** Temporary files and folders being written; removed if the run is stopped (Ctrl+C, kill). */
const temporaries = new Set<string>();
let exitHooked = false;

function removeHeld(): void {
  for (const path of temporaries) rmSync(path, { recursive: true, force: true });
}
const STOP_SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

function stopped(signal: NodeJS.Signals): void {
  removeHeld();
  process.stderr.write(`\nwsf: stopped (${signal === "SIGINT" ? "Ctrl+C" : signal}); no output was written\n`);
  // 128 + the signal number, as a shell reports a stopped program (130 for Ctrl+C).
  process.exit(signal === "SIGINT" ? 130 : signal === "SIGTERM" ? 143 : 129);
}

/**
 * Registers a temporary path to remove if the process is stopped by a signal before it is released; returns
 * the release. While any is registered, wsf handles SIGINT, SIGTERM and SIGHUP itself.
 */
export function holdTemporary(path: string): () => void {
  if (temporaries.size === 0) for (const signal of STOP_SIGNALS) process.on(signal, stopped);
  if (!exitHooked) {
    // An early exit (standard output closed by `| head`) removes what is still held, too.
    process.on("exit", removeHeld);
    exitHooked = true;
  }
  temporaries.add(path);
  return () => {
    if (!temporaries.delete(path)) return;
    if (temporaries.size === 0) for (const signal of STOP_SIGNALS) process.off(signal, stopped);
  };
}

/**
 * Writes a file through a temporary file beside it, renamed over the target only when `write` has finished,
 * so a failure or Ctrl+C leaves no partial output (and an existing file stays as it was).
 *
 * @throws CliError naming `output` when the file system refuses (no folder, read-only, disk full); otherwise
 *   whatever `write` throws; in both cases after removing the temporary file.
 */
export async function writeAtomically(output: string, write: (temporaryPath: string) => Promise<void>): Promise<void> {
  const temporary = join(dirname(resolve(output)), `.${basename(output)}.${randomBytes(4).toString("hex")}.partial`);
  const release = holdTemporary(temporary);
  try {
    await (await open(temporary, "wx")).close();
    await write(temporary);
    await rename(temporary, output);
  } catch (error) {
    await rm(temporary, { force: true, recursive: true });
    if (isSystemError(error)) throw new CliError(`${output}: ${writeProblem(output, error)}; nothing was written`);
    throw error;
  } finally {
    release();
  }
}

/** True when `path` is an existing folder, or names one (ends with a slash, or has no extension). */
export async function isFolderTarget(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return /[/\\]$/.test(path) || !/\.[A-Za-z0-9]+$/.test(basename(path));
  }
}
