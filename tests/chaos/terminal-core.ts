// What a chaos terminal does, shared by the worker-thread terminal and the Chromium page terminal:
// the app's real database and sync client, an incremental ledger projection fed by every
// movement as it lands locally (the "kept incrementally" side of invariant 1), and the commands.
import type { RxCollection } from 'rxdb';
import { Ledger } from '../../shared/domain';
import type { CollectionName, MovementDoc } from '../../shared/schemas';
import type { LarderDatabase } from '../../renderer/db/database';
import { startSync, type LarderSync } from '../../renderer/db/replication';
import type { PendingPersistence } from '../../renderer/db/replication/pending-tracker';
import { realNow } from './clock';
import { canonical, type ChaosCommand, type ChaosStatus, type DumpChanges } from './terminal-protocol';

export interface TerminalCoreOptions {
  db: LarderDatabase;
  endpointUrl: string;
  token: string;
  persistence: PendingPersistence;
  /** Start syncing at once (a restarted page may be written to first, as a user could). */
  syncAtStart: boolean;
  /** The data versions this terminal speaks (a first-release terminal: 0); the current ones when omitted. */
  schemaVersions?: Readonly<Record<CollectionName, number>>;
}

export function createTerminalCore(options: TerminalCoreOptions): { run(command: ChaosCommand): Promise<unknown> } {
  const { db } = options;
  const status: ChaosStatus = { pendingUploads: 0, connectivity: 'offline', error: null, syncing: false, refused: 0 };
  const begin = (): LarderSync => {
    status.syncing = true;
    return startSync({
      db,
      endpointUrl: options.endpointUrl,
      token: options.token,
      pendingPersistence: options.persistence,
      // Short backoff so a healed network is noticed within a second; the shape is the app's.
      backoff: { baseMs: 50, capMs: 800, random: Math.random },
      retryTimeMs: 300,
      resyncRetryMs: 200,
      ...(options.schemaVersions ? { schemaVersions: options.schemaVersions } : {}),
      onStatus: (patch) => {
        if (patch.pendingUploads !== undefined) status.pendingUploads = patch.pendingUploads;
        if (patch.connectivity !== undefined) status.connectivity = patch.connectivity;
        if (patch.error !== undefined) status.error = patch.error;
        if (patch.refused !== undefined) {
          status.refused = patch.refused.length;
          const first = patch.refused[0];
          status.firstRefused = first ? `${first.collection}/${first.id} ${first.status}: ${first.reason}` : undefined;
        }
      },
    });
  };
  let sync: LarderSync | null = options.syncAtStart ? begin() : null;
  const collection = (name: CollectionName) => db[name] as unknown as RxCollection<Record<string, unknown>>;

  // Every movement that lands (local write or pulled) goes through the projection once.
  const ledger = new Ledger();
  const feed = (doc: unknown) => void ledger.apply(doc as MovementDoc);
  void collection('movements')
    .find()
    .exec()
    .then((docs) => docs.forEach((d) => feed(d.toJSON())));
  collection('movements').$.subscribe((event) => {
    if (event.operation === 'INSERT') feed(event.documentData);
  });

  // Ids written since the last `dumpChanges`, from the collections' own change events (local
  // writes and pulled ones alike). The first answer of this process is a full dump.
  const changed = new Map<CollectionName, Set<string>>();
  let answeredOnce = false;
  const track = (name: CollectionName) => {
    if (changed.has(name)) return;
    changed.set(name, new Set());
    collection(name).$.subscribe((event) => changed.get(name)?.add(event.documentId));
  };
  const dumpChanges = async (names: CollectionName[]): Promise<DumpChanges> => {
    names.forEach(track);
    const full = !answeredOnce;
    answeredOnce = true;
    const changes: DumpChanges['changes'] = {};
    for (const name of names) {
      // Cleared before reading: a write landing during the read is reported again next time.
      const ids = [...(changed.get(name) ?? [])];
      changed.get(name)?.clear();
      if (full) {
        changes[name] = (await collection(name).find().exec()).map((d) => [d.primary, canonical(d.toJSON())]);
        continue;
      }
      const found = await collection(name).findByIds(ids).exec();
      changes[name] = ids.map((id) => {
        const doc = found.get(id);
        return [id, doc ? canonical(doc.toJSON()) : null];
      });
    }
    return { full, changes };
  };

  const run = async (command: ChaosCommand): Promise<unknown> => {
    switch (command.op) {
      case 'insert': {
        const result = await collection(command.collection).bulkInsert(command.docs as Record<string, unknown>[]);
        // 409 = already stored (a posting retried after a restart): idempotent by id, not an error.
        const refused = result.error.filter((e) => e.status !== 409);
        if (refused.length) throw new Error(`insert refused: ${JSON.stringify(refused[0]).slice(0, 400)}`);
        return result.success.length;
      }
      case 'patch': {
        const doc = await collection(command.collection).findOne(command.id).exec();
        if (!doc) return false;
        await doc.incrementalPatch(command.patch);
        return true;
      }
      case 'get': {
        const doc = await collection(command.collection).findOne(command.id).exec();
        return doc ? canonical(doc.toJSON()) : null;
      }
      case 'dumpChanges':
        return dumpChanges(command.collections);
      case 'counts':
        return Promise.all(command.collections.map((name) => collection(name).count().exec()));
      case 'positions':
        return ledger.positions();
      case 'status':
        return { ...status };
      case 'skewClock':
        // RxDB stamps local writes with Date.now (`_meta.lwt`); a skewed clock must not reorder sync.
        Date.now = () => realNow() + command.ms;
        return true;
      case 'stopSync':
        await sync?.stop();
        sync = null;
        status.syncing = false;
        return true;
      case 'startSync':
        sync ??= begin();
        return true;
      case 'upgrade':
        throw new Error('an upgrade reopens the store: the terminal host answers it, not the core');
      case 'close':
        await sync?.stop();
        await db.close();
        return true;
    }
  };
  return { run };
}
