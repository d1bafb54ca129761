import type { Locator, Page } from "playwright-core";
import { openPlayground, type OpenPlayground } from "./browser";

/* The set-up every browser test file of the playground shares: one playground page opened before the file's
 * first test and closed after its last (the tests of a file run in order on that page, like one person's
 * session), and after every test the check that the page logged no console error and threw no page error. */

/** What differs between the test files' playground pages. */
export interface PlaygroundPageOptions {
  /** The browser window's size; openBrowser's 1440 x 900 when left out. */
  viewport?: { width: number; height: number };
  /** Appended to playground.html, e.g. "?schools=40" for a 40-school district generated afresh on every load. */
  query?: string;
  /** Opens on the first screen (Welcome.tsx), as a first-time visitor; otherwise as a returning one. */
  firstScreen?: boolean;
  /** Jest's timeout for opening the page (serving, starting Chromium, loading the district), in ms. */
  openTimeout?: number;
  /** Runs once the page is ready, before the first test: e.g. granting the clipboard permissions. */
  prepare?: (browser: OpenPlayground) => Promise<void>;
}

/** The file's playground, read inside tests and hooks (it opens in beforeAll). */
export interface PlaygroundPage {
  readonly browser: OpenPlayground;
  readonly page: Page;
  /** The task pane beside the grid. */
  readonly pane: Locator;
}

/**
 * Registers the file's beforeAll, afterAll and afterEach hooks for one playground page and returns the page,
 * to be read in the tests: `const playground = playgroundPage({ viewport: { width: 1440, height: 1000 } });`
 * at the top of the file, `const { page, pane } = playground;` in a test.
 */
export function playgroundPage(options: PlaygroundPageOptions = {}): PlaygroundPage {
  let opened: OpenPlayground | undefined;
  beforeAll(async () => {
    opened = await openPlayground(options.viewport, { firstScreen: options.firstScreen, query: options.query });
    await options.prepare?.(opened);
  }, options.openTimeout ?? 90_000);
  afterAll(async () => {
    await opened?.close();
  });
  afterEach(() => {
    if (opened) expect(opened.problems).toEqual([]);
  });
  const open = (): OpenPlayground => {
    if (!opened) throw new Error("The playground is not open: read its page in a test or hook, after beforeAll has opened it.");
    return opened;
  };
  return {
    get browser() {
      return open();
    },
    get page() {
      return open().page;
    },
    get pane() {
      return open().page.getByRole("complementary", { name: "Task pane" });
    },
  };
}
