// A terminal upgraded in place from the first release: while on v0 it pulled a v1 kitchen's
// dispatch as the endpoint projects it to version 0 (without its request link, lines without
// their pack units); the current app reopens the same store (Dexie over fake-indexeddb, as the
// app ships), migrates it, and syncs. Its pull checkpoint is past that dispatch, so only the
// re-pull of copies pulled at an older version (renderer/db/replication/pull-checkpoint.ts)
// brings the fields back — and documents the re-pull finds unchanged are not written again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/protocol/wire';
import { startEndpointProcess, type EndpointProcess } from '../../support/endpoint-process';
import { openTerminal, waitFor, type TestTerminal } from './clients';

let endpoint: EndpointProcess;
const tokens: Record<string, string> = {};
const open: TestTerminal[] = [];

beforeAll(async () => {
  endpoint = await startEndpointProcess();
  await endpoint.admin('site', 'add', '--id', 'kitchen', '--kind', 'kitchen', '--name', 'kitchen');
  await endpoint.admin('site', 'add', '--id', 'store-a', '--kind', 'store', '--name', 'store-a');
  tokens.store = (await endpoint.addTerminal('store-a', 'store on the first release')).token;
  tokens.kitchen = (await endpoint.addTerminal('kitchen', 'kitchen updated')).token;
}, 60_000);

afterAll(async () => {
  await Promise.all(open.map((t) => t.close()));
  await endpoint?.stop();
});

const at = '2026-12-01T02:00:00.000Z';
const header = { businessDate: '2026-12-01', at, updatedAt: at };
const request = {
  ...header,
  id: 'req-1',
  type: 'store-request',
  siteId: 'store-a',
  toSiteId: 'kitchen',
  number: 'YH-20261201-STOR-001',
  status: 'submitted',
  terminalId: 't-store',
  note: '早上送',
  lines: [{ productId: 'p-flour', qty: 50 }],
};
const dispatch = {
  ...header,
  id: 'ps-1',
  type: 'dispatch',
  siteId: 'kitchen',
  toSiteId: 'store-a',
  number: 'PS-20261201-KIT-001',
  status: 'shipped',
  terminalId: 't-kitchen',
  requestIds: ['req-1'],
  lines: [{ productId: 'p-flour', qty: 50, unit: '袋', unitQty: 2 }],
};

const get = (t: TestTerminal, id: string) => t.run<JsonObject | null>({ op: 'get', collection: 'documents', id });
const revision = (t: TestTerminal, id: string) => t.run<string | null>({ op: 'revision', collection: 'documents', id });

describe('a terminal upgraded from the first release', () => {
  it('pulls again what it pulled at version 0 and then holds the v1 link fields', { timeout: 90_000 }, async () => {
    const store = await openTerminal(endpoint.url, tokens.store!, 'dexie', 'v0');
    open.push(store);
    const kitchen = await openTerminal(endpoint.url, tokens.kitchen!, 'memory', 'current');
    open.push(kitchen);

    await store.run({ op: 'insert', collection: 'documents', docs: [request] });
    await waitFor('the request on the kitchen', () => get(kitchen, 'req-1').then((doc) => doc ?? undefined));
    await kitchen.run({ op: 'insert', collection: 'documents', docs: [dispatch] });

    // On v0 the store reads the dispatch as version 0 sees it: no request link, and no tag in the note.
    const onV0 = await waitFor('the dispatch on the v0 store', () => get(store, 'ps-1').then((doc) => doc ?? undefined));
    expect(onV0).not.toHaveProperty('requestIds');
    expect(onV0).not.toHaveProperty('note');
    expect(onV0.lines).toEqual([{ productId: 'p-flour', qty: 50 }]);
    await store.run({ op: 'awaitInSync' });

    await store.run({ op: 'upgrade' });
    const requestRevision = await revision(store, 'req-1');
    // The migration cannot bring back what v0 never received: the link and the pack units.
    const migrated = await get(store, 'ps-1');
    expect(migrated).not.toHaveProperty('requestIds');
    expect((migrated?.lines as JsonObject[])[0]).not.toHaveProperty('unit');

    await store.run({ op: 'startSync' });
    const upgraded = await waitFor(
      'the dispatch with its v1 fields on the upgraded store',
      async () => {
        const doc = await get(store, 'ps-1');
        return doc && (doc.lines as JsonObject[])[0]?.unit !== undefined && doc.requestIds !== undefined ? doc : undefined;
      },
      20_000,
      () => get(store, 'ps-1'),
    );
    expect(upgraded).toEqual(await get(kitchen, 'ps-1'));
    expect(upgraded.requestIds).toEqual(['req-1']);
    expect(upgraded).not.toHaveProperty('note');
    await store.run({ op: 'awaitInSync' });
    // The request came back from the re-pull as the store holds it: not written again, not pushed back.
    expect(await revision(store, 'req-1')).toBe(requestRevision);
    expect(await get(store, 'req-1')).toEqual(await get(kitchen, 'req-1'));
    expect((await store.status()).pendingUploads ?? 0).toBe(0);
  });
});
