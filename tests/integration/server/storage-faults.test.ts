/**
 * Storage failures an operator must hear about by name (SYNC-PROTOCOL.md v1.1, "Terminal status
 * and metrics", "Errors and limits"): a damaged database page and a full disk. Before, both were
 * a bare `500 {"error":"internal"}` and nothing was logged, since the logger was off.
 */
import { copyFileSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../server/app';
import { SqliteStorage } from '../../../server/storage/sqlite';
import { startEndpointProcess, type EndpointProcess } from '../../support/endpoint-process';
import { waitFor } from '../sync/clients';
import { movement, seedOrg, SyncClient } from './helpers';

const PAGE = 4096;
const NOW = '2026-03-01T08:00:00.000Z';

const endpoints: EndpointProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const e of endpoints.splice(0)) await e.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function endpointWithOrg(env: Record<string, string> = {}, dataDir?: string) {
  const endpoint = await startEndpointProcess({ env: { LARDER_RATE_LIMIT: 'off', ...env }, dataDir });
  endpoints.push(endpoint);
  return endpoint;
}

async function seedSites(endpoint: EndpointProcess): Promise<{ hq: string; s1: string }> {
  await endpoint.admin('site', 'add', '--id', 'hq', '--kind', 'hq', '--name', 'HQ');
  await endpoint.admin('site', 'add', '--id', 's1', '--kind', 'store', '--name', 'Store 1');
  const hq = await endpoint.addTerminal('hq', 'office');
  const s1 = await endpoint.addTerminal('s1', 'till');
  return { hq: hq.token, s1: s1.token };
}

interface ErrorLine {
  level: string;
  msg: string;
  reason?: string;
  status?: number;
  err?: { code?: string; message?: string };
}

function errorLines(output: string): ErrorLine[] {
  return output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as ErrorLine)
    .filter((l) => l.level === 'error' && l.msg.startsWith('request failed'));
}

/** The endpoint's error lines once one is there: pino writes asynchronously, after the answer. */
function loggedErrors(endpoint: EndpointProcess): Promise<ErrorLine[]> {
  return waitFor('an error line in the endpoint log', () => {
    const lines = errorLines(endpoint.output());
    return lines.length > 0 ? lines : undefined;
  });
}

/** Every file under `dir` whose name says it is temporary. */
function temporaryFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile() && /\.tmp$|tmp-|~$/.test(entry.name)) out.push(join(entry.parentPath, entry.name));
  return out;
}

/** A real store's event with `bytes` of free-form data, to fill the database quickly. */
function bigEvent(siteId: string, i: number, bytes: number) {
  return {
    id: `ev-${i}`,
    siteId,
    kind: 'notice',
    severity: 'info',
    at: NOW,
    message: `filler ${i}`,
    data: { filler: 'x'.repeat(bytes) },
    updatedAt: NOW,
  };
}

