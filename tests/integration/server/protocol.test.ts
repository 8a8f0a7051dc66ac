import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEndpoint, type RunningEndpoint } from '../../../server/app';
import { revokeTerminal } from '../../../server/admin-ops';
import { currentVersion } from '../../../shared/schemas/versions';
import {
  batch,
  businessDoc,
  movement,
  openBackend,
  postgresAvailable,
  product,
  seedOrg,
  SyncClient,
  type Backend,
  type Org,
} from './helpers';

const backends = (await postgresAvailable()) ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

describe.each(backends)('sync protocol on %s', (backendName) => {
  let backend: Backend;
  let endpoint: RunningEndpoint;
  let org: Org;
  let hq: SyncClient;
  let k1: SyncClient;
  let s1: SyncClient;
  let s2: SyncClient;

  beforeEach(async () => {
    backend = await openBackend(backendName);
    org = await seedOrg(backend.storage);
    endpoint = await startEndpoint({ storage: backend.storage, port: 0, rateLimit: null });
    hq = new SyncClient(endpoint.url, org.tokens.hq);
    k1 = new SyncClient(endpoint.url, org.tokens.k1);
    s1 = new SyncClient(endpoint.url, org.tokens.s1);
    s2 = new SyncClient(endpoint.url, org.tokens.s2);
  });

  afterEach(async () => {
    await endpoint.close();
    await backend.cleanup();
  });

  it('answers health without a token, whoami and schemas with one', async () => {
    const anon = new SyncClient(endpoint.url, null);
    const health = await anon.request<{ epoch?: string }>('GET', '/api/v1/health');
    expect(health.status).toBe(200);
    // v1.1: both name the database's epoch (SYNC-PROTOCOL.md, Epochs, backup and restore).
    expect(health.body.epoch).toEqual(expect.any(String));
    const who = await s1.request('GET', '/api/v1/whoami');
    expect(who.body).toEqual({
      terminalId: org.terminalIds.s1,
      siteId: 's1',
      siteKind: 'store',
      orgId: await backend.storage.orgId(),
      epoch: health.body.epoch,
    });
    const schemas = await s1.request<Record<string, { version: number; primaryKey: string }>>('GET', '/api/v1/schemas');
    expect(schemas.body.movements?.primaryKey).toBe('id');
    expect(typeof schemas.body.sites?.version).toBe('number');
  });

  it('refuses missing, unknown and revoked tokens with 401 JSON', async () => {
    for (const c of [new SyncClient(endpoint.url, null), new SyncClient(endpoint.url, 'lt_nope')]) {
      const res = await c.pull('products');
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('unauthorized');
    }
    await revokeTerminal(backend.storage, org.terminalIds.s2);
    expect((await s2.request('GET', '/api/v1/whoami')).status).toBe(401);
  });

  it('mirrors admin-managed sites as sites documents every terminal pulls', async () => {
    const { documents } = await s1.pullAll('sites');
    expect(documents.map((d) => d.id).sort()).toEqual(['hq', 'k1', 's1', 's2']);
    expect(documents.every((d) => d._deleted === false)).toBe(true);
  });

  it('round-trips reference documents, updates and tombstones', async () => {
    const p = product({ name: 'Flour' });
    await hq.insert('products', [p]);
    let pulled = await s1.pullAll('products');
    expect(pulled.documents).toEqual([{ ...p, _deleted: false }]);

    const updated = { ...p, name: 'Flour 2' };
    const res = await hq.push('products', [{ assumedMasterState: { ...p, _deleted: false }, newDocumentState: updated }]);
    expect(res.body).toEqual({ conflicts: [] });
    const deleted = { ...updated, _deleted: true };
    expect((await hq.push('products', [{ assumedMasterState: updated, newDocumentState: deleted }])).body).toEqual({ conflicts: [] });

    const after = await s1.pull('products', pulled.checkpoint);
    expect(after.body.documents).toEqual([deleted]);
    pulled = await s1.pullAll('products');
    expect(pulled.documents).toEqual([deleted]);
  });

  it('pages by limit, returns a short page only at the end, scanning past unreadable documents', async () => {
    const mine: string[] = [];
    for (let i = 0; i < 5; i++) {
      const a = Array.from({ length: 5 }, () => movement('s1'));
      const b = Array.from({ length: 5 }, () => movement('s2'));
      await s1.insert('movements', a);
      await s2.insert('movements', b);
      mine.push(...a.map((m) => m.id));
    }
    const seen: string[] = [];
    const sizes: number[] = [];
    let checkpoint: string | undefined;
    for (;;) {
      const res = await s1.pull('movements', checkpoint, 10);
      expect(res.status).toBe(200);
      sizes.push(res.body.documents.length);
      seen.push(...res.body.documents.map((d) => d.id as string));
      if (res.body.documents.length === 0) {
        expect(res.body.checkpoint).toBe(checkpoint);
        break;
      }
      checkpoint = res.body.checkpoint;
    }
    expect(sizes).toEqual([10, 10, 5, 0]);
    expect(seen).toEqual(mine);
    expect((await hq.pullAll('movements', 7)).documents).toHaveLength(50);
    // The first pull without checkpoint on an empty collection still gives a checkpoint to keep.
    const empty = await s1.pull('journal');
    expect(empty.body).toEqual({ documents: [], checkpoint: expect.any(String) });
  });

  it('resumes from a checkpoint with only what is newer, in write order', async () => {
    const first = product();
    await hq.insert('products', [first]);
    const { checkpoint } = await s1.pullAll('products');
    const second = product();
    const rewritten = { ...first, name: 'renamed' };
    await hq.insert('products', [second]);
    await hq.push('products', [{ assumedMasterState: first, newDocumentState: rewritten }]);
    const res = await s1.pull('products', checkpoint);
    expect(res.body.documents.map((d) => d.id)).toEqual([second.id, first.id]);
    expect(res.body.documents[1]).toEqual({ ...rewritten, _deleted: false });
  });

  it('answers 400 for bad checkpoints and limits, 404 for unknown collections', async () => {
    for (const q of ['checkpoint=abc', 'checkpoint=-1', 'limit=0', 'limit=1001', 'limit=x', 'limit=2.5']) {
      const res = await s1.request('GET', `/api/v1/sync/products/pull?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error).toBe('bad-request');
    }
    const res = await s1.pull('recipes');
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('unknown-collection');
    expect((await s1.push('recipes', [])).status).toBe(404);
  });

  it('answers conflicts with the stored document and leaves it unchanged', async () => {
    const p = product();
    await hq.insert('products', [p]);
    const mine = { ...p, name: 'A' };
    await hq.push('products', [{ assumedMasterState: p, newDocumentState: mine }]);
    const stale = await hq.push('products', [{ assumedMasterState: p, newDocumentState: { ...p, name: 'B' } }]);
    expect(stale.body.conflicts).toEqual([{ ...mine, _deleted: false }]);
    // A missing assumedMasterState key means null: also a conflict on an existing id.
    const blind = await hq.push('products', [{ newDocumentState: { ...p, name: 'C' } }]);
    expect(blind.body.conflicts).toEqual([{ ...mine, _deleted: false }]);
    expect((await s1.pullAll('products')).documents).toEqual([{ ...mine, _deleted: false }]);
  });

  it('treats a replayed push as a no-op, whatever the key order', async () => {
    const p = product();
    await hq.insert('products', [p]);
    const { checkpoint } = await hq.pullAll('products');
    const reordered = Object.fromEntries(Object.entries({ ...p, _deleted: false }).reverse());
    const replay = await hq.push('products', [{ assumedMasterState: { ...p, name: 'stale' }, newDocumentState: reordered }]);
    expect(replay.body).toEqual({ conflicts: [] });
    const m = movement('s1');
    await s1.insert('movements', [m]);
    await s1.insert('movements', [m]);
    expect((await hq.pull('products', checkpoint)).body.documents).toEqual([]);
    expect((await hq.pullAll('movements')).documents).toHaveLength(1);
  });

  it('keeps the ledger append-only: no deletions, changed content is a conflict', async () => {
    const m = movement('s1');
    await s1.insert('movements', [m]);
    const del = await s1.push('movements', [{ assumedMasterState: m, newDocumentState: { ...m, _deleted: true } }]);
    expect(del.status).toBe(422);
    expect(del.body.error).toBe('invalid-document');
    const fresh = await s1.push('movements', [{ newDocumentState: { ...movement('s1'), _deleted: true } }]);
    expect(fresh.status).toBe(422);
    const changed = await s1.push('movements', [{ assumedMasterState: { ...m, _deleted: false }, newDocumentState: { ...m, qty: 99 } }]);
    expect(changed.status).toBe(200);
    expect(changed.body.conflicts).toEqual([{ ...m, _deleted: false }]);
    expect((await s1.pullAll('movements')).documents).toEqual([{ ...m, _deleted: false }]);
  });

  it('refuses a whole push with 422 when one row is invalid or an id repeats', async () => {
    const good = movement('s1');
    const bad = { ...movement('s1'), qty: 'two' };
    const res = await s1.push('movements', [{ newDocumentState: good }, { newDocumentState: bad }]);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: 'invalid-document', message: expect.any(String) });
    expect(res.body.details).toEqual([{ index: 1, id: bad.id, message: expect.any(String) }]);
    const dup = await s1.push('movements', [{ newDocumentState: good }, { newDocumentState: good }]);
    expect(dup.status).toBe(422);
    expect((await hq.pullAll('movements')).documents).toEqual([]);
    // RxDB's bookkeeping fields are ignored, not refused (sites forbid unknown properties).
    const withMeta = { ...good, _meta: { lwt: 1 }, _rev: '1-a', _attachments: {} };
    expect((await s1.push('movements', [{ newDocumentState: withMeta }])).status).toBe(200);
    expect((await hq.pullAll('movements')).documents).toEqual([{ ...good, _deleted: false }]);
  });

  it('runs the checks in protocol order: 401, 404, 400, 413, 409, 422, 403', async () => {
    const foreign = movement('s2');
    const invalid = { ...movement('s2'), qty: 'x' };
    const tooMany = Array.from({ length: 501 }, () => ({ newDocumentState: invalid }));
    const v = { 'x-schema-version': '999' };
    const anon = new SyncClient(endpoint.url, 'lt_wrong');
    expect((await anon.push('nope', '{bad', v)).status).toBe(401);
    expect((await s1.push('nope', '{bad', v)).status).toBe(404);
    expect((await s1.push('movements', '{bad', v)).status).toBe(400);
    expect((await s1.push('movements', { rows: [] }, v)).status).toBe(400);
    const big = await s1.push('movements', tooMany, v);
    expect([big.status, big.body.error]).toEqual([413, 'too-large']);
    const huge = await s1.push('movements', JSON.stringify([{ newDocumentState: { id: 'x', pad: 'y'.repeat(5 * 1024 * 1024) } }]), v);
    expect([huge.status, huge.body.error]).toEqual([413, 'too-large']);
    const mismatch = await s1.push('movements', [{ newDocumentState: invalid }], v);
    expect(mismatch.status).toBe(409);
    expect(mismatch.body).toMatchObject({ error: 'schema-mismatch', details: { terminal: 999, server: currentVersion('movements') } });
    expect((await s1.push('movements', [{ newDocumentState: invalid }], { 'x-schema-version': '0' })).status).toBe(422);
    const forbidden = await s1.push('movements', [{ newDocumentState: foreign }], { 'x-schema-version': '0' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ error: 'forbidden', details: [{ index: 0, id: foreign.id }] });
    expect((await hq.pullAll('movements')).documents).toEqual([]);
  });

  it('scopes reads: a store never pulls another store’s transactional documents', async () => {
    const m1 = movement('s1');
    const m2 = movement('s2');
    await s1.insert('movements', [m1]);
    await s2.insert('movements', [m2]);
    const dispatch = businessDoc('k1', { type: 'dispatch', toSiteId: 's1', number: 'D-1' });
    await k1.insert('documents', [dispatch]);
    expect((await s1.pullAll('movements')).documents.map((d) => d.id)).toEqual([m1.id]);
    expect((await s2.pullAll('movements')).documents.map((d) => d.id)).toEqual([m2.id]);
    expect((await s1.pullAll('documents')).documents.map((d) => d.id)).toEqual([dispatch.id]);
    expect((await s2.pullAll('documents')).documents).toEqual([]);
    expect((await k1.pullAll('documents')).documents.map((d) => d.id)).toEqual([dispatch.id]);
    expect((await hq.pullAll('movements')).documents).toHaveLength(2);
  });

  it('scopes writes: 403 and nothing stored for another site’s rows, reference data or a takeover', async () => {
    const own = movement('s1');
    const res = await s1.push('movements', [{ newDocumentState: own }, { newDocumentState: movement('s2') }]);
    expect(res.status).toBe(403);
    expect((await hq.pullAll('movements')).documents).toEqual([]);
    expect((await s1.push('products', [{ newDocumentState: product() }])).status).toBe(403);
    expect(
      (await k1.push('sites', [{ newDocumentState: { id: 'x', code: 'x', name: 'x', kind: 'store', active: true, updatedAt: 'now' } }]))
        .status,
    ).toBe(403);
    // Batches: written by the site they name, nobody else (HQ included).
    expect((await k1.push('batches', [{ newDocumentState: batch('k1') }])).status).toBe(200);
    expect((await k1.push('batches', [{ newDocumentState: batch('s1') }])).status).toBe(403);
    expect((await hq.push('batches', [{ newDocumentState: batch('s1') }])).status).toBe(403);
    // A store re-labelling another store's document as its own is refused, not applied or answered.
    const doc = businessDoc('s2');
    await s2.insert('documents', [doc]);
    const takeover = await s1.push('documents', [{ assumedMasterState: doc, newDocumentState: { ...doc, siteId: 's1' } }]);
    expect(takeover.status).toBe(403);
    expect((await hq.pullAll('documents')).documents).toEqual([{ ...doc, _deleted: false }]);
    expect((await hq.push('products', [{ newDocumentState: product() }])).status).toBe(200);
  });

  it('stores files by hash and serves them only to who may see them', async () => {
    const bytes = Buffer.from('certificate 检疫证明');
    const hash = (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex');
    const put = (c: SyncClient, h: string, body: Buffer) =>
      fetch(`${c.url}/api/v1/files/${h}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' },
        body: new Uint8Array(body),
      });
    const bad = await put(k1, hash, Buffer.from('other'));
    expect([bad.status, ((await bad.json()) as { error: string }).error]).toEqual([422, 'hash-mismatch']);
    expect((await put(k1, hash, bytes)).status).toBe(200);
    expect((await put(k1, hash, bytes)).status).toBe(200);
    const get = (c: SyncClient) => fetch(`${c.url}/api/v1/files/${hash}`, { headers: { authorization: `Bearer ${c.token}` } });
    const mine = await get(k1);
    expect(mine.status).toBe(200);
    // JSON is not on the allowlist (SYNC-PROTOCOL.md v1.1, Files): kept as bytes, served as a download.
    expect(mine.headers.get('content-type')).toBe('application/octet-stream');
    expect(mine.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(Buffer.from(await mine.arrayBuffer())).toEqual(bytes);
    expect((await get(hq)).status).toBe(200);
    expect((await get(s2)).status).toBe(404);
    expect((await get(s1)).status).toBe(404);
    await k1.insert('documents', [
      businessDoc('k1', { type: 'dispatch', toSiteId: 's1', lines: [{ productId: 'p', qty: 1, certificateHashes: [hash] }] }),
    ]);
    expect((await get(s1)).status).toBe(200);
    expect((await get(s2)).status).toBe(404);
    expect((await k1.request('GET', '/api/v1/files/nothex')).status).toBe(400);
  });

  it('answers JSON everywhere and CORS for the app:// renderer', async () => {
    const anon = new SyncClient(endpoint.url, null);
    const missing = await anon.request('GET', '/api/v1/nothing');
    expect([missing.status, missing.body.error]).toEqual([404, 'not-found']);
    const badJson = await s1.push('movements', '[{', {});
    expect([badJson.status, badJson.body.error]).toEqual([400, 'bad-request']);
    const textBody = await s1.push('movements', '[]', { 'content-type': 'text/plain' });
    expect(textBody.status).toBe(200);
    const pre = await fetch(`${endpoint.url}/api/v1/sync/movements/push`, {
      method: 'OPTIONS',
      headers: {
        origin: 'app://larder',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, x-schema-version',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toContain('x-schema-version');
    expect(pre.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
    expect((await s1.pull('products')).headers.get('access-control-allow-origin')).toBe('*');
  });
});
