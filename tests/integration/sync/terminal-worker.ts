// One terminal per worker thread: RxDB's open-core build allows 13 open collections per JS realm
// and a terminal has 9, so each simulated terminal gets its own realm. The worker runs the app's
// real database and sync code and answers the test's commands.
import { parentPort, workerData } from 'node:worker_threads';
import type { RxCollection, RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { createLarderDatabase } from '../../../renderer/db/database';
import { startSync, type LarderSync, type SyncStatusPatch } from '../../../renderer/db/replication';
import { memoryPersistence } from '../../../renderer/db/replication/pending-tracker';
import { createLarderStorage } from '../../../renderer/db/storage';
import type { CollectionName } from '../../../shared/schemas';
import { firstReleaseVersions, openFirstReleaseDatabase } from '../../support/first-release';

export interface TerminalWorkerData {
  endpointUrl: string;
  token: string;
  storage: 'memory' | 'dexie';
  name: string;
  /**
   * `v0`: a terminal of the first release — its store at the released v0 schemas, speaking data
   * version 0 — beside current ones (SYNC-PROTOCOL.md, Schema evolution). Default: the current app.
   */
  release?: 'v0' | 'current';
}

export type TerminalCommand =
  | { op: 'insert'; collection: CollectionName; docs: unknown[] }
  /** Straight into storage with RxDB's bookkeeping as given (to stage what a crash leaves behind). */
  | { op: 'writeStored'; collection: CollectionName; docs: unknown[]; context: string }
  | { op: 'patch'; collection: CollectionName; id: string; patch: Record<string, unknown> }
  | { op: 'count'; collection: CollectionName }
  | { op: 'ids'; collection: CollectionName }
  | { op: 'get'; collection: CollectionName; id: string }
  /** The stored revision of a document (it changes only when the document is written). */
  | { op: 'revision'; collection: CollectionName; id: string }
  /** Every document of a collection, without RxDB's own fields. */
  | { op: 'all'; collection: CollectionName }
  | { op: 'status' }
  | { op: 'raisedResyncs'; collection: CollectionName }
  | { op: 'dropStream' }
  | { op: 'stopSync' }
  | { op: 'startSync' }
  | { op: 'awaitInSync' }
  /**
   * The rolling upgrade of a v0 terminal: sync stopped, the store closed and reopened by the
   * current app (its local migration runs); `startSync` then speaks the current versions.
   */
  | { op: 'upgrade' }
  | { op: 'close' };

const data = workerData as TerminalWorkerData;
const storage: RxStorage<unknown, unknown> =
  data.storage === 'dexie' ? createLarderStorage({ indexedDB, IDBKeyRange }) : getRxStorageMemory();
let firstRelease = data.release === 'v0';
let db = firstRelease ? await openFirstReleaseDatabase(data.name, storage) : await createLarderDatabase({ name: data.name, storage });
const persistence = memoryPersistence();
const status: SyncStatusPatch = {};
const begin = () =>
  startSync({
    db,
    endpointUrl: data.endpointUrl,
    token: data.token,
    pendingPersistence: persistence,
    backoff: { baseMs: 50, capMs: 400, random: Math.random },
    retryTimeMs: 300,
    resyncRetryMs: 200,
    onStatus: (patch) => Object.assign(status, patch),
    ...(firstRelease ? { schemaVersions: firstReleaseVersions } : {}),
  });
let sync: LarderSync | null = begin();
const collection = (name: CollectionName) => db[name] as unknown as RxCollection<Record<string, unknown>>;

async function run(command: TerminalCommand): Promise<unknown> {
  switch (command.op) {
    case 'insert': {
      const result = await collection(command.collection).bulkInsert(command.docs as Record<string, unknown>[]);
      if (result.error.length) throw new Error(`insert refused: ${JSON.stringify(result.error[0])}`);
      return result.success.length;
    }
    case 'writeStored': {
      const result = await collection(command.collection).storageInstance.bulkWrite(
        command.docs.map((document) => ({ document: document as never })),
        command.context,
      );
      if (result.error.length) throw new Error(`stored write refused: ${JSON.stringify(result.error[0])}`);
      return true;
    }
    case 'patch': {
      const doc = await collection(command.collection).findOne(command.id).exec();
      if (!doc) throw new Error(`no ${command.collection}/${command.id}`);
      await doc.incrementalPatch(command.patch);
      return true;
    }
    case 'count':
      return collection(command.collection).count().exec();
    case 'ids':
      return (await collection(command.collection).find().exec()).map((d) => d.primary);
    case 'get':
      return (await collection(command.collection).findOne(command.id).exec())?.toJSON() ?? null;
    case 'revision':
      return (await collection(command.collection).findOne(command.id).exec())?.revision ?? null;
    case 'all':
      return (await collection(command.collection).find().exec()).map((doc) =>
        Object.fromEntries(Object.entries(doc.toJSON() as Record<string, unknown>).filter(([key]) => !key.startsWith('_'))),
      );
    case 'status':
      return { ...status };
    case 'raisedResyncs':
      return sync?.gates[command.collection].raisedForConnection ?? 0;
    case 'dropStream':
      return sync?.dropStream();
    case 'stopSync':
      await sync?.stop();
      sync = null;
      return true;
    case 'startSync':
      sync ??= begin();
      return true;
    case 'awaitInSync':
      return sync?.awaitInSync();
    case 'upgrade':
      await sync?.stop();
      sync = null;
      await db.close();
      db = await createLarderDatabase({ name: data.name, storage });
      firstRelease = false;
      return true;
    case 'close':
      await sync?.stop();
      await db.close();
      return true;
  }
}

parentPort?.on('message', (message: { id: number; command: TerminalCommand }) => {
  run(message.command).then(
    (value) => parentPort?.postMessage({ id: message.id, ok: true, value }),
    (error: unknown) =>
      parentPort?.postMessage({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
parentPort?.postMessage({ ready: true });
