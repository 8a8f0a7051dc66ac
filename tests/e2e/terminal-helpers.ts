// Helpers for the purchasing and finance specs. Other runs on this machine rebuild dist/ while a
// spec runs; a page loaded before a rebuild then fails to fetch its lazy chunks (new hashes) and
// goes blank. So these specs serve a private snapshot of dist/, taken once per worker.
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { rendererDist } from '../../scripts/renderer-build';
import { startDemoEndpoint, type DemoEndpoint } from '../support/demo-endpoint';
import { pairingFragment } from '../support/endpoint-process';
import { runAll, siteClockInstant, test as base } from './fixtures';
import { watchCspViolations } from './csp-watch';
import { watchWriteScope } from './write-scope-watch';

/** A complete copy of dist/: every asset index.html names exists (retried if a rebuild was mid-way). */
function snapshotDist(): string {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const target = mkdtempSync(path.join(os.tmpdir(), 'larder-dist-'));
    try {
      cpSync(rendererDist, target, { recursive: true });
      const html = readFileSync(path.join(target, 'index.html'), 'utf8');
      const assets = [...html.matchAll(/(?:src|href)="(?:\.\/|\/)?(assets\/[^"]+)"/g)].map((match) => match[1] ?? '');
      if (assets.length > 0 && assets.every((asset) => existsSync(path.join(target, asset)))) return target;
    } catch {
      // a rebuild removed files while copying: try again
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3_000);
  }
  throw new Error('could not snapshot a complete dist/');
}

async function privateDemo({}: object, use: (demo: DemoEndpoint) => Promise<void>): Promise<void> {
  const demo = await startDemoEndpoint({ staticDir: snapshotDist() });
  await use(demo);
  await demo.endpoint.stop();
}

interface TerminalFixtures {
  /** A terminal of a demo site in its own browser context (its own IndexedDB), as fixtures.ts's demoTerminal. */
  terminal(siteId: string, options?: { locale?: string }): Promise<Page>;
}

/** The demo organisation behind a private dist snapshot, and terminals paired to it (browser host). */
export const test = base.extend<TerminalFixtures, { privateDemo: DemoEndpoint }>({
  privateDemo: [privateDemo, { scope: 'worker', timeout: 120_000 }],
  terminal: async ({ privateDemo: demo, browser }, use) => {
    const contexts: BrowserContext[] = [];
    const checks: (() => Promise<void>)[] = [];
    await use(async (siteId, options = {}) => {
      const token = demo.tokens[siteId];
      if (!token) throw new Error(`no demo terminal for site ${siteId}`);
      const context = await browser.newContext({ locale: options.locale ?? 'en-US', viewport: { width: 1280, height: 800 } });
      contexts.push(context);
      const page = await context.newPage();
      checks.push(watchWriteScope(page), watchCspViolations(page));
      await page.goto(`${demo.endpoint.url}/${pairingFragment(demo.endpoint.url, token)}`);
      return page;
    });
    await runAll([...checks, ...contexts.map((context) => () => context.close())]);
  },
});

/** Navigates the app to `route` (e.g. `dispatch` or `kitchen/plan`) and waits for its section. */
export async function go(page: Page, route: string): Promise<void> {
  await page.evaluate((hash) => {
    location.hash = hash;
  }, `#/${route}`);
  await expect(page.getByTestId(`section-${route.split('/')[0]}`)).toBeVisible({ timeout: 30_000 });
}

export async function openTerminal(open: () => Promise<Page>): Promise<Page> {
  const page = await open();
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const ready = await page
      .getByTestId('header-site')
      .isVisible()
      .catch(() => false);
    if (ready) break;
    await page.waitForTimeout(3_000);
    if (
      await page
        .getByText('404 Not Found')
        .isVisible()
        .catch(() => false)
    )
      await page.reload();
  }
  await expect(page.getByTestId('header-site')).toBeVisible({ timeout: 30_000 });
  // Figures are only comparable once the first sync is complete: no progress shown, twice in a row.
  let quiet = 0;
  for (let waited = 0; waited < 180 && quiet < 2; waited += 2) {
    const syncing = await page.getByTestId('sync-initial').isVisible();
    const synced = await page.getByTestId('sync-last').isVisible();
    quiet = !syncing && synced ? quiet + 1 : 0;
    await page.waitForTimeout(2_000);
  }
  return page;
}

/** antd puts data-testid on the input for some controls and on a wrapper for others. */
export async function fill(page: Page, testId: string, value: string): Promise<void> {
  const element = page.getByTestId(testId);
  const input = (await element.evaluate((node) => node.tagName)) === 'INPUT' ? element : element.locator('input').first();
  await input.fill(value);
}

export async function choose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
  await page.keyboard.press('Enter');
}

export function moneyOf(text: string | null): number {
  return Number((text ?? '').replace(/[^0-9.-]/g, ''));
}

/** A terminal of a spec's own endpoint: a fresh browser context in UTC, the site's clock at 23:30 of day 0, paired by its token. */
export async function openPairedTerminal(browser: Browser, url: string, token: string, locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, timezoneId: 'UTC', viewport: { width: 1280, height: 800 } });
  await context.clock.install({ time: siteClockInstant({ day: 0, time: '23:30' }) });
  const page = await context.newPage();
  await page.goto(`${url}/${pairingFragment(url, token)}`);
  return page;
}

/**
 * Resizes the window and waits for the navigation to settle (folded to its icons below 1200 px)
 * before a screenshot, so the picture is the layout a user sees, not the fold's animation.
 */
export async function atViewport(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  const sider = page.locator('.ant-layout-sider');
  if ((await sider.count()) === 0) return;
  await expect(sider).toHaveCSS('width', size.width < 1200 ? '64px' : '240px');
  // The menu's groups fold with a short motion after the width has changed.
  await expect(page.locator('.ant-layout-sider .ant-motion-collapse, .ant-layout-sider [class*="-leave"]')).toHaveCount(0);
  await page.waitForTimeout(300);
}
