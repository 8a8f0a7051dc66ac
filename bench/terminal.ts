/**
 * HQ terminal benchmark (`npm run bench:terminal -- [--movements 1000000] [--sites 50] [--reps 3]
 * [--postings 30] [--posting-budget 300] [--load-ms 1000] [--baseline 41090c3] [--candidate <dir>]
 * [--fresh]`): an HQ terminal in real Chromium on an on-disk
 * profile holding a year of trading at every site, measured on two renderers in the same run —
 * the baseline built from a git ref and the candidate built from this checkout as it is on disk —
 * both built with VITE_LARDER_BENCH=1 and served in turn from one origin, so they open the same
 * IndexedDB:
 *   (a) cold open: browser start to the stock screen showing figures;
 *   (b) JS heap after the open (after a forced GC);
 *   (c) the KPI dashboard (last four weeks): navigation to its figures;
 *   (d) a 20-line goods receipt posted at HQ while another client keeps pushing deliveries, so
 *       the terminal streams and pulls meanwhile (median and p95 of the command's own measure).
 * The candidate's first open of a store the baseline wrote may upgrade it (a persisted projection,
 * a migration); that open is timed on its own before the candidate's cold open. Figures are
 * medians over the repetitions, printed beside the baseline's with the ratio and the goal.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '../tests/support/endpoint-process';
import { percentile } from './lib/stats';
import { coldOpen, heapAfterGc, kpis, timedCommand, waitForBenchHook, type Terminal } from './terminal/browser';
import { buildBaseline, buildCandidate, type RendererBuild } from './terminal/builds';
import { buildCache, cacheDir, openWorkspace, readCache, type CachedFixture } from './terminal/cache';
import { startLoad } from './terminal/load';
import { COMMAND, LINES, receiptInputs } from './terminal/posting';
import { printTable, Results, shortReason, type BuildLabel, type Metric } from './terminal/report';
import { startRendererServer, type RendererServer } from './terminal/serve';

const { values } = parseArgs({
  options: {
    movements: { type: 'string', default: '1000000' },
    sites: { type: 'string', default: '50' },
    reps: { type: 'string', default: '3' },
    postings: { type: 'string', default: '30' },
    'load-ms': { type: 'string', default: '1000' },
    'posting-budget': { type: 'string', default: '300' },
    baseline: { type: 'string', default: '41090c3' },
    // Another checkout to build the candidate from (default: this one), e.g. a colleague's worktree.
    candidate: { type: 'string' },
    fresh: { type: 'boolean', default: false },
  },
});
const MOVEMENTS = Number(values.movements);
const SITES = Number(values.sites);
const REPS = Number(values.reps);
const POSTINGS = Math.max(30, Number(values.postings));
/** How often the other client pushes a 20-line delivery (about 60 records) while postings are timed. */
const LOAD_MS = Number(values['load-ms']);
if (![MOVEMENTS, SITES, REPS].every((n) => Number.isInteger(n) && n > 0))
  throw new Error('--movements, --sites and --reps are positive integers');
if (SITES < 3) throw new Error('--sites needs at least 3 (HQ, a kitchen, a store)');

const log = (line: string) => process.stdout.write(`${line}\n`);
/** Long enough for a 1M-movement store on a busy two-core machine; a hang still ends. */
const OPEN_TIMEOUT = Math.max(120_000, MOVEMENTS * 0.6);
/** The candidate's first open may rebuild what it keeps (a projection of every movement): longer. */
const UPGRADE_TIMEOUT = Math.max(1_200_000, MOVEMENTS * 3);
/** Seconds of postings per build and repetition: at today's seconds per posting, 30 would take an hour at 1M. */
const POSTING_BUDGET = Number(values['posting-budget']) * 1000;
const POSTING_TIMEOUT = Math.max(120_000, MOVEMENTS * 0.3);

const tableRows: (Metric & { baselineKey?: string })[] = [
  { key: 'open', label: 'cold open → stock figures', unit: 'ms', goal: { max: 2000, text: '≤ 2 s' } },
  { key: 'upgrade', baselineKey: 'open', label: 'first open after upgrade', unit: 'ms', goal: { max: 2000, text: '≤ 2 s' } },
  { key: 'heap', label: 'JS heap after open', unit: 'MB', goal: { max: 300, text: '≤ 300 MB' } },
  { key: 'kpi', label: 'KPIs (4 weeks) → figures', unit: 'ms', goal: { max: 1000, text: '≤ 1 s' } },
  { key: 'kpiComputed', label: '  of which computation', unit: 'ms' },
  { key: 'postFirst', label: 'first posting after open', unit: 'ms' },
  { key: 'postP50', label: 'posting median', unit: 'ms' },
  { key: 'postP95', label: 'posting p95', unit: 'ms', goal: { max: 50, text: '≤ 50 ms' } },
];

