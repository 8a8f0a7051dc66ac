// A terminal upgraded across a local schema version keeps syncing where it stopped: movements and
// journal are stored at local v1 (their v0 indexes dropped; the wire version stays 0, see
// renderer/db/local-schemas.ts), so a store written by v0 — some of it pushed, some still waiting
// offline — is migrated on open (Dexie over fake-indexeddb, as the app ships), and then pushes
// exactly what was waiting, re-pushes nothing already acknowledged, and pulls what is new.
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { createRxDatabase, type RxCollectionCreator, type RxJsonSchema } from 'rxdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflictHandlerFor } from '../../../renderer/db/conflict-handlers';
import { createLarderDatabase, type LarderDatabase } from '../../../renderer/db/database';
import { startSync, type LarderSync } from '../../../renderer/db/replication';
import { memoryPersistence } from '../../../renderer/db/replication/pending-tracker';
import { createLarderStorage } from '../../../renderer/db/storage';
import { type JournalDoc, type MovementDoc } from '../../../shared/schemas';
import { firstReleaseCollections, releasedV0 } from '../../../shared/schemas/versions';
import { startEndpointProcess, type EndpointProcess } from '../../support/endpoint-process';
import { pullAll } from '../../support/pull';
import { sampleDocs } from '../../unit/schemas/samples';
import { schemaFingerprint } from '../../unit/schemas/schema-lock';
import { movementDoc, waitFor } from './clients';

/** The shipped v0 schemas, rebuilt: the fingerprints are the ones the schema lock recorded for v0. */
const v0 = {
  movements: { ...releasedV0.movements, version: 0, indexes: [['siteId', 'productId'], 'batchId', 'docId'] },
  journal: { ...releasedV0.journal, version: 0, indexes: ['docId'] },
};
const V0_FINGERPRINTS = { movements: '203f2425f1ca202f', journal: 'd5aec5712c4a1566' };

let endpoint: EndpointProcess;
let terminalToken = '';
let otherToken = '';

beforeAll(async () => {
  endpoint = await startEndpointProcess();
  await endpoint.admin('site', 'add', '--id', 'kitchen', '--kind', 'kitchen', '--name', 'kitchen');
  terminalToken = (await endpoint.addTerminal('kitchen', 'upgraded terminal')).token;
  otherToken = (await endpoint.addTerminal('kitchen', 'second kitchen terminal')).token;
}, 60_000);

afterAll(async () => {
  await endpoint?.stop();
});

/** A valid journal entry of the kitchen (the schema tests' sample, made unique). */
const journalEntry = (n: number): JournalDoc => ({
  ...sampleDocs.journal,
  id: `je-kitchen-${n}-${Date.now()}`,
  siteId: 'kitchen',
  docId: `gr-kitchen-${n}`,
});

