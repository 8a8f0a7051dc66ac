// Store requests, store receipts and purchasing as commands: links are fields, never note tags.
import { describe, expect, it } from 'vitest';
import { AlreadyRecordedError, InvalidStateError, postDocument, UnknownReferenceError, ValidationError } from '../../../shared/domain';
import { storeReceiptId, type IncomingDispatch } from '../../../shared/dispatch/store-receipt';
import type { ApprovalDoc, ConfigDoc, PurchaseOrderDoc } from '../../../shared/schemas';
import { batch, KITCHEN, ledgerWith, product, STORE } from '../domain/fixtures';
import { AT, run, stampFor } from './harness';

const store = () => stampFor({ siteId: STORE, siteKind: 'store', terminalId: 'term-s' });
const hq = () => stampFor({ siteId: 'hq', siteKind: 'hq', terminalId: 'term-hq' });
const beer = product('beer', { baseUnit: '瓶', packs: [{ unit: '箱', qtyInBase: 24, barcode: '1' }] });

describe('request.submit', () => {
  const world = () => ({ ledger: ledgerWith([beer], []), stamp: stampFor({ siteId: STORE, siteKind: 'store', terminalId: 'term-s' }) });

  it('keeps the delivery date and the pack unit as fields; the note stays free text', () => {
    const outcome = run(
      'request.submit',
      { kitchenId: KITCHEN, deliveryDate: '2025-03-02', note: ' 加急 ', lines: [{ productId: 'beer', qty: 2, unit: '箱' }] },
      world(),
    );
    const request = outcome.writes?.documents?.[0];
    expect(request).toMatchObject({
      type: 'store-request',
      siteId: STORE,
      toSiteId: KITCHEN,
      status: 'submitted',
      deliveryDate: '2025-03-02',
      note: '加急',
    });
    expect(request?.lines).toEqual([{ productId: 'beer', qty: 48, unit: '箱', unitQty: 2 }]);
    expect(
      run('request.submit', { kitchenId: KITCHEN, lines: [{ productId: 'beer', qty: 5 }] }, world()).writes?.documents?.[0]?.lines,
    ).toEqual([{ productId: 'beer', qty: 5 }]);
  });

  it('names what is wrong: a past delivery date, an unknown unit or product, nothing to ask for', () => {
    const line = { productId: 'beer', qty: 1 };
    expect(() => run('request.submit', { kitchenId: KITCHEN, deliveryDate: '2025-02-28', lines: [line] }, world())).toThrow(/deliveryDate/);
    expect(() => run('request.submit', { kitchenId: KITCHEN, lines: [{ ...line, unit: '桶' }] }, world())).toThrow(/lines\[0\]\.unit/);
    expect(() => run('request.submit', { kitchenId: KITCHEN, lines: [{ productId: 'wine', qty: 1 }] }, world())).toThrow(
      UnknownReferenceError,
    );
    expect(() => run('request.submit', { kitchenId: KITCHEN, lines: [{ ...line, qty: 0 }] }, world())).toThrow(ValidationError);
  });
});

describe('receipt.receive', () => {
  const kitchenBatch = batch('kb-1', 'beer', { unitCost: 3 });
  const incoming: IncomingDispatch = {
    dispatchId: 'd-1',
    number: 'PS-1',
    fromSiteId: KITCHEN,
    toSiteId: STORE,
    businessDate: '2025-03-01',
    shippedAt: AT,
    source: 'qr',
    lines: [{ productId: 'beer', batchId: 'kb-1', lotCode: 'L1', qty: 10, unitCost: 3 }],
  };

  it('posts one receipt per dispatch under its derived id, reading QR batches the store has not synced', () => {
    const outcome = run(
      'receipt.receive',
      { incoming, entries: [{ accepted: 8, rejected: 0 }] },
      { ledger: ledgerWith([beer], []), stamp: store() },
    );
    expect(outcome.post?.document).toMatchObject({
      id: storeReceiptId('d-1'),
      number: 'SH-1',
      siteId: STORE,
      toSiteId: KITCHEN,
      dispatchId: 'd-1',
    });
    expect(outcome.post?.batchFallback?.map((b) => b.id)).toEqual(['kb-1']);
    // Synced already: nothing to borrow from the QR.
    const synced = run('receipt.receive', { incoming, entries: [] }, { ledger: ledgerWith([beer], [kitchenBatch]), stamp: store() });
    expect(synced.post?.batchFallback).toBeUndefined();
  });

  it('refuses a second receipt of the same dispatch, naming the first, and a rejection without reason', () => {
    const first = run('receipt.receive', { incoming, entries: [] }, { ledger: ledgerWith([beer], []), stamp: store() }).post?.document;
    expect(first).toBeDefined();
    const again = () =>
      run(
        'receipt.receive',
        { incoming, entries: [] },
        { ledger: ledgerWith([beer], []), stamp: store(), documents: first ? [first] : [] },
      );
    expect(again).toThrow(AlreadyRecordedError);
    expect(again).toThrow(/SH-1/);
    expect(() => run('receipt.receive', { incoming, entries: [{ accepted: 5, rejected: 5 }] }, { stamp: store() })).toThrow(/lines\[0\]/);
  });
});

