/**
 * Per-request schema versions (SYNC-PROTOCOL.md, "Schema evolution"): what `GET /schemas` says,
 * which version a pull, push or stream speaks, and who is refused — on SQLite and PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, startEndpoint, type RunningEndpoint } from '../../../server/app';
import { ConfigError } from '../../../server/errors';
import { parseMinSchema } from '../../../server/versions';
import { collectionNames } from '../../../shared/schemas/index';
import { currentVersion, schemaAtVersion } from '../../../shared/schemas/versions';
import {
  businessDoc,
  movement,
  openBackend,
  postgresAvailable,
  seedOrg,
  spawnServer,
  SseReader,
  SyncClient,
  type Backend,
  type Org,
} from './helpers';

const backends = (await postgresAvailable()) ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
const DOCUMENTS = currentVersion('documents');

describe.each(backends)('schema versions on %s', (backendName) => {
  let backend: Backend;
  let endpoint: RunningEndpoint | null = null;
  let org: Org;
  const readers: SseReader[] = [];

  /** Starts the endpoint as an operator would, with `LARDER_MIN_SCHEMA` set (or not). */
  const start = async (minSchema?: string) => {
    const before = process.env.LARDER_MIN_SCHEMA;
    if (minSchema === undefined) delete process.env.LARDER_MIN_SCHEMA;
    else process.env.LARDER_MIN_SCHEMA = minSchema;
    try {
      endpoint = await startEndpoint({ storage: backend.storage, port: 0, rateLimit: null, keepaliveMs: 150, pollMs: 200 });
    } finally {
      if (before === undefined) delete process.env.LARDER_MIN_SCHEMA;
      else process.env.LARDER_MIN_SCHEMA = before;
    }
    return endpoint.url;
  };
  const client = (token: string, version: number | 'current' | null) => new SyncClient(endpoint!.url, token, version);
  const stream = async (token: string, version: number | 'current' | null) => {
    const reader = await SseReader.open(endpoint!.url, token, version);
    readers.push(reader);
    return reader;
  };

  beforeEach(async () => {
    backend = await openBackend(backendName);
    org = await seedOrg(backend.storage);
  });

  afterEach(async () => {
    for (const r of readers.splice(0)) r.close();
    await endpoint?.close();
    endpoint = null;
    await backend.cleanup();
  });

  it('lists every supported version of every schema in v1’s shape', async () => {
    await start('documents=1');
    const res = await client(org.tokens.s1, 'current').request<Record<string, Record<string, unknown>>>('GET', '/api/v1/schemas');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual([...collectionNames].sort());
    for (const c of collectionNames) {
      const schema = res.body[c]!;
      expect(schema.version).toBe(currentVersion(c));
      expect(schema.primaryKey).toBe('id');
      const min = c === 'documents' ? 1 : 0;
      const versions: Record<string, unknown> = {};
      for (let n = min; n <= currentVersion(c); n++) versions[String(n)] = schemaAtVersion(c, n);
      expect(schema['x-larder'], c).toEqual(JSON.parse(JSON.stringify({ min, versions })));
    }
  });

  it('refuses a push newer than the server with schema-mismatch, but serves its pulls and stream in the current version', async () => {
    await start();
    const k1 = client(org.tokens.k1, DOCUMENTS + 1);
    const dispatch = businessDoc('k1', { type: 'dispatch', toSiteId: 's1', requestIds: ['r-1'] });
    const push = await k1.push('documents', [{ newDocumentState: dispatch }]);
    expect(push.status).toBe(409);
    expect(push.body).toMatchObject({ error: 'schema-mismatch', details: { terminal: DOCUMENTS + 1, server: DOCUMENTS } });
    expect(push.body.details).toEqual({ terminal: DOCUMENTS + 1, server: DOCUMENTS });
    await client(org.tokens.k1, 'current').insert('documents', [dispatch]);
    const pulled = await k1.pull('documents');
    expect([pulled.status, pulled.body.documents]).toEqual([200, [{ ...dispatch, _deleted: false }]]);
    const newer = await stream(org.tokens.hq, DOCUMENTS + 1);
    expect(newer.status).toBe(200);
  });

  it('treats a request without a version header as the oldest supported version', async () => {
    await start();
    const dispatch = businessDoc('k1', {
      type: 'dispatch',
      toSiteId: 's1',
      note: 'fragile',
      lines: [{ productId: 'p', qty: 2, unit: '箱', unitQty: 1 }],
    });
    await client(org.tokens.k1, 'current').insert('documents', [dispatch]);
    // Oldest is 0: a v1 field is unknown to it, and pulls leave v1 fields out.
    const bare = client(org.tokens.k1, null);
    const push = await bare.push('documents', [
      { newDocumentState: businessDoc('k1', { purchaseOrderId: 'po-1', type: 'goods-receipt' }) },
    ]);
    expect([push.status, push.body.error]).toEqual([422, 'invalid-document']);
    expect((await bare.pull('documents')).body.documents).toEqual([{ ...dispatch, lines: [{ productId: 'p', qty: 2 }], _deleted: false }]);
    await endpoint!.close();
    // Raised to 1, the same bare requests speak version 1.
    await start('documents=1');
    const raised = client(org.tokens.k1, null);
    expect((await raised.pull('documents')).body.documents).toEqual([{ ...dispatch, _deleted: false }]);
    const receipt = businessDoc('k1', { type: 'goods-receipt', purchaseOrderId: 'po-1' });
    expect((await raised.push('documents', [{ newDocumentState: receipt }])).body).toEqual({ conflicts: [] });
    const bareStream = await stream(org.tokens.k1, null);
    expect(bareStream.status).toBe(200);
  });

  it('refuses pull, push and stream below LARDER_MIN_SCHEMA with upgrade-required, saying to update the app', async () => {
    await start('documents=1, movements=1');
    const old = client(org.tokens.s1, 0);
    const expected = { error: 'upgrade-required', details: { terminal: 0, minimum: 1 } };
    const pull = await old.pull('documents');
    expect(pull.status).toBe(409);
    expect(pull.body).toMatchObject(expected);
    expect(pull.body.details).toEqual(expected.details);
    const push = await old.push('movements', [{ newDocumentState: movement('s1') }]);
    expect(push.status).toBe(409);
    expect(push.body).toMatchObject(expected);
    expect((push.body as { message?: string }).message).toMatch(/update the Larder app/);
    const refused = await stream(org.tokens.s1, 0);
    expect(refused.status).toBe(409);
    expect(refused.refusal).toMatchObject(expected);
    expect(refused.refusal?.message).toMatch(/update the Larder app/);
    // Collections still at minimum 0 keep serving version 0.
    expect((await old.pull('products')).status).toBe(200);
    expect((await old.push('movements', [{ newDocumentState: movement('s1') }], { 'x-schema-version': '1' })).status).toBe(200);
    expect(await streamStatus(org.tokens.hq, 'documents=0')).toBe(409);
    expect(await streamStatus(org.tokens.hq, 'documents=1')).toBe(200);
  });

  it('answers 400 for a malformed version header', async () => {
    await start();
    const s1 = client(org.tokens.s1, 'current');
    for (const header of ['abc', '-1', '1.5', '']) {
      expect((await s1.pull('documents', undefined, undefined, { 'x-schema-version': header })).status, header).toBe(400);
      expect((await s1.push('documents', [], { 'x-schema-version': header })).status, header).toBe(400);
    }
    expect(await streamStatus(org.tokens.s1, 'documents=one')).toBe(400);
    expect(await streamStatus(org.tokens.s1, 'documents')).toBe(400);
  });

  it('streams each change projected to each client’s version in the same run', async () => {
    await start();
    const v0 = await stream(org.tokens.s1, 0);
    const v1 = await stream(org.tokens.s1, 'current');
    const hqV0 = await stream(org.tokens.hq, 0);
    const s2 = await stream(org.tokens.s2, 0);
    await Promise.all([v0, v1, hqV0, s2].map((r) => r.waitFor((x) => x.comments.includes('connected'))));
    const request = businessDoc('s1', {
      type: 'store-request',
      toSiteId: 'k1',
      number: 'YH-7',
      deliveryDate: '2026-03-05',
      note: '早上送',
    });
    await client(org.tokens.s1, 'current').insert('documents', [request]);
    const dispatch = businessDoc('k1', {
      type: 'dispatch',
      toSiteId: 's1',
      number: 'PS-7',
      requestIds: [request.id],
      note: 'fragile',
      lines: [{ productId: 'p', qty: 6, unit: '箱', unitQty: 1 }],
    });
    await client(org.tokens.k1, 'current').insert('documents', [dispatch]);
    const got = (r: SseReader) => r.changes().flatMap((c) => c.documents);
    for (const r of [v0, v1, hqV0]) await r.waitFor((x) => got(x).length === 2);
    expect(got(v1)).toEqual([
      { ...request, _deleted: false },
      { ...dispatch, _deleted: false },
    ]);
    const { requestIds: _ids, ...dispatchV0 } = dispatch;
    const { deliveryDate: _date, ...requestV0 } = request;
    const asV0 = [
      { ...requestV0, _deleted: false },
      { ...dispatchV0, lines: [{ productId: 'p', qty: 6 }], _deleted: false },
    ];
    expect(got(v0)).toEqual(asV0);
    expect(got(hqV0)).toEqual(asV0);
    expect(got(s2)).toEqual([]);
    // What the stream says is what a pull at that version says.
    expect((await client(org.tokens.s1, 0).pullAll('documents')).documents).toEqual(asV0);
  });

  /** Opens a stream with a raw `x-schema-versions` header and returns its status. */
  async function streamStatus(token: string, header: string): Promise<number> {
    const controller = new AbortController();
    const res = await fetch(`${endpoint!.url}/api/v1/sync/stream`, {
      headers: { authorization: `Bearer ${token}`, 'x-schema-versions': header },
      signal: controller.signal,
    });
    controller.abort();
    return res.status;
  }
});

