import { execFileSync, spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, unlinkSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { writeAtomically } from "../../src/cli/outputFile";
import { XlsxWriter } from "../../src/cli/xlsxWriter";
import { csvText, writeXlsx, wsf } from "./support";

/** Each bad input: the message names the file (sheet, row, column where there is one), exit code 1, no output left. */
/** A small table of schools with every column the messages point at (C is FRL). */
const eight = {
  headers: ["School ID", "School", "FRL", "Enrollment", "EL", "Prior year allocation"],
  rows: [
    ["A1", "Adams", 40, 100, 5, 500_000],
    ["B2", "Baker", 20, 200, 10, 900_000],
    ["C3", "Chavez", 150, 300, 30, 1_400_000],
    ["D4", "Dewey", 10, 120, 2, 600_000],
    ["E5", "Eaton", 60, 90, 20, 480_000],
    ["F6", "Fermi", 70, 150, 0, 700_000],
  ] as (string | number)[][],
};
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "wsf-bad-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** Runs allocate to an output in the test folder and checks it failed with `message` and left no file. */
async function failsWith(args: string[], message: string | RegExp): Promise<void> {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.xlsx`);
  const result = await wsf(...args, "--out", out);
  expect(result.code).toBe(1);
  if (typeof message === "string") expect(result.err).toContain(message);
  else expect(result.err).toMatch(message);
  expect(existsSync(out)).toBe(false);
  expect((await readdir(dir)).filter((f) => f.endsWith(".partial"))).toEqual([]);
}

describe("bad input: a message naming the file, sheet, row and column; exit code 1; no output", () => {
  it("a missing required column says which, and which headers were found", async () => {
    const path = await file("no-enrollment.csv", csvText(["School ID", "FRL", "Prior"], [["A", 10, 100]]));
    await failsWith(["allocate", path, "--preset", "flat"], `wsf: ${path}: missing required column: enrollment (or grade-band columns); no header matched. Headers found: "School ID", "FRL", "Prior"`);
  });

  it("a preset's prior-year pool without a prior-year column", async () => {
    const path = await file("no-prior.csv", csvText(["School ID", "Enrollment"], [["A", 10]]));
    await failsWith(["allocate", path, "--preset", "flat", "--pool", "prior"], `--pool prior: ${path} has no prior-year column`);
  });

  it("text and negative counts", async () => {
    const rows = eight.rows.map((r) => [...r]);
    const frl = eight.headers.indexOf("FRL");
    rows[1][frl] = "twelve";
    rows[4][frl] = -3;
    const path = await file("counts.csv", csvText(eight.headers, rows));
    const out = join(dir, "counts.xlsx");
    const result = await wsf("allocate", path, "--preset", "lausd", "--out", out);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${path}: 2 errors; fix them and run again:`);
    // One row number per problem, the file's (the engine's "FRL row 2 (sheet row 3)" would give two).
    expect(result.err).toContain(`  ${path}, row 3, column C (FRL): is "twelve", expected a number of pupils\n`);
    expect(result.err).toContain(`  ${path}, row 6, column C (FRL): is -3, a negative number of pupils\n`);
    expect(existsSync(out)).toBe(false);
  });

  it("numbers a .csv holds as Excel shows them ($2,511,703; 1,100) are refused with the reason, not guessed", async () => {
    const path = await file("formatted.csv", 'School ID,Enrollment,FRL,Prior year allocation\r\nA,"1,100",40,"$2,511,703"\r\nB,200,20,900000\r\n');
    const result = await wsf("allocate", path, "--preset", "flat", "--out", join(dir, "formatted.xlsx"));
    expect(result.code).toBe(1);
    const why = "(a number written with a currency sign or thousands separators, as Excel saves a formatted cell in a .csv; wsf does not guess what they mean: format the column as General in Excel before saving the .csv, or use the .xlsx)";
    expect(result.err).toContain(`  ${path}, row 2, column B (Enrollment): is "1,100", expected a number of pupils ${why}\n`);
    expect(result.err).toContain(`  ${path}, row 2, column D (Prior year allocation): is "$2,511,703", expected a dollar amount or a blank (a new school) ${why}\n`);
    expect(existsSync(join(dir, "formatted.xlsx"))).toBe(false);
  });

  it("duplicate school ids, on an .xlsx sheet", async () => {
    const rows = eight.rows.map((r) => [...r]);
    rows[5][0] = rows[2][0];
    const path = join(dir, "dupes.xlsx");
    await writeXlsx(path, { headers: eight.headers, rows }, "District");
    await failsWith(["allocate", path, "--preset", "flat"], `${path}, sheet "District", row 7, column A (School ID): repeats the id "C3" of row 4; school ids must be unique`);
  });

  it("an empty file, an empty .csv and a header without schools", async () => {
    await failsWith(["allocate", await file("empty.xlsx", ""), "--preset", "flat"], "empty.xlsx: the file is empty (0 bytes)");
    await failsWith(["allocate", await file("blank.csv", "\r\n\r\n"), "--preset", "flat"], "blank.csv: the file is empty");
    const header = await file("header.csv", csvText(eight.headers, []));
    await failsWith(["allocate", header, "--preset", "flat"], `${header}, row 1: has a header row but no schools under it`);
  });

  it("a sheet that does not exist lists the sheets", async () => {
    const path = join(dir, "sheets.xlsx");
    await writeXlsx(path, eight, "Schools", ["Notes"]);
    await failsWith(["allocate", path, "--preset", "flat", "--sheet", "FY27"], `${path}, sheet "FY27": no such sheet; the workbook has the sheets "Notes", "Schools"`);
  });

  it("an old .xls and a file that only claims to be .xlsx", async () => {
    const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    await failsWith(["allocate", await file("old.xls", ole2), "--preset", "flat"], "old.xls: is an old Excel 97-2003 workbook (.xls), which wsf cannot read; open it in Excel and save it as .xlsx");
    // A workbook saved with a password is encrypted in the same old container, under its .xlsx name.
    await failsWith(["allocate", await file("locked.xlsx", ole2), "--preset", "flat"], "locked.xlsx: is protected with a password (encrypted), or is an old .xls renamed to .xlsx; wsf cannot read it.");
    const fake = await wsf("check", await file("fake.xlsx", "School,Enrollment\nA,1\n"));
    expect(fake.code).toBe(1);
    expect(fake.err).toContain("fake.xlsx: is not an Excel workbook");
  });

  it("a .csv in UTF-16, in Latin-1, or separated by semicolons", async () => {
    const text = csvText(eight.headers, eight.rows);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    await failsWith(["allocate", await file("utf16.csv", utf16), "--preset", "flat"], "utf16.csv: is UTF-16 text");
    // Latin-1 "é" (0xE9) in the name of the third school: row 4 of the file, field 2.
    const rows = eight.rows.map((r) => [...r]);
    rows[2][1] = "Ecole Sainte-Therese";
    const latin1 = Buffer.from(csvText(eight.headers, rows).replace("Ecole", "\u00c9cole"), "latin1");
    const latinPath = await file("latin1.csv", latin1);
    await failsWith(["allocate", latinPath, "--preset", "flat"], `${latinPath}, row 4, field 2: byte 0xC9 is not UTF-8 text`);
    const semicolons = await file("semicolons.csv", csvText(eight.headers, eight.rows, ";"));
    await failsWith(["allocate", semicolons, "--preset", "flat"], `${semicolons}, row 1: the header row is separated by semicolons (;), not commas`);
  });

  it("a damaged scenario file names the field", async () => {
    const path = join(dir, "eight.xlsx");
    await writeXlsx(path, eight);
    const scenario = await file("bad.json", JSON.stringify({ format: "wsf-scenario", version: 1, name: "X", spec: { version: 1, base: { mode: "fixed", amount: -1 } } }));
    await failsWith(["allocate", path, "--scenario", scenario], `${scenario}: not a usable scenario file: spec: base amount is -1, expected a number >= 0; spec: gradeWeights is not a list`);
    const unknownColumn = await file("column.json", JSON.stringify({ format: "wsf-scenario", version: 1, name: "X", spec: { version: 1, base: { mode: "fixed", amount: 1 }, gradeWeights: [], categoryWeights: [{ header: "ELL", label: "EL", weight: 0.4 }], concentration: [], fixed: { mode: "none" }, protection: { maxLoss: null, maxGain: null } } }));
    await failsWith(["allocate", path, "--scenario", unknownColumn], `${unknownColumn}: categoryWeights 1 (EL): column "ELL" is not in the schools table.`);
  });

  it("a --column naming a header that does not exist, an unknown preset, a bad pool", async () => {
    const path = join(dir, "eight.xlsx");
    await writeXlsx(path, eight);
    await failsWith(["allocate", path, "--preset", "flat", "--column", "frl=Poverty"], `--column frl=Poverty: ${path}, sheet "Schools" has no column "Poverty". Headers found: "School ID", "School", "FRL", "Enrollment", "EL", "Prior year allocation"`);
    await failsWith(["allocate", path, "--preset", "chicago"], "--preset chicago: no such preset; use one of flat, lausd, nyc, lcff");
    await failsWith(["allocate", path, "--preset", "flat", "--pool", "lots"], '--pool lots: expected a dollar amount >= 0 (e.g. 12000000) or "prior"');
  });

  it("--column maps a header the synonyms do not know", async () => {
    const path = await file("pupils.csv", csvText(["Site", "Kids", "Poor kids"], [["A", 100, 40], ["B", 300, 30]]));
    expect((await wsf("check", path)).code).toBe(1);
    const { code, out } = await wsf("allocate", path, "--preset", "flat", "--pool", "8000", "--column", "enrollment=Kids", "--column", "id=Site");
    expect(code).toBe(0);
    // Flat: 400 pupils share $8,000, so $20 each: A 2,000, B 6,000 (hand calculation).
    expect(out.split(/\r?\n/)[1]).toMatch(/^A,,100,100,20,2000,/);
    expect(out.split(/\r?\n/)[2]).toMatch(/^B,,300,300,20,6000,/);
  });

  it("never overwrites the input, and an existing output only with --force", async () => {
    const path = join(dir, "input.xlsx");
    await writeXlsx(path, eight);
    const before = await readFile(path);
    const same = await wsf("allocate", path, "--preset", "flat", "--out", path, "--force");
    expect(same.code).toBe(1);
    expect(same.err).toContain(`${path}: is the input file; wsf never overwrites its input`);
    expect(await readFile(path)).toEqual(before);

    const out = await file("existing.csv", "keep me");
    const refused = await wsf("allocate", path, "--preset", "flat", "--out", out);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`${out}: already exists; add --force to replace it`);
    expect(await readFile(out, "utf8")).toBe("keep me");
    expect((await wsf("allocate", path, "--preset", "flat", "--out", out, "--force")).code).toBe(0);
    expect(await readFile(out, "utf8")).toMatch(/^School ID,School,/);
  });

  it("an output folder that does not exist: says which, and creates nothing", async () => {
    const path = join(dir, "eight.xlsx");
    await writeXlsx(path, eight);
    for (const name of ["out.xlsx", "out.csv"]) {
      const out = join(dir, "no-such-folder", "sub", name);
      const result = await wsf("allocate", path, "--preset", "flat", "--out", out);
      expect(result).toMatchObject({ code: 1, err: `wsf: ${out}: the folder ${join(dir, "no-such-folder", "sub")} does not exist; create it first, or choose another --out\n` });
    }
    const equity = await wsf("equity", path, "--value", "Enrollment", "--out", join(dir, "no-such-folder", "equity.txt"));
    expect(equity.code).toBe(1);
    expect(equity.err).toContain("the folder");
    const statements = await wsf("statements", path, "--preset", "flat", "--out", join(dir, "no-such-folder", "statements") + "/");
    expect(statements.code).toBe(1);
    expect(statements.err).toContain(`the folder ${join(dir, "no-such-folder")} does not exist`);
    expect(existsSync(join(dir, "no-such-folder"))).toBe(false);
  });

  it("a read-only output location: exit code 1 with a plain message, for .xlsx, .csv, equity and statements", async () => {
    const path = join(dir, "eight.xlsx");
    await writeXlsx(path, eight);
    const folder = await readOnlyFolder();
    const before = await readdir(folder);
    for (const args of [
      ["allocate", path, "--preset", "flat", "--out", join(folder, "out.xlsx")],
      ["allocate", path, "--preset", "flat", "--out", join(folder, "out.csv")],
      ["equity", path, "--value", "Enrollment", "--out", join(folder, "equity.txt")],
      ["statements", path, "--preset", "flat", "--out", join(folder, "statements.pdf")],
    ]) {
      const result = await wsf(...args);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(new RegExp(`^wsf: ${folder}/\\S+: cannot be written: (permission denied \\(you cannot create files in the folder ${folder}\\)|the folder ${folder} is on a read-only disk); choose another --out\n$`));
    }
    expect(await readdir(folder)).toEqual(before);
  });

  it("the .xlsx writer reports a file it cannot create instead of waiting for ever", async () => {
    // Before: the write stream's error was swallowed, the writer waited for a "drain" that never came, and
    // the process ended with exit code 0 and no file.
    const writer = new XlsxWriter(join(dir, "missing-folder", "x.xlsx"));
    const attempt = (async () => {
      const sheet = await writer.sheet("A");
      for (let r = 1; r <= 20_000; r++) await sheet.row(r, [`school ${r}`, r, r * 1.5]);
      await writer.close();
    })();
    await expect(attempt).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("a failure while writing leaves neither a partial file nor a changed old one", async () => {
    const out = await file("old.csv", "old");
    await expect(
      writeAtomically(out, async (temporary) => {
        await writeFile(temporary, "half");
        throw new Error("disk full");
      }),
    ).rejects.toThrow("disk full");
    expect(await readFile(out, "utf8")).toBe("old");
    expect((await readdir(dir)).filter((f) => f.includes(".partial"))).toEqual([]);
  });

  it("usage errors exit 1 and say how to get help", async () => {
    const none = await wsf("allocate", join(dir, "missing.xlsx"));
    expect(none.code).toBe(1);
    expect(none.err).toContain("give exactly one of --scenario <file.json> or --preset <id>");
    const unknown = await wsf("allocate", join(dir, "missing.xlsx"), "--presets", "flat");
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("unknown option '--presets'");
    const missing = await wsf("check", join(dir, "missing.xlsx"));
    expect(missing).toMatchObject({ code: 1, err: `wsf: ${join(dir, "missing.xlsx")}: cannot be read (no such file)\n` });
  });
});

