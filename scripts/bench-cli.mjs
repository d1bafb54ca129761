// The command-line part of `npm run bench` (scripts/bench.mjs calls these; `node scripts/bench-cli.mjs` runs
// the allocation part alone):
// 1. `wsf allocate <schools> --preset lausd-style --pool prior --out <out>` end to end (a new node process,
//    as a person runs it) on generated tables of 10,000 and 100,000 schools, .xlsx and .csv, against a
//    pandas script doing read, the same weighted allocation and write (scripts/bench-cli-pandas.py; openpyxl
//    for .xlsx), in the same run; peak resident memory of both.
// 2. EQUITYTABLE against a numpy computation of every statistic the table reports (one sort by value, one
//    by poverty, vector sums), checked to agree, in alternating runs (both see the same load).
// Python with pandas/openpyxl/numpy is looked up (python3, then Debian's /usr/bin/python3); nothing is
// installed, and a missing package is said.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const fmt = (x, d = 1) => x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });

/** The first python that imports `modules`, or null. */
export function findPython(modules) {
  for (const python of ["python3", "/usr/bin/python3"]) {
    const r = spawnSync(python, ["-c", `import ${modules.join(", ")}`], { encoding: "utf8" });
    if (r.status === 0) return python;
  }
  return null;
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADERS = ["School ID", "School", "Enrollment", "FRL", "EL", "Special education", "Foster youth", "Prior-year allocation"];

/** A generated state file of n schools: enrollment, four need counts, prior year; written as .xlsx and .csv. */
async function writeSchools(dir, n) {
  const { XlsxWriter } = require(path.join(root, "dist/cli/cli/xlsxWriter.js"));
  const rand = mulberry32(20261128 + n);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const e = 150 + Math.floor(rand() * 1800);
    const share = Math.min(0.99, Math.max(0.02, 0.75 + (rand() - 0.6) * 0.8));
    rows.push([`S${String(i + 1).padStart(6, "0")}`, `School ${i + 1}`, e, Math.round(e * share), Math.round(e * rand() * 0.4), Math.round(e * (0.08 + rand() * 0.08)), Math.round(e * rand() * 0.02), Math.round(e * (9000 + rand() * 1500))]);
  }
  const xlsx = path.join(dir, `schools-${n}.xlsx`);
  const book = new XlsxWriter(xlsx);
  const sheet = await book.sheet("Schools");
  await sheet.row(1, HEADERS);
  for (let i = 0; i < n; i++) await sheet.row(i + 2, rows[i]);
  await book.close();
  const csv = path.join(dir, `schools-${n}.csv`);
  writeFileSync(csv, [HEADERS.join(","), ...rows.map((r) => r.join(","))].join("\n") + "\n");
  return { xlsx, csv };
}

/**
 * CPU seconds (user + system) of this process's waited-for children so far, from /proc/self/stat (Linux; fields
 * cutime and cstime, in clock ticks of 1/100 s), or null elsewhere.
 */
