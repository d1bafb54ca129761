import cliProgress from "cli-progress";

/** Progress of long work, shown on a terminal only. */
export interface Progress {
  /** Starts a phase; `total` 0 when the amount of work is not known in advance (rows of an .xlsx). */
  start(label: string, total: number): void;
  tick(amount: number): void;
  stop(): void;
}

/** Shows nothing: output piped or redirected, tests, `--quiet`. */
export const silentProgress: Progress = { start: () => undefined, tick: () => undefined, stop: () => undefined };

/**
 * A progress bar on standard error (cli-progress) that appears only when standard error is a terminal and a
 * phase has taken more than `delayMs` (one second by default), so short runs and piped output stay clean.
 *
 * @throws nothing.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr, delayMs = 1000): Progress {
  if (!stream.isTTY) return silentProgress;
  let bar: cliProgress.SingleBar | null = null;
  let timer: NodeJS.Timeout | null = null;
  let value = 0;
  let total = 0;
  let label = "";
  const show = (): void => {
    const format = total > 0 ? `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}` : `${label} {value} rows | {duration_formatted}`;
    bar = new cliProgress.SingleBar({ format, stream, hideCursor: true, clearOnComplete: true, fps: 10 }, cliProgress.Presets.shades_classic);
    bar.start(total, value);
  };
  const stop = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (bar) bar.stop();
    bar = null;
  };
  return {
    start(nextLabel, nextTotal) {
      stop();
      label = nextLabel;
      total = nextTotal;
      value = 0;
      timer = setTimeout(show, delayMs);
      timer.unref();
    },
    tick(amount) {
      value += amount;
      if (bar && (value & 1023) === 0) bar.update(value);
    },
    stop,
  };
}