/** A state-sized table of `n` schools as CSV text (counts varied by a fixed rule, every one valid). */
function stateCsv(n: number): string {
  const lines = ["School ID,School,Enrollment,Low income (FRL),English learners,Prior-year allocation"];
  for (let i = 1; i <= n; i++) {
    const enrollment = 200 + ((i * 37) % 900);
    lines.push(`S${i},School ${i},${enrollment},${Math.floor((enrollment * ((i * 13) % 100)) / 100)},${Math.floor((enrollment * ((i * 7) % 30)) / 100)},${enrollment * 5000}`);
  }
  return `${lines.join("\n")}\n`;
}

/** A folder in which no file can be created: a folder made read-only, or /sys for root, who ignores permissions. */
async function readOnlyFolder(): Promise<string> {
  const canCreate = (folder: string): boolean => {
    const probe = join(folder, `.probe-${process.pid}`);
    try {
      closeSync(openSync(probe, "wx"));
      unlinkSync(probe);
      return true;
    } catch {
      return false;
    }
  };
  const folder = join(dir, "read-only");
  await mkdir(folder, { recursive: true });
  await chmod(folder, 0o555);
  if (!canCreate(folder)) return folder;
  if (existsSync("/sys") && !canCreate("/sys")) return "/sys";
  throw new Error("no read-only folder to test with (running as root outside Linux?)");
}

