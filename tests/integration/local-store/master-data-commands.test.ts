import 'fake-indexeddb/auto'; // the stock projection keeps its history in IndexedDB (renderer/db/ledger-history.ts)
// Master-data commands through the executor on a real RxDB store: HQ's product and partner saves
// read every product or partner (codes stay unique) and write whole; a store terminal is refused.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { runCommand, type CommandSession } from '../../../renderer/db/commands';
import { createLarderDatabase, type LarderDatabase } from '../../../renderer/db/database';
import { LocalLedger } from '../../../renderer/db/local-ledger';
import { guardWriteScope } from '../../../renderer/db/write-guard';
import type { ProductDraft } from '../../../shared/commands';
import { DuplicateCodeError, NotWritableHereError } from '../../../shared/domain';
import { product, STORE } from '../../unit/domain/fixtures';

let db: LarderDatabase | undefined;
let ledger: LocalLedger | undefined;

beforeAll(() => {
  if (!('localStorage' in globalThis)) {
    const items = new Map<string, string>();
    Object.assign(globalThis, {
      localStorage: {
        getItem: (key: string) => items.get(key) ?? null,
        setItem: (key: string, value: string) => void items.set(key, value),
      },
    });
  }
});

afterEach(async () => {
  ledger?.close();
  await db?.close();
  db = undefined;
});

async function session(siteId: string, siteKind: 'hq' | 'store'): Promise<CommandSession> {
  db = await createLarderDatabase({ name: `m${randomUUID().replace(/-/g, '').slice(0, 16)}`, storage: getRxStorageMemory() });
  await db.products.insert(product('cola', { name: '可乐', sku: 'COLA', barcodes: ['6901234567892'] }));
  guardWriteScope(db, { siteId, siteKind });
  ledger = await LocalLedger.open(db);
  return { db, ledger, siteId, siteKind, terminalId: 'term-abcd', operator: () => ({ operator: null, required: false }) };
}

const draft: ProductDraft = {
  sku: 'BEEF-1',
  name: '卤牛肉',
  baseUnit: 'g',
  packs: [{ unit: '箱', qtyInBase: 5000, barcode: '16901234567899' }],
  barcodes: [],
  category: 'meat',
  perishable: true,
  nearExpiryDays: 1,
  storageClass: 'chilled',
  salePrices: [{ price: 0.12, from: '2025-03-01' }],
  active: true,
};

describe('master data through the executor', () => {
  it('HQ saves a new product whole, with its packs and price list', async () => {
    const hq = await session('hq', 'hq');
    const { result } = await runCommand(hq, 'product.save', { product: draft });
    const stored = (await hq.db.products.findOne(result.id).exec())?.toJSON();
    expect(stored).toMatchObject({ ...draft, id: result.id });
  });

  it('reads every product, so a barcode another product has is refused and nothing is written', async () => {
    const hq = await session('hq', 'hq');
    const error = await runCommand(hq, 'product.save', { product: { ...draft, barcodes: ['06901234567892'] } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateCodeError);
    expect(await hq.db.products.count().exec()).toBe(1);
  });

  it('writes partners; a store terminal may not change master data', async () => {
    const hq = await session('hq', 'hq');
    const { result } = await runCommand(hq, 'partner.save', {
      partner: { kind: 'customer', code: 'C1', name: '蓝湾酒店', paymentTermsDays: 30, active: true },
    });
    expect((await hq.db.partners.findOne(result.id).exec())?.get('paymentTermsDays')).toBe(30);
    ledger?.close();
    await db?.close();
    const store = await session(STORE, 'store');
    const refused = await runCommand(store, 'product.save', { product: draft }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NotWritableHereError);
  });
});
