import { addRxPlugin, createRxDatabase, type RxCollection, type RxCollectionCreator, type RxDatabase, type RxStorage } from 'rxdb';
import {
  collectionNames,
  type BatchDoc,
  type CollectionName,
  type ConfigDoc,
  type DocumentDoc,
  type EventDoc,
  type JournalDoc,
  type MovementDoc,
  type PartnerDoc,
  type PersonDoc,
  type ProductDoc,
  type SiteDoc,
} from '../../shared/schemas';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { conflictHandlerFor } from './conflict-handlers';
import { localSchemas } from './local-schemas';
import { legacyLinksFromOldStore } from './legacy-links';
import { assertMigrationsComplete, DeferredLinkResolver, migrationStrategies } from './migrations';
import { keepWriteClockPast, latestWriteTime } from './write-clock';
import { guardWriteScope } from './write-guard';
import type { Writer } from '../../shared/schemas/write-scope';

addRxPlugin(RxDBLocalDocumentsPlugin); // posting intents (renderer/db/posting.ts)
addRxPlugin(RxDBMigrationSchemaPlugin); // a store opened by an older version is migrated on open

export interface LarderDocTypes {
  sites: SiteDoc;
  products: ProductDoc;
  partners: PartnerDoc;
  batches: BatchDoc;
  movements: MovementDoc;
  documents: DocumentDoc;
  journal: JournalDoc;
  events: EventDoc;
  config: ConfigDoc;
  people: PersonDoc;
}

export type LarderCollections = { [K in CollectionName]: RxCollection<LarderDocTypes[K]> };
export type LarderDatabase = RxDatabase<LarderCollections>;

/**
 * The collections this store holds: all of them, except in a store an earlier release laid out
 * (tests open the first release's, which had no `people`), which syncs what it has.
 */
export function collectionsOf(db: LarderDatabase): CollectionName[] {
  return collectionNames.filter((name) => name in db.collections);
}

/** Documents re-laid so far while an upgraded app migrates the local store on open. */
export interface MigrationProgress {
  handled: number;
  total: number;
}

export interface OpenDatabaseOptions {
  name: string;
  storage: RxStorage<unknown, unknown>;
  /** Called while collections stored by an older version are migrated (once per upgrade). */
  onMigration?: (progress: MigrationProgress) => void;
  /** This terminal's site: local writes it may not make are refused (write-guard.ts). */
  writer?: Writer;
}

export async function createLarderDatabase(options: OpenDatabaseOptions): Promise<LarderDatabase> {
  assertMigrationsComplete();
  // Never dev-mode here: in the shipped app it loads a tracking iframe. Tests validate instead.
  const db = await createRxDatabase<LarderCollections>({
    name: options.name,
    storage: options.storage,
    multiInstance: false, // one window per terminal profile
    eventReduce: true,
    closeDuplicates: true,
  });
  const links = new DeferredLinkResolver();
  const strategies = migrationStrategies(links);
  const creators: Record<string, RxCollectionCreator> = Object.fromEntries(
    collectionNames.map((name) => [
      name,
      {
        schema: localSchemas[name],
        migrationStrategies: strategies[name],
        // Migrated below, with progress, before anything reads or writes.
        autoMigrate: false,
        conflictHandler: conflictHandlerFor(name),
        localDocuments: name === 'documents', // posting intents (renderer/db/posting.ts)
      },
    ]),
  );
  await db.addCollections(creators);
  // v0 dispatches name store requests by number: read them from the old store before migrating.
  if (await db.documents.migrationNeeded()) links.use(await legacyLinksFromOldStore(db.documents as unknown as RxCollection));
  await migrateWithProgress(db, options.onMigration);
  if (options.writer) guardWriteScope(db, options.writer);
  keepWriteClockPast(await latestWriteTime(db)); // before any write: see write-clock.ts
  return db;
}

const migrationBatchSize = 2_000;

/** Runs pending migrations one collection after another, reporting documents handled of all. */
async function migrateWithProgress(db: LarderDatabase, onMigration: OpenDatabaseOptions['onMigration']): Promise<void> {
  const pending: RxCollection<unknown>[] = [];
  for (const name of collectionNames) {
    const collection = db[name] as unknown as RxCollection<unknown>;
    if (await collection.migrationNeeded()) pending.push(collection);
  }
  if (pending.length === 0) return;
  const counts = new Map<string, MigrationProgress>();
  const report = () => {
    let handled = 0;
    let total = 0;
    for (const c of counts.values()) {
      handled += c.handled;
      total += c.total;
    }
    onMigration?.({ handled, total });
  };
  for (const collection of pending) {
    const subscription = collection.getMigrationState().$.subscribe((status) => {
      counts.set(collection.name, { handled: status.count.handled, total: status.count.total });
      report();
    });
    try {
      // RxDB's default batch (200 documents) took 139 s for 20,000 movements in Chromium on disk
      // (each batch is a few durable IndexedDB transactions plus a status write); 2,000 took 9 s
      // and still moves the banner every 2,000 records (bench/migrate.ts).
      await collection.migratePromise(migrationBatchSize);
    } finally {
      subscription.unsubscribe();
    }
  }
}
