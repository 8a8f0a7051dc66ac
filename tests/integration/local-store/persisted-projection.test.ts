import 'fake-indexeddb/auto'; // the stock projection keeps its history in IndexedDB (renderer/db/ledger-history.ts)
// The terminal's persisted stock projection (renderer/db/local-ledger.ts) on a real RxDB store:
// a start resumes from the saved positions and folds only newer movements; nothing is counted
// twice, whether sync delivers a movement again, a migration rewrites every record, or a posting
// is completed again after a crash; and history read by index equals the store's movements.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLarderDatabase, type LarderDatabase } from '../../../renderer/db/database';
import { LocalLedger } from '../../../renderer/db/local-ledger';
import { postLocally } from '../../../renderer/db/posting';
import { positionKey, recomputePositions, type StockPosition } from '../../../shared/domain';
import type { GoodsReceiptDoc, MovementDoc, StockCountDoc } from '../../../shared/schemas';
import { doc, KITCHEN, product } from '../../unit/domain/fixtures';

let db: LarderDatabase;
let local: LocalLedger | null = null;

const open = async () => {
  local?.close();
  local = await LocalLedger.open(db);
  return local;
};

beforeEach(async () => {
  db = await createLarderDatabase({ name: `pp${randomUUID().replace(/-/g, '').slice(0, 16)}`, storage: getRxStorageMemory() });
  await db.products.insert(product('flour', { baseUnit: 'g' }));
});
afterEach(async () => {
  local?.close();
  local = null;
  await db.close();
});

const movement = (n: number, batch: string, qty: number, at: string): MovementDoc => ({
  id: `m-${n}`,
  siteId: KITCHEN,
  productId: 'flour',
  batchId: batch,
  qty,
  kind: qty >= 0 ? 'receipt' : 'sale',
  unitCost: 0.01 * (1 + (n % 3)),
  docType: qty >= 0 ? 'goods-receipt' : 'sale',
  docId: `d-${n}`,
  lineNo: 0,
  at,
  terminalId: 't-1',
  updatedAt: at,
});