describe("the wsf launcher (package.json bin)", () => {
  const root = resolve(__dirname, "../..");
  beforeAll(() => {
    execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.cli.json")], { cwd: root });
  }, 120_000);

  it("prints help with examples for every command, and the exit code of a bad input", async () => {
    const launcher = join(root, "bin/wsf.js");
    const help = spawnSync(process.execPath, [launcher, "--help"], { encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Examples:");
    for (const command of ["check", "allocate", "equity", "statements"]) {
      const sub = spawnSync(process.execPath, [launcher, command, "--help"], { encoding: "utf8" });
      expect(sub.status).toBe(0);
      expect(sub.stdout).toContain(`Usage: wsf ${command}`);
      expect(sub.stdout).toContain("Examples:");
    }
    const bad = spawnSync(process.execPath, [launcher, "check", await file("launcher-empty.csv", "")], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("launcher-empty.csv: the file is empty");
    expect(bad.stdout).toBe("");
  });

  it("piped: standard output holds only the CSV or JSON, standard error no progress bar", async () => {
    const path = await file("state-20k.csv", stateCsv(20_000));
    const run = (...args: string[]) => spawnSync(process.execPath, [join(root, "bin/wsf.js"), ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
    const allocate = run("allocate", path, "--preset", "lausd", "--pool", "prior");
    expect(allocate.status).toBe(0);
    const lines = allocate.stdout.split("\n");
    expect(lines[0]).toMatch(/^School ID,School,Enrollment,/);
    expect(lines.length).toBe(20_002); // header, 20,000 schools, and the final line break
    expect(lines[20_001]).toBe("");
    const columns = lines[0].split(",").length;
    expect(lines.slice(1, -1).every((l) => l.split(",").length === columns)).toBe(true);
    // Standard error: the summary only, no carriage returns or terminal escapes of a progress bar.
    expect(allocate.stderr).toMatch(/^LAUSD-style: 20,000 schools, base \$[\d,.]+ per weighted pupil, total \$[\d,.]+\n$/);
    const json = run("equity", path, "--value", "Prior-year allocation", "--pupils", "Enrollment", "--format", "json");
    expect(json.status).toBe(0);
    expect(json.stderr).toBe("");
    expect((JSON.parse(json.stdout) as { metric: string }[])[0].metric).toBe("Mean");
    const csv = run("equity", path, "--value", "Prior-year allocation", "--pupils", "Enrollment", "--format", "csv");
    expect(csv.stdout.split("\n")[0]).toBe("Statistic,Value,Error");
    expect(csv.stderr).toBe("");
  }, 60_000);

  it("piped into a reader that stops early (| head -1): no temporary file left, nothing on standard error", async () => {
    const path = await file("state-head.csv", stateCsv(20_000));
    // The CSV for standard output is staged in the temporary folder (TMPDIR) as wsf-<pid>-<time>.csv.
    const staging = await mkdtemp(join(tmpdir(), "wsf-head-"));
    try {
      const result = spawnSync("sh", ["-c", '"$0" "$1" allocate "$2" --preset lausd --pool prior -q | head -1', process.execPath, join(root, "bin/wsf.js"), path], {
        encoding: "utf8",
        env: { ...process.env, TMPDIR: staging },
      });
      expect(result.stdout).toMatch(/^School ID,School,Enrollment,[^\n]*\n$/);
      expect(result.stderr).toBe("");
      expect(await readdir(staging)).toEqual([]);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }, 60_000);

  it("Ctrl+C while writing a 100,000-school .xlsx leaves no file behind and says so", async () => {
    const folder = await mkdtemp(join(tmpdir(), "wsf-interrupt-"));
    try {
      await writeFile(join(folder, "state.csv"), stateCsv(100_000));
      const child = spawn(process.execPath, [join(root, "bin/wsf.js"), "allocate", "state.csv", "--preset", "lausd", "--pool", "prior", "--out", "state.xlsx"], { cwd: folder });
      let err = "";
      child.stderr.on("data", (chunk: Buffer) => void (err += chunk.toString()));
      const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
      // Ctrl+C once the temporary file beside the output holds data: the .xlsx is being written.
      let interrupted = false;
      while (!interrupted) {
        const partial = (await readdir(folder)).find((f) => f.endsWith(".partial"));
        if (partial && (await readFile(join(folder, partial))).length > 0) {
          child.kill("SIGINT");
          interrupted = true;
        } else if (child.exitCode !== null) break;
        else await new Promise((wait) => setTimeout(wait, 5));
      }
      expect(interrupted).toBe(true);
      expect(await exited).toBe(130);
      expect(err).toContain("wsf: stopped (Ctrl+C); no output was written");
      expect(await readdir(folder)).toEqual(["state.csv"]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