async function measureOpenTerminal(
  results: Results,
  build: BuildLabel,
  terminal: Terminal,
  cache: CachedFixture,
  endpointUrl: string,
): Promise<void> {
  const { page } = terminal;
  await results.attempt(build, ['heap'], async () => {
    const mb = (await heapAfterGc(page)) / 1e6;
    results.add(build, 'heap', mb);
    log(`  ${build}: JS heap after open ${mb.toFixed(0)} MB`);
  });
  await results.attempt(build, ['kpi', 'kpiComputed'], async () => {
    const shown = await kpis(page, OPEN_TIMEOUT);
    results.add(build, 'kpi', shown.ms);
    if (shown.computedMs !== null) results.add(build, 'kpiComputed', shown.computedMs);
    log(`  ${build}: KPIs shown ${shown.ms.toFixed(0)} ms after navigation ("${shown.text}")`);
  });
  await results.attempt(build, ['postFirst', 'postP50', 'postP95'], async () => {
    // Posted from the goods-receipt screen, where a user posts one (the screen on show re-renders
    // with every write, so it is part of what a posting costs).
    await page.evaluate("location.hash = '#/goods-receipts'");
    await page.getByTestId('section-goods-receipts').waitFor({ timeout: OPEN_TIMEOUT });
    await waitForBenchHook(page, OPEN_TIMEOUT);
    const input = receiptInputs(cache.today);
    const load = startLoad({
      endpointUrl,
      token: cache.fixture.kitchenToken,
      siteId: cache.fixture.kitchenId,
      everyMs: LOAD_MS,
      today: cache.today,
    });
    const times: number[] = [];
    let deadline = Infinity;
    try {
      await page.waitForTimeout(1_000); // the stream is busy before the first posting
      // The first posting after an open is reported on its own: code and data it touches are cold.
      const first = await timedCommand(page, COMMAND, input(0), POSTING_TIMEOUT);
      results.add(build, 'postFirst', first);
      log(`  ${build}: first posting after open ${first.toFixed(0)} ms`);
      deadline = Date.now() + POSTING_BUDGET;
      for (let n = 1; n <= POSTINGS && Date.now() < deadline; n++) {
        if (terminal.crashed()) throw new Error('renderer crashed');
        times.push(await timedCommand(page, COMMAND, input(n), POSTING_TIMEOUT));
        if (n % 10 === 0)
          log(
            `  ${build}: ${n} postings, latest ${times
              .slice(-10)
              .map((t) => t.toFixed(0))
              .join(' ')} ms`,
          );
        await page.waitForTimeout(150);
      }
    } finally {
      const pushed = await load.stop();
      log(
        `  ${build}: ${times.length} postings after the first while another client pushed ${pushed.receipts} deliveries (${pushed.records} records)` +
          (pushed.errors.length ? `; load errors: ${pushed.errors.join(' | ')}` : ''),
      );
    }
    if (times.length === 0) throw new Error(`no posting after the first within the ${POSTING_BUDGET / 1000} s budget`);
    if (times.length < POSTINGS)
      results.note(
        `${build}: only ${times.length} of ${POSTINGS} postings fitted in the ${POSTING_BUDGET / 1000} s budget (--posting-budget)`,
      );
    results.add(build, 'postP50', percentile(times, 50));
    results.add(build, 'postP95', percentile(times, 95));
    log(`  ${build}: posting median ${percentile(times, 50).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms`);
  });
}

async function runBuild(
  results: Results,
  build: RendererBuild & { label: BuildLabel },
  server: RendererServer,
  profile: string,
  cache: CachedFixture,
  endpointUrl: string,
): Promise<void> {
  server.serve(build.dir);
  if (build.label === 'candidate') {
    // The first open of a store the baseline wrote: whatever the new code builds or migrates once.
    await results.attempt('candidate', ['upgrade'], async () => {
      const { terminal, ms } = await coldOpen(profile, server.url, UPGRADE_TIMEOUT);
      // Let whatever the new code writes once (a persisted projection) finish before the browser closes.
      await waitForBenchHook(terminal.page, OPEN_TIMEOUT).catch(() => undefined);
      await terminal.page.waitForTimeout(5_000);
      await terminal.close();
      results.add('candidate', 'upgrade', ms);
      log(`  candidate: first open after upgrade ${(ms / 1000).toFixed(2)} s`);
    });
  }
  const opened = await results.attempt(build.label, ['open', 'heap', 'kpi', 'kpiComputed', 'postP50', 'postP95'], () =>
    coldOpen(profile, server.url, OPEN_TIMEOUT),
  );
  if (!opened) return;
  log(`  ${build.label}: cold open ${(opened.ms / 1000).toFixed(2)} s`);
  results.add(build.label, 'open', opened.ms);
  try {
    await measureOpenTerminal(results, build.label, opened.terminal, cache, endpointUrl);
  } finally {
    await opened.terminal.close();
  }
}

