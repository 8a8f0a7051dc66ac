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
  type ProductDoc,
  type SiteDoc,
} from '../../shared/schemas';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { conflictHandlerFor } from './conflict-handlers';
import { localSchemas } from './local-schemas';
import { assertMigrationsComplete, migrationStrategiesByCollection } from './migrations';
import { keepWriteClockPast, latestWriteTime } from './write-clock';

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
}

export type LarderCollections = { [K in CollectionName]: RxCollection<LarderDocTypes[K]> };
export type LarderDatabase = RxDatabase<LarderCollections>;

export async function createLarderDatabase(options: { name: string; storage: RxStorage<unknown, unknown> }): Promise<LarderDatabase> {
  assertMigrationsComplete();
  // Never dev-mode here: in the shipped app it loads a tracking iframe. Tests validate instead.
  const db = await createRxDatabase<LarderCollections>({
    name: options.name,
    storage: options.storage,
    multiInstance: false, // one window per terminal profile
    eventReduce: true,
    closeDuplicates: true,
  });
  const creators: Record<string, RxCollectionCreator> = Object.fromEntries(
    collectionNames.map((name) => [
      name,
      {
        schema: localSchemas[name],
        migrationStrategies: migrationStrategiesByCollection[name],
        conflictHandler: conflictHandlerFor(name),
        localDocuments: name === 'documents', // posting intents (renderer/db/posting.ts)
      },
    ]),
  );
  await db.addCollections(creators);
  keepWriteClockPast(await latestWriteTime(db)); // before any write: see write-clock.ts
  return db;
}
