/**
 * Addressing (SYNC-PROTOCOL.md v1.1): `toSiteId` names an existing site other than the sender's,
 * only on types that take an addressee and between the kinds of site their type declares; an
 * update never changes it. Before, any site could address a dispatch to any other, and the fake
 * showed in that store's receiving list.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addSite } from '../../../server/admin-ops';
import { startEndpoint, type RunningEndpoint } from '../../../server/app';
import { businessDoc, openBackend, postgresAvailable, seedOrg, SyncClient, type Backend, type Doc } from './helpers';

const backends = (await postgresAvailable()) ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

const NOW = '2026-03-01T08:00:00.000Z';

describe.each(backends)('addressing on %s', (backendName) => {
  let backend: Backend;
  let endpoint: RunningEndpoint;
  let clients: Record<'hq' | 'k1' | 's1' | 's2', SyncClient>;

  beforeEach(async () => {
    backend = await openBackend(backendName);
    const org = await seedOrg(backend.storage);
    endpoint = await startEndpoint({ storage: backend.storage, port: 0, rateLimit: null });
    clients = {
      hq: new SyncClient(endpoint.url, org.tokens.hq),
      k1: new SyncClient(endpoint.url, org.tokens.k1),
      s1: new SyncClient(endpoint.url, org.tokens.s1),
      s2: new SyncClient(endpoint.url, org.tokens.s2),
    };
  });

  afterEach(async () => {
    await endpoint.close();
    await backend.cleanup();
  });

  async function expectForbidden(from: keyof typeof clients, collection: string, doc: Doc, message: RegExp): Promise<void> {
    const res = await clients[from].push(collection, [{ newDocumentState: doc }]);
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    expect(res.body.error).toBe('forbidden');
    expect((res.body.details as { message: string }[])[0]?.message).toMatch(message);
  }

  it('refuses a forged dispatch: from a store, to a missing site, to the sender itself, to a kitchen', async () => {
    await expectForbidden(
      's2',
      'documents',
      businessDoc('s2', { type: 'dispatch', toSiteId: 's1' }),
      /from a kitchen to a store, not from a store to a store/,
    );
    await expectForbidden('k1', 'documents', businessDoc('k1', { type: 'dispatch', toSiteId: 's9' }), /names no site/);
    await expectForbidden('k1', 'documents', businessDoc('k1', { type: 'dispatch', toSiteId: 'k1' }), /not to the sender's own/);
    // A store may answer another store's transfer, but only one that exists and was addressed to it.
    await expectForbidden('s1', 'documents', businessDoc('s1', { type: 'discrepancy', toSiteId: 's2' }), /name it in dispatchId/);
    await expectForbidden('s1', 'documents', businessDoc('s1', { type: 'discrepancy', toSiteId: 'hq' }), /not from a store to HQ/);
    await expectForbidden('s1', 'documents', businessDoc('s1', { type: 'sale', toSiteId: 'k1' }), /takes no addressee/);
    const event = {
      id: 'ev-1',
      siteId: 's1',
      toSiteId: 'nowhere',
      kind: 'discrepancy',
      severity: 'warning',
      at: NOW,
      message: 'm',
      data: {},
      updatedAt: NOW,
    };
    await expectForbidden('s1', 'events', event, /names no site/);
    // Nothing of those reached the store's receiving list.
    expect((await clients.s1.pullAll('documents')).documents).toEqual([]);
    expect((await clients.hq.pullAll('events')).documents).toEqual([]);
  });

  it('accepts what the table declares: dispatch kitchen → store, request and receipt store → kitchen, approval hq → store', async () => {
    const dispatch = businessDoc('k1', { type: 'dispatch', toSiteId: 's1' });
    await clients.k1.insert('documents', [dispatch]);
    await clients.s1.insert('documents', [businessDoc('s1', { type: 'store-request', toSiteId: 'k1' })]);
    await clients.s1.insert('documents', [businessDoc('s1', { type: 'store-receipt', toSiteId: 'k1', dispatchId: dispatch.id } as Doc)]);
    await clients.hq.insert('documents', [businessDoc('hq', { type: 'approval', status: 'approved', toSiteId: 's2' })]);
    expect((await clients.hq.pullAll('documents')).documents).toHaveLength(4);
  });

  it('takes a store’s transfer to another store and that store’s receipt back, and nothing else of the kind', async () => {
    await expectForbidden(
      's1',
      'documents',
      businessDoc('s1', { type: 'transfer', toSiteId: 'k1' }),
      /from a store to a store, not from a store to a kitchen/,
    );
    await expectForbidden('k1', 'documents', businessDoc('k1', { type: 'transfer', toSiteId: 's1' }), /not from a kitchen to a store/);
    const transfer = businessDoc('s1', { type: 'transfer', status: 'shipped', toSiteId: 's2' });
    await clients.s1.insert('documents', [transfer]);
    expect((await clients.s2.pullAll('documents')).documents.map((d) => [d.type, d.siteId])).toEqual([['transfer', 's1']]);
    // s2 answers it, back to s1 only; s1 cannot answer its own transfer.
    const receipt = (from: 's1' | 's2', over: Doc) => businessDoc(from, { type: 'store-receipt', dispatchId: transfer.id, ...over } as Doc);
    await expectForbidden('s2', 'documents', receipt('s2', { toSiteId: 'k1' }), /goes back to the dispatch's site "s1", not to "k1"/);
    await expectForbidden('s1', 'documents', receipt('s1', { toSiteId: 's2' }), /is addressed to "s2"/);
    await clients.s2.insert('documents', [receipt('s2', { toSiteId: 's1' })]);
    await clients.s2.insert('documents', [businessDoc('s2', { type: 'discrepancy', toSiteId: 's1', dispatchId: transfer.id } as Doc)]);
    expect((await clients.s1.pullAll('documents')).documents.map((d) => d.type).sort()).toEqual([
      'discrepancy',
      'store-receipt',
      'transfer',
    ]);
  });

  it('refuses an update that changes toSiteId, and keeps the stored addressee', async () => {
    const dispatch = businessDoc('k1', { type: 'dispatch', toSiteId: 's1' });
    await clients.k1.insert('documents', [dispatch]);
    const readdressed = { ...dispatch, toSiteId: 's2', status: 'picked' };
    const res = await clients.k1.push('documents', [
      { assumedMasterState: { ...dispatch, _deleted: false }, newDocumentState: readdressed },
    ]);
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body.details)).toMatch(/never changes toSiteId/);
    expect((await clients.s2.pullAll('documents')).documents).toEqual([]);
    expect((await clients.s1.pullAll('documents')).documents.map((d) => d.toSiteId)).toEqual(['s1']);
  });

  it('refuses a receipt or discrepancy that answers no dispatch addressed to the sender, or goes to another kitchen', async () => {
    const toS1 = businessDoc('k1', { type: 'dispatch', toSiteId: 's1' });
    const toS2 = businessDoc('k1', { type: 'dispatch', toSiteId: 's2' });
    await clients.k1.insert('documents', [toS1, toS2]);
    const sale = businessDoc('s1', { type: 'sale' });
    await clients.s1.insert('documents', [sale]);
    const receipt = (over: Doc) => businessDoc('s1', { type: 'store-receipt', toSiteId: 'k1', ...over } as Doc);
    await expectForbidden('s1', 'documents', receipt({ dispatchId: 'd-never-shipped' }), /dispatchId "d-never-shipped" names no dispatch/);
    await expectForbidden('s1', 'documents', receipt({ dispatchId: sale.id }), /names no dispatch/);
    await expectForbidden('s1', 'documents', receipt({ dispatchId: toS2.id }), /addressed to "s2"/);
    await expectForbidden('s1', 'documents', receipt({}), /name it in dispatchId/);
    await expectForbidden(
      's1',
      'documents',
      businessDoc('s1', { type: 'discrepancy', toSiteId: 'k1', dispatchId: 'd-unknown' } as Doc),
      /names no dispatch/,
    );
    // A second kitchen, to be the wrong addressee of an answer to k1's dispatch.
    await addSite(backend.storage, { id: 'k2', kind: 'kitchen', name: 'Kitchen 2' });
    await expectForbidden(
      's1',
      'documents',
      receipt({ dispatchId: toS1.id, toSiteId: 'k2' }),
      /goes back to the dispatch's site "k1", not to "k2"/,
    );
    const res = await clients.s1.push('documents', [
      { newDocumentState: receipt({ dispatchId: toS1.id }) },
      { newDocumentState: receipt({ dispatchId: 'nope' }) },
    ]);
    expect(res.status).toBe(403);
    expect((res.body.details as { index: number }[]).map((d) => d.index)).toEqual([1]);
    expect((await clients.k1.pullAll('documents')).documents.map((d) => d.type).sort()).toEqual(['dispatch', 'dispatch']);

    // The real answer is taken: it names the dispatch addressed to this store and goes back to its kitchen.
    await clients.s1.insert('documents', [receipt({ dispatchId: toS1.id })]);
    await clients.s1.insert('documents', [businessDoc('s1', { type: 'discrepancy', toSiteId: 'k1', dispatchId: toS1.id } as Doc)]);
    expect((await clients.k1.pullAll('documents')).documents.map((d) => d.type).sort()).toEqual([
      'discrepancy',
      'dispatch',
      'dispatch',
      'store-receipt',
    ]);
  });
});
