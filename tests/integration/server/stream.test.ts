import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEndpoint, type RunningEndpoint } from '../../../server/app';
import { revokeTerminal, seedDocuments } from '../../../server/admin-ops';
import {
  businessDoc,
  movement,
  openBackend,
  postgresAvailable,
  product,
  seedOrg,
  sleep,
  SseReader,
  SyncClient,
  type Backend,
  type Org,
} from './helpers';

const backends = (await postgresAvailable()) ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

describe.each(backends)('live stream on %s', (backendName) => {
  let backend: Backend;
  let endpoint: RunningEndpoint;
  let org: Org;
  const readers: SseReader[] = [];
  const open = async (token: string) => {
    const r = await SseReader.open(endpoint.url, token);
    readers.push(r);
    return r;
  };

  beforeEach(async () => {
    backend = await openBackend(backendName);
    org = await seedOrg(backend.storage);
    endpoint = await startEndpoint({ storage: backend.storage, port: 0, rateLimit: null, keepaliveMs: 150, pollMs: 200 });
  });

  afterEach(async () => {
    for (const r of readers.splice(0)) r.close();
    await endpoint.close();
    await backend.cleanup();
  });

  it('sends a change event after each commit, only to terminals that may read it', async () => {
    const s1 = await open(org.tokens.s1);
    const s2 = await open(org.tokens.s2);
    const hq = await open(org.tokens.hq);
    expect(s1.status).toBe(200);
    const m = movement('s1');
    await new SyncClient(endpoint.url, org.tokens.s1).insert('movements', [m]);
    const dispatch = businessDoc('k1', { type: 'dispatch', toSiteId: 's2' });
    await new SyncClient(endpoint.url, org.tokens.k1).insert('documents', [dispatch]);
    const p = product();
    await new SyncClient(endpoint.url, org.tokens.hq).insert('products', [p]);

    await hq.waitFor((r) => r.changes().length >= 3);
    await s1.waitFor((r) => r.changes().some((c) => c.collection === 'products'));
    await s2.waitFor((r) => r.changes().some((c) => c.collection === 'products'));
    expect(hq.changes().map((c) => c.collection)).toEqual(['movements', 'documents', 'products']);
    expect(s1.changes().map((c) => c.collection)).toEqual(['movements', 'products']);
    expect(s1.changes()[0]).toEqual({ collection: 'movements', documents: [{ ...m, _deleted: false }], checkpoint: expect.any(String) });
    expect(s2.changes().map((c) => c.collection)).toEqual(['documents', 'products']);
    expect(s2.changes()[0]!.documents).toEqual([{ ...dispatch, _deleted: false }]);
    // The event's checkpoint is the pull checkpoint after those documents.
    const after = await new SyncClient(endpoint.url, org.tokens.s1).pull('movements', s1.changes()[0]!.checkpoint);
    expect(after.body.documents).toEqual([]);
  });

  it('announces seeded documents and refuses a stream without a valid token', async () => {
    const hq = await open(org.tokens.hq);
    await seedDocuments(backend.storage, 'products', [product({ name: 'seeded' })]);
    await hq.waitFor((r) => r.changes().length === 1);
    expect(hq.changes()[0]!.documents[0]!.name).toBe('seeded');
    const bad = await open('lt_nope');
    expect(bad.status).toBe(401);
  });

  it('keeps an idle stream alive with comment lines', async () => {
    const s1 = await open(org.tokens.s1);
    await s1.waitFor((r) => r.comments.filter((c) => c === 'keepalive').length >= 2, 2000);
  });

  it('loses nothing across a reconnect: the stream is a hint, pull by checkpoint is the truth', async () => {
    const client = new SyncClient(endpoint.url, org.tokens.s1);
    const first = await open(org.tokens.s1);
    const a = movement('s1');
    await client.insert('movements', [a]);
    await first.waitFor((r) => r.changes().length === 1);
    const checkpoint = first.changes()[0]!.checkpoint;
    first.close();
    const missed = movement('s1');
    await client.insert('movements', [missed]);
    const second = await open(org.tokens.s1);
    // On (re)connect the client pulls from its checkpoint (RESYNC) and gets what it missed.
    expect((await client.pull('movements', checkpoint)).body.documents).toEqual([{ ...missed, _deleted: false }]);
    const later = movement('s1');
    await client.insert('movements', [later]);
    // The new stream may also carry `missed` if its commit was fanned out after the reconnect.
    await second.waitFor((r) => r.changes().some((c) => c.documents.some((d) => d.id === later.id)));
    const streamed = second.changes().flatMap((c) => c.documents);
    expect(streamed[streamed.length - 1]).toEqual({ ...later, _deleted: false });
    expect(streamed.every((d) => d.id === later.id || d.id === missed.id)).toBe(true);
  });

  it('closes a revoked terminal’s streams within 5 s and leaves others open', async () => {
    const s1 = await open(org.tokens.s1);
    const s2 = await open(org.tokens.s2);
    await s1.waitFor((r) => r.comments.includes('connected'));
    const t0 = Date.now();
    await revokeTerminal(backend.storage, org.terminalIds.s1);
    await s1.waitFor((r) => r.closed, 5000);
    expect(Date.now() - t0).toBeLessThan(5000);
    await sleep(300);
    expect(s2.closed).toBe(false);
  });

  it('ends open streams on close so shutdown is not held up', async () => {
    const s1 = await open(org.tokens.s1);
    await s1.waitFor((r) => r.comments.includes('connected'));
    const t0 = Date.now();
    await endpoint.close();
    await s1.waitFor((r) => r.closed, 3000);
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});

describe('browser mode: serving the built renderer', () => {
  let dir: string;
  let backend: Backend;
  let endpoint: RunningEndpoint;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'larder-static-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Larder</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    backend = await openBackend('sqlite');
    endpoint = await startEndpoint({ storage: backend.storage, port: 0, staticDir: dir });
  });

  afterEach(async () => {
    await endpoint.close();
    await backend.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves files, falls back to index.html for app routes, keeps /api JSON', async () => {
    const root = await fetch(`${endpoint.url}/`);
    expect(root.status).toBe(200);
    expect(root.headers.get('cache-control')).toBe('no-cache');
    expect(await root.text()).toContain('<title>Larder</title>');
    const js = await fetch(`${endpoint.url}/assets/app.js`);
    expect(await js.text()).toBe('console.log(1)');
    const deep = await fetch(`${endpoint.url}/stock/batches/42`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('cache-control')).toBe('no-cache');
    expect(await deep.text()).toContain('<title>Larder</title>');
    const api = await fetch(`${endpoint.url}/api/v1/nothing`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: 'not-found' });
    expect((await fetch(`${endpoint.url}/api/v1/health`)).status).toBe(200);
    expect((await fetch(`${endpoint.url}/../../etc/passwd`)).status).not.toBe(500);
  });
});