describe('storage faults on SQLite', () => {
  it('answers a damaged database page with 503 database-corrupt, logs it, and keeps serving the rest', async () => {
    const first = await endpointWithOrg();
    const tokens = await seedSites(first);
    const s1 = new SyncClient(first.url, tokens.s1);
    const rows = Array.from({ length: 300 }, (_, i) => movement('s1', { id: `mv-${String(i).padStart(4, '0')}`, docId: 'd'.repeat(40) }));
    for (let i = 0; i < rows.length; i += 100) await s1.insert('movements', rows.slice(i, i + 100));
    await first.stop({ keepData: true });
    dirs.push(first.dataDir);

    // A copy of the file, with every page that holds one movement overwritten by garbage.
    const copy = mkdtempSync(join(tmpdir(), 'larder-corrupt-'));
    dirs.push(copy);
    copyFileSync(join(first.dataDir, 'larder.sqlite'), join(copy, 'larder.sqlite'));
    const file = join(copy, 'larder.sqlite');
    const bytes = readFileSync(file);
    const marker = Buffer.from('mv-0150');
    const pages = new Set<number>();
    for (let at = bytes.indexOf(marker); at >= 0; at = bytes.indexOf(marker, at + 1)) pages.add(Math.floor(at / PAGE));
    expect(pages.size).toBeGreaterThan(0);
    expect(pages.has(0)).toBe(false);
    const fd = openSync(file, 'r+');
    for (const page of pages) writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, page * PAGE);
    closeSync(fd);

    const damaged = await endpointWithOrg({}, copy);
    const hq = new SyncClient(damaged.url, tokens.hq);
    const res = await hq.pull('movements', undefined, 1000);
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ error: 'database-corrupt', message: expect.stringMatching(/damaged.*backup/) });
    // What the damage does not touch is still served.
    expect((await hq.pull('sites')).status).toBe(200);
    expect((await fetch(`${damaged.url}/api/v1/health`)).status).toBe(200);

    const logged = await loggedErrors(damaged);
    expect(logged[0]).toMatchObject({
      reason: 'database-corrupt',
      status: 503,
      err: { code: expect.stringMatching(/^SQLITE_(CORRUPT|NOTADB)/) },
    });
  }, 120_000);

  it('answers a full database with 507 disk-full, stores nothing, leaves no temporary file, and serves again', async () => {
    const setup = await endpointWithOrg();
    const tokens = await seedSites(setup);
    await setup.stop({ keepData: true });
    dirs.push(setup.dataDir);
    // Room for about 40 KiB more: SQLite itself reports SQLITE_FULL past the cap, as on a full disk.
    const pages = Math.ceil(statSync(join(setup.dataDir, 'larder.sqlite')).size / PAGE) + 10;
    const endpoint = await endpointWithOrg({ LARDER_SQLITE_MAX_PAGES: String(pages) }, setup.dataDir);
    const s1 = new SyncClient(endpoint.url, tokens.s1);

    const full = await s1.push(
      'events',
      Array.from({ length: 4 }, (_, i) => ({ newDocumentState: bigEvent('s1', i, 60_000) })),
    );
    expect(full.status).toBe(507);
    expect(full.body).toMatchObject({ error: 'disk-full', message: expect.any(String) });
    expect((await s1.pullAll('events')).documents).toEqual([]);
    expect(temporaryFiles(endpoint.dataDir)).toEqual([]);
    expect((await loggedErrors(endpoint))[0]).toMatchObject({ reason: 'disk-full', status: 507, err: { code: 'SQLITE_FULL' } });

    // Once there is room (a small write fits), the endpoint stores again without a restart.
    await s1.insert('events', [bigEvent('s1', 9, 100)]);
    expect((await s1.pullAll('events')).documents.map((d) => d.id)).toEqual(['ev-9']);
  }, 120_000);

  it('answers a file upload on a full disk with 507 disk-full and removes its temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'larder-files-full-'));
    dirs.push(dir);
    /** Fake: the test injects ENOSPC halfway through the blob's write (no small filesystem without root). */
    const fullDisk = async (path: string, bytes: Buffer): Promise<void> => {
      const fd = openSync(path, 'w');
      writeSync(fd, bytes, 0, Math.floor(bytes.length / 2));
      closeSync(fd);
      throw Object.assign(new Error('ENOSPC: no space left on device, write (fake, injected by the test)'), { code: 'ENOSPC' });
    };
    const storage = new SqliteStorage(dir, { writeBlob: fullDisk });
    const org = await seedOrg(storage);
    const endpoint = await buildApp(storage, { rateLimit: null });
    try {
      const blob = Buffer.from('%PDF-1.4 certificate '.repeat(2000));
      const hash = createHash('sha256').update(blob).digest('hex');
      const headers = { authorization: `Bearer ${org.tokens.s1}`, 'content-type': 'application/pdf' };
      const put = await endpoint.app.inject({ method: 'PUT', url: `/api/v1/files/${hash}`, headers, payload: blob });
      expect(put.statusCode).toBe(507);
      expect(put.json()).toMatchObject({ error: 'disk-full', message: expect.any(String) });
      expect(readdirSync(join(dir, 'files'))).toEqual([]);
      expect(temporaryFiles(dir)).toEqual([]);
      const get = await endpoint.app.inject({ method: 'GET', url: `/api/v1/files/${hash}`, headers });
      expect(get.statusCode).toBe(404);
    } finally {
      await endpoint.close();
      await storage.close();
    }
  });
});
