import 'fake-indexeddb/auto'; // the stock projection keeps its history in IndexedDB (renderer/db/ledger-history.ts)
// Postings on the terminal's real RxDB store: one unit from the user's point of view, refused
// with the domain's typed error, and completed after a crash between the writes.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createLarderDatabase, type LarderDatabase } from '../../../renderer/db/database';
import { LocalLedger } from '../../../renderer/db/local-ledger';
import { postLocally, PostingRefusedError, repairPendingPostings } from '../../../renderer/db/posting';
import { postDocument, NegativeStockError } from '../../../shared/domain';
import type { GoodsReceiptDoc, SaleDoc } from '../../../shared/schemas';
import { doc, KITCHEN, product } from '../../unit/domain/fixtures';

let db: LarderDatabase;
let local: LocalLedger;

beforeEach(async () => {
  db = await createLarderDatabase({ name: `p${randomUUID().replace(/-/g, '').slice(0, 16)}`, storage: getRxStorageMemory() });
  await db.products.insert(product('flour', { baseUnit: 'g' }));
  local = await LocalLedger.open(db);
});
afterEach(async () => {
  local.close();
  await db.close();
});

const receipt = () =>
  doc<GoodsReceiptDoc>({
    type: 'goods-receipt',
    siteId: KITCHEN,
    partnerId: 'sup-1',
    lines: [{ productId: 'flour', qty: 1000, batchId: `b-${randomUUID()}`, lotCode: 'F1', unitCost: 0.01 }],
  });
const sale = (qty: number) =>
  doc<SaleDoc>({ type: 'sale', siteId: KITCHEN, paymentMethod: 'cash', lines: [{ productId: 'flour', qty, unitPrice: 0.05 }] });

describe('posting into the local store', () => {
  it('writes the document, its movements and balanced journal, and the projection follows', async () => {
    const posted = await postLocally(db, local, receipt());
    const batchId = posted.movements[0]?.batchId ?? '';
    expect(await db.movements.count().exec()).toBe(1);
    expect(await db.journal.count().exec()).toBe(1);
    expect((await db.documents.findOne(posted.document.id).exec())?.status).toBe('posted');
    expect(local.ledger.onHand(KITCHEN, batchId)).toBe(1000);

    await postLocally(db, local, sale(300));
    expect(local.ledger.onHand(KITCHEN, batchId)).toBe(700);
    const journal = (await db.journal.find().exec()).map((j) => j.toJSON());
    for (const entry of journal) {
      const debit = entry.lines.reduce((s, l) => s + l.debit, 0);
      const credit = entry.lines.reduce((s, l) => s + l.credit, 0);
      expect(debit).toBeCloseTo(credit, 6);
    }
  });

  it('refuses a sale beyond on-hand with the domain error naming the shortfall, and stores nothing', async () => {
    await postLocally(db, local, receipt());
    const before = await db.movements.count().exec();
    const error = await postLocally(db, local, sale(1500)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PostingRefusedError);
    expect((error as PostingRefusedError).domainError).toBeInstanceOf(NegativeStockError);
    expect((error as PostingRefusedError).domainError).toMatchObject({ shortfall: 500, productId: 'flour' });
    expect(await db.movements.count().exec()).toBe(before);
  });

  it('completes a posting interrupted after its intent was saved, once', async () => {
    const document = receipt();
    const outcome = postDocument(document, local.ledger);
    if (!outcome.ok) throw outcome.error;
    // The crash: intent saved and only the first movement written, then the window closed.
    await db.documents.upsertLocal('posting-intents', { intents: { [document.id]: outcome.result } });
    await db.movements.insert(outcome.result.movements[0]!);
    local.close();
    local = await LocalLedger.open(db);

    expect(await repairPendingPostings(db, local)).toEqual([document.id]);
    expect(await repairPendingPostings(db, local)).toEqual([]);
    expect(await db.movements.count().exec()).toBe(outcome.result.movements.length);
    expect(await db.journal.count().exec()).toBe(1);
    expect((await db.documents.findOne(document.id).exec())?.status).toBe('posted');
    expect(local.ledger.onHand(KITCHEN, outcome.result.movements[0]!.batchId)).toBe(1000);
  });
});

describe('posting with batches not synced yet', () => {
  it('reads a fallback batch for the posting and never writes it', async () => {
    const { batch } = await import('../../unit/domain/fixtures');
    const kitchenBatch = batch('b-kitchen-1', 'flour', { siteId: 'site-kitchen', unitCost: 0.02 });
    const receipt = doc<import('../../../shared/schemas').StoreReceiptDoc>({
      type: 'store-receipt',
      siteId: 'site-store',
      dispatchId: 'dispatch-not-synced',
      toSiteId: 'site-kitchen',
      lines: [{ productId: 'flour', batchId: 'b-kitchen-1', qty: 100, accepted: 90, short: 10, rejected: 0, unitCost: 0.02 }],
    });
    await expect(postLocally(db, local, receipt)).rejects.toBeInstanceOf(PostingRefusedError);
    const posted = await postLocally(db, local, receipt, { batchFallback: (id) => (id === kitchenBatch.id ? kitchenBatch : undefined) });
    expect(posted.movements.map((m) => [m.kind, m.qty])).toEqual([
      ['dispatch-in', 90],
      ['transit-loss', 10],
    ]);
    expect(local.ledger.onHand('site-store', 'b-kitchen-1')).toBe(90);
    expect(await db.batches.count().exec()).toBe(0);
  });
});