async function pushAs(token: string, docs: MovementDoc[]): Promise<void> {
  const response = await fetch(`${endpoint.url}/api/v1/sync/movements/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(docs.map((doc) => ({ newDocumentState: { ...doc, _deleted: false } }))),
  });
  expect(response.status).toBe(200);
}

/** Rows the terminal pushed, per collection (a fetch that counts and passes everything on). */
function countingFetch(pushed: Record<string, number>): typeof fetch {
  return async (input, init) => {
    const match = /\/api\/v1\/sync\/([a-z]+)\/push$/.exec(String(input));
    if (match?.[1] && typeof init?.body === 'string')
      pushed[match[1]] = (pushed[match[1]] ?? 0) + (JSON.parse(init.body) as unknown[]).length;
    return fetch(input, init);
  };
}

const syncOptions = (db: LarderDatabase, fetchImpl?: typeof fetch) => ({
  db,
  endpointUrl: endpoint.url,
  token: terminalToken,
  pendingPersistence: memoryPersistence(),
  backoff: { baseMs: 50, capMs: 400, random: Math.random },
  retryTimeMs: 300,
  resyncRetryMs: 200,
  onStatus: () => undefined,
  ...(fetchImpl ? { fetchImpl } : {}),
});

describe('schema migration of a terminal store', () => {
  it(
    'migrates a v0 store on open and resumes sync: pushes only what waited offline, pulls only what is new',
    { timeout: 60_000 },
    async () => {
      expect(schemaFingerprint(v0.movements)).toBe(V0_FINGERPRINTS.movements);
      expect(schemaFingerprint(v0.journal)).toBe(V0_FINGERPRINTS.journal);
      const name = `migrate${Date.now()}`;
      const storage = createLarderStorage({ indexedDB, IDBKeyRange });

      // A terminal on v0: syncs, then keeps writing while offline, then is closed for the upgrade.
      const old = await createRxDatabase({ name, storage, multiInstance: false, eventReduce: true });
      const creators: Record<string, RxCollectionCreator> = Object.fromEntries(
        firstReleaseCollections.map((collection) => [
          collection,
          {
            schema: ((v0 as Record<string, unknown>)[collection] ?? releasedV0[collection]) as unknown as RxJsonSchema<unknown>,
            conflictHandler: conflictHandlerFor(collection),
            localDocuments: collection === 'documents',
          },
        ]),
      );
      await old.addCollections(creators);
      const oldDb = old as unknown as LarderDatabase;
      const fromOther = Array.from({ length: 5 }, (_, n) => movementDoc('kitchen', 100 + n));
      await pushAs(otherToken, fromOther);
      let sync: LarderSync = startSync(syncOptions(oldDb));
      const synced = Array.from({ length: 30 }, (_, n) => movementDoc('kitchen', n));
      await oldDb.movements.bulkInsert(synced);
      await oldDb.journal.bulkInsert([journalEntry(1), journalEntry(2)]);
      await waitFor(
        'v0 writes on the server',
        async () => (await pullAll<MovementDoc>(endpoint.url, terminalToken, 'movements')).length === 35,
      );
      await waitFor("the other terminal's movements pulled on v0", async () => (await oldDb.movements.count().exec()) === 35);
      await sync.awaitInSync();
      await sync.stop();
      const offline = Array.from({ length: 5 }, (_, n) => movementDoc('kitchen', 200 + n));
      await oldDb.movements.bulkInsert(offline);
      await old.close();

      // Meanwhile the other terminal posts more.
      const newer = Array.from({ length: 7 }, (_, n) => movementDoc('kitchen', 300 + n));
      await pushAs(otherToken, newer);

      // The upgraded app opens the same store: migrated on open, every movement kept as it was.
      const progress: { handled: number; total: number }[] = [];
      const db = await createLarderDatabase({ name, storage, onMigration: (p) => progress.push(p) });
      try {
        // What the upgrade banner showed: every stored movement and journal entry (and the sync's
        // record of them, migrated alongside), all handled at the end.
        const last = progress.at(-1);
        expect(last?.total).toBeGreaterThanOrEqual(42);
        expect(last?.handled).toBe(last?.total);
        const kept = new Map((await db.movements.find().exec()).map((doc) => [doc.id, doc.toJSON()]));
        expect(kept.size).toBe(40);
        for (const doc of [...synced, ...fromOther, ...offline]) expect(kept.get(doc.id)).toMatchObject(doc);
        expect(await db.journal.count().exec()).toBe(2);

        const pushed: Record<string, number> = {};
        sync = startSync(syncOptions(db, countingFetch(pushed)));
        await waitFor(
          'offline writes on the server',
          async () => (await pullAll<MovementDoc>(endpoint.url, terminalToken, 'movements')).length === 47,
        );
        await waitFor('newer movements pulled', async () => (await db.movements.count().exec()) === 47);
        await sync.awaitInSync();
        expect(pushed).toEqual({ movements: offline.length });
        await sync.stop();
      } finally {
        await db.close();
      }
    },
  );

  it(
    'turns the note tags of a v0 store into link fields on open, resolving request numbers from the old store',
    { timeout: 30_000 },
    async () => {
      const name = `links${Date.now()}`;
      const storage = createLarderStorage({ indexedDB, IDBKeyRange });
      const old = await createRxDatabase({ name, storage, multiInstance: false });
      await old.addCollections({ documents: { schema: releasedV0.documents as unknown as RxJsonSchema<unknown> } });
      const at = '2026-12-01T02:00:00.000Z';
      const header = { status: 'submitted', businessDate: '2026-12-01', at, terminalId: 't', updatedAt: at, lines: [] };
      await (old as unknown as LarderDatabase).documents.bulkInsert([
        {
          ...header,
          id: 'req-a',
          type: 'store-request',
          siteId: 'store-a',
          toSiteId: 'kitchen',
          number: 'YH-1',
          note: '到货日期 2026-12-02\n早上送',
        },
        { ...header, id: 'req-b', type: 'store-request', siteId: 'store-b', toSiteId: 'kitchen', number: 'YH-1' },
        {
          ...header,
          id: 'ps-1',
          type: 'dispatch',
          siteId: 'kitchen',
          toSiteId: 'store-a',
          number: 'PS-1',
          status: 'draft',
          note: '要货单 YH-1',
        },
        {
          ...header,
          id: 'po-1',
          type: 'purchase-order',
          siteId: 'kitchen',
          number: 'CG-1',
          partnerId: 's',
          note: 'expected:2026-12-05 call first',
        },
        {
          ...header,
          id: 'gr-1',
          type: 'goods-receipt',
          siteId: 'kitchen',
          number: 'RK-1',
          partnerId: 's',
          status: 'posted',
          note: 'po:po-1',
        },
      ] as never);
      await old.close();

      const db = await createLarderDatabase({ name, storage });
      try {
        const doc = async (id: string) => (await db.documents.findOne(id).exec())?.toJSON() as Record<string, unknown>;
        // Store a's YH-1, not store b's: a number is unique only within its store.
        expect(await doc('ps-1')).toMatchObject({ requestIds: ['req-a'] });
        expect(await doc('ps-1')).not.toHaveProperty('note');
        expect(await doc('req-a')).toMatchObject({ deliveryDate: '2026-12-02', note: '早上送' });
        expect(await doc('po-1')).toMatchObject({ expectedDate: '2026-12-05', note: 'call first' });
        expect(await doc('gr-1')).toMatchObject({ purchaseOrderId: 'po-1' });
      } finally {
        await db.close();
      }
    },
  );
});
