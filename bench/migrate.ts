/**
 * Migration benchmark (`tsx bench/migrate.ts [--movements 100000] [--reps 3]`): how long an
 * upgraded terminal holding a big store waits behind the "升级本地数据" banner. In real Chromium on
 * an on-disk profile, a store written by the v0 app (movements with their v0 indexes, on the
 * Dexie storage the app ships) is opened by the current code, which migrates it on open
 * (renderer/db/database.ts). Baseline, same run: writing the same movements into a fresh store
 * (what a first sync writes), printed beside it as a ratio.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../playwright.config';
import { buildHeadlessPage, serveStatic } from '../tests/chaos/terminals';
import { median } from './lib/stats';

const { values } = parseArgs({ options: { movements: { type: 'string', default: '100000' }, reps: { type: 'string', default: '3' } } });
const MOVEMENTS = Number(values.movements);
const REPS = Number(values.reps);

type MigrationProgress = { handled: number; total: number };
interface BenchPage {
  seedV0(name: string, n: number): Promise<true>;
  openUpgraded(name: string): Promise<{ ms: number; updates: number; last: MigrationProgress | null; movements: number }>;
  freshInsert(name: string, n: number): Promise<number>;
}

const call = <K extends keyof BenchPage>(page: Page, method: K, ...args: Parameters<BenchPage[K]>) =>
  page.evaluate(
    ({ method, args }) =>
      (globalThis as unknown as { bench: Record<string, (...a: unknown[]) => Promise<unknown>> }).bench[method]!(...args),
    { method, args: args as unknown[] },
  ) as ReturnType<BenchPage[K]>;

async function main(): Promise<void> {
  const dir = await buildHeadlessPage(path.join(import.meta.dirname, 'migrate-page'), 'larder-migrate-page-');
  const site = await serveStatic(dir);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'larder-migrate-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: chromiumArgs });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(site.url);
    await page.waitForFunction(() => 'bench' in globalThis, undefined, { timeout: 20_000 });
    const migrations: number[] = [];
    const fresh: number[] = [];
    for (let rep = 0; rep < REPS; rep++) {
      await call(page, 'seedV0', `migrate${rep}`, MOVEMENTS);
      const opened = await call(page, 'openUpgraded', `migrate${rep}`);
      if (opened.movements !== MOVEMENTS) throw new Error(`migration kept ${opened.movements} of ${MOVEMENTS} movements`);
      const insert = await call(page, 'freshInsert', `fresh${rep}`, MOVEMENTS);
      migrations.push(opened.ms);
      fresh.push(insert);
      const banner = opened.last ? `${opened.last.handled} / ${opened.last.total}` : 'never shown';
      process.stdout.write(
        `rep ${rep + 1}: open with migration ${(opened.ms / 1000).toFixed(1)} s (banner updated ${opened.updates}×, last ${banner}); fresh insert ${(insert / 1000).toFixed(1)} s\n`,
      );
    }
    const m = median(migrations);
    const f = median(fresh);
    process.stdout.write(`\nmedians of ${REPS} (${MOVEMENTS} movements, Chromium, Dexie on disk):\n`);
    process.stdout.write(`open with migration   ${(m / 1000).toFixed(1)} s (${Math.round(MOVEMENTS / (m / 1000))} movements/s)\n`);
    process.stdout.write(`baseline fresh insert ${(f / 1000).toFixed(1)} s  ratio ${(m / f).toFixed(2)}\n`);
  } finally {
    await context.close();
    await site.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