describe('purchasing commands', () => {
  const products = [product('beef', { category: 'meat' })];
  const rules: ConfigDoc = {
    id: 'approval-rules:site-kitchen',
    key: 'approval-rules',
    siteId: KITCHEN,
    value: { budgets: [{ category: 'meat', month: '2025-03', amount: 500 }] },
    updatedAt: AT,
  };
  const world = (documents: PurchaseOrderDoc[] = []) => ({ ledger: ledgerWith(products, []), config: [rules], documents });

  it('po.submit approves within budget at once and holds above it; the expected date is a field', () => {
    const within = run(
      'po.submit',
      { partnerId: 'sup', expectedDate: '2025-03-03', note: '早上送', lines: [{ productId: 'beef', qty: 4, unitCost: 100 }] },
      world(),
    );
    expect(within.result.check.status).toBe('within-budget');
    expect(within.writes?.documents?.[0]).toMatchObject({ status: 'approved', expectedDate: '2025-03-03', note: '早上送', number: 'PO-1' });
    const first = { ...(within.writes?.documents?.[0] as PurchaseOrderDoc), id: 'po-first' };
    const over = run('po.submit', { partnerId: 'sup', lines: [{ productId: 'beef', qty: 2, unitCost: 100 }] }, world([first]));
    expect(over.result.check.status).toBe('held-for-approval');
    expect(over.writes?.documents?.[0]?.status).toBe('submitted');
    expect(() => run('po.submit', { partnerId: 'sup', lines: [{ productId: 'beef', qty: 2, unitCost: 0 }] }, world())).toThrow(
      /lines\[0\]\.unitCost/,
    );
  });

  it('po.decide writes HQ’s approval naming the order in subjectDocId, addressed to the ordering site, once', () => {
    const held = run('po.submit', { partnerId: 'sup', lines: [{ productId: 'beef', qty: 9, unitCost: 100 }] }, world()).writes
      ?.documents?.[0] as PurchaseOrderDoc;
    const decided = run('po.decide', { orderId: held.id, decision: 'rejected', reason: '超预算' }, { ...world([held]), stamp: hq() });
    const approval = decided.writes?.documents?.[0] as ApprovalDoc;
    expect(approval).toMatchObject({
      type: 'approval',
      siteId: 'hq',
      toSiteId: KITCHEN,
      subjectDocId: held.id,
      subjectDocType: 'purchase-order',
      status: 'rejected',
      note: '超预算',
    });
    expect(decided.writes?.events?.[0]).toMatchObject({ siteId: 'hq', toSiteId: KITCHEN, docId: held.id, data: { userId: 'hq:term-hq' } });
    expect(() =>
      run('po.decide', { orderId: held.id, decision: 'approved' }, { ...world([held]), documents: [held, approval], stamp: hq() }),
    ).toThrow(InvalidStateError);
    expect(() => run('po.decide', { orderId: held.id, decision: 'rejected', reason: ' ' }, { ...world([held]), stamp: hq() })).toThrow(
      ValidationError,
    );
  });

  it('goods-receipt.post names its order in purchaseOrderId and gives every line a new batch', () => {
    const outcome = run(
      'goods-receipt.post',
      { partnerId: 'sup', purchaseOrderId: 'po-1', lines: [{ productId: 'beef', qty: 5, unitCost: 90, lotCode: ' L-1 ' }] },
      world(),
    );
    const receipt = outcome.post?.document;
    expect(receipt).toMatchObject({ type: 'goods-receipt', purchaseOrderId: 'po-1', number: 'GR-1' });
    expect(receipt?.note).toBeUndefined();
    expect(receipt?.lines).toEqual([{ productId: 'beef', qty: 5, unitCost: 90, lotCode: 'L-1', batchId: 'id-2' }]);
    expect(receipt && postDocument(receipt, ledgerWith(products, [])).ok).toBe(true);
    expect(() =>
      run('goods-receipt.post', { partnerId: 'sup', lines: [{ productId: 'beef', qty: 5, unitCost: 90, lotCode: ' ' }] }, world()),
    ).toThrow(/lotCode/);
  });
});
