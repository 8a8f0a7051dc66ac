// The HQ terminal under test: real Chromium on an on-disk profile (a persistent context, so the
// store is IndexedDB on disk as in browser mode), and the steps the bench times on it.
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../playwright.config';

export interface Terminal {
  context: BrowserContext;
  page: Page;
  /** Set when the renderer process crashed (out of memory, most often). */
  crashed(): boolean;
  close(): Promise<void>;
}

/** The stock screen shows rows with figures: the first on-hand quantity cell of its table. */
const STOCK_FIGURE = '[data-testid="stock-table"] [data-testid="stock-qty"]';

export async function launchTerminal(profileDir: string): Promise<Terminal> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  let crashed = false;
  page.on('crash', () => {
    crashed = true;
  });
  return {
    context,
    page,
    crashed: () => crashed,
    close: () => context.close().catch(() => undefined),
  };
}

/**
 * Cold open: browser start, page load, the store opened and the stock screen showing figures.
 * The clock starts before Chromium does.
 */
export async function coldOpen(profileDir: string, url: string, timeoutMs: number): Promise<{ terminal: Terminal; ms: number }> {
  const started = performance.now();
  const terminal = await launchTerminal(profileDir);
  try {
    await terminal.page.goto(`${url}/#/stock`);
    await terminal.page.locator(STOCK_FIGURE).first().waitFor({ state: 'visible', timeout: timeoutMs });
    return { terminal, ms: performance.now() - started };
  } catch (error) {
    if (!terminal.crashed()) {
      // What the screen says instead (a banner, an error) is the first clue; the table has no room for it.
      const shown = await terminal.page.evaluate('document.body.innerText').catch(() => '');
      process.stdout.write(`  no stock figures; the page shows: ${String(shown).replace(/\s+/g, ' ').slice(0, 400)}\n`);
    }
    await terminal.close();
    throw terminal.crashed() ? new Error('renderer crashed') : error;
  }
}

/** Used JS heap after a full garbage collection (CDP), in bytes. */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize;
  } finally {
    await cdp.detach();
  }
}

/**
 * The KPI dashboard (its default range, the last four weeks) from navigation to its figures: set
 * in the page and timed there, so no protocol round trip is counted. Both builds show the
 * "computed in" line with the figures; its own figure (the computation alone) is returned too.
 */
export async function kpis(page: Page, timeoutMs: number): Promise<{ ms: number; computedMs: number | null; text: string }> {
  // A string, not a function: tsx wraps named functions in a `__name` helper the page lacks.
  const script = `new Promise((resolve, reject) => {
    const started = performance.now();
    location.hash = '#/reports';
    const check = () => {
      const shown = document.querySelector('[data-testid="kpi-ms"]');
      if (shown && document.querySelector('[data-testid^="kpi-card-"]')) {
        const computed = Number(shown.dataset.ms);
        resolve({ ms: performance.now() - started, computedMs: Number.isFinite(computed) ? computed : null, text: shown.textContent ?? '' });
      } else if (performance.now() - started > ${timeoutMs}) reject(new Error('KPI figures not shown in time'));
      else requestAnimationFrame(check);
    };
    check();
  })`;
  return page.evaluate(script) as Promise<{ ms: number; computedMs: number | null; text: string }>;
}

export interface BenchHookWindow {
  larderBench?: { ready(): boolean; run(name: string, input: unknown): Promise<unknown> };
}

export async function waitForBenchHook(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(() => (globalThis as BenchHookWindow).larderBench?.ready() === true, undefined, {
    timeout: timeoutMs,
    polling: 100,
  });
}

/** Runs one command through the app's executor and returns its `larder:command:<name>` measure. */
export async function timedCommand(page: Page, name: string, input: unknown, timeoutMs = 120_000): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  const run = page.evaluate(
    async ({ name, input }) => {
      const hook = (globalThis as BenchHookWindow).larderBench;
      if (!hook) throw new Error('no bench hook: was the renderer built with VITE_LARDER_BENCH=1?');
      await hook.run(name, input);
      const measures = performance.getEntriesByName(`larder:command:${name}`, 'measure');
      const last = measures.at(-1);
      if (!last) throw new Error(`no larder:command:${name} measure recorded`);
      performance.clearMeasures(`larder:command:${name}`);
      return last.duration;
    },
    { name, input },
  );
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits until the terminal's first sync is over: the header shows a last-sync time and no
 * first-sync progress, twice in a row two seconds apart (as tests/e2e/terminal-helpers.ts does).
 */
export async function waitForFirstSync(terminal: Terminal, timeoutMs: number, progress: (text: string) => void): Promise<void> {
  const { page } = terminal;
  const end = Date.now() + timeoutMs;
  let quiet = 0;
  let lastReport = 0;
  while (quiet < 2) {
    if (terminal.crashed()) throw new Error('renderer crashed during the first sync');
    if (Date.now() > end) throw new Error('first sync did not finish in time');
    const initial = page.getByTestId('sync-initial');
    const syncing = await initial.isVisible().catch(() => false);
    const synced = await page
      .getByTestId('sync-last')
      .isVisible()
      .catch(() => false);
    quiet = !syncing && synced ? quiet + 1 : 0;
    if (syncing && Date.now() - lastReport > 30_000) {
      lastReport = Date.now();
      progress((await initial.textContent().catch(() => '')) ?? '');
    }
    await page.waitForTimeout(2_000);
  }
}
