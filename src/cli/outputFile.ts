import { randomBytes } from "node:crypto";
import { existsSync, realpathSync } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
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

/**
 * Checks that `output` may be written: it is not the input, and it does not exist unless `force`.
 *
 * @throws CliError naming the file otherwise.
 */
export function checkOutput(output: string, inputs: readonly string[], force: boolean): void {
  for (const input of inputs) {
    if (samePath(output, input)) throw new CliError(`${output}: is the input file; wsf never overwrites its input. Choose another --out`);
  }
  if (existsSync(output) && !force) throw new CliError(`${output}: already exists; add --force to replace it, or choose another --out`);
}

/**
 * Writes a file through a temporary file beside it, renamed over the target only when `write` has finished,
 * so a failure leaves no partial output (and an existing file stays as it was).
 *
 * @throws whatever `write` throws, after removing the temporary file.
 */
export async function writeAtomically(output: string, write: (temporaryPath: string) => Promise<void>): Promise<void> {
  await mkdir(dirname(resolve(output)), { recursive: true });
  const temporary = join(dirname(resolve(output)), `.${basename(output)}.${randomBytes(4).toString("hex")}.partial`);
  try {
    await write(temporary);
    await rename(temporary, output);
  } catch (error) {
    await rm(temporary, { force: true, recursive: true });
    throw error;
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
