/**
 * The start-up upgrade of documents written before the endpoint spoke schema versions: their
 * links sit in note tags; once per database they become fields, with new sequences so terminals
 * pull them again, and the meta table records that it ran.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDocuments, siteDocument } from '../../../server/admin-ops';
import { startEndpoint, type RunningEndpoint } from '../../../server/app';
import { openStorage, type DocWrite, type Storage } from '../../../server/storage/index';
import { storedVersionKey, upgradeStoredDocuments } from '../../../server/stored-upgrade';
import type { JsonObject } from '../../../shared/protocol/wire';
import { currentVersion } from '../../../shared/schemas/versions';
import { businessDoc, openBackend, PG_URL, postgresAvailable, seedOrg, SyncClient, type Backend, type Doc, type Org } from './helpers';

const backends = (await postgresAvailable()) ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

/** As the endpoint before schema versions stored them: validated, then written as they came. */
function raw(doc: Doc): DocWrite {
  const d = { ...doc, _deleted: false } as JsonObject;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return { id: String(d.id), siteId: text(d.siteId), toSiteId: text(d.toSiteId), deleted: false, doc: d };
}

/** Tagged documents of every kind v0 wrote, and one without links. */
function legacyDocuments() {
  const po = businessDoc('hq', { type: 'purchase-order', number: 'CG-9', partnerId: 'sup', note: 'expected:2026-03-09 call first' });
  const requests = ['YH-8', 'YH-9'].map((number) =>
    businessDoc('s1', { type: 'store-request', toSiteId: 'k1', number, note: `到货日期 2026-03-0${number.slice(-1)}` }),
  );
  return {
    po,
    requests,
    approval: businessDoc('hq', {
      type: 'approval',
      status: 'rejected',
      number: 'SP-9',
      note: `rejected purchase order CG-9 (${po.id}): too dear`,
    }),
    receipt: businessDoc('k1', { type: 'goods-receipt', number: 'RK-9', partnerId: 'sup', note: `po:${po.id}` }),
    dispatch: businessDoc('k1', { type: 'dispatch', toSiteId: 's1', number: 'PS-9', note: '要货单 YH-8, YH-9' }),
    // A request number no store request carries: the tag stays, nothing is lost.
    unknown: businessDoc('k1', { type: 'dispatch', toSiteId: 's1', number: 'PS-10', note: '要货单 YH-404' }),
    plain: businessDoc('s1', { type: 'sale', number: 'XS-1', note: 'po: is not a tag here' }),
  };
}

