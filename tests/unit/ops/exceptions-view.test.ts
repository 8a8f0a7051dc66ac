import { describe, expect, it } from 'vitest';
import { Ledger, listStockExceptions, postDocument } from '../../../shared/domain';
import { draftReversal, exceptionViews } from '../../../shared/ops/exceptions-view';
import { batch, document, movement, product, STORE } from './fixtures';

describe('stock exception resolutions', () => {
  const movements = [
    movement({ id: 'rcv', siteId: STORE, productId: 'milk', batchId: 'milk-1', qty: 5, kind: 'receipt', docId: 'gr-1' }),
    movement({
      id: 'sale-a',
      siteId: STORE,
      productId: 'milk',
      batchId: 'milk-1',
      qty: -4,
      kind: 'sale',
      docType: 'sale',
      docId: 's-1',
      terminalId: 'till-1',
    }),
    movement({
      id: 'other',
      siteId: STORE,
      productId: 'milk',
      batchId: 'milk-2',
      qty: -1,
      kind: 'sale',
      docType: 'sale',
      docId: 's-9',
      terminalId: 'till-1',
    }),
    movement({
      id: 'sale-b',
      siteId: STORE,
      productId: 'milk',
      batchId: 'milk-1',
      qty: -3,
      kind: 'sale',
      docType: 'sale',
      docId: 's-2',
      terminalId: 'till-2',
    }),
  ];
  const documents = [
    document({ id: 's-1', type: 'sale', siteId: STORE, number: 'XS-001' }),
    document({ id: 's-2', type: 'sale', siteId: STORE, number: 'XS-002' }),
  ];
  const documentOf = (id: string) => documents.find((doc) => doc.id === id);
  const exceptions = listStockExceptions(movements, STORE).filter((e) => e.batchId === 'milk-1');

  it('names both conflicting documents and terminals, and offers a count and either reversal', () => {
    const [view] = exceptionViews(exceptions, movements, documentOf);
    expect(view?.postings).toEqual([
      { docId: 's-1', docType: 'sale', docNumber: 'XS-001', terminalId: 'till-1', at: movements[1]?.at, qty: 4, wentNegative: false },
      { docId: 's-2', docType: 'sale', docNumber: 'XS-002', terminalId: 'till-2', at: movements[3]?.at, qty: 3, wentNegative: true },
    ]);
    expect(view?.resolutions).toEqual([
      { kind: 'count-batch', siteId: STORE, productId: 'milk', batchId: 'milk-1', expectedOnHand: -2 },
      {
        kind: 'reverse-posting',
        siteId: STORE,
        docId: 's-1',
        docType: 'sale',
        docNumber: 'XS-001',
        terminalId: 'till-1',
        qty: 4,
        otherDocIds: ['s-2'],
      },
      {
        kind: 'reverse-posting',
        siteId: STORE,
        docId: 's-2',
        docType: 'sale',
        docNumber: 'XS-002',
        terminalId: 'till-2',
        qty: 3,
        otherDocIds: ['s-1'],
      },
    ]);
    expect(view?.summary).toBe(
      'Batch milk-1 stands at -2 at site-store: XS-001 (terminal till-1, 4) and XS-002 (terminal till-2, 3) took the same stock. Count the batch, or reverse the wrong posting.',
    );
  });

  it('the draft reversal posts and clears the exception', () => {
    const [view] = exceptionViews(exceptions, movements, documentOf);
    const resolution = view?.resolutions[2];
    if (resolution?.kind !== 'reverse-posting') throw new Error('expected a reversal');
    const ledger = Ledger.fromMovements(
      { products: [product('milk')], batches: [batch('milk-1', 'milk'), batch('milk-2', 'milk')], documents },
      movements,
    );
    const reversal = draftReversal(resolution, {
      id: 'rev-1',
      number: 'HC-001',
      terminalId: 'till-2',
      businessDate: '2025-03-01',
      at: '2025-03-01T12:00:00.000Z',
    });
    const outcome = postDocument(reversal, ledger);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) ledger.commit(outcome.result);
    expect(ledger.onHand(STORE, 'milk-1')).toBe(1);
    expect(listStockExceptions(ledger.movements(), STORE).filter((e) => e.batchId === 'milk-1')).toEqual([]);
  });
});
