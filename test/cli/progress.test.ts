import { terminalProgress } from "../../src/cli/progress";

/** A stand-in for standard error: records what is written; `isTTY` says whether it is a terminal. */
function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: () => string } {
  let text = "";
  const stream = {
    isTTY,
    columns: 100,
    write: (chunk: string) => {
      text += chunk;
      return true;
    },
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
    on: () => stream,
    removeListener: () => stream,
  } as unknown as NodeJS.WriteStream;
  return { stream, written: () => text };
}

const wait = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

describe("terminalProgress", () => {
  it("writes nothing when standard error is not a terminal (piped or redirected), however long the work", async () => {
    const { stream, written } = fakeStream(false);
    const progress = terminalProgress(stream, 5);
    progress.start("Writing", 100_000);
    for (let i = 0; i < 100_000; i++) progress.tick(1);
    await wait(60);
    progress.stop();
    expect(written()).toBe("");
  });

  it("writes nothing on a terminal for work shorter than the delay", async () => {
    const { stream, written } = fakeStream(true);
    const progress = terminalProgress(stream, 200);
    progress.start("Writing", 10);
    progress.tick(10);
    progress.stop();
    await wait(250);
    expect(written()).toBe("");
  });

  it("shows a bar on a terminal once the work takes longer than the delay", async () => {
    const { stream, written } = fakeStream(true);
    const progress = terminalProgress(stream, 5);
    progress.start("Writing", 4096);
    progress.tick(2048);
    await wait(60);
    progress.tick(2048);
    progress.stop();
    expect(written()).toMatch(/Writing \[/);
  });
});