describe('LARDER_MIN_SCHEMA at start-up', () => {
  it('reads <collection>=<n>,… and refuses unknown collections and versions above the current one', () => {
    expect(parseMinSchema(undefined).documents).toBe(0);
    expect(parseMinSchema(' documents=1 , movements=0').documents).toBe(1);
    expect(() => parseMinSchema('recipes=1')).toThrow(/no collection named "recipes"/);
    expect(() => parseMinSchema(`documents=${DOCUMENTS + 1}`)).toThrow(ConfigError);
    expect(() => parseMinSchema(`documents=${DOCUMENTS + 1}`)).toThrow(/above documents's current version/);
    expect(() => parseMinSchema('documents')).toThrow(/<collection>=<version>/);
  });

  it('keeps the endpoint from starting, in process and as operators run it', async () => {
    const backend = await openBackend('sqlite');
    try {
      process.env.LARDER_MIN_SCHEMA = 'recipes=1';
      await expect(buildApp(backend.storage, { rateLimit: null })).rejects.toThrow(ConfigError);
    } finally {
      delete process.env.LARDER_MIN_SCHEMA;
      await backend.cleanup();
    }
    const dir = mkdtempSync(join(tmpdir(), 'larder-min-schema-'));
    try {
      await expect(spawnServer(['--data', dir, '--port', '0'], { LARDER_MIN_SCHEMA: 'documents=9' })).rejects.toThrow(
        /LARDER_MIN_SCHEMA: documents=9 is above/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
