// Before the local store migrates documents to wire v1 (note tags → link fields), the v0 store is
// read once for what the upgrade must resolve: a v0 dispatch names the store requests it answers
// by number, v1 by id. Reading the old storage directly is what RxDB's own migration does (it
// replicates the old storage instance into the new one); a strategy sees one document at a time.
import { normalizeMangoQuery, prepareQuery, type RxCollection, type RxDocumentData, type RxJsonSchema } from 'rxdb';
import type { LegacyLinkResolver } from '../../shared/schemas/versions';

interface StoredRequest {
  id: string;
  siteId: string;
  number: string;
  type: string;
}

/** Number → id of the store requests in the not-yet-migrated documents store (empty when there is none). */
export async function legacyLinksFromOldStore(collection: RxCollection): Promise<LegacyLinkResolver> {
  const byNumber = new Map<string, string>();
  const meta = await collection.getMigrationState().oldCollectionMeta;
  if (meta) {
    const database = collection.database;
    const schema = meta.data.schema as RxJsonSchema<RxDocumentData<StoredRequest>>;
    const old = await database.storage.createStorageInstance<StoredRequest>({
      databaseName: database.name,
      collectionName: collection.name,
      databaseInstanceToken: database.token,
      multiInstance: database.multiInstance,
      options: {},
      schema,
      devMode: false,
    });
    try {
      const query = prepareQuery(schema, normalizeMangoQuery(schema, { selector: { type: 'store-request' } }));
      const { documents } = await old.query(query);
      for (const doc of documents) {
        byNumber.set(`${doc.siteId}\u0000${doc.number}`, doc.id);
      }
    } finally {
      await old.close();
    }
  }
  return {
    requestIdByNumber: (storeSiteId, number) => byNumber.get(`${storeSiteId}\u0000${number}`),
  };
}
