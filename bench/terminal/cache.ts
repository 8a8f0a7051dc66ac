// The seeded endpoint and the HQ terminal's synced profile, kept in a temporary directory keyed
// by the fixture's size and the baseline commit (the baseline writes the profile), so a re-run
// skips seeding and the first sync. Each repetition works on copies of both: a posting, the load
// client's pushes or the candidate's upgrade of the store must not leak into the next one.
// IndexedDB belongs to an origin and the pairing names the endpoint's URL, so the two ports are
// part of the cache too.
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chinaToday } from '../../scripts/demo-seed';
import { freePort, pairingFragment, startEndpointProcess, type EndpointProcess } from '../../tests/support/endpoint-process';
import { launchTerminal, waitForFirstSync } from './browser';
import type { RendererBuild } from './builds';
import { seedFixture, type SeededFixture } from './fixture';
import type { RendererServer } from './serve';

export interface CachedFixture {
  dir: string;
  endpointPort: number;
  staticPort: number;
  today: string;
  fixture: Omit<SeededFixture, 'ms'>;
  seedMs: number;
  firstSyncMs: number;
}

/** The endpoint as the bench runs it: no rate limit (the load client and the first sync are not abuse). */
export const endpointEnv = { LARDER_RATE_LIMIT: 'off' };

export function cacheDir(movements: number, sites: number, baselineCommit: string): string {
  return path.join(os.tmpdir(), `larder-bench-terminal-${movements}m-${sites}s-${baselineCommit}`);
}

export function readCache(dir: string): CachedFixture | null {
  const meta = path.join(dir, 'meta.json');
  if (!existsSync(meta) || !existsSync(path.join(dir, 'profile')) || !existsSync(path.join(dir, 'endpoint'))) return null;
  return JSON.parse(readFileSync(meta, 'utf8')) as CachedFixture;
}

/**
 * Seeds a fresh endpoint, lets the baseline terminal pair and pull all of it into a fresh
 * profile (timed: the first sync), and keeps both. `server` must already listen on `staticPort`.
 */
export async function buildCache(options: {
  dir: string;
  movements: number;
  sites: number;
  staticPort: number;
  server: RendererServer;
  baseline: RendererBuild;
  log(line: string): void;
}): Promise<CachedFixture> {
  const { dir, log } = options;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'endpoint'), { recursive: true });
  // Holds terminal tokens: readable by this user only, as the launcher keeps its own.
  chmodSync(dir, 0o700);
  const today = chinaToday();
  log(`seeding ${options.movements.toLocaleString('en')} movements at ${options.sites} sites over a year up to ${today}…`);
  const seeded = await seedFixture(path.join(dir, 'endpoint'), { movements: options.movements, sites: options.sites, today, log });
  const { ms: seedMs, ...fixture } = seeded;
  log(`seeded in ${(seedMs / 1000).toFixed(1)} s: ${JSON.stringify(fixture.counts)}`);
  const endpointPort = await freePort();
  const endpoint = await startEndpointProcess({ dataDir: path.join(dir, 'endpoint'), port: endpointPort, env: endpointEnv });
  try {
    options.server.serve(options.baseline.dir);
    const profile = path.join(dir, 'profile');
    log('first sync of the HQ terminal (baseline build) into a fresh on-disk profile…');
    const started = performance.now();
    const terminal = await launchTerminal(profile);
    try {
      await terminal.page.goto(`${options.server.url}/${pairingFragment(endpoint.url, fixture.hqToken)}`);
      await waitForFirstSync(terminal, Math.max(600_000, options.movements * 5), (text) => log(`  first sync: ${text}`));
    } finally {
      await terminal.close();
    }
    const firstSyncMs = performance.now() - started;
    log(`first sync took ${(firstSyncMs / 1000).toFixed(1)} s (browser start to the header's first sync ended)`);
    const cached: CachedFixture = { dir, endpointPort, staticPort: options.staticPort, today, fixture, seedMs, firstSyncMs };
    writeFileSync(path.join(dir, 'meta.json'), JSON.stringify(cached, null, 2), { mode: 0o600 });
    return cached;
  } finally {
    await endpoint.stop({ keepData: true });
  }
}

export interface RepWorkspace {
  profile: string;
  endpoint: EndpointProcess;
  remove(): Promise<void>;
}

/** Copies of the cached endpoint and profile, with the endpoint started on its cached port. */
export async function openWorkspace(cache: CachedFixture, workRoot: string): Promise<RepWorkspace> {
  const work = path.join(workRoot, 'rep');
  rmSync(work, { recursive: true, force: true });
  cpSync(path.join(cache.dir, 'endpoint'), path.join(work, 'endpoint'), { recursive: true });
  cpSync(path.join(cache.dir, 'profile'), path.join(work, 'profile'), { recursive: true });
  const endpoint = await startEndpointProcess({ dataDir: path.join(work, 'endpoint'), port: cache.endpointPort, env: endpointEnv });
  return {
    profile: path.join(work, 'profile'),
    endpoint,
    async remove() {
      await endpoint.stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
