import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../shared/protocol/wire';
import {
  keepNewerFields,
  onlyAddsOlderOmittedFields,
  projectToVersion,
  upgradeFromVersion,
  type LegacyLinkResolver,
} from '../../../shared/schemas/versions';

const at = '2026-12-01T02:00:00.000Z';
const header = {
  siteId: 'kitchen',
  number: 'PS-1',
  status: 'shipped',
  businessDate: '2026-12-01',
  at,
  terminalId: 't-k',
  updatedAt: at,
  _deleted: false,
};
const requests: Record<string, string> = { 'req-1': 'YH-20261201-AAAA-001', 'req-2': 'YH-20261201-AAAA-002' };
const resolver: LegacyLinkResolver = {
  requestIdByNumber: (store, number) => (store === 'store-a' ? Object.keys(requests).find((id) => requests[id] === number) : undefined),
};

describe('moving documents between schema versions', () => {
  it('a v1 dispatch is projected to v0 by leaving its links out, the note untouched; a v0 tag comes back as the link', () => {
    const v1: JsonObject = {
      id: 'd-1',
      type: 'dispatch',
      toSiteId: 'store-a',
      ...header,
      requestIds: ['req-1', 'req-2'],
      note: 'fragile',
      lines: [{ productId: 'p', qty: 1, unit: '箱', unitQty: 1 }],
    };
    const v0 = projectToVersion('documents', v1, 0);
    expect(v0).not.toHaveProperty('requestIds');
    expect(v0.note).toBe('fragile');
    expect(v0.lines).toEqual([{ productId: 'p', qty: 1 }]);
    expect(v0._deleted).toBe(false);
    // What a first-release terminal writes for the same dispatch.
    const written = { ...v0, note: 'fragile 要货单 YH-20261201-AAAA-001, YH-20261201-AAAA-002' };
    expect(upgradeFromVersion('documents', written, 0, resolver)).toEqual({ ...v1, lines: [{ productId: 'p', qty: 1 }] });
  });

  it('a tag no resolver knows stays in the note: nothing is lost', () => {
    const v0: JsonObject = { id: 'd-2', type: 'dispatch', toSiteId: 'store-b', ...header, note: '要货单 YH-9', lines: [] };
    expect(upgradeFromVersion('documents', v0, 0, resolver)).toEqual(v0);
  });

  it('each v0 tag becomes its field and the note keeps only free text', () => {
    const up = (doc: JsonObject) => upgradeFromVersion('documents', { ...header, lines: [], ...doc }, 0, resolver);
    expect(up({ id: 'g', type: 'goods-receipt', note: 'po:po-1 three boxes dented' })).toMatchObject({
      purchaseOrderId: 'po-1',
      note: 'three boxes dented',
    });
    expect(up({ id: 'o', type: 'purchase-order', note: 'expected:2026-12-03' })).toMatchObject({ expectedDate: '2026-12-03' });
    expect(up({ id: 'o', type: 'purchase-order', note: 'expected:2026-12-03' })).not.toHaveProperty('note');
    expect(up({ id: 'r', type: 'store-request', note: '到货日期 2026-12-02\n早上送' })).toMatchObject({
      deliveryDate: '2026-12-02',
      note: '早上送',
    });
    expect(up({ id: 'r', type: 'store-request', note: 'Delivery 2026-12-02' })).toMatchObject({ deliveryDate: '2026-12-02' });
    expect(up({ id: 'a', type: 'approval', status: 'rejected', note: 'rejected purchase order CG-1 (po-1): too dear' })).toMatchObject({
      subjectDocId: 'po-1',
      subjectDocType: 'purchase-order',
      note: 'too dear',
    });
    // Free text that merely looks like a tag elsewhere is left alone.
    expect(up({ id: 's', type: 'sale', note: 'po:nothing here' })).toMatchObject({ note: 'po:nothing here' });
  });

  it('no projection writes a link into a note: each v1 link field is left out and the note kept as written', () => {
    const down = (doc: JsonObject) => projectToVersion('documents', { ...header, lines: [], ...doc }, 0);
    const cases: JsonObject[] = [
      { id: 'g', type: 'goods-receipt', purchaseOrderId: 'po-1', note: 'dented' },
      { id: 'o', type: 'purchase-order', expectedDate: '2026-12-03' },
      { id: 'r', type: 'store-request', deliveryDate: '2026-12-02', note: '早上送' },
      { id: 'a', type: 'approval', status: 'approved', subjectDocId: 'po-1', subjectDocType: 'purchase-order' },
      { id: 'd', type: 'dispatch', toSiteId: 'store-a', requestIds: ['req-1'] },
    ];
    for (const doc of cases) {
      const projected = down(doc);
      expect(projected.note, String(doc.id)).toBe(doc.note);
      for (const field of ['purchaseOrderId', 'expectedDate', 'deliveryDate', 'subjectDocId', 'subjectDocType', 'requestIds'])
        expect(projected, `${String(doc.id)}.${field}`).not.toHaveProperty(field);
    }
  });

  it('collections whose steps only add fields project by leaving them out, free-form values kept whole', () => {
    const event: JsonObject = {
      id: 'e',
      siteId: 's',
      kind: 'audit',
      severity: 'info',
      at,
      message: 'm',
      data: { deep: { any: [1, { x: 2 }] } },
      updatedAt: at,
    };
    expect(projectToVersion('events', event, 0)).toEqual(event);
    expect(projectToVersion('events', { ...event, futureField: 1 }, 0)).toEqual(event);
  });

  it('a push from an older terminal keeps the stored fields it never knew, line by line', () => {
    const stored: JsonObject = {
      id: 'd',
      type: 'dispatch',
      ...header,
      status: 'draft',
      requestIds: ['req-1'],
      lines: [
        { productId: 'p', qty: 2, unit: '箱', unitQty: 2 },
        { productId: 'q', qty: 1 },
      ],
    };
    const pushedV0: JsonObject = {
      id: 'd',
      type: 'dispatch',
      ...header,
      status: 'picked',
      lines: [
        { productId: 'p', qty: 2 },
        { productId: 'r', qty: 1 },
      ],
    };
    const merged = keepNewerFields('documents', pushedV0, stored, 0);
    expect(merged).toMatchObject({ status: 'picked', requestIds: ['req-1'] });
    expect(merged.lines).toEqual([
      { productId: 'p', qty: 2, unit: '箱', unitQty: 2 },
      { productId: 'r', qty: 1 },
    ]);
    // A line the older terminal edited drops the newer fields that described the old line.
    const edited = keepNewerFields('documents', { ...pushedV0, lines: [{ productId: 'p', qty: 3 }] }, stored, 0);
    expect(edited.lines).toEqual([{ productId: 'p', qty: 3 }]);
    // A field the older terminal knows and removed stays removed.
    const withNote = keepNewerFields('documents', { ...pushedV0 }, { ...stored, note: 'old' }, 0);
    expect(withNote).not.toHaveProperty('note');
    // A current terminal's push is taken as it is.
    expect(keepNewerFields('documents', pushedV0, stored, 1)).toEqual(pushedV0);
  });

  it('a copy that only adds what an older version left out is the fuller copy; any other difference is not', () => {
    // After a restore, a terminal that held the v0 projection re-sent it before the author re-sent the whole.
    const full: JsonObject = {
      id: 'd',
      type: 'dispatch',
      toSiteId: 'store-a',
      ...header,
      requestIds: ['req-1'],
      lines: [{ productId: 'p', qty: 2, unit: '箱', unitQty: 2 }],
    };
    const storedV0 = projectToVersion('documents', full, 0);
    expect(onlyAddsOlderOmittedFields('documents', full, storedV0)).toBe(true);
    // The same copy, or one that changes a field the stored copy has, is not an addition.
    expect(onlyAddsOlderOmittedFields('documents', full, full)).toBe(false);
    expect(onlyAddsOlderOmittedFields('documents', { ...full, status: 'posted' }, storedV0)).toBe(false);
    expect(onlyAddsOlderOmittedFields('documents', full, { ...storedV0, note: 'kept' })).toBe(false);
    // Nor is the stored fuller copy replaced by a poorer one.
    expect(onlyAddsOlderOmittedFields('documents', storedV0, full)).toBe(false);
  });
});