function childrenCpuSeconds() {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // After "pid (comm) ", fields[0] is the state (field 3); cutime and cstime are fields 16 and 17.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

/** Runs a command, returning wall-clock seconds, CPU seconds (every thread of it, when known) and its output. */
function timed(command, args, env = {}) {
  const c0 = childrenCpuSeconds();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(command, args, { encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const c1 = childrenCpuSeconds();
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${r.status}): ${r.stderr}`);
  return { seconds, cpuSeconds: c0 !== null && c1 !== null ? c1 - c0 : null, stdout: r.stdout, stderr: r.stderr };
}

/** `wsf allocate` against pandas at each size, .xlsx and .csv. Returns the figures. */
export async function benchCliAllocate({ sizes = [10_000, 100_000], runs = 2 } = {}) {
  execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", path.join(root, "tsconfig.cli.json")], { cwd: root, stdio: "inherit" });
  const python = findPython(["pandas", "openpyxl"]);
  if (!python) console.log("\npandas with openpyxl not found (Debian: apt-get install python3-pandas python3-openpyxl): wsf allocate is measured alone");
  const dir = mkdtempSync(path.join(os.tmpdir(), "wsf-bench-cli-"));
  const rssFile = path.join(dir, "rss");
  const preload = path.join(dir, "rss.cjs");
  // Peak resident memory of the wsf process, written as it exits (kilobytes).
  // VmHWM (Linux) is the process's own peak; resourceUsage().maxRSS also counts what this bench held when it
  // forked the process, so it is the fallback only.
  writeFileSync(
    preload,
    `process.on("exit", () => { const fs = require("fs"); let kb = process.resourceUsage().maxRSS; try { kb = Number(/VmHWM:\\s+(\\d+)/.exec(fs.readFileSync("/proc/self/status", "utf8"))[1]); } catch {} fs.writeFileSync(${JSON.stringify(rssFile)}, String(kb)); });\n`,
  );
  const results = [];
  console.log("\nwsf allocate <schools> --preset lausd-style --pool prior --out <out> vs pandas (read, the same allocation, write), end to end, best of " + runs);
  console.log("schools  | file | wsf s  | wsf peak RSS MB | pandas s | pandas peak RSS MB | wsf / pandas | target | CPU s wsf / pandas");
  try {
    for (const n of sizes) {
      const files = await writeSchools(dir, n);
      for (const kind of ["xlsx", "csv"]) {
        const input = files[kind];
        let wsfBest = Infinity;
        let wsfRss = 0;
        let pandasBest = Infinity;
        let pandasRss = 0;
        let pandasBase = null;
        // CPU time beside wall time: on a shared machine the load moves wall times between the two programs' runs.
        let wsfCpu = Infinity;
        let pandasCpu = Infinity;
        for (let r = 0; r < runs; r++) {
          const out = path.join(dir, `wsf-${n}.${kind}`);
          rmSync(out, { force: true });
          const w = timed(process.execPath, ["-r", preload, path.join(root, "bin/wsf.js"), "allocate", input, "--preset", "lausd-style", "--pool", "prior", "--out", out, "--quiet"]);
          wsfBest = Math.min(wsfBest, w.seconds);
          if (w.cpuSeconds !== null) wsfCpu = Math.min(wsfCpu, w.cpuSeconds);
          wsfRss = Math.max(wsfRss, Number(readFileSync(rssFile, "utf8")) / 1024);
          if (python) {
            const pout = path.join(dir, `pandas-${n}.${kind}`);
            const p = timed(python, [path.join(root, "scripts/bench-cli-pandas.py"), input, pout]);
            pandasBest = Math.min(pandasBest, p.seconds);
            if (p.cpuSeconds !== null) pandasCpu = Math.min(pandasCpu, p.cpuSeconds);
            const [base, rss] = p.stdout.trim().split(/\s+/).map(Number);
            pandasBase = base;
            pandasRss = Math.max(pandasRss, rss / 1024);
          }
        }
        // The two computed the same allocation: compare the bases (wsf's from its CSV output).
        if (pandasBase !== null) {
          const csvOut = path.join(dir, `check-${n}.csv`);
          rmSync(csvOut, { force: true });
          timed(process.execPath, [path.join(root, "bin/wsf.js"), "allocate", files.csv, "--preset", "lausd", "--pool", "prior", "--out", csvOut, "--quiet"]);
          const base = Number(readFileSync(csvOut, "utf8").split("\n")[1].split(",")[4]);
          if (Math.abs(base - pandasBase) > 1e-9 * base) throw new Error(`wsf base ${base} differs from pandas' ${pandasBase}`);
        }
        const target = kind === "xlsx" ? 0.5 : 2;
        const ratio = pandasBase !== null ? wsfBest / pandasBest : null;
        const cpu = Number.isFinite(wsfCpu) && Number.isFinite(pandasCpu) ? `${fmt(wsfCpu, 2)} / ${fmt(pandasCpu, 2)} = ${fmt(wsfCpu / pandasCpu, 2)}` : "-";
        results.push({ n, kind, wsfSeconds: wsfBest, wsfRssMb: wsfRss, pandasSeconds: pandasBase !== null ? pandasBest : null, pandasRssMb: pandasRss, ratio, target, wsfCpuSeconds: wsfCpu, pandasCpuSeconds: pandasCpu });
        console.log(
          `${String(n).padStart(8)} | ${kind.padEnd(4)} | ${fmt(wsfBest, 2).padStart(6)} | ${fmt(wsfRss, 0).padStart(15)} | ${pandasBase !== null ? fmt(pandasBest, 2).padStart(8) : "       -"} | ${pandasBase !== null ? fmt(pandasRss, 0).padStart(18) : "                 -"} | ${ratio !== null ? fmt(ratio, 2).padStart(12) : "           -"} | <= ${target}x  | ${cpu}`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const big = results.filter((r) => r.n === Math.max(...sizes));
  for (const r of big) console.log(`Peak resident memory of wsf allocate at ${r.n.toLocaleString("en-US")} schools (.${r.kind}): ${fmt(r.wsfRssMb, 0)} MB (target < 1,024 MB)`);
  return results;
}

/** The numpy baseline: every statistic of EQUITYTABLE, with the same conventions, timed best of `runs`. */
const NUMPY_EQUITY = `
import numpy as np, sys, time
d = sys.argv[1]
x = np.fromfile(d + "/values.f64"); w = np.fromfile(d + "/weights.f64"); f = np.fromfile(d + "/poverty.f64")
def stats(x, w, f):
    W = w.sum(); S = np.dot(w, x); mu = S / W
    o = np.argsort(x, kind="stable"); xs = x[o]; ws = w[o]; c = np.cumsum(ws)
    def pct(p):
        t = p * W * (1 - 1e-12)
        return xs[np.searchsorted(c, t, side="left") if t > 0 else np.searchsorted(c, 0, side="right")]
    med = pct(0.5); p5 = pct(0.05); p95 = pct(0.95)
    pos = w > 0; rng = x[pos].max() - x[pos].min()
    dx = x - mu; var = np.dot(w, dx * dx) / W; cv = np.sqrt(var) / mu
    below = xs < med; mcl = np.dot(ws[below], xs[below]) / (med * ws[below].sum())
    above = xs > med; ver = np.dot(ws[above], xs[above]) / (med * ws[above].sum())
    gini = np.dot(ws * xs, 2 * c - ws) / (W * S) - 1
    r = x / mu; lr = np.log(r); theil = np.dot(w, r * lr) / W; mld = -np.dot(w, lr) / W
    atk = 1 - (np.dot(w, np.sqrt(r)) / W) ** 2
    lx = np.log(x); dl = lx - np.dot(w, lx) / W; sdl = np.sqrt(np.dot(w, dl * dl) / W)
    df = f - np.dot(w, f) / W; cov = np.dot(w, dx * df) / W; vf = np.dot(w, df * df) / W
    corr = cov / np.sqrt(var * vf); slope = cov / vf
    lf = np.log(f); dlf = lf - np.dot(w, lf) / W; el = np.dot(w, dl * dlf) / np.dot(w, dlf * dlf)
    op = np.argsort(f, kind="stable"); wp = w[op]; xp = x[op]; ends = np.cumsum(wp); starts = ends - wp; q = W / 4
    def gmean(lo, hi):
        share = np.clip(np.minimum(ends, hi) - np.maximum(starts, lo), 0, None); return np.dot(share, xp) / share.sum()
    prog = gmean(3 * q, np.inf) / gmean(0, q)
    pw = w * f; nw = w * (1 - f); pnp = (np.dot(pw, x) / pw.sum()) / (np.dot(nw, x) / nw.sum())
    return [mu, med, p5, p95, rng, p95 - p5, (p95 - p5) / p5, cv, mcl, ver, gini, theil, mld, atk, sdl, corr, slope, el, prog, pnp]
def threads():
    # This process's threads (numpy's BLAS keeps a pool of workers, one per core by default).
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("Threads:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0
# One timed computation per line read, so that the bench alternates it with EQUITYTABLE's runs (both then
# see the same load on a shared machine); wall and CPU milliseconds (CPU of every thread), threads, figures.
print("ready", flush=True)
for line in sys.stdin:
    if line.strip() != "run":
        break
    t = time.perf_counter(); c = time.process_time(); out = stats(x, w, f)
    wall = time.perf_counter() - t; cpu = time.process_time() - c
    print(wall * 1000, cpu * 1000, threads(), " ".join(repr(float(v)) for v in out), flush=True)
`;

/**
 * EQUITYTABLE against the numpy baseline on the same data, in alternating runs: numpy waits in a process of its
 * own, computes once per request, and each round times one EQUITYTABLE call (`run`, from a collected heap) and
 * one numpy computation back to back, the first of the two alternating from round to round. Timings taken minutes
 * apart on a shared machine differ by the load in between (ratios from 0.47 to 1.62 for the same code); runs
 * interleaved this way see the same load. Best of `runs` for each side, wall and CPU (every thread of each
 * process). numpy's BLAS may use several threads (the threads of its process are printed; not limited here).
 * The baseline's 20 figures must agree with the table's to 1e-6 (relative), or the comparison is void.
 */
export async function benchEquityVsNumpy({ n, values, weights, poverty, run, runs = 5 }) {
  const python = findPython(["numpy"]);
  if (!python) {
    console.log("\nnumpy not found (Debian: apt-get install python3-numpy): EQUITYTABLE vs numpy not measured");
    return null;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "wsf-bench-equity-"));
  let child = null;
  try {
    writeFileSync(path.join(dir, "values.f64"), Buffer.from(Float64Array.from(values).buffer));
    writeFileSync(path.join(dir, "weights.f64"), Buffer.from(Float64Array.from(weights).buffer));
    writeFileSync(path.join(dir, "poverty.f64"), Buffer.from(Float64Array.from(poverty).buffer));
    child = spawn(python, ["-c", NUMPY_EQUITY, dir], { stdio: ["pipe", "pipe", "inherit"] });
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const nextLine = async () => {
      const { value, done } = await lines.next();
      if (done) throw new Error("the numpy baseline stopped before answering");
      return value;
    };
    if ((await nextLine()) !== "ready") throw new Error("the numpy baseline did not start");
    const numpyRun = async () => {
      child.stdin.write("run\n");
      const [ms, cpuMs, threads, ...figures] = (await nextLine()).trim().split(/\s+/).map(Number);
      return { ms, cpuMs, threads, figures };
    };
    const tableRun = () => {
      globalThis.gc?.();
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      const table = run();
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const c = process.cpuUsage(c0);
      return { ms, cpuMs: (c.user + c.system) / 1000, table };
    };
    const wsf = { ms: Infinity, cpuMs: Infinity, table: null };
    const numpy = { ms: Infinity, cpuMs: Infinity, threads: 0, figures: null };
    const pairs = [];
    for (let r = 0; r < runs; r++) {
      let t;
      let p;
      if (r % 2 === 0) {
        t = tableRun();
        p = await numpyRun();
      } else {
        p = await numpyRun();
        t = tableRun();
      }
      wsf.ms = Math.min(wsf.ms, t.ms);
      wsf.cpuMs = Math.min(wsf.cpuMs, t.cpuMs);
      wsf.table = t.table;
      numpy.ms = Math.min(numpy.ms, p.ms);
      numpy.cpuMs = Math.min(numpy.cpuMs, p.cpuMs);
      numpy.threads = Math.max(numpy.threads, p.threads);
      numpy.figures = p.figures;
      pairs.push(t.ms / p.ms);
    }
    wsf.table.forEach(([metric, value], k) => {
      const expected = numpy.figures[k];
      if (!(Math.abs(value - expected) <= 1e-6 * Math.max(1, Math.abs(expected)))) throw new Error(`numpy baseline ${metric} = ${expected} differs from EQUITYTABLE's ${value}`);
    });
    const ratio = wsf.ms / numpy.ms;
    const cpuRatio = wsf.cpuMs / numpy.cpuMs;
    console.log(
      `\nEQUITYTABLE at ${n.toLocaleString("en-US")} schools (20 statistics, poverty given) vs numpy computing the same 20 figures (agree to 1e-6), ${runs} alternating runs, best of each:`,
    );
    console.log(`  wall: ${fmt(wsf.ms)} ms through the functions layer vs numpy ${fmt(numpy.ms)} ms: ratio ${fmt(ratio, 2)} (target <= 1.0)`);
    console.log(`  CPU (every thread): ${fmt(wsf.cpuMs)} ms vs numpy ${fmt(numpy.cpuMs)} ms: ratio ${fmt(cpuRatio, 2)}`);
    console.log(`  wall ratio of each round: ${pairs.map((x) => fmt(x, 2)).join(", ")}; numpy's process had ${numpy.threads} threads (its BLAS pool on ${os.cpus().length} cores, not limited), load average ${os.loadavg().map((x) => fmt(x, 2)).join(" ")}`);
    return { tableMs: wsf.ms, numpyMs: numpy.ms, ratio, cpuRatio, rounds: pairs };
  } finally {
    child?.stdin.end();
    child?.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf("--sizes");
  const sizes = i > 0 ? process.argv[i + 1].split(",").map(Number) : undefined;
  if (!existsSync(path.join(root, "node_modules/typescript"))) throw new Error("run npm ci first");
  await benchCliAllocate({ sizes });
}
