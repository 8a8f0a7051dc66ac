/**
 * Terminals still on documents v0 beside current ones (SYNC-PROTOCOL.md, "Schema evolution"): v0
 * kept links as note tags, v1 as fields. What a v0 terminal pushes is stored as v1, what it pulls
 * is the stored document without the fields v0 does not know (never a tag written back into a
 * note), and nothing a v1 terminal added is lost when a v0 terminal writes again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEndpoint, type RunningEndpoint } from '../../../server/app';
import { businessDoc, movement, openBackend, postgresAvailable, seedOrg, SyncClient, type Backend, type Doc } from './helpers';

const backends = (await postgresAvailable()) ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

describe.each(backends)('documents v0 terminals on %s', (backendName) => {
  let backend: Backend;
  let endpoint: RunningEndpoint;
  /** Terminals per site and version: `v0.k1` is a kitchen till still on the first release. */
  let v0: Record<'hq' | 'k1' | 's1', SyncClient>;
  let v1: Record<'hq' | 'k1' | 's1', SyncClient>;

  beforeEach(async () => {
    backend = await openBackend(backendName);
    const org = await seedOrg(backend.storage);
    endpoint = await startEndpoint({ storage: backend.storage, port: 0, rateLimit: null });
    const at = (version: 0 | 'current') => ({
      hq: new SyncClient(endpoint.url, org.tokens.hq, version),
      k1: new SyncClient(endpoint.url, org.tokens.k1, version),
      s1: new SyncClient(endpoint.url, org.tokens.s1, version),
    });
    v0 = at(0);
    v1 = at('current');
  });

  afterEach(async () => {
    await endpoint.close();
    await backend.cleanup();
  });

  const byId = async (c: SyncClient, id: unknown): Promise<Doc | undefined> =>
    (await c.pullAll('documents')).documents.find((d) => d.id === id);

  it('refuses a v0 push carrying a v1 field with 422 naming the field', async () => {
    const header = await v0.k1.push('documents', [
      { newDocumentState: businessDoc('k1', { type: 'dispatch', toSiteId: 's1', requestIds: [] }) },
    ]);
    expect([header.status, header.body.error]).toEqual([422, 'invalid-document']);
    expect(header.body.details).toEqual([{ index: 0, id: expect.any(String), message: expect.stringContaining('"requestIds"') }]);
    const line = await v0.k1.push('documents', [
      { newDocumentState: businessDoc('k1', { lines: [{ productId: 'p', qty: 1, unitQty: 1 }] }) },
    ]);
    expect(line.status).toBe(422);
    expect(JSON.stringify(line.body.details)).toMatch(/\/lines\/0 has the field \\"unitQty\\"/);
    expect((await v1.hq.pullAll('documents')).documents).toEqual([]);
  });

  it('stores each tagged v0 document with link fields, pulled without the tag at v1 and at v0 alike', async () => {
    const po = businessDoc('hq', { type: 'purchase-order', number: 'CG-1', partnerId: 'sup', note: 'expected:2026-03-09' });
    const approval = businessDoc('hq', {
      type: 'approval',
      status: 'approved',
      number: 'SP-1',
      note: `approved purchase order CG-1 (${po.id})`,
    });
    const receipt = businessDoc('k1', { type: 'goods-receipt', number: 'RK-1', partnerId: 'sup', note: `po:${po.id} two boxes dented` });
    const requests = ['YH-1', 'YH-2'].map((number) =>
      businessDoc('s1', { type: 'store-request', toSiteId: 'k1', number, note: '到货日期 2026-03-05\n早上送' }),
    );
    const dispatch = businessDoc('k1', { type: 'dispatch', toSiteId: 's1', number: 'PS-1', note: 'fragile 要货单 YH-1, YH-2' });
    // Each is stored, and each answer tells the v0 till what it reads back (checked below).
    const answered: Doc[] = [];
    for (const [till, docs] of [
      [v0.hq, [po, approval]],
      [v0.s1, requests],
      [v0.k1, [receipt, dispatch]],
    ] as const) {
      const res = await till.push(
        'documents',
        docs.map((d) => ({ assumedMasterState: null, newDocumentState: d })),
      );
      expect(res.status).toBe(200);
      answered.push(...(res.body.conflicts as Doc[]));
    }

    const stored = new Map((await v1.hq.pullAll('documents')).documents.map((d) => [d.id, d]));
    const withoutNote = ({ note: _note, ...rest }: Doc) => rest;
    expect(stored.get(po.id)).toEqual({ ...withoutNote(po), expectedDate: '2026-03-09', _deleted: false });
    expect(stored.get(approval.id)).toEqual({
      ...withoutNote(approval),
      subjectDocId: po.id,
      subjectDocType: 'purchase-order',
      _deleted: false,
    });
    expect(stored.get(receipt.id)).toEqual({ ...receipt, purchaseOrderId: po.id, note: 'two boxes dented', _deleted: false });
    for (const r of requests) expect(stored.get(r.id)).toEqual({ ...r, deliveryDate: '2026-03-05', note: '早上送', _deleted: false });
    expect(stored.get(dispatch.id)).toEqual({ ...dispatch, requestIds: requests.map((r) => r.id), note: 'fragile', _deleted: false });

    // The v0 terminals read the same documents without the link fields, and no tag comes back.
    const asV0 = new Map((await v0.hq.pullAll('documents')).documents.map((d) => [d.id, d]));
    expect(asV0.get(po.id)).toEqual({ ...withoutNote(po), _deleted: false });
    expect(asV0.get(approval.id)).toEqual({ ...withoutNote(approval), _deleted: false });
    expect(asV0.get(receipt.id)).toEqual({ ...receipt, note: 'two boxes dented', _deleted: false });
    for (const r of requests) expect(asV0.get(r.id)).toEqual({ ...r, note: '早上送', _deleted: false });
    expect(asV0.get(dispatch.id)).toEqual({ ...dispatch, note: 'fragile', _deleted: false });
    expect(await byId(v0.s1, dispatch.id)).toEqual({ ...dispatch, note: 'fragile', _deleted: false });
    expect(answered).toEqual([po, approval, ...requests, receipt, dispatch].map((d) => asV0.get(d.id)));
  });

  it('keeps, on a v0 replacement, the request links and line fields that terminal never knew', async () => {
    const request = businessDoc('s1', { type: 'store-request', toSiteId: 'k1', number: 'YH-1' });
    await v1.s1.insert('documents', [request]);
    const dispatch = businessDoc('k1', {
      type: 'dispatch',
      toSiteId: 's1',
      number: 'PS-1',
      status: 'draft',
      // 'req-not-here' names a request this endpoint does not hold: kept all the same.
      requestIds: [request.id, 'req-not-here'],
      lines: [
        { productId: 'p', qty: 12, unit: '箱', unitQty: 2 },
        { productId: 'q', qty: 1, unit: 'kg', unitQty: 1 },
      ],
    });
    await v1.k1.insert('documents', [dispatch]);
    const seen = (await byId(v0.k1, dispatch.id))!;
    expect(seen).not.toHaveProperty('note');
    expect(seen).not.toHaveProperty('requestIds');
    expect(seen.lines).toEqual([
      { productId: 'p', qty: 12 },
      { productId: 'q', qty: 1 },
    ]);
    // The v0 till picks the first line as it was and changes the second one's quantity.
    const picked = {
      ...seen,
      status: 'picked',
      lines: [
        { productId: 'p', qty: 12 },
        { productId: 'q', qty: 3 },
      ],
    };
    expect((await v0.k1.push('documents', [{ assumedMasterState: seen, newDocumentState: picked }])).body).toEqual({ conflicts: [] });
    expect(await byId(v1.hq, dispatch.id)).toEqual({
      ...dispatch,
      status: 'picked',
      lines: [
        { productId: 'p', qty: 12, unit: '箱', unitQty: 2 },
        { productId: 'q', qty: 3 },
      ],
      _deleted: false,
    });
  });

  it('compares assumedMasterState with the stored document projected to v0, and answers a stale one with that projection', async () => {
    const request = businessDoc('s1', { type: 'store-request', toSiteId: 'k1', number: 'YH-3' });
    await v1.s1.insert('documents', [request]);
    const dispatch = businessDoc('k1', { type: 'dispatch', toSiteId: 's1', status: 'draft', requestIds: [request.id], note: 'cold' });
    await v1.k1.insert('documents', [dispatch]);
    const first = (await byId(v0.k1, dispatch.id))!;
    // An honest v0 update: it assumed what it was shown, which is not what is stored.
    const honest = { ...first, status: 'picked' };
    expect((await v0.k1.push('documents', [{ assumedMasterState: first, newDocumentState: honest }])).body).toEqual({ conflicts: [] });
    // A v1 till changes it again; the v0 till, still holding `honest`, is now stale.
    const stored = (await byId(v1.k1, dispatch.id))!;
    const shipped = { ...stored, status: 'shipped', note: 'cold, 2 crates' };
    expect((await v1.k1.push('documents', [{ assumedMasterState: stored, newDocumentState: shipped }])).body).toEqual({ conflicts: [] });
    const stale = await v0.k1.push('documents', [{ assumedMasterState: honest, newDocumentState: { ...honest, status: 'cancelled' } }]);
    const projected = await byId(v0.k1, dispatch.id);
    expect(projected).toMatchObject({ status: 'shipped', note: 'cold, 2 crates' });
    expect(projected).not.toHaveProperty('requestIds');
    expect(stale.body).toEqual({ conflicts: [projected] });
    expect(await byId(v1.hq, dispatch.id)).toEqual({ ...shipped, _deleted: false });
  });

  it('stores a v0 tag as its link and answers the v0 till with what it will read back, so the till holds that', async () => {
    const request = businessDoc('s1', { type: 'store-request', toSiteId: 'k1', number: 'YH-5' });
    await v1.s1.insert('documents', [request]);
    const plain = businessDoc('k1', { type: 'dispatch', toSiteId: 's1', note: 'cold' });
    const tagged = businessDoc('k1', { type: 'dispatch', toSiteId: 's1', note: 'cold 要货单 YH-5' });
    const answer = await v0.k1.push('documents', [{ newDocumentState: plain }, { newDocumentState: tagged }]);
    // Only the row stored otherwise than sent is answered; the plain one reads back as pushed.
    expect(answer.body).toEqual({ conflicts: [{ ...tagged, note: 'cold', _deleted: false }] });
    expect(await byId(v0.k1, tagged.id)).toEqual({ ...tagged, note: 'cold', _deleted: false });
    expect(await byId(v1.hq, tagged.id)).toEqual({ ...tagged, note: 'cold', requestIds: [request.id], _deleted: false });
  });

  it('takes a retried v0 push as a no-op, documents and the append-only ledger alike', async () => {
    const request = businessDoc('s1', { type: 'store-request', toSiteId: 'k1', number: 'YH-4' });
    await v1.s1.insert('documents', [request]);
    const dispatch = businessDoc('k1', { type: 'dispatch', toSiteId: 's1', note: '要货单 YH-4' });
    const row = { assumedMasterState: null, newDocumentState: dispatch };
    // Stored with the link as a field; the till is told it now reads the dispatch without the tag.
    const { note: _tag, ...readBack } = { ...dispatch, _deleted: false };
    expect((await v0.k1.push('documents', [row])).body).toEqual({ conflicts: [readBack] });
    const { checkpoint } = await v1.hq.pullAll('documents');
    // The retry (its answer was lost) and a copy spaced otherwise than the projection writes it:
    // nothing changes, and the till is told again what it reads back.
    expect((await v0.k1.push('documents', [row])).body).toEqual({ conflicts: [readBack] });
    const respaced = { ...dispatch, note: '要货单  YH-4 ' };
    expect((await v0.k1.push('documents', [{ assumedMasterState: null, newDocumentState: respaced }])).body).toEqual({
      conflicts: [readBack],
    });
    expect((await v0.k1.push('documents', [{ assumedMasterState: readBack, newDocumentState: readBack }])).body).toEqual({ conflicts: [] });
    expect((await v1.hq.pull('documents', checkpoint)).body.documents).toEqual([]);

    // The ledger: a movement a current till wrote, pushed again by a v0 till, is identical as v0 reads it.
    const m = movement('k1');
    await v1.k1.insert('movements', [m]);
    const { checkpoint: ledger } = await v1.hq.pullAll('movements');
    expect((await v0.k1.push('movements', [{ newDocumentState: m }])).body).toEqual({ conflicts: [] });
    expect((await v0.k1.push('movements', [{ newDocumentState: { ...m, qty: 5 } }])).body).toEqual({
      conflicts: [{ ...m, _deleted: false }],
    });
    expect((await v1.hq.pull('movements', ledger)).body.documents).toEqual([]);
  });
});
