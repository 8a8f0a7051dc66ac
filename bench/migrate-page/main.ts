// The migration bench's page (bench/migrate.ts): a store written by the v0 app (movements and
// journal with their v0 indexes) on the Dexie storage the app ships, in real Chromium, then
// opened by the current app code, which migrates it on open as an upgraded terminal does.
import { createRxDatabase, type RxCollectionCreator, type RxJsonSchema } from 'rxdb';
import { conflictHandlerFor } from '../../renderer/db/conflict-handlers';
import { createLarderDatabase, type MigrationProgress } from '../../renderer/db/database';
import { createLarderStorage } from '../../renderer/db/storage';
import { collectionNames, collectionSchemas, type MovementDoc } from '../../shared/schemas';

/** The shipped v0 layouts (tests/integration/sync/schema-migration.test.ts checks their fingerprints). */
const v0: Record<string, unknown> = {
  movements: { ...collectionSchemas.movements, version: 0, indexes: [['siteId', 'productId'], 'batchId', 'docId'] },
  journal: { ...collectionSchemas.journal, version: 0, indexes: ['docId'] },
};

function movement(n: number): MovementDoc {
  const at = new Date(Date.UTC(2026, 10, 1, 8, 0, 0) + n * 1000).toISOString();
  return {
    id: `mv-bench-${n}`,
    siteId: 'bench-store',
    productId: `p-${n % 500}`,
    batchId: `b-${n % 2000}`,
    qty: 1 + (n % 7),
    kind: 'receipt',
    unitCost: 4.5,
    docType: 'goods-receipt',
    docId: `gr-bench-${Math.floor(n / 20)}`,
    lineNo: n % 20,
    at,
    terminalId: 't-bench',
    updatedAt: at,
  };
}

const chunk = 5_000;

async function insertMovements(db: { movements: { bulkInsert(docs: MovementDoc[]): Promise<unknown> } }, n: number): Promise<void> {
  for (let start = 0; start < n; start += chunk) {
    await db.movements.bulkInsert(Array.from({ length: Math.min(chunk, n - start) }, (_, i) => movement(start + i)));
  }
}

const bench = {
  /** A v0 store holding `n` movements, closed as the old app leaves it. */
  async seedV0(name: string, n: number): Promise<true> {
    const old = await createRxDatabase({ name, storage: createLarderStorage(), multiInstance: false, eventReduce: true });
    const creators: Record<string, RxCollectionCreator> = Object.fromEntries(
      collectionNames.map((collection) => [
        collection,
        {
          schema: (v0[collection] ?? collectionSchemas[collection]) as RxJsonSchema<unknown>,
          conflictHandler: conflictHandlerFor(collection),
          localDocuments: collection === 'documents',
        },
      ]),
    );
    await old.addCollections(creators);
    await insertMovements(old as unknown as { movements: { bulkInsert(docs: MovementDoc[]): Promise<unknown> } }, n);
    await old.close();
    return true;
  },
  /** Opens the store with the current app code: milliseconds until usable, and what the banner showed. */
  async openUpgraded(name: string): Promise<{ ms: number; updates: number; last: MigrationProgress | null; movements: number }> {
    let updates = 0;
    let last: MigrationProgress | null = null;
    const t0 = performance.now();
    const db = await createLarderDatabase({
      name,
      storage: createLarderStorage(),
      onMigration: (progress) => {
        updates++;
        last = progress;
      },
    });
    const ms = performance.now() - t0;
    const movements = await db.movements.count().exec();
    await db.close();
    return { ms, updates, last, movements };
  },
  /** Baseline: writing the same movements into a fresh current store (what a first sync writes). */
  async freshInsert(name: string, n: number): Promise<number> {
    const db = await createLarderDatabase({ name, storage: createLarderStorage() });
    const t0 = performance.now();
    await insertMovements(db, n);
    const ms = performance.now() - t0;
    await db.close();
    return ms;
  },
};

(globalThis as unknown as { bench: typeof bench }).bench = bench;
