// Files (SYNC-PROTOCOL.md v1.1, Files): access from an index of which documents name which file in
// a field their schema declares (never by scanning bodies: `LIKE '%hash%'` was slow and let a site
// reach any file by naming its hash in its own event), safe answer headers, an allowlist of
// content types, a per-site quota, and removal of files nothing names after a grace period.
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startEndpoint, type BuildAppOptions, type RunningEndpoint } from '../../../server/app';
import { openStorage } from '../../../server/storage/index';
import { batch, businessDoc, openBackend, PG_URL, postgresAvailable, seedOrg, sleep, SyncClient, type Backend, type Org } from './helpers';

const backends = (await postgresAvailable()) ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(backends)('files on %s', (backendName) => {
  let backend: Backend;
  let endpoint: RunningEndpoint;
  let org: Org;
  let clients: { hq: SyncClient; k1: SyncClient; s1: SyncClient; s2: SyncClient };

  const start = async (files?: BuildAppOptions['files']) => {
    backend = await openBackend(backendName);
    org = await seedOrg(backend.storage);
    endpoint = await startEndpoint({ storage: backend.storage, port: 0, rateLimit: null, files });
    const c = (t: string) => new SyncClient(endpoint.url, t);
    clients = { hq: c(org.tokens.hq), k1: c(org.tokens.k1), s1: c(org.tokens.s1), s2: c(org.tokens.s2) };
  };
  const put = (c: SyncClient, bytes: Buffer, type = 'application/pdf') =>
    fetch(`${c.url}/api/v1/files/${sha(bytes)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${c.token}`, 'content-type': type },
      body: new Uint8Array(bytes),
    });
  const get = (c: SyncClient, hash: string) => fetch(`${c.url}/api/v1/files/${hash}`, { headers: { authorization: `Bearer ${c.token}` } });
  const status = async (c: SyncClient, hash: string) => (await get(c, hash)).status;

  afterEach(async () => {
    await endpoint.close();
    await backend.cleanup();
  });

  it('grants access from declared file fields of documents the site may read, never from its own event or document', async () => {
    await start();
    const cert = randomBytes(2000);
    const hash = sha(cert);
    expect((await put(clients.k1, cert)).status).toBe(200);
    // The LIKE trick: s1 names the hash in its own event's data and message, and in its own sale.
    const event = {
      id: `ev-${hash.slice(0, 8)}`,
      siteId: 's1',
      kind: 'audit',
      severity: 'info',
      at: '2026-03-01T08:00:00.000Z',
      message: `photo ${hash}`,
      data: { action: 'photo', fileHash: hash },
      updatedAt: '2026-03-01T08:00:00.000Z',
    };
    await clients.s1.insert('events', [event]);
    await clients.s1.insert('documents', [businessDoc('s1', { lines: [{ productId: 'p', qty: 1, certificateHashes: [hash] }] })]);
    expect(await status(clients.s1, hash)).toBe(404);
    // k1's own event names it too: event data grants no one else either.
    await clients.k1.insert('events', [{ ...event, id: 'ev-k1', siteId: 'k1' }]);
    expect(await status(clients.s2, hash)).toBe(404);
    // A declared field of a document s1 wrote itself grants s1 only files s1 uploaded.
    await clients.s1.insert('batches', [batch('s1', { certificateHashes: [hash] })]);
    expect(await status(clients.s1, hash)).toBe(404);
    // A batch k1 wrote (a reference document every site reads) does.
    await clients.k1.insert('batches', [batch('k1', { certificateHashes: [hash] })]);
    expect(await status(clients.s1, hash)).toBe(200);
    expect(await status(clients.s2, hash)).toBe(200);
    expect(await status(clients.hq, hash)).toBe(200);

    // A dispatch grants its addressee only.
    const other = randomBytes(1000);
    await put(clients.k1, other);
    await clients.k1.insert('documents', [
      businessDoc('k1', { type: 'dispatch', toSiteId: 's2', lines: [{ productId: 'p', qty: 1, certificateHashes: [sha(other)] }] }),
    ]);
    expect([await status(clients.s1, sha(other)), await status(clients.s2, sha(other))]).toEqual([404, 200]);

    // A database written before the index existed gets it built when it is opened.
    await endpoint.close();
    await backend.storage.close();
    if (backendName === 'sqlite') {
      const db = new Database(join(backend.dataDir, 'larder.sqlite'));
      db.exec("DELETE FROM file_refs; DELETE FROM meta WHERE key = 'fileRefs'");
      db.close();
      backend.storage = await openStorage({ dataDir: backend.dataDir });
    } else {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DELETE FROM ${backend.pgSchema}.larder_file_refs; DELETE FROM ${backend.pgSchema}.larder_meta WHERE key = 'fileRefs'`);
      await c.end();
      backend.storage = await openStorage({ databaseUrl: PG_URL, pgSchema: backend.pgSchema });
    }
    endpoint = await startEndpoint({ storage: backend.storage, port: 0, rateLimit: null });
    const s2 = new SyncClient(endpoint.url, org.tokens.s2);
    const s1 = new SyncClient(endpoint.url, org.tokens.s1);
    expect([await status(s1, hash), await status(s2, hash), await status(s1, sha(other)), await status(s2, sha(other))]).toEqual([
      200, 200, 404, 200,
    ]);
  });

  it('answers with nosniff, types from an allowlist and attachment for anything but images', async () => {
    await start();
    const cases: [string, string, string | null][] = [
      ['image/png', 'image/png', null],
      ['image/jpeg; charset=binary', 'image/jpeg', null],
      ['application/pdf', 'application/pdf', 'attachment'],
      ['text/html', 'application/octet-stream', 'attachment'],
      ['image/svg+xml', 'application/octet-stream', 'attachment'],
      ['application/json', 'application/octet-stream', 'attachment'],
    ];
    for (const [sent, served, disposition] of cases) {
      const bytes = Buffer.from(`<html><script>alert(1)</script>${sent}</html>`);
      expect((await put(clients.k1, bytes, sent)).status).toBe(200);
      const res = await get(clients.k1, sha(bytes));
      expect(res.status).toBe(200);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-type')).toBe(served);
      expect(res.headers.get('content-disposition')?.split(';')[0] ?? null).toBe(disposition);
      expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
    }
  });

  it('holds each site to its storage quota', async () => {
    await start({ quotaBytes: 10_000 });
    const a = randomBytes(6000);
    const b = randomBytes(6000);
    expect((await put(clients.k1, a)).status).toBe(200);
    const over = await put(clients.k1, b);
    expect(over.status).toBe(507);
    expect(((await over.json()) as { error: string }).error).toBe('quota');
    expect(await status(clients.hq, sha(b))).toBe(404);
    // Putting a file the site holds again is a no-op, not a second share of its quota.
    expect((await put(clients.k1, a)).status).toBe(200);
    // The quota is per site.
    expect((await put(clients.s1, b)).status).toBe(200);
  });

  it('removes files nothing names once the grace period has passed', async () => {
    await start({ graceMs: 400, sweepMs: 100 });
    const named = randomBytes(500);
    const unnamed = randomBytes(500);
    const photo = randomBytes(500);
    for (const f of [named, unnamed, photo]) expect((await put(clients.k1, f)).status).toBe(200);
    // Within the grace period an upload waits for the document that names it.
    await sleep(150);
    expect(await status(clients.k1, sha(unnamed))).toBe(200);
    const b = batch('k1', { certificateHashes: [sha(named)] });
    await clients.k1.insert('batches', [b]);
    // A waste photo is named in its event's data: that keeps the file, though it grants no access.
    await clients.k1.insert('events', [
      {
        id: 'ev-photo',
        siteId: 'k1',
        kind: 'audit',
        severity: 'info',
        at: '2026-03-01T08:00:00.000Z',
        message: 'waste photo',
        data: { action: 'photo', fileHash: sha(photo) },
        updatedAt: '2026-03-01T08:00:00.000Z',
      },
    ]);
    await sleep(1000);
    expect([await status(clients.k1, sha(named)), await status(clients.k1, sha(unnamed)), await status(clients.k1, sha(photo))]).toEqual([
      200, 404, 200,
    ]);
    // Once its last document stops naming it, the grace period starts.
    const res = await clients.k1.push('batches', [
      { assumedMasterState: { ...b, _deleted: false }, newDocumentState: { ...b, certificateHashes: [] } },
    ]);
    expect([res.status, res.body.conflicts]).toEqual([200, []]);
    await sleep(150);
    expect(await status(clients.k1, sha(named))).toBe(200);
    await sleep(1000);
    expect(await status(clients.k1, sha(named))).toBe(404);
    // A removed file frees its site's quota and may be uploaded again.
    expect((await put(clients.k1, unnamed)).status).toBe(200);
    expect(await status(clients.k1, sha(unnamed))).toBe(200);
  });
});