async function main(): Promise<void> {
  const buildsRoot = mkdtempSync(path.join(os.tmpdir(), 'larder-bench-terminal-builds-'));
  const workRoot = mkdtempSync(path.join(os.tmpdir(), 'larder-bench-terminal-work-'));
  let server: RendererServer | null = null;
  try {
    log(
      `building the baseline renderer (${values.baseline}) and the candidate (${values.candidate ?? 'this checkout'}), VITE_LARDER_BENCH=1…`,
    );
    const baseline = { ...buildBaseline(values.baseline, buildsRoot), label: 'baseline' as const };
    const candidate = { ...buildCandidate(buildsRoot, values.candidate), label: 'candidate' as const };
    const dir = cacheDir(MOVEMENTS, SITES, baseline.describes.replace(/.*\((\w+)\)$/, '$1'));
    let cache = values.fresh ? null : readCache(dir);
    if (cache) {
      // The profile's IndexedDB belongs to this origin: another port would be another, empty store.
      server = await startRendererServer(cache.staticPort).catch((error: unknown) => {
        throw new Error(
          `port ${cache?.staticPort} of the cached profile's origin is taken (${String(error)}); free it or run with --fresh`,
        );
      });
      log(`reusing the seeded endpoint and synced profile in ${dir} (--fresh rebuilds them)`);
    } else {
      const staticPort = await freePort();
      server = await startRendererServer(staticPort);
      try {
        cache = await buildCache({ dir, movements: MOVEMENTS, sites: SITES, staticPort, server, baseline, log });
      } catch (error) {
        // The baseline may not survive the first sync of a big store (memory): that is a finding too.
        const failed = new Results();
        for (const row of tableRows)
          for (const build of ['baseline', 'candidate'] as const) failed.fail(build, row.key, `no first sync: ${shortReason(error)}`);
        log(`\nthe first sync of ${MOVEMENTS.toLocaleString('en')} movements into the baseline terminal failed: ${String(error)}\n`);
        printTable(failed, tableRows);
        return;
      }
    }
    const results = new Results();
    for (let rep = 1; rep <= REPS; rep++) {
      log(`rep ${rep}/${REPS}`);
      const workspace = await openWorkspace(cache, workRoot);
      // The endpoint is a process group of its own: Ctrl-C here must not leave it running.
      const interrupted = () => void workspace.remove().finally(() => process.exit(130));
      process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
      try {
        await runBuild(results, baseline, server, workspace.profile, cache, workspace.endpoint.url);
        await runBuild(results, candidate, server, workspace.profile, cache, workspace.endpoint.url);
      } finally {
        process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
        await workspace.remove();
      }
    }
    const { counts } = cache.fixture;
    log(
      `\nmedians of ${REPS} (HQ terminal, Chromium, IndexedDB on disk; ${counts.movements.toLocaleString('en')} movements, ` +
        `${counts.documents.toLocaleString('en')} documents, ${counts.batches.toLocaleString('en')} batches, ` +
        `${counts.journal.toLocaleString('en')} journal entries at ${SITES} sites over a year)`,
    );
    log(`baseline: ${baseline.describes}; candidate: ${candidate.describes}`);
    log(
      `seeding ${(cache.seedMs / 1000).toFixed(1)} s, first sync of the HQ terminal ${(cache.firstSyncMs / 1000).toFixed(1)} s (when the cache was built)`,
    );
    log(
      `posting: ${COMMAND} with ${LINES} lines at HQ (a stock posting HQ may make), ${POSTINGS} per rep after the first, from the goods-receipt screen, while a kitchen client pushes a 20-line delivery every ${LOAD_MS} ms\n`,
    );
    printTable(results, tableRows);
  } finally {
    await server?.close();
    rmSync(buildsRoot, { recursive: true, force: true });
    rmSync(workRoot, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