describe.each(backends)('stored documents upgrade on %s', (backendName) => {
  let backend: Backend;
  let org: Org;
  let endpoint: RunningEndpoint | null = null;

  beforeEach(async () => {
    backend = await openBackend(backendName);
    org = await seedOrg(backend.storage);
  });

  afterEach(async () => {
    await endpoint?.close();
    endpoint = null;
    await backend.cleanup();
  });

  const restart = async () => {
    await endpoint?.close();
    endpoint = await startEndpoint({ storage: backend.storage, port: 0, rateLimit: null });
    return new SyncClient(endpoint.url, org.tokens.hq);
  };

  it('turns note tags into fields once, with new sequences, and records it', async () => {
    const legacy = legacyDocuments();
    const { po, requests, approval, receipt, dispatch, unknown, plain } = legacy;
    // Requests after the dispatch that names them: the lookup does not depend on the order.
    const ordered = [po, approval, receipt, dispatch, unknown, plain, ...requests];
    for (const doc of ordered) await backend.storage.putDocuments('documents', [raw(doc)]);
    const before = await backend.storage.maxSeq();
    expect(await backend.storage.getMeta(storedVersionKey('documents'))).toBeNull();

    const hq = await restart();
    const after = await backend.storage.maxSeq();
    const rewritten = (await hq.pull('documents', String(before), 1000)).body.documents;
    const changed = [po, approval, receipt, dispatch, ...requests];
    expect(rewritten.map((d) => d.id).sort()).toEqual(changed.map((d) => d.id).sort());
    expect(after - before).toBe(changed.length);

    const stored = new Map((await hq.pullAll('documents')).documents.map((d) => [d.id, d]));
    const { note: _poNote, ...poFields } = po;
    expect(stored.get(po.id)).toEqual({ ...poFields, expectedDate: '2026-03-09', note: 'call first', _deleted: false });
    expect(stored.get(approval.id)).toEqual({
      ...approval,
      subjectDocId: po.id,
      subjectDocType: 'purchase-order',
      note: 'too dear',
      _deleted: false,
    });
    const { note: _receiptNote, ...receiptFields } = receipt;
    expect(stored.get(receipt.id)).toEqual({ ...receiptFields, purchaseOrderId: po.id, _deleted: false });
    const { note: _dispatchNote, ...dispatchFields } = dispatch;
    expect(stored.get(dispatch.id)).toEqual({ ...dispatchFields, requestIds: requests.map((r) => r.id), _deleted: false });
    for (const r of requests) {
      const { note: _requestNote, ...fields } = r;
      expect(stored.get(r.id)).toEqual({ ...fields, deliveryDate: r.note!.slice(-10), _deleted: false });
    }
    expect(stored.get(unknown.id)).toEqual({ ...unknown, _deleted: false });
    expect(stored.get(plain.id)).toEqual({ ...plain, _deleted: false });

    const record = JSON.parse((await backend.storage.getMeta(storedVersionKey('documents')))!) as Record<string, unknown>;
    expect(record).toEqual({ version: currentVersion('documents'), rewritten: changed.length, at: expect.any(String) });

    // A second start finds it done: nothing rewritten, the record unchanged.
    const again = await restart();
    expect(await backend.storage.maxSeq()).toBe(after);
    expect((await again.pull('documents', String(after))).body.documents).toEqual([]);
    expect(JSON.parse((await backend.storage.getMeta(storedVersionKey('documents')))!)).toEqual(record);
  });

  it('stores seeded documents (the demo data) with fields, resolving requests within the seed', async () => {
    await restart();
    const { requests, dispatch, po, receipt } = legacyDocuments();
    await seedDocuments(backend.storage, 'documents', [dispatch, ...requests, po, receipt]);
    const stored = new Map((await backend.storage.getDocuments('documents', [dispatch.id, po.id, receipt.id])).map((s) => [s.id, s.doc]));
    expect(stored.get(dispatch.id)).toMatchObject({ requestIds: requests.map((r) => r.id) });
    expect(stored.get(dispatch.id)).not.toHaveProperty('note');
    expect(stored.get(po.id)).toMatchObject({ expectedDate: '2026-03-09', note: 'call first' });
    expect(stored.get(receipt.id)).toMatchObject({ purchaseOrderId: po.id });
  });

  it.runIf(backendName === 'postgres')('runs once when several processes start on one database at once', async () => {
    const legacy = Object.values(legacyDocuments()).flat();
    await backend.storage.putDocuments('documents', legacy.map(raw));
    // A site mirror written meanwhile keeps its place: only documents are rewritten.
    await backend.storage.putDocuments('sites', [raw(siteDocument({ id: 'x', kind: 'store', name: 'x' }) as Doc)]);
    const before = await backend.storage.maxSeq();
    const others: Storage[] = [];
    for (let i = 0; i < 3; i++) others.push(await openStorage({ databaseUrl: PG_URL, pgSchema: backend.pgSchema, listen: false }));
    try {
      const runs = await Promise.all([backend.storage, ...others].map((s) => upgradeStoredDocuments(s)));
      // One process did the work; the others waited on the lock and found it done.
      expect(runs.filter((r) => r.documents !== undefined)).toEqual([{ documents: 6 }]);
      expect((await backend.storage.maxSeq()) - before).toBe(6);
    } finally {
      for (const s of others) await s.close();
    }
  });
});
