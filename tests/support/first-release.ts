// A terminal of the first release, as tests run it beside current ones: its store at the released
// v0 schemas, its sync speaking data version 0 (SYNC-PROTOCOL.md, Schema evolution). Reopening the
// same store with createLarderDatabase is that terminal's in-place upgrade (the local migration runs).
import { createRxDatabase, type RxCollectionCreator, type RxJsonSchema, type RxStorage } from 'rxdb';
import { conflictHandlerFor } from '../../renderer/db/conflict-handlers';
import type { LarderDatabase } from '../../renderer/db/database';
import { collectionNames, type CollectionName } from '../../shared/schemas';
import { firstReleaseCollections, releasedV0 } from '../../shared/schemas/versions';

/** The data version of every collection on the first release. */
export const firstReleaseVersions = Object.fromEntries(collectionNames.map((name) => [name, 0])) as Readonly<
  Record<CollectionName, number>
>;

/** The first release's store: its schemas were the released v0 ones. */
export async function openFirstReleaseDatabase(name: string, storage: RxStorage<unknown, unknown>): Promise<LarderDatabase> {
  const opened = await createRxDatabase({ name, storage, multiInstance: false, eventReduce: true });
  const creators: Record<string, RxCollectionCreator> = Object.fromEntries(
    firstReleaseCollections.map((collection) => [
      collection,
      {
        schema: releasedV0[collection] as unknown as RxJsonSchema<unknown>,
        conflictHandler: conflictHandlerFor(collection),
        localDocuments: collection === 'documents',
      },
    ]),
  );
  await opened.addCollections(creators);
  return opened as unknown as LarderDatabase;
}