const rounded = (positions: Iterable<StockPosition>) =>
  Object.fromEntries(
    [...positions]
      .map((p) => [positionKey(p), { qty: Math.round(p.qty * 1e6) / 1e6, value: Math.round(p.value * 1e6) / 1e6 }] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );

async function storedMovements(): Promise<MovementDoc[]> {
  return (await db.movements.find().exec()).map((d) => d.toJSON() as MovementDoc);
}

async function expectProjectionEqualsStore(ledger: LocalLedger): Promise<void> {
  await ledger.settled();
  const stored = await storedMovements();
  expect(rounded(ledger.ledger.positions())).toEqual(rounded(recomputePositions(stored).values()));
  expect((await ledger.allMovements()).map((m) => m.id).sort()).toEqual(stored.map((m) => m.id).sort());
}

describe('the persisted stock projection', () => {
  it('resumes from its saved positions and folds only the movements that arrived while it was closed', async () => {
    await db.movements.bulkInsert([1, 2, 3].map((n) => movement(n, 'b-1', 100, `2026-12-0${n}T02:00:00.000Z`)));
    let ledger = await open();
    expect(ledger.openFigures).toEqual({ resumedFrom: 0, foldedAtOpen: 3 });
    await expectProjectionEqualsStore(ledger);

    ledger.close();
    local = null;
    // Sync wrote two more while the window was closed.
    await db.movements.bulkInsert([
      movement(4, 'b-1', -30, '2026-12-04T02:00:00.000Z'),
      movement(5, 'b-2', 50, '2026-12-05T02:00:00.000Z'),
    ]);
    ledger = await open();
    expect(ledger.openFigures).toEqual({ resumedFrom: 3, foldedAtOpen: 2 });
    expect(ledger.ledger.onHand(KITCHEN, 'b-1')).toBe(270);
    await expectProjectionEqualsStore(ledger);

    ledger = await open();
    expect(ledger.openFigures).toEqual({ resumedFrom: 5, foldedAtOpen: 0 });
    await expectProjectionEqualsStore(ledger);
  });

  it('counts a movement once when a rewrite (a local migration, a re-pull) gives every record a newer write time', async () => {
    await db.movements.bulkInsert([1, 2].map((n) => movement(n, 'b-1', 100, `2026-12-0${n}T02:00:00.000Z`)));
    await open();
    local?.close();
    local = null;
    const rewritten = (await storedMovements()).map((m) => ({ ...m }));
    await db.movements.bulkUpsert(rewritten);
    const ledger = await open();
    expect(ledger.openFigures.foldedAtOpen).toBe(0);
    expect(ledger.ledger.onHand(KITCHEN, 'b-1')).toBe(200);
  });

  it('rebuilds from the store when the store was replaced under it (site data cleared, synced again)', async () => {
    await db.movements.bulkInsert([1, 2].map((n) => movement(n, 'b-1', 100, `2026-12-0${n}T02:00:00.000Z`)));
    await open();
    local?.close();
    local = null;
    await db.movements.find().remove(); // what a cleared store looks like to this check: the checkpoint's record is gone
    await db.movements.insert(movement(7, 'b-1', 40, '2026-12-07T02:00:00.000Z'));
    const ledger = await open();
    expect(ledger.ledger.onHand(KITCHEN, 'b-1')).toBe(40);
    expect(ledger.openFigures).toEqual({ resumedFrom: 0, foldedAtOpen: 1 });
  });

  it('reads a range, a document and a count’s on-hand-at from the indexed history', async () => {
    const receipt = doc<GoodsReceiptDoc>({
      type: 'goods-receipt',
      siteId: KITCHEN,
      partnerId: 'sup-1',
      lines: [{ productId: 'flour', qty: 1000, batchId: 'b-count', lotCode: 'F1', unitCost: 0.01 }],
    });
    let ledger = await open();
    const posted = await postLocally(db, ledger, receipt);
    ledger = await open(); // the count runs on a restarted terminal: nothing of the receipt is in memory but positions
    expect(await ledger.movementsOfDocuments([posted.document.id])).toHaveLength(1);
    const countedAt = new Date(Date.parse(posted.movements[0]!.at) + 60_000).toISOString();
    await db.movements.insert({ ...movement(9, 'b-count', -100, new Date(Date.parse(countedAt) + 60_000).toISOString()) });
    await ledger.settled();
    expect(ledger.ledger.onHand(KITCHEN, 'b-count')).toBe(900);
    const count = doc<StockCountDoc>({
      type: 'stock-count',
      siteId: KITCHEN,
      lines: [{ productId: 'flour', batchId: 'b-count', qty: 990, countedAt }],
    });
    const result = await postLocally(db, ledger, count);
    // Expected at the counting instant was 1000 (the sale came after): variance −10, not +90.
    expect(result.movements.map((m) => m.qty)).toEqual([-10]);
    expect((await ledger.movementsBetween(countedAt)).map((m) => m.id)).toContain('m-9');
  });

  it('equals the definition over the store after any interleaving of sync, rewrites and restarts (property)', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('sync' as const), n: fc.integer({ min: 1, max: 40 }), qty: fc.integer({ min: -50, max: 80 }) }),
      fc.record({ kind: fc.constant('rewrite' as const) }),
      fc.record({ kind: fc.constant('restart' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        await db.movements.find().remove();
        await db.close();
        db = await createLarderDatabase({ name: `pq${randomUUID().replace(/-/g, '').slice(0, 16)}`, storage: getRxStorageMemory() });
        let ledger = await open();
        for (const step of ops) {
          if (step.kind === 'sync') {
            // The same id arrives again with the same content: stored once, counted once.
            const m = movement(step.n, `b-${step.n % 4}`, step.qty, `2026-11-${String(1 + (step.n % 28)).padStart(2, '0')}T03:00:00.000Z`);
            const existing = await db.movements.findOne(m.id).exec();
            if (!existing) await db.movements.insert(m);
          } else if (step.kind === 'rewrite') {
            await db.movements.bulkUpsert((await storedMovements()).map((m) => ({ ...m })));
          } else ledger = await open();
        }
        await expectProjectionEqualsStore(ledger);
        ledger = await open();
        await expectProjectionEqualsStore(ledger);
      }),
      { numRuns: 25 },
    );
  });
});
