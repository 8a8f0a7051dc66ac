// Store-to-store transfers (调拨, issue 17): a store creates, picks and ships a transfer to another
// store through the dispatch commands, the other store receives it as a dispatch (accepted, short,
// rejected), and the books of both sites agree: per batch out + in + loss = 0, every entry
// balances and what went into transit comes out of it (a property over random splits).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDispatchDoc } from '../../../shared/dispatch/store-receipt';
import { postDocument, ValidationError, type PostingResult } from '../../../shared/domain';
import type { TransferDoc } from '../../../shared/schemas';
import { documentAddressees } from '../../../shared/schemas/addressing';
import { batch, ledgerWith, ok, perishable, sumBy } from '../domain/fixtures';
import { run, stampFor } from '../commands/harness';

const STORE_A = 'store-a';
const STORE_B = 'store-b';
const milk = perishable('milk', 7);
const batches = [
  batch('m1', 'milk', { siteId: STORE_A, expiryDate: '2025-03-04', unitCost: 2 }),
  batch('m2', 'milk', { siteId: STORE_A, expiryDate: '2025-03-06', unitCost: 4 }),
];
const atA = stampFor({ siteId: STORE_A, siteKind: 'store' });
const atB = stampFor({ siteId: STORE_B, siteKind: 'store' });
const stock = () =>
  ledgerWith([milk], batches, [
    { siteId: STORE_A, batchId: 'm1', qty: 6 },
    { siteId: STORE_A, batchId: 'm2', qty: 10 },
  ]);

/** Store A ships `qty` milk to store B: create, pick by FEFO, ship; the posted outcome. */
function shipTransfer(ledger: ReturnType<typeof stock>, qty: number): PostingResult {
  const created = run('transfer.create', { toSiteId: STORE_B }, { ledger, stamp: atA }).writes!.documents![0] as TransferDoc;
  const picked = run(
    'dispatch.pick',
    { dispatchId: created.id, lines: [{ productId: 'milk', qty }] },
    { ledger, documents: [created], stamp: atA },
  ).writes!.documents![0] as TransferDoc;
  const shipped = run('dispatch.ship', { dispatchId: picked.id }, { ledger, documents: [picked], stamp: atA }).post!.document;
  const posted = ok(postDocument(shipped, ledger));
  ledger.commit(posted);
  return posted;
}

describe('a store-to-store transfer', () => {
  it('is created only by a store, to another store, numbered as a transfer (DB)', () => {
    const created = run('transfer.create', { toSiteId: STORE_B }, { stamp: atA }).writes!.documents![0];
    expect(created).toMatchObject({ type: 'transfer', siteId: STORE_A, toSiteId: STORE_B, status: 'draft', number: 'DB-1' });
    expect(() => run('transfer.create', { toSiteId: STORE_A }, { stamp: atA })).toThrow(ValidationError);
    expect(() => run('transfer.create', { toSiteId: STORE_B }, { stamp: stampFor() })).toThrow(/from a store to another store/);
    // The endpoint holds the addressing to the same pairs: store → store only.
    expect(documentAddressees['transfer']).toEqual({ store: ['store'] });
  });

  it('ships by FEFO at cost and is received by the other store as a dispatch; out + in + loss = 0 per batch', () => {
    const ledger = stock();
    const shipped = shipTransfer(ledger, 10);
    expect(shipped.movements.map((m) => [m.kind, m.siteId, m.batchId, m.qty, m.docType])).toEqual([
      ['dispatch-out', STORE_A, 'm1', -6, 'transfer'],
      ['dispatch-out', STORE_A, 'm2', -4, 'transfer'],
    ]);
    // 6 × 2 + 4 × 4 = 28 leaves A's inventory into transit.
    expect(shipped.journal[0]?.lines).toEqual([
      { accountCode: '1402', debit: 28, credit: 0 },
      { accountCode: '1405', debit: 0, credit: 28 },
    ]);
    const incoming = fromDispatchDoc(shipped.document as TransferDoc, ledger);
    const receipt = run(
      'receipt.receive',
      {
        incoming,
        entries: [
          { accepted: 6, rejected: 0 },
          { accepted: 2, rejected: 1, rejectReason: '包装破损' },
        ],
      },
      { ledger, stamp: atB },
    ).post!.document;
    expect(receipt).toMatchObject({ type: 'store-receipt', siteId: STORE_B, toSiteId: STORE_A, dispatchId: shipped.document.id });
    const received = ok(postDocument(receipt, ledger));
    ledger.commit(received);
    for (const batchId of ['m1', 'm2']) {
      const all = [...shipped.movements, ...received.movements].filter((m) => m.batchId === batchId);
      expect(sumBy(all, (m) => m.qty)).toBe(0);
    }
    expect([ledger.onHand(STORE_B, 'm1'), ledger.onHand(STORE_B, 'm2'), ledger.onHand(STORE_A, 'm2')]).toEqual([6, 2, 6]);
    // The short and refused lines tell store A, the sender.
    expect(received.events).toMatchObject([{ kind: 'discrepancy', siteId: STORE_B, toSiteId: STORE_A }]);
  });

  it('leaves nothing in transit once received, however the lines split (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 16 }),
        fc.array(fc.record({ accepted: fc.nat(10), rejected: fc.nat(10) }), { minLength: 2, maxLength: 2 }),
        (qty, splits) => {
          const ledger = stock();
          const shipped = shipTransfer(ledger, qty);
          const incoming = fromDispatchDoc(shipped.document as TransferDoc, ledger);
          const entries = incoming.lines.map((line, index) => {
            const split = splits[index]!;
            const accepted = Math.min(split.accepted, line.qty);
            const rejected = Math.min(split.rejected, line.qty - accepted);
            return { accepted, rejected, ...(rejected > 0 ? { rejectReason: '损坏' } : {}) };
          });
          const receipt = run('receipt.receive', { incoming, entries }, { ledger, stamp: atB }).post!.document;
          const received = ok(postDocument(receipt, ledger));
          const journal = [...shipped.journal, ...received.journal].flatMap((entry) => entry.lines);
          for (const entry of [...shipped.journal, ...received.journal])
            expect(sumBy(entry.lines, (line) => line.debit - line.credit)).toBeCloseTo(0, 6);
          const inTransit = journal.filter((line) => line.accountCode === '1402');
          expect(sumBy(inTransit, (line) => line.debit - line.credit)).toBeCloseTo(0, 6);
          for (const batchId of ['m1', 'm2']) {
            const all = [...shipped.movements, ...received.movements].filter((m) => m.batchId === batchId);
            expect(sumBy(all, (m) => m.qty)).toBeCloseTo(0, 9);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
