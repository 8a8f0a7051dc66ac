// The app's sync client (renderer/db) against a real endpoint process on SQLite: round trips
// under per-site scope, pagination, the live stream, reconnects, an endpoint outage with a
// local backlog, and the documents' state-machine merge rule. Each terminal runs in its own
// worker thread (tests/integration/sync/terminal-worker.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDoc } from '../../../shared/schemas';
import type { JsonObject } from '../../../shared/protocol';
import { openStorage } from '../../../server/storage';
import type { RefusedRecord } from '../../../renderer/db/replication/refused';
import { startEndpointProcess, type EndpointProcess } from '../../support/endpoint-process';
import { movementDoc, openTerminal, waitFor, type TestTerminal } from './clients';

let endpoint: EndpointProcess;
const tokens: Record<string, string> = {};
const open: TestTerminal[] = [];

async function terminal(site: string, storage: 'memory' | 'dexie' = 'memory') {
  const t = await openTerminal(endpoint.url, tokens[site] ?? '', storage);
  open.push(t);
  return t;
}
async function closeAll() {
  await Promise.all(open.splice(0).map((t) => t.close()));
}
const has = async (t: TestTerminal, collection: 'movements' | 'documents', ids: string[]) => {
  const present = new Set(await t.ids(collection));
  return ids.every((id) => present.has(id));
};

beforeAll(async () => {
  endpoint = await startEndpointProcess();
  for (const [id, kind] of [
    ['hq', 'hq'],
    ['kitchen', 'kitchen'],
    ['store-a', 'store'],
    ['store-b', 'store'],
  ] as const) {
    await endpoint.admin('site', 'add', '--id', id, '--kind', kind, '--name', id);
    tokens[id] = (await endpoint.addTerminal(id, `${id} terminal`)).token;
  }
  tokens['kitchen-2'] = (await endpoint.addTerminal('kitchen', 'kitchen second terminal')).token;
}, 60_000);

afterAll(async () => {
  await closeAll();
  await endpoint?.stop();
});

const dispatchDraft = (id: string): DocumentDoc =>
  ({
    id,
    type: 'dispatch',
    siteId: 'kitchen',
    toSiteId: 'store-a',
    number: `PS-${id}`,
    status: 'draft',
    businessDate: '2026-11-30',
    at: '2026-11-30T06:00:00.000Z',
    terminalId: 't-k',
    lines: [{ productId: 'p-flour', qty: 10 }],
    updatedAt: '2026-11-30T06:00:00.000Z',
  }) as DocumentDoc;

