import 'fake-indexeddb/auto'; // the stock projection keeps its history in IndexedDB (renderer/db/ledger-history.ts)
// Local writes this terminal's site may not make fail at once, naming the document, and store
// nothing — the endpoint would refuse them, and the sync client would keep them back for good.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createLarderDatabase, type LarderDatabase } from '../../../renderer/db/database';
import { LocalLedger } from '../../../renderer/db/local-ledger';
import { postLocally } from '../../../renderer/db/posting';
import { guardWriteScope } from '../../../renderer/db/write-guard';
import { NotWritableHereError } from '../../../shared/domain';
import type { GoodsReceiptDoc, SaleDoc } from '../../../shared/schemas';
import type { Writer } from '../../../shared/schemas/write-scope';
import { batch, doc, KITCHEN, product, STORE } from '../../unit/domain/fixtures';

const kitchen: Writer = { siteId: KITCHEN, siteKind: 'kitchen' };
const hq: Writer = { siteId: 'site-hq', siteKind: 'hq' };
let db: LarderDatabase | undefined;

/** One database open at a time: RxDB's open core allows 13 collections per process. */
async function database(writer?: Writer): Promise<LarderDatabase> {
  await db?.close();
  db = await createLarderDatabase({ name: `g${randomUUID().replace(/-/g, '').slice(0, 16)}`, storage: getRxStorageMemory(), writer });
  return db;
}

afterEach(async () => {
  await db?.close();
  db = undefined;
});

const sale = (siteId: string) =>
  doc<SaleDoc>({ type: 'sale', siteId, paymentMethod: 'cash', status: 'draft', lines: [{ productId: 'flour', qty: 1, unitPrice: 2 }] });

async function refusal(write: Promise<unknown>): Promise<NotWritableHereError> {
  const error = await write.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NotWritableHereError);
  return error as NotWritableHereError;
}

describe('the local write guard', () => {
  it('refuses another site’s document and stores nothing', async () => {
    const db = await database(kitchen);
    const other = sale(STORE);
    const error = await refusal(db.documents.insert(other));
    expect(error).toMatchObject({
      code: 'not-writable-here',
      collection: 'documents',
      id: other.id,
      siteId: STORE,
      writableBy: 'own-site',
    });
    expect(await db.documents.count().exec()).toBe(0);
    // A bulk write with one such row stores none of them.
    await refusal(db.documents.bulkInsert([sale(KITCHEN), sale(STORE)]));
    expect(await db.documents.count().exec()).toBe(0);
  });

  it('refuses reference data from a kitchen and takes it from HQ', async () => {
    const db = await database(kitchen);
    const error = await refusal(db.products.insert(product('flour')));
    expect(error).toMatchObject({ collection: 'products', id: 'flour', writableBy: 'hq' });
    expect(await db.products.count().exec()).toBe(0);
    const hqDb = await database(hq);
    await hqDb.products.insert(product('flour'));
    expect(await hqDb.products.count().exec()).toBe(1);
  });

  it('lets a site write its own documents and batches, and not hand them to another site', async () => {
    const db = await database(kitchen);
    const own = sale(KITCHEN);
    await db.documents.insert(own);
    await db.batches.insert(batch('b-1', 'flour', { siteId: KITCHEN }));
    await refusal(db.documents.upsert({ ...own, siteId: STORE }));
    expect((await db.documents.findOne(own.id).exec())?.siteId).toBe(KITCHEN);
    await refusal(db.batches.insert(batch('b-2', 'flour', { siteId: STORE })));
  });

  it('refuses edits and removal of a document pulled from another site, which stays as pulled', async () => {
    // What the replication writes is not checked; a database without the guard stands in for it.
    const pulled = await database();
    const dispatch = sale(STORE);
    await pulled.documents.insert(dispatch);
    guardWriteScope(pulled, kitchen);
    const stored = await pulled.documents.findOne(dispatch.id).exec();
    await refusal(stored!.incrementalPatch({ note: 'changed here' }));
    // Nor can it be taken over by naming this site in it.
    await refusal(stored!.incrementalPatch({ siteId: KITCHEN }));
    await refusal(stored!.remove());
    expect((await pulled.documents.findOne(dispatch.id).exec())?.toJSON()).toMatchObject({ id: dispatch.id, siteId: STORE });
    expect((await pulled.documents.findOne(dispatch.id).exec())?.get('note')).toBeUndefined();
  });

  it('refuses a posting for another site before writing any part of it (no intent left to repair)', async () => {
    const hqDb = await database(hq);
    await hqDb.products.insert(product('flour', { baseUnit: 'g' }));
    const local = await LocalLedger.open(hqDb);
    try {
      const receipt = doc<GoodsReceiptDoc>({
        type: 'goods-receipt',
        siteId: KITCHEN,
        partnerId: 'sup-1',
        lines: [{ productId: 'flour', qty: 1000, batchId: 'b-r1', lotCode: 'F1', unitCost: 0.01 }],
      });
      await refusal(postLocally(hqDb, local, receipt));
      expect(await hqDb.movements.count().exec()).toBe(0);
      expect(await hqDb.batches.count().exec()).toBe(0);
      expect(await hqDb.documents.count().exec()).toBe(0);
      expect((await hqDb.documents.getLocal<{ intents: object }>('posting-intents'))?.get('intents') ?? {}).toEqual({});
    } finally {
      local.close();
    }
  });
});