describe('sync client against a real endpoint', () => {
  it('round-trips within per-site scope: HQ sees all, a store sees what is addressed to it', async () => {
    const [kitchen, hq, storeA, storeB] = await Promise.all([
      terminal('kitchen'),
      terminal('hq'),
      terminal('store-a'),
      terminal('store-b'),
    ]);
    const moves = [0, 1, 2].map((n) => movementDoc('kitchen', n));
    await kitchen.run({ op: 'insert', collection: 'movements', docs: moves });
    await kitchen.run({ op: 'insert', collection: 'documents', docs: [dispatchDraft('d-scope')] });

    await waitFor('HQ to receive the kitchen movements', () =>
      has(
        hq,
        'movements',
        moves.map((m) => m.id),
      ),
    );
    await waitFor('store A to receive the dispatch addressed to it', () => has(storeA, 'documents', ['d-scope']));
    await waitFor('kitchen pending uploads back to 0', async () => (await kitchen.status()).pendingUploads === 0);
    await storeB.run({ op: 'awaitInSync' });
    expect(await storeA.count('movements')).toBe(0);
    expect(await storeB.count('documents')).toBe(0);
    const status = await kitchen.status();
    expect(status.connectivity).toBe('online');
    expect(status.lastSyncAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    await closeAll();
  });

  it('pulls a backlog larger than the page size completely, each movement once', { timeout: 60_000 }, async () => {
    const kitchen = await terminal('kitchen');
    const backlog = Array.from({ length: 1234 }, (_, n) => movementDoc('kitchen', 1000 + n));
    await kitchen.run({ op: 'insert', collection: 'movements', docs: backlog });
    await waitFor(
      'the kitchen backlog to be uploaded',
      async () => (await kitchen.status()).pendingUploads === 0,
      25_000,
      () => kitchen.status(),
    );
    // Uploaded is not caught up: earlier tests' kitchen movements may still be on their way down.
    await kitchen.run({ op: 'awaitInSync' });
    const expected = await kitchen.count('movements');
    const freshHq = await terminal('hq');
    await waitFor(
      'a fresh HQ terminal to pull everything',
      async () => (await freshHq.count('movements')) === expected,
      25_000,
      async () => ({
        status: await freshHq.status(),
        has: await freshHq.count('movements'),
        expected,
      }),
    );
    const ids = await freshHq.ids('movements');
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(backlog.map((m) => m.id)));
    await closeAll();
  });

  it('delivers a commit over the live stream, and catches up after the stream drops', async () => {
    const [kitchen, hq] = await Promise.all([terminal('kitchen'), terminal('hq')]);
    await hq.run({ op: 'awaitInSync' });
    const live = movementDoc('kitchen', 5000);
    await kitchen.run({ op: 'insert', collection: 'movements', docs: [live] });
    await waitFor('the live change at HQ', () => has(hq, 'movements', [live.id]), 5_000);

    // The stream goes down; commits land meanwhile; the reconnect must pull them (RESYNC).
    await hq.run({ op: 'dropStream' });
    const missed = [5001, 5002, 5003].map((n) => movementDoc('kitchen', n));
    await kitchen.run({ op: 'insert', collection: 'movements', docs: missed });
    await waitFor('kitchen upload', async () => (await kitchen.status()).pendingUploads === 0);
    await waitFor('HQ to catch up after the reconnect', () =>
      has(
        hq,
        'movements',
        missed.map((m) => m.id),
      ),
    );
    expect(await hq.run<number>({ op: 'raisedResyncs', collection: 'movements' })).toBeGreaterThanOrEqual(1);
    await closeAll();
  });

  it('keeps local writes through an endpoint outage and uploads them when it returns', async () => {
    const kitchen = await terminal('kitchen');
    await kitchen.run({ op: 'awaitInSync' });
    const { dataDir } = endpoint;
    const port = Number(new URL(endpoint.url).port);
    await endpoint.stop({ keepData: true });

    const offline = Array.from({ length: 25 }, (_, n) => movementDoc('kitchen', 7000 + n));
    await kitchen.run({ op: 'insert', collection: 'movements', docs: offline });
    await waitFor('the indicator to say offline', async () => (await kitchen.status()).connectivity === 'offline');
    expect((await kitchen.status()).pendingUploads).toBe(25);

    endpoint = await startEndpointProcess({ dataDir, port });
    await waitFor('the backlog to upload after the endpoint returns', async () => (await kitchen.status()).pendingUploads === 0, 30_000);
    const hq = await terminal('hq');
    await waitFor('HQ to see all 25', () =>
      has(
        hq,
        'movements',
        offline.map((m) => m.id),
      ),
    );
    expect((await kitchen.status()).connectivity).toBe('online');
    await closeAll();
  });

  it('sets aside a record the endpoint refuses for good, names it and its reason, and keeps the rest flowing', async () => {
    const kitchen = await terminal('kitchen');
    await kitchen.run({ op: 'awaitInSync' });
    // A movement the endpoint will never take (qty is not a number), in the middle of good ones:
    // RxDB stores it locally (the app does not validate writes), the endpoint refuses it with 422.
    const before = Array.from({ length: 4 }, (_, n) => movementDoc('kitchen', 8000 + n));
    const bad = { ...movementDoc('kitchen', 8100), qty: 'ten' };
    const after = Array.from({ length: 4 }, (_, n) => movementDoc('kitchen', 8200 + n));
    await kitchen.run({ op: 'insert', collection: 'movements', docs: [...before, bad, ...after] });
    await waitFor('the good movements to upload', async () => (await kitchen.status()).pendingUploads === 0, 20_000);
    const status = await kitchen.status();
    expect(status.refused).toEqual([
      expect.objectContaining({ collection: 'movements', id: bad.id, status: 422, reason: expect.stringMatching(/qty/) }),
    ]);
    // Later writes are not held behind it.
    const later = movementDoc('kitchen', 8300);
    await kitchen.run({ op: 'insert', collection: 'movements', docs: [later] });
    const hq = await terminal('hq');
    await waitFor(
      'HQ to see every good movement',
      () =>
        has(
          hq,
          'movements',
          [...before, ...after, later].map((m) => m.id),
        ),
      20_000,
    );
    expect(await hq.ids('movements')).not.toContain(bad.id);
    // The refused record stays on the terminal that wrote it.
    expect(await kitchen.ids('movements')).toContain(bad.id);
    await closeAll();
  });

  it('does not push back a pulled document whose in-sync record a crash lost', async () => {
    const store = await terminal('store-a');
    await store.run({ op: 'awaitInSync' });
    // What RxDB leaves when killed between writing a pulled document and recording it as the
    // endpoint's state: documents in the store with no such record — here a kitchen dispatch
    // addressed to this store and a product, neither of which a store may write (403 if sent).
    const at = Date.now();
    const bookkeeping = { _deleted: false, _attachments: {}, _rev: '1-pulled', _meta: { lwt: at } };
    const dispatch = { ...dispatchDraft(`dd-pulled-${at}`), status: 'shipped', ...bookkeeping };
    const product = {
      id: `p-pulled-${at}`,
      sku: 'P1',
      name: 'flour',
      baseUnit: 'kg',
      packs: [],
      barcodes: [],
      category: 'dry',
      perishable: false,
      nearExpiryDays: 2,
      storageClass: 'ambient',
      active: true,
      updatedAt: '2026-11-30T08:00:00.000Z',
      ...bookkeeping,
    };
    await store.run({ op: 'writeStored', collection: 'documents', docs: [dispatch], context: 'restart-after-crash' });
    await store.run({ op: 'writeStored', collection: 'products', docs: [product], context: 'restart-after-crash' });
    // The store's own next document goes through behind them, and nothing was refused.
    const request = { ...dispatchDraft(`sr-${at}`), type: 'store-request', siteId: 'store-a', toSiteId: 'kitchen', number: `SR-${at}` };
    await store.run({ op: 'insert', collection: 'documents', docs: [request] });
    const hq = await terminal('hq');
    await waitFor('HQ to see the store request', () => has(hq, 'documents', [request.id]), 20_000);
    const status = await store.status();
    expect([status.refused, status.error ?? null, status.pendingUploads]).toEqual([[], null, 0]);
    expect(await hq.ids('documents')).not.toContain(dispatch.id);
    await closeAll();
  });

  it('merges concurrent edits of one document by its state machine: the later state wins on both terminals', async () => {
    const [k1, k2] = await Promise.all([terminal('kitchen'), terminal('kitchen-2')]);
    await k1.run({ op: 'insert', collection: 'documents', docs: [dispatchDraft('d-merge')] });
    await waitFor('k2 to have the draft', () => has(k2, 'documents', ['d-merge']));
    await k1.run({ op: 'stopSync' }); // k1 works offline for a while

    await k1.run({
      op: 'patch',
      collection: 'documents',
      id: 'd-merge',
      patch: { status: 'picked', updatedAt: '2026-11-30T07:00:00.000Z' },
    });
    await k2.run({
      op: 'patch',
      collection: 'documents',
      id: 'd-merge',
      patch: { lines: [{ productId: 'p-flour', qty: 12 }], updatedAt: '2026-11-30T07:01:00.000Z' },
    });
    await waitFor('k2 edit uploaded', async () => (await k2.status()).pendingUploads === 0);

    await k1.run({ op: 'startSync' });
    const statusOn = async (t: TestTerminal) =>
      (await t.run<DocumentDoc | null>({ op: 'get', collection: 'documents', id: 'd-merge' }))?.status;
    await waitFor('k2 to converge on picked', async () => (await statusOn(k2)) === 'picked');
    await waitFor('k1 to settle', async () => (await k1.status()).pendingUploads === 0);
    expect(await statusOn(k1)).toBe('picked');
    await closeAll();
  });

  it('runs the same sync on the Dexie storage the app ships (fake-indexeddb)', async () => {
    const hq = await terminal('hq', 'dexie');
    await waitFor('sites pulled into Dexie', async () => (await hq.count('sites')) >= 4);
    await hq.run({ op: 'awaitInSync' });
    expect(await hq.ids('movements')).toEqual(expect.arrayContaining([expect.stringMatching(/^mv-kitchen-/)]));
    await closeAll();
  });

  it('sets aside a pulled document it cannot store, names it, and goes on with the rest of the page', { timeout: 60_000 }, async () => {
    // Written as an endpoint before the value limits would have stored it: an event nested 4,000 deep.
    let data: JsonObject = { leaf: true };
    for (let i = 0; i < 4_000; i++) data = { next: data };
    const event = (id: string, payload: JsonObject) => ({
      id,
      siteId: 'store-a',
      kind: 'audit',
      severity: 'info',
      at: '2026-12-01T02:00:00.000Z',
      message: 'm',
      data: payload,
      updatedAt: '2026-12-01T02:00:00.000Z',
      _deleted: false,
    });
    const storage = await openStorage({ dataDir: endpoint.dataDir });
    try {
      const write = (doc: ReturnType<typeof event>) => ({ id: doc.id, siteId: 'store-a', toSiteId: null, deleted: false, doc });
      await storage.putDocuments('events', [
        write(event('ev-before', { n: 1 })),
        write(event('ev-deep', data)),
        write(event('ev-after', { n: 2 })),
      ]);
    } finally {
      await storage.close();
    }
    const hq = await terminal('hq');
    await waitFor(
      'the events around the bad one at HQ',
      () => has(hq, 'events' as 'documents', ['ev-before', 'ev-after']),
      20_000,
      () => hq.status(),
    );
    const refused = ((await hq.status()).refused ?? []) as readonly RefusedRecord[];
    expect(refused).toEqual([
      expect.objectContaining({
        collection: 'events',
        id: 'ev-deep',
        status: 0,
        reason: expect.stringMatching(/received but not stored: .*nested deeper than 16 levels/),
      }),
    ]);
    expect(await hq.ids('events')).not.toContain('ev-deep');
    await closeAll();
  });
});
